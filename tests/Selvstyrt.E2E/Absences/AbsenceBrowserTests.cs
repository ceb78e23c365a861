using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.E2E.Absences;

/// <summary>
/// Issue 17: the assistant reports sick on a 360 px phone by keyboard only, sees the refusal when a self-certification runs
/// too long, and then the report and its employer period; the work leader finds the gap on the start page and offers it in
/// «Finn vikar»; the substitute takes it from «Min plan»; the coordinator registers agreed leave on the assistant's page; the
/// assistant gives a shift to the substitute, who says yes, and the work leader approves the swap; the assistant wishes a
/// holiday, the work leader grants it on the holiday plan, the coordinator reads the holiday pay, puts the assistant in the
/// office's substitute pool and reads the competences. All
/// by keyboard at 360 px, axe on every page. A host of its own
/// (the report empties shifts other journeys use).
/// </summary>
public sealed class AbsenceBrowserTests(Browser browser)
{
    [Fact]
    public async Task Assistant_ReportsSickAt360Px_TheLeaderOffersTheGap_TheSubstituteTakesItFromMyPlan()
    {
        await using var factory = OwnHost.Start();
        var baseUrl = OwnHost.BaseUrl(factory);
        var page = await browser.NewPageAsync(360, 740, baseUrl);
        await Browser.SignInAsync(page, DemoLogins.Assistant);
        // On the phone the menu is folded behind «Meny».
        await Keys.PressAsync(page, "Meny");
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

        await Keys.TypeDateAsync(page, "fravaer-til", new DateOnly(2026, 11, 26));
        await Keys.TabToButtonAsync(page, "Meld fravær");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("Fraværet er meldt.", new() { Exact = false }).First.WaitForAsync();
        (await page.Locator("#mitt-fravaer-" + DemoIds.For("assistant:42").ToString("N") + " + ul").InnerTextAsync()).ShouldContain("Arbeidsgiveren betaler 3 dager.");
        await Browser.AssertFitsAsync(page, "fravær meldt");
        await Browser.ScreenshotAsync(page, "fravaer-360");

        // The work leader: the gap (the night into 27 November) is on the start page; «Finn vikar» offers it to the substitute.
        var leader = await browser.NewPageAsync(360, 740, baseUrl);
        await Browser.SignInAsync(leader, DemoLogins.WorkLeader);
        await leader.GetByRole(AriaRole.Heading, new() { Name = "Ledige vakter de neste fire ukene" }).WaitForAsync();
        await Browser.AssertFitsAsync(leader, "start med ledig vakt");
        await Keys.TabToLinkAsync(leader, "torsdag 26. november 2026 23:00–07:00");
        await leader.Keyboard.PressAsync("Enter");
        await leader.GetByRole(AriaRole.Heading, new() { Name = "Finn vikar", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(leader, "finn vikar");
        await Browser.ScreenshotAsync(leader, "finn-vikar-360");
        await Keys.TabToAsync(leader, "tilby-" + DemoIds.For($"assistant:{DemoSeeder.DemoSubstituteIndex}").ToString("N"));
        await leader.Keyboard.PressAsync("Space");
        await Keys.TabToButtonAsync(leader, "Send tilbud til de valgte");
        await leader.Keyboard.PressAsync("Enter");
        await leader.GetByText("Tilbudet er sendt til 1.", new() { Exact = false }).First.WaitForAsync();
        (await leader.Locator("#tilbud-tittel + .app-offer").InnerTextAsync()).ShouldContain("har ikke svart");
        await Browser.AssertFitsAsync(leader, "tilbud sendt");

        // The substitute: told on the start page, takes the shift in «Min plan», and it is theirs.
        var substitute = await browser.NewPageAsync(360, 740, baseUrl);
        await Browser.SignInAsync(substitute, DemoLogins.Substitute);
        await Keys.TabToLinkAsync(substitute, "Svar i «Min plan»");
        await substitute.Keyboard.PressAsync("Enter");
        await substitute.GetByRole(AriaRole.Heading, new() { Name = "Tilbud om vakter" }).WaitForAsync();
        await Browser.AssertFitsAsync(substitute, "min plan med tilbud");
        await Browser.ScreenshotAsync(substitute, "min-plan-tilbud-360");
        await Keys.TabToButtonAsync(substitute, "Ja, jeg tar vakten");
        await substitute.Keyboard.PressAsync("Enter");
        await substitute.GetByText("Vakten er din.", new() { Exact = false }).First.WaitForAsync();
        (await substitute.Locator(".app-myplan").InnerTextAsync()).ShouldContain("23:00–07:00");
        await Browser.AssertFitsAsync(substitute, "vakten tatt");

        await leader.GotoAsync(leader.Url);
        await leader.GetByText("Vakten er ikke ledig lenger", new() { Exact = false }).First.WaitForAsync();
        (await leader.Locator("#tilbud-tittel + .app-offer").InnerTextAsync()).ShouldContain("sa ja");
        await Browser.AssertFitsAsync(leader, "vakten er tatt");

        // The arrangement's absence list: who and until when, never why.
        await leader.GotoAsync($"{baseUrl}/ordninger/{DemoIds.For("arrangement:10")}/fravaer");
        var list = await leader.Locator(".app-candidates").InnerTextAsync();
        list.ShouldContain("tilbake 27. november 2026");
        list.ShouldNotContain("Egenmelding");
        await Browser.AssertFitsAsync(leader, "fravær i ordningen");
        await Browser.ScreenshotAsync(leader, "fravaer-ordning-360");

        // The employer's side: the coordinator sees the kind and registers agreed welfare leave on the assistant's page.
        var coordinator = await browser.NewPageAsync(360, 740, baseUrl);
        await Browser.SignInAsync(coordinator, DemoLogins.CoordinatorEast);
        await coordinator.GotoAsync($"{baseUrl}/assistenter/{DemoIds.For("assistant:42")}/fravaer");
        await coordinator.GetByRole(AriaRole.Heading, new() { Name = "Fravær og permisjon", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(coordinator, "fravær og permisjon");
        await Keys.TabToAsync(coordinator, "permisjon-Welfare");
        await Keys.TypeDateAsync(coordinator, "permisjon-fra", new DateOnly(2026, 12, 14));
        await Keys.TypeDateAsync(coordinator, "permisjon-til", new DateOnly(2026, 12, 14));
        await Keys.TabToButtonAsync(coordinator, "Registrer");
        await coordinator.Keyboard.PressAsync("Enter");
        await coordinator.GetByText("Registrert.", new() { Exact = false }).First.WaitForAsync();
        (await coordinator.Locator("#registrert-tittel + ul").InnerTextAsync()).ShouldContain("Velferdspermisjon");
        await Browser.AssertFitsAsync(coordinator, "permisjon registrert");
        await Browser.ScreenshotAsync(coordinator, "permisjon-360");

        // A shift swap (part 6): the assistant gives a coming weekday shift to the substitute from «Min plan»; the substitute says
        // yes on «Bytte vakter»; the work leader approves on «Vaktbytter»; the shift is the substitute's in their «Min plan».
        string key;
        using (var scope = factory.Services.CreateScope())
        {
            var plan = await scope.ServiceProvider.GetRequiredService<Selvstyrt.Data.SelvstyrtDb>().WorkPlans.AsNoTracking()
                .Include(p => p.Shifts).Include(p => p.Deviations).AsSplitQuery().SingleAsync(p => p.Id == DemoIds.For("plan:10"), TestContext.Current.CancellationToken);
            var shift = plan.ShiftsOf(DemoIds.For("assistant:42"), new NodaTime.LocalDate(2026, 12, 7), new NodaTime.LocalDate(2026, 12, 11), Selvstyrt.Web.Auth.CurrentUser.Zone)
                .First(s => s.Kind == Selvstyrt.Domain.Plans.PlanShiftKind.Evening);
            key = Selvstyrt.Domain.TimeSheets.TimeSheet.PlanKey(shift.TemplateId, shift.Date);
        }
        await page.GotoAsync($"{baseUrl}/min-plan");
        await Keys.TabToAsync(page, "bytt-" + key.Replace('@', '-'), limit: 120);
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Bytt eller gi bort en vakt", Level = 1 }).WaitForAsync();
        await Keys.ChooseAsync(page, "bytte-til", DemoIds.For($"assistant:{DemoSeeder.DemoSubstituteIndex}").ToString());
        await Browser.AssertFitsAsync(page, "bytt eller gi bort");
        await Browser.ScreenshotAsync(page, "bytte-ny-360");
        await Keys.TabToButtonAsync(page, "Send forespørsel");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("Forslaget er sendt.", new() { Exact = false }).First.WaitForAsync();
        await Browser.AssertFitsAsync(page, "bytter sendt");

        await substitute.GotoAsync($"{baseUrl}/bytter");
        await Browser.AssertFitsAsync(substitute, "bytte vakter");
        await Browser.ScreenshotAsync(substitute, "bytter-360");
        await Keys.TabToButtonAsync(substitute, "Ja, jeg tar den");
        await substitute.Keyboard.PressAsync("Enter");
        await substitute.GetByText("Arbeidslederen godkjenner byttet", new() { Exact = false }).First.WaitForAsync();

        await leader.GotoAsync($"{baseUrl}/ordninger/{DemoIds.For("arrangement:10")}/bytter");
        await Browser.AssertFitsAsync(leader, "vaktbytter");
        await Browser.ScreenshotAsync(leader, "vaktbytter-360");
        await Keys.TabToButtonAsync(leader, "Godkjenn");
        await leader.Keyboard.PressAsync("Enter");
        await leader.GetByText("Byttet er godkjent, og planen er endret.", new() { Exact = false }).First.WaitForAsync();
        await Browser.AssertFitsAsync(leader, "bytte godkjent");

        await substitute.GotoAsync($"{baseUrl}/min-plan");
        (await substitute.Locator(".app-myplan").InnerTextAsync()).ShouldContain("15:00–23:00");
        (await substitute.Locator("#bytt-" + key.Replace('@', '-')).CountAsync()).ShouldBe(1, "the given shift is in the substitute's plan now");

        // Holidays (part 3): the assistant wishes a week in February from «Ferie»; the work leader sees what it does to the
        // plan on «Ferieplan» and grants it; the coordinator reads the holiday-pay basis on «Feriepenger».
        await page.GotoAsync($"{baseUrl}/");
        await Keys.PressAsync(page, "Meny");
        await Keys.TabToLinkAsync(page, "Ferie");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Ferie 2026", Level = 1 }).WaitForAsync();
        await Keys.TabToLinkAsync(page, "Ferieåret 2027");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Ferie 2027", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(page, "ferie");
        await Keys.TypeDateAsync(page, "ferie-fra", new DateOnly(2027, 2, 15));
        await Keys.TypeDateAsync(page, "ferie-til", new DateOnly(2027, 2, 19));
        await Keys.TabToButtonAsync(page, "Send ferieønsket");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("Ferieønsket er sendt til arbeidslederen.", new() { Exact = false }).First.WaitForAsync();
        (await page.Locator("#onsker-tittel ~ ul").InnerTextAsync()).ShouldContain("5 feriedager");
        await Browser.AssertFitsAsync(page, "ferieønske sendt");
        await Browser.ScreenshotAsync(page, "ferie-360");

        await leader.GotoAsync($"{baseUrl}/ordninger/{DemoIds.For("arrangement:10")}");
        await Keys.TabToLinkAsync(leader, "Ferieplan", limit: 150);
        await leader.Keyboard.PressAsync("Enter");
        await leader.GetByRole(AriaRole.Heading, new() { Name = "Ferieplan 2026", Level = 1 }).WaitForAsync();
        await Keys.TabToLinkAsync(leader, "Ferieåret 2027");
        await leader.Keyboard.PressAsync("Enter");
        await leader.GetByRole(AriaRole.Heading, new() { Name = "Ønsker som venter på svar (1)" }).WaitForAsync();
        (await leader.Locator("#venter-tittel ~ ul").InnerTextAsync()).ShouldContain("i arbeidsplanen blir ledige");
        await Browser.AssertFitsAsync(leader, "ferieplan");
        await Browser.ScreenshotAsync(leader, "ferieplan-360");
        await Keys.TabToButtonAsync(leader, "Innvilg");
        await leader.Keyboard.PressAsync("Enter");
        await leader.GetByText("Ferien er innvilget;", new() { Exact = false }).First.WaitForAsync();
        await leader.GetByRole(AriaRole.Heading, new() { Name = "Besvarte ønsker" }).WaitForAsync();
        await Browser.AssertFitsAsync(leader, "ferie innvilget");

        await coordinator.GotoAsync($"{baseUrl}/lonn");
        await Keys.TabToLinkAsync(coordinator, "Feriepenger", limit: 150);
        await coordinator.Keyboard.PressAsync("Enter");
        await coordinator.GetByRole(AriaRole.Heading, new() { Name = "Feriepenger", Level = 1 }).WaitForAsync();
        (await coordinator.Locator("table").InnerTextAsync()).ShouldContain("Sofie Lie");
        await Browser.AssertFitsAsync(coordinator, "feriepenger");
        await Browser.ScreenshotAsync(coordinator, "feriepenger-360");

        // Competences and the substitute pool on the assistant's page (the employer's side), and the provider's list.
        await coordinator.GotoAsync($"{baseUrl}/assistenter/{DemoIds.For("assistant:42")}");
        (await coordinator.Locator("#kompetanse-tittel ~ ul").First.InnerTextAsync()).ShouldContain("Nattevakt-opplæring");
        await Keys.TabToAsync(coordinator, "vikarpool", limit: 150);
        await coordinator.Keyboard.PressAsync("Space");
        await Keys.TabToButtonAsync(coordinator, "Lagre vikarpool");
        await coordinator.Keyboard.PressAsync("Enter");
        await coordinator.GetByText("Assistenten er i vikarpoolen.", new() { Exact = false }).First.WaitForAsync();
        await Browser.AssertFitsAsync(coordinator, "assistent med kompetanse og vikarpool");
        await Browser.ScreenshotAsync(coordinator, "assistent-kompetanse-360");
        await coordinator.GotoAsync($"{baseUrl}/organisasjon/kompetanser");
        await coordinator.GetByRole(AriaRole.Heading, new() { Name = "Kompetanser", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(coordinator, "kompetanser");
    }
}
