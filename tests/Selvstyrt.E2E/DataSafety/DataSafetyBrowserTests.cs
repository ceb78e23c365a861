using Microsoft.Playwright;
using Selvstyrt.Data.Demo;
using Shouldly;
using Xunit;

namespace Selvstyrt.E2E.DataSafety;

/// <summary>
/// Issue 22 in the browser, by keyboard on a 360 px phone: the provider's administrator opens the 24/7 arrangement, follows
/// «Innsynslogg» to the access log (the chain checked, the reads listed), then goes to «Organisasjon» and follows «Oppbevaring
/// og sletting» to the retention rules and their runs, and downloads her own data from «Min konto». Before that she registers
/// the former assistant's erasure request from the assistant's page (the preview of what goes and what stays, the form by
/// keyboard), which the retention page then lists by initials. axe and the 360 px check on every page.
/// </summary>
public sealed class DataSafetyBrowserTests(Browser browser)
{
    private static readonly Guid Even = DemoIds.For("arrangement:10");
    private static readonly Guid Former = DemoIds.For("assistant:former");

    [Fact]
    public async Task TheAccessLog_TheRetentionRules_AndMyData_ByKeyboard_At360()
    {
        var page = await browser.NewPageAsync(360, 740);
        await Browser.SignInAsync(page, DemoLogins.ProviderAdmin);

        await page.GotoAsync($"/ordninger/{Even}");
        await Keys.TabToLinkAsync(page, "Innsynslogg: hvem har sett opplysningene", limit: 80);
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Innsynslogg for Ordningen til Even", Level = 1 }).WaitForAsync();
        var log = await page.Locator("main").InnerTextAsync();
        log.ShouldContain("oppslag er med, i rekkefølge og uendret");
        log.ShouldContain("Mona Sandvik (deg)", customMessage: "the overview just read is the newest row");
        await Browser.AssertFitsAsync(page, "innsynsloggen");

        // The former assistant asked by letter to be erased.
        await page.GotoAsync($"/assistenter/{Former}");
        await Keys.TabToLinkAsync(page, "Sletteforespørsel: slett opplysningene om assistenten", limit: 80);
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Sletteforespørsel for Frida Lervik", Level = 1 }).WaitForAsync();
        var preview = await page.Locator("main").InnerTextAsync();
        preview.ShouldContain("Dette beholdes med begrenset behandling");
        preview.ShouldContain("Arbeidsmiljøloven § 10-7");
        await Browser.AssertFitsAsync(page, "sletteforespørselen");
        await Keys.TabToAsync(page, "sletting-merknad", limit: 120);
        await page.Keyboard.TypeAsync("Kom per brev");
        await Keys.TabToButtonAsync(page, "Registrer sletteforespørselen");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Registrert, slettes i nattens kjøring", Level = 2 }).WaitForAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Kom per brev");
        await Browser.AssertFitsAsync(page, "sletteforespørselen registrert");

        await page.GotoAsync("/organisasjon");
        await Keys.TabToLinkAsync(page, "Oppbevaring og sletting: hva som slettes, når og hvorfor", limit: 80);
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Oppbevaring og sletting", Level = 1 }).WaitForAsync();
        var retention = await page.Locator("main").InnerTextAsync();
        retention.ShouldContain("Bokføringsloven § 13");
        retention.ShouldContain("F. L.");
        await Browser.AssertFitsAsync(page, "oppbevaring og sletting");

        // Her own access request, from «Min konto».
        await page.GotoAsync("/konto");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Mine opplysninger", Level = 2 }).WaitForAsync();
        await Browser.AssertFitsAsync(page, "min konto");
        await Keys.TabToLinkAsync(page, "Last ned mine opplysninger (.zip)", limit: 100);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        download.SuggestedFilename.ShouldStartWith("innsyn-mona-sandvik-");
    }
}
