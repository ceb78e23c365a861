using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.E2E.Absences;

/// <summary>
/// Issue 17: the assistant reports sick on a 360 px phone by keyboard only, sees the refusal when a self-certification runs
/// too long, and then the report and its employer period. A host of its own (the report empties shifts other journeys use).
/// </summary>
public sealed class AbsenceBrowserTests(Browser browser)
{
    [Fact]
    public async Task Assistant_ReportsSickByKeyboardAt360Px_TooLongIsExplained_TwoDaysAreTaken()
    {
        await using var factory = new SelvstyrtFactory(DatabaseKind.Sqlite, kestrel: true);
        factory.StartServer();
        var baseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("127.0.0.1", "localhost", StringComparison.Ordinal).TrimEnd('/');
        var page = await browser.NewPageAsync(360, 740, baseUrl);
        await Browser.SignInAsync(page, DemoLogins.Assistant);
        await Keys.TabToLinkAsync(page, "Fravær");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Fravær", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(page, "fravær");

        // Four self-certified days: refused with the law's reason, nothing saved.
        await Keys.TypeDateAsync(page, "fravaer-fra", new DateOnly(2026, 11, 24));
        await Keys.TypeDateAsync(page, "fravaer-til", new DateOnly(2026, 11, 27));
        await Keys.TabToButtonAsync(page, "Meld fravær");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("Egenmelding for 4 dager, over grensen på 3 dager hver gang").First.WaitForAsync();
        await Browser.AssertFitsAsync(page, "fravær med feil");

        await Keys.TypeDateAsync(page, "fravaer-til", new DateOnly(2026, 11, 25));
        await Keys.TabToButtonAsync(page, "Meld fravær");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("Fraværet er meldt.", new() { Exact = false }).First.WaitForAsync();
        (await page.Locator("#mitt-fravaer-" + DemoIds.For("assistant:42").ToString("N") + " + ul").InnerTextAsync()).ShouldContain("Arbeidsgiveren betaler 2 dager.");
        await Browser.AssertFitsAsync(page, "fravær meldt");
        await Browser.ScreenshotAsync(page, "fravaer-360");
    }
}
