using Microsoft.Playwright;
using Selvstyrt.Data.Demo;
using Shouldly;
using Xunit;

namespace Selvstyrt.E2E.Assistants;

/// <summary>quality.md A2 (keyboard only) and A4 (360 px).</summary>
public sealed class KeyboardAndMobileTests(Browser browser)
{
    [Fact]
    public async Task Coordinator_RegistersAnAssistant_ByKeyboardOnly()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/logg-inn");
        await Keys.TabToAsync(page, "epost");
        await page.Keyboard.TypeAsync(DemoLogins.CoordinatorEast);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(DemoLogins.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/logg-inn", StringComparison.Ordinal));

        await Keys.TabToLinkAsync(page, "Assistenter");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/assistenter");
        await Keys.TabToLinkAsync(page, "Ny assistent");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/assistenter/ny");
        await Browser.AssertAccessibleAsync(page, "ny assistent");

        // First an empty form: the error summary names every missing field and links to it.
        await Keys.TabToButtonAsync(page, "Registrer assistent");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#feiloppsummering").GetByText("Navn må fylles ut.").WaitForAsync();
        await page.Locator("#feiloppsummering").GetByText("Startdato må fylles ut.").WaitForAsync();
        await Browser.AssertAccessibleAsync(page, "ny assistent med feil");
        await Browser.ScreenshotAsync(page, "ny-assistent-feil");

        await Keys.TabToAsync(page, "navn");
        await page.Keyboard.TypeAsync("Tastatur Testesen");
        await Keys.TabToAsync(page, "type-tilkalling", fromRadio: "type-fast");
        await Keys.TypeDateAsync(page, "start", new DateOnly(2026, 12, 1));
        await Keys.TabToButtonAsync(page, "Registrer assistent");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(url => url.Contains("?ny=1", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Heading, new() { Name = "Tastatur Testesen", Level = 1 }).WaitForAsync();
        await page.GetByText("Tilkallingsvikar").First.WaitForAsync();
        await Browser.AssertAccessibleAsync(page, "assistentprofil");
        await Browser.ScreenshotAsync(page, "ny-assistent-registrert");
    }

    [Fact]
    public async Task Assistant_OnA360PxPhone_ReadsTheirArrangementsWithoutSideScrolling()
    {
        var page = await browser.NewPageAsync(360, 740);
        await Browser.SignInAsync(page, DemoLogins.Assistant);

        await Browser.AssertFitsAsync(page, "/");
        (await page.Locator("tbody tr").CountAsync()).ShouldBe(2, "the demo assistant works in two arrangements");
        await Browser.ScreenshotAsync(page, "mobil-assistent-start");
        var name = await page.Locator("tbody a").First.InnerTextAsync();
        await page.Locator("tbody a").First.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(page, "ordning");
        await Browser.ScreenshotAsync(page, "mobil-assistent-ordning");
        (await page.GetByRole(AriaRole.Heading, new() { Name = "Vedtak" }).CountAsync()).ShouldBe(0, "an assistant does not see the recipient's decision");
    }
}
