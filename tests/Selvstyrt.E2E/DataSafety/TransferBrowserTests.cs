using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.E2E.DataSafety;

/// <summary>
/// Issue 22, item 4, in the browser by keyboard at 360 px, on a host of its own (the arrangement is taken in again, which
/// would change the shared demo): the administrator follows «Flytt ordningen til en annen leverandør» from the 24/7
/// arrangement and downloads the bundle, then under «Organisasjon» follows «Ta over en ordning fra en annen leverandør», is
/// told which field is missing when sending without a file, chooses the file (made larger than the 10 MB the server holds
/// other requests to, as years of readable PDFs make it), the office and the first day, takes it in,
/// and opens the arrangement that came. axe and the 360 px check on every page.
/// </summary>
public sealed class TransferBrowserTests(Browser browser)
{
    private static readonly Guid Even = DemoIds.For("arrangement:10");

    [Fact]
    public async Task Administrator_DownloadsTheBundle_AndTakesItIn_ByKeyboard_At360()
    {
        await using var factory = OwnHost.Start();
        var baseUrl = OwnHost.BaseUrl(factory);
        var page = await browser.NewPageAsync(360, 740, baseUrl);
        await Browser.SignInAsync(page, DemoLogins.ProviderAdmin);

        await page.GotoAsync($"/ordninger/{Even}");
        await Keys.TabToLinkAsync(page, "Flytt ordningen til en annen leverandør", limit: 100);
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Flytt ordningen til en annen leverandør", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(page, "flytt ordningen");
        await Browser.ScreenshotAsync(page, "flytt-ordningen-360");
        await Keys.TabToLinkAsync(page, "Last ned ordningspakken (.zip)");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        download.SuggestedFilename.ShouldStartWith("ordningspakke-ordningen-til-even-");
        var file = Path.Combine(Path.GetTempPath(), $"selvstyrt-{Guid.NewGuid():N}.zip");
        await download.SaveAsAsync(file);
        // Years of readable PDFs make a real bundle large: 11 MB more than this one, over the 10 MB the server holds every
        // other request to (the importer never reads lesbar/).
        using (var zip = System.IO.Compression.ZipFile.Open(file, System.IO.Compression.ZipArchiveMode.Update))
        {
            using var padding = zip.CreateEntry("lesbar/fyll.bin", System.IO.Compression.CompressionLevel.NoCompression).Open();
            padding.Write(System.Security.Cryptography.RandomNumberGenerator.GetBytes(11 * 1024 * 1024));
        }
        new FileInfo(file).Length.ShouldBeGreaterThan(10 * 1024 * 1024);
        try
        {
            await page.GotoAsync("/organisasjon");
            await Keys.TabToLinkAsync(page, "Ta over en ordning fra en annen leverandør", limit: 100);
            await page.Keyboard.PressAsync("Enter");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Ta over en ordning fra en annen leverandør", Level = 1 }).WaitForAsync();
            (await page.Locator("main").InnerTextAsync()).ShouldContain("Dere har ikke tatt over noen ordninger ennå.");
            await Browser.AssertFitsAsync(page, "ta over en ordning");

            // Without a file: the summary names the field, and the link there moves focus to it.
            await Keys.TypeDateAsync(page, "overta-dato", new DateOnly(2027, 1, 1), limit: 100);
            await Keys.PressAsync(page, "Ta inn ordningen");
            await page.GetByText("Velg pakkefilen (.zip) du har fått fra den forrige leverandøren.").First.WaitForAsync();
            await Browser.AssertFitsAsync(page, "ta over en ordning, uten fil");

            await Keys.TabToAsync(page, "pakkefil", limit: 100);
            await page.Locator("#pakkefil").SetInputFilesAsync(file);
            await Keys.ChooseAsync(page, "overta-kontor", DemoIds.For("office:ost").ToString());
            await Keys.TypeDateAsync(page, "overta-dato", new DateOnly(2027, 1, 1), limit: 100);
            await Keys.PressAsync(page, "Ta inn ordningen");
            await page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "«Ordningen til Even» er tatt inn med" }).WaitForAsync();
            (await page.Locator("main").InnerTextAsync()).ShouldContain("Demo Assistanse AS");
            await Browser.AssertFitsAsync(page, "ta over en ordning, tatt inn");
            await Browser.ScreenshotAsync(page, "ta-over-ordning-360");

            await Keys.TabToLinkAsync(page, "Åpne «Ordningen til Even»", limit: 100);
            await page.Keyboard.PressAsync("Enter");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Ordningen til Even", Level = 1 }).WaitForAsync();
            page.Url.ShouldNotContain(Even.ToString(), customMessage: "the arrangement taken in is a new record");
            await Browser.AssertFitsAsync(page, "ordningen som kom");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
