using Microsoft.Playwright;
using Selvstyrt.Data.Demo;
using Shouldly;
using Xunit;

namespace Selvstyrt.E2E;

/// <summary>quality.md A2 (keyboard only) and A4 (360 px).</summary>
public sealed class KeyboardAndMobileTests(Browser browser)
{
    [Fact]
    public async Task Coordinator_RegistersAnAssistant_ByKeyboardOnly()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/logg-inn");
        await TabToAsync(page, "epost");
        await page.Keyboard.TypeAsync(DemoLogins.CoordinatorEast);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(DemoLogins.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/logg-inn", StringComparison.Ordinal));

        await TabToLinkAsync(page, "Assistenter");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/assistenter");
        await TabToLinkAsync(page, "Ny assistent");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/assistenter/ny");
        await Browser.AssertAccessibleAsync(page, "ny assistent");

        // First an empty form: the error summary names every missing field and links to it.
        await TabToButtonAsync(page, "Registrer assistent");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#feiloppsummering").GetByText("Navn må fylles ut.").WaitForAsync();
        await page.Locator("#feiloppsummering").GetByText("Startdato må fylles ut.").WaitForAsync();
        await Browser.AssertAccessibleAsync(page, "ny assistent med feil");
        await Browser.ScreenshotAsync(page, "ny-assistent-feil");

        await TabToAsync(page, "navn");
        await page.Keyboard.TypeAsync("Tastatur Testesen");
        await TabToAsync(page, "type-tilkalling", fromRadio: "type-fast");
        await TypeDateAsync(page, "start", new DateOnly(2026, 12, 1));
        await TabToButtonAsync(page, "Registrer assistent");
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

        await AssertFitsAsync(page, "/");
        (await page.Locator("tbody tr").CountAsync()).ShouldBe(2, "the demo assistant works in two arrangements");
        await Browser.ScreenshotAsync(page, "mobil-assistent-start");
        var name = await page.Locator("tbody a").First.InnerTextAsync();
        await page.Locator("tbody a").First.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 }).WaitForAsync();
        await AssertFitsAsync(page, "ordning");
        await Browser.ScreenshotAsync(page, "mobil-assistent-ordning");
        (await page.GetByRole(AriaRole.Heading, new() { Name = "Vedtak" }).CountAsync()).ShouldBe(0, "an assistant does not see the recipient's decision");
    }

    /// <summary>
    /// Types a date into a date field by keyboard. The field's segment order follows the browser's
    /// locale data (dd.mm.åååå with Norwegian data installed, mm/dd/yyyy without), so try both.
    /// </summary>
    private static async Task TypeDateAsync(IPage page, string id, DateOnly date)
    {
        var expected = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await TabToAsync(page, id);
        await page.Keyboard.TypeAsync(date.ToString("ddMMyyyy", System.Globalization.CultureInfo.InvariantCulture));
        if (await page.Locator($"#{id}").InputValueAsync() == expected) return;
        // Month first: leave the field, come back into its last segment and step back to the first.
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.TypeAsync(date.ToString("MMddyyyy", System.Globalization.CultureInfo.InvariantCulture));
        (await page.Locator($"#{id}").InputValueAsync()).ShouldBe(expected);
    }

    private static async Task AssertFitsAsync(IPage page, string label)
    {
        await Browser.AssertAccessibleAsync(page, label);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, $"{label} scrolls sideways at 360 px");
    }

    private static async Task TabToAsync(IPage page, string id, string? fromRadio = null)
    {
        if (fromRadio is not null)
        {
            await TabToAsync(page, fromRadio);
            await page.Keyboard.PressAsync("ArrowDown");
            (await ActiveIdAsync(page)).ShouldBe(id);
            return;
        }
        for (var i = 0; i < 60; i++)
        {
            if (await ActiveIdAsync(page) == id) return;
            await page.Keyboard.PressAsync("Tab");
        }
        throw new ShouldAssertException($"Kom ikke til #{id} med Tab");
    }

    private static async Task TabToLinkAsync(IPage page, string text) => await TabToTextAsync(page, "A", text);

    private static async Task TabToButtonAsync(IPage page, string text) => await TabToTextAsync(page, "BUTTON", text);

    private static async Task TabToTextAsync(IPage page, string tag, string text)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var active = await page.EvaluateAsync<string[]>("() => [document.activeElement?.tagName ?? '', (document.activeElement?.textContent ?? '').trim()]");
            if (active[0] == tag && active[1] == text) return;
        }
        throw new ShouldAssertException($"Kom ikke til «{text}» med Tab");
    }

    private static Task<string> ActiveIdAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''");
}
