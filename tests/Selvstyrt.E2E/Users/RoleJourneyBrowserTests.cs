using Microsoft.Playwright;
using Selvstyrt.Data.Demo;
using Shouldly;
using Xunit;

namespace Selvstyrt.E2E.Users;

/// <summary>
/// Issue 16's added roles in the browser, keyboard only: the co-work leader sets the deputy to act as work leader over
/// Christmas on a 360 px phone, and the union representative records the AML § 10-3 discussion of a plan. axe on every
/// page visited; one sign-in per journey on the shared host (the period lies in the future, so nobody leads differently today).
/// </summary>
public sealed class RoleJourneyBrowserTests(Browser browser)
{
    [Fact]
    public async Task CoWorkLeader_SetsTheDeputyAsWorkLeaderForChristmas_ByKeyboardAt360Px()
    {
        var arrangement = DemoIds.For("arrangement:5");
        var page = await browser.NewPageAsync(360, 740);
        await Browser.SignInAsync(page, DemoLogins.CoWorkLeader);
        await page.GotoAsync($"/ordninger/{arrangement}");
        await Keys.TabToLinkAsync(page, "Stedfortreder som arbeidsleder i en periode");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Stedfortreder som arbeidsleder", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(page, "stedfortreder som arbeidsleder");

        await Keys.ChooseAsync(page, "stedfortreder", DemoIds.For("role:5:deputy").ToString());
        await Keys.TypeDateAsync(page, "fungerende-fra", new DateOnly(2026, 12, 21));
        await Keys.TypeDateAsync(page, "fungerende-til", new DateOnly(2027, 1, 3));
        await Keys.TabToAsync(page, "fungerende-grunn");
        await page.Keyboard.TypeAsync("Juleferie");
        await Keys.TabToButtonAsync(page, "Sett stedfortrederen som arbeidsleder");
        await page.Keyboard.PressAsync("Enter");

        await page.GetByText("Perioden er lagret, og stedfortrederen har fått beskjed.").WaitForAsync();
        (await page.Locator("#perioder-tittel + ul").InnerTextAsync()).ShouldContain("Stian Brattli: 21. desember 2026 – 3. januar 2027 (Juleferie)");
        await Browser.AssertFitsAsync(page, "stedfortreder som arbeidsleder, lagret");
        await Browser.ScreenshotAsync(page, "stedfortreder-360");
    }

    [Fact]
    public async Task UnionRepresentative_RecordsThePlansDiscussion_ByKeyboard()
    {
        var page = await browser.NewPageAsync();
        await Browser.SignInAsync(page, DemoLogins.UnionRepresentative);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Arbeidsplaner til drøfting" }).WaitForAsync();
        await Browser.AssertAccessibleAsync(page, "startsiden for tillitsvalgte");
        await Browser.ScreenshotAsync(page, "tillitsvalgt-start");

        await page.GotoAsync($"/ordninger/{DemoIds.For("arrangement:10")}/arbeidsplan/{DemoIds.For("plan:10")}/drofting");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Drøfting av planen", Level = 1 }).WaitForAsync();
        await Browser.AssertAccessibleAsync(page, "drøfting av planen");
        await Keys.TabToAsync(page, "drofting-deltakere");
        await page.Keyboard.TypeAsync("Tillitsvalgt i Fagforbundet og assistentene");
        await Keys.TabToAsync(page, "drofting-merknader");
        await page.Keyboard.TypeAsync("Ønsker færre helger på rad.");
        await Keys.TabToButtonAsync(page, "Lagre drøftingen");
        await page.Keyboard.PressAsync("Enter");

        await page.GetByText("Drøftingen er lagret.").WaitForAsync();
        (await page.Locator("#droftinger-tittel + ul").InnerTextAsync()).ShouldContain("Tillitsvalgt i Fagforbundet og assistentene");
        await Browser.AssertAccessibleAsync(page, "drøfting av planen, lagret");
        await Browser.ScreenshotAsync(page, "drofting");
    }
}
