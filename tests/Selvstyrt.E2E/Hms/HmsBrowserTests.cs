using Microsoft.Playwright;
using Selvstyrt.Data.Demo;
using Selvstyrt.Domain.Quality;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.E2E.Hms;

/// <summary>
/// Issue 20, parts 2, 5 and 6, in the browser, by keyboard: the work leader follows the start page's notice to the annual wheel's
/// overview, opens the arrangement's wheel and marks the late Christmas plan done with a note, answers an item of the workplace
/// mapping with a measure, finds it in the action plan through «HMS og kvalitet», and reads the arrangement's audit; the assistant,
/// on a phone at 360 px, follows the notice to the handbook and confirms the document not yet read. axe on every page; a host of its own.
/// </summary>
public sealed class HmsBrowserTests(Browser browser)
{
    private static readonly Guid Even = DemoIds.For("arrangement:10");

    [Fact]
    public async Task TheWorkLeadersYear_AndTheAssistantsHandbook_ByKeyboard()
    {
        await using var smtp = TestSmtpServer.Start();
        var (host, baseUrl) = MailHost.Start(smtp);
        await using var factory = host;

        var leader = await browser.NewPageAsync(1280, 900, baseUrl);
        await Browser.SignInAsync(leader, DemoLogins.WorkLeader);
        await leader.GetByText("Én oppgave i årshjulet har frist snart eller er forsinket.", new() { Exact = false }).WaitForAsync();
        await Keys.TabToLinkAsync(leader, "Årshjul", limit: 60);
        await leader.Keyboard.PressAsync("Enter");
        await leader.GetByRole(AriaRole.Heading, new() { Name = "Årshjul 2026: oversikt", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(leader, "årshjulets oversikt");
        await Keys.TabToLinkAsync(leader, "Ordningen til Even", limit: 60);
        await leader.Keyboard.PressAsync("Enter");
        await leader.GetByRole(AriaRole.Heading, new() { Name = "Årshjul 2026 for Ordningen til Even", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(leader, "årshjulet");
        var christmas = WheelTask.IdFor(Even, 2026, WheelTaskKind.ChristmasPlan);
        await Keys.TabToAsync(leader, $"merknad-{christmas:N}", limit: 120);
        await leader.Keyboard.TypeAsync("Publisert for assistentene 20. november");
        await leader.Keyboard.PressAsync("Tab");
        await leader.Keyboard.PressAsync("Enter");
        await leader.GetByText("Oppgaven er merket som gjort.").WaitForAsync();
        (await leader.Locator("body").InnerTextAsync()).ShouldContain("Gjort 23. november 2026 av Even Tangen");
        await Browser.AssertFitsAsync(leader, "oppgave gjort");

        // The workplace mapping: «Risk of violence» needs a measure now.
        await leader.GotoAsync($"/ordninger/{Even}/kartlegging");
        await leader.GetByRole(AriaRole.Heading, new() { Name = "Kartlegging av arbeidsmiljøet 2026: Ordningen til Even", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(leader, "kartleggingen");
        var vold = leader.Locator("li.ds-card", new() { HasText = "Risiko for vold og trusler" });
        var prefix = (await vold.Locator("input[type=hidden][name='Answer.ItemId']").InputValueAsync()).Replace("-", "", StringComparison.Ordinal);
        await Keys.TabToAsync(leader, $"punkt-{prefix}-svar", limit: 80);
        await leader.Keyboard.PressAsync("Enter");
        (await vold.Locator("details").GetAttributeAsync("open")).ShouldNotBeNull();
        await leader.Locator($"#punkt-{prefix}-Ok").WaitForAsync();
        await Keys.TabToAsync(leader, $"punkt-{prefix}-Ok", limit: 10);
        await leader.Keyboard.PressAsync("ArrowDown");
        (await leader.Locator($"#punkt-{prefix}-NeedsMeasure").IsCheckedAsync()).ShouldBeTrue();
        await Keys.TabToAsync(leader, $"punkt-{prefix}-tiltak", limit: 10);
        await leader.Keyboard.TypeAsync("Skriftlig rutine for å avslutte besøk");
        await Keys.TabToAsync(leader, $"punkt-{prefix}-ansvar", limit: 5);
        await leader.Keyboard.TypeAsync("Even Tangen");
        await Keys.TypeDateAsync(leader, $"punkt-{prefix}-frist", new DateOnly(2027, 1, 15), limit: 5);
        await Keys.PressAsync(leader, "Lagre svaret", limit: 5);
        await leader.GetByText("Svaret er lagret.").WaitForAsync();
        await Browser.AssertFitsAsync(leader, "kartleggingen endret");

        // Through «HMS og kvalitet» to the action plan, where the measure now is, and to the arrangement's audit.
        await Keys.TabToLinkAsync(leader, "HMS og kvalitet", limit: 20);
        await leader.Keyboard.PressAsync("Enter");
        await leader.GetByRole(AriaRole.Heading, new() { Name = "HMS og kvalitet", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(leader, "HMS og kvalitet");
        await Keys.TabToLinkAsync(leader, "Handlingsplan 2026", limit: 40);
        await leader.Keyboard.PressAsync("Enter");
        await leader.GetByRole(AriaRole.Heading, new() { Name = "Handlingsplan 2026", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(leader, "handlingsplanen");
        (await leader.Locator("ul.app-cards").InnerTextAsync()).ShouldContain("Skriftlig rutine for å avslutte besøk");
        await leader.GotoAsync("/internkontroll");
        await Browser.AssertFitsAsync(leader, "internkontroll");
        await Keys.TabToLinkAsync(leader, "Personvern i ordningen", limit: 60);
        await leader.Keyboard.PressAsync("Enter");
        await leader.GetByRole(AriaRole.Heading, new() { Name = "Personvern i ordningen", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(leader, "revisjonen");
        (await leader.Locator("body").InnerTextAsync()).ShouldNotContain("Lukk revisjonen");

        // The assistant on a phone: one document waits; read and confirmed.
        var phone = await browser.NewPageAsync(360, 740, baseUrl);
        await Browser.SignInAsync(phone, DemoLogins.Assistant);
        await phone.GetByText("Ett dokument i HMS-håndboka venter", new() { Exact = false }).WaitForAsync();
        await Keys.TabToLinkAsync(phone, "HMS-håndboka", limit: 60);
        await phone.Keyboard.PressAsync("Enter");
        await phone.GetByRole(AriaRole.Heading, new() { Name = "HMS-håndboka", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(phone, "håndboka på telefonen");
        await Keys.TabToLinkAsync(phone, "Hygiene og smittevern", limit: 60);
        await phone.Keyboard.PressAsync("Enter");
        await phone.GetByRole(AriaRole.Heading, new() { Name = "Hygiene og smittevern", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(phone, "dokumentet på telefonen");
        await Keys.PressAsync(phone, "Jeg har lest versjon 1", limit: 40);
        await phone.GetByText("Takk! Det er registrert at du har lest dokumentet.").WaitForAsync();
        await Browser.AssertFitsAsync(phone, "dokumentet bekreftet");
        await Browser.ScreenshotAsync(phone, "handbok-bekreftet-360");
        await phone.GotoAsync("/hms/handbok");
        (await phone.Locator("table").InnerTextAsync()).ShouldNotContain("Ikke bekreftet");
    }
}
