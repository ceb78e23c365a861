using Microsoft.Playwright;
using Selvstyrt.Data.Demo;
using Shouldly;
using Xunit;

namespace Selvstyrt.E2E.DataSafety;

/// <summary>
/// Issue 22 in the browser, by keyboard on a 360 px phone: the provider's administrator opens the 24/7 arrangement, follows
/// «Innsynslogg» to the access log (the chain checked, the reads listed), then goes to «Organisasjon» and follows «Oppbevaring
/// og sletting» to the retention rules and their runs, and downloads her own data from «Min konto». axe and the 360 px
/// check on every page.
/// </summary>
public sealed class DataSafetyBrowserTests(Browser browser)
{
    private static readonly Guid Even = DemoIds.For("arrangement:10");

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

        await page.GotoAsync("/organisasjon");
        await Keys.TabToLinkAsync(page, "Oppbevaring og sletting: hva som slettes, når og hvorfor", limit: 80);
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Oppbevaring og sletting", Level = 1 }).WaitForAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Bokføringsloven § 13");
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
