using Microsoft.Playwright;
using Selvstyrt.Data.Demo;
using Shouldly;
using Xunit;

namespace Selvstyrt.E2E.Plans;

/// <summary>
/// Issue 7 in a real browser: the demo work leader makes a new two-week plan for the 24/7 2:1 arrangement, asks for a
/// proposal by keyboard only, follows the progress, reads what the proposal gives up and the engine's verdict, and
/// takes week 1 into the plan. axe on every state; the proposal is read at 360 px too.
/// </summary>
public sealed class ProposalBrowserTests(Browser browser)
{
    private static readonly Guid Arrangement10 = DemoIds.For("arrangement:10");

    [Fact]
    public async Task WorkLeader_GetsAProposalAndTakesAWeekIn_ByKeyboard()
    {
        var page = await browser.NewPageAsync();
        await Browser.SignInAsync(page, DemoLogins.WorkLeader);
        await page.GotoAsync($"/ordninger/{Arrangement10}/arbeidsplan");
        await Keys.TabToAsync(page, "plan-navn");
        await page.Keyboard.TypeAsync("Forslag februar");
        await Keys.ChooseAsync(page, "plan-uker", "2");
        await Keys.TypeDateAsync(page, "plan-start", new DateOnly(2027, 2, 1));
        await Keys.TabToButtonAsync(page, "Lag planen");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Forslag februar");

        await Keys.TabToLinkAsync(page, "Foreslå plan");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Foreslå plan");
        await Browser.AssertAccessibleAsync(page, "foreslå plan");

        await Keys.ChooseAsync(page, "forslag-sekunder", "10");
        await Keys.TabToButtonAsync(page, "Foreslå plan");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#forslag-fremdrift").WaitForAsync();
        await Assertions.Expect(page.Locator("#underveis")).ToHaveTextAsync("Generatoren leter");
        await Browser.AssertAccessibleAsync(page, "forslag underveis");
        await Browser.ScreenshotAsync(page, "forslag-underveis");

        // The page follows the run by itself and shows the proposal when it is done.
        await page.Locator("#forslaget").WaitForAsync(new() { Timeout = 90_000 });
        await Browser.AssertAccessibleAsync(page, "forslaget");
        await Browser.ScreenshotAsync(page, "forslaget");
        var summary = await page.Locator("#forslaget + p").InnerTextAsync();
        summary.ShouldContain("fant 0 brudd");
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Udekkede plasser" })).ToBeVisibleAsync();
        var proposed = await page.EvaluateAsync<int>("() => Array.from(document.querySelectorAll('[aria-labelledby=uke-forslag] tbody td')).map(td => td.textContent.trim()).filter(t => t && !t.startsWith('Ingen')).reduce((n, t) => n + t.split(', ').length, 0)");
        proposed.ShouldBeGreaterThan(0);

        // Week 1 only: leave week 2 out with the keyboard.
        await Keys.TabToAsync(page, "forslag-uke-2", limit: 300);
        await page.Keyboard.PressAsync("Space");
        (await page.Locator("#forslag-uke-2").IsCheckedAsync()).ShouldBeFalse();
        await Keys.TabToButtonAsync(page, "Ta inn valgte uker");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#forslag-status")).ToContainTextAsync("Uke 1 fra forslaget er tatt inn i planen");
        await Browser.AssertAccessibleAsync(page, "forslag tatt inn");

        await Keys.TabToLinkAsync(page, "Forslag februar", limit: 20);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Forslag februar");
        (await page.Locator(".app-plan-grid .app-shift").CountAsync()).ShouldBe(proposed);

        var phone = await browser.NewPageAsync(360, 780);
        await Browser.SignInAsync(phone, DemoLogins.WorkLeader);
        await phone.GotoAsync(new Uri(page.Url).AbsolutePath + "/forslag");
        await Assertions.Expect(phone.Locator("#forslaget")).ToBeVisibleAsync();
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scrolling at 360 px");
        await Browser.AssertAccessibleAsync(phone, "forslaget 360 px");
        await Browser.ScreenshotAsync(phone, "forslaget-360");
    }
}
