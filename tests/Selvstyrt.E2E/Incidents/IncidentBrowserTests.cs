using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.E2E.Incidents;

/// <summary>
/// Issue 20, part 1, in the browser: the demo assistant reports a near miss on a phone at 360 px by keyboard from the header's
/// «Avvik» (where, kind and what happened; now and «Liten» by default); the work leader is told by mail, takes the follow-up,
/// adds a measure and sends the case to the office; the office's coordinator marks the measure done and closes it with the
/// evaluation; the assistant reads that it is closed. The assistant also answers the open HMS survey from the start page's
/// notice by keyboard, and the coordinator reads the office's result beside the others (issue 20, part 4). axe on every page;
/// a host of its own.
/// </summary>
public sealed class IncidentBrowserTests(Browser browser)
{
    [Fact]
    public async Task ANearMiss_ReportedOnAPhone_IsFollowedUpAndClosed_AndTheHmsSurveyIsAnsweredAndRead()
    {
        await using var smtp = TestSmtpServer.Start();
        var (host, baseUrl) = MailHost.Start(smtp);
        await using var factory = host;
        Guid leaderId;
        using (var scope = factory.Services.CreateScope())
            leaderId = await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().Users.Where(u => u.Email == DemoLogins.WorkLeader).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);

        // The assistant on a phone: the start page says the HMS survey waits; each question answered with the arrow keys.
        var phone = await browser.NewPageAsync(360, 740, baseUrl);
        await Browser.SignInAsync(phone, DemoLogins.Assistant);
        await Keys.TabToLinkAsync(phone, "HMS-undersøkelse 2026", limit: 40);
        await phone.Keyboard.PressAsync("Enter");
        await phone.GetByRole(AriaRole.Heading, new() { Name = "HMS-undersøkelse 2026", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(phone, "undersøkelsen på telefonen");
        foreach (var question in new[] { "forflytning", "avvik", "vold", "belastning", "rutiner" })
        {
            await Keys.TabToAsync(phone, $"sv-{question}-1", limit: 40);
            await phone.Keyboard.PressAsync("Space");
            for (var i = 1; i < 5; i++) await phone.Keyboard.PressAsync("ArrowRight");
            (await phone.Locator($"#sv-{question}-5").IsCheckedAsync()).ShouldBeTrue(question);
        }
        await Keys.PressAsync(phone, "Send svaret");
        await phone.GetByText("Takk! Svaret ditt er lagret uten navnet ditt.").WaitForAsync();
        await Browser.AssertFitsAsync(phone, "undersøkelsen besvart");

        // Then an incident: the menu's link (folded behind «Meny» on the phone), «Meld avvik», four fields, send.
        await Keys.PressAsync(phone, "Meny");
        await Keys.TabToLinkAsync(phone, "Avvik", limit: 40);
        await phone.Keyboard.PressAsync("Enter");
        await phone.GetByRole(AriaRole.Heading, new() { Name = "Avvik", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(phone, "avvik på telefonen");
        await Keys.TabToLinkAsync(phone, "Meld avvik", limit: 40);
        await phone.Keyboard.PressAsync("Enter");
        await phone.GetByRole(AriaRole.Heading, new() { Name = "Meld avvik", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(phone, "meld avvik");
        await Keys.ChooseAsync(phone, "avvik-hvor", $"a:{DemoIds.For("arrangement:10")}");
        await Keys.ChooseAsync(phone, "avvik-type", "NearMiss");
        await Keys.TabToAsync(phone, "avvik-hva");
        await phone.Keyboard.TypeAsync("Rullestolen rullet mot trappa; bremsen var ikke på.");
        await Keys.PressAsync(phone, "Send avviket");
        await phone.GetByText("Takk. Avviket er meldt", new() { Exact = false }).WaitForAsync();
        var incident = new Uri(phone.Url).AbsolutePath;
        (await phone.Locator("body").InnerTextAsync()).ShouldContain("23. november 2026 kl. 10:00", Case.Sensitive, "the time is now unless changed");
        await Browser.AssertFitsAsync(phone, "avviket er meldt");
        await Browser.ScreenshotAsync(phone, "avvik-meldt-360");

        // The work leader is told by mail; the start page counts what waits; the follow-up, a measure, the office asked.
        var mail = await smtp.WaitForAsync(DemoLogins.WorkLeader, where: m => m.Subject?.Contains("Avvik i Ordningen til Even", StringComparison.Ordinal) == true);
        mail.TextBody!.ShouldContain("Sofie Lie har meldt et avvik");
        var leader = await browser.NewPageAsync(1280, 900, baseUrl);
        await Browser.SignInAsync(leader, DemoLogins.WorkLeader);
        await leader.GetByText("åpne avvik venter på oppfølging", new() { Exact = false }).WaitForAsync();
        await leader.GotoAsync(incident);
        await Keys.ChooseAsync(leader, "avvik-ansvarlig", leaderId.ToString(), limit: 120);
        await Keys.TabToAsync(leader, "avvik-arsak");
        await leader.Keyboard.TypeAsync("Bremsen settes ikke på ved trappa.");
        await Keys.PressAsync(leader, "Lagre oppfølgingen");
        await leader.GetByText("Oppfølgingen er lagret.").WaitForAsync();
        await Keys.TabToAsync(leader, "tiltak-tekst", limit: 120);
        await leader.Keyboard.TypeAsync("Merke på gulvet der stolen skal stå med brems.");
        await Keys.TabToAsync(leader, "tiltak-eier");
        await leader.Keyboard.TypeAsync("Even");
        await Keys.TypeDateAsync(leader, "tiltak-frist", new DateOnly(2026, 11, 30));
        await Keys.PressAsync(leader, "Legg til tiltaket");
        await leader.GetByText("Tiltaket er lagt til.").WaitForAsync();
        await Keys.TabToAsync(leader, "videre-melding", limit: 120);
        await leader.Keyboard.TypeAsync("Kan kontoret sjekke om trappa bør ha grind?");
        await Keys.PressAsync(leader, "Send til kontoret");
        await leader.GetByText("Avviket er meldt videre til kontoret.").WaitForAsync();
        await Browser.AssertAccessibleAsync(leader, "avviket, arbeidslederen");

        // The office's coordinator: the measure done, the case closed with the evaluation.
        await smtp.WaitForAsync(DemoLogins.CoordinatorEast, where: m => m.Subject?.Contains("meldt videre til kontoret", StringComparison.Ordinal) == true);
        var coordinator = await browser.NewPageAsync(1280, 900, baseUrl);
        await Browser.SignInAsync(coordinator, DemoLogins.CoordinatorEast);
        await coordinator.GotoAsync(incident);
        await Keys.PressAsync(coordinator, "Marker som gjennomført", 150);
        await coordinator.GetByText("Tiltaket er merket som gjennomført.").WaitForAsync();
        await Keys.TabToAsync(coordinator, "lukk-evaluering", limit: 150);
        await coordinator.Keyboard.TypeAsync("Merket virker; grind er ikke nødvendig.");
        await Keys.PressAsync(coordinator, "Lukk avviket");
        await coordinator.GetByText("Avviket er lukket, og den som meldte det, har fått beskjed.").WaitForAsync();
        await Browser.AssertAccessibleAsync(coordinator, "avviket lukket");

        // The coordinator reads the HMS survey's result: Kontor Øst's averages (with the assistant's answer) and no other office's.
        await coordinator.GotoAsync("/undersokelser");
        await Keys.TabToLinkAsync(coordinator, "HMS-undersøkelse 2026", limit: 80);
        await coordinator.Keyboard.PressAsync("Enter");
        await coordinator.GetByRole(AriaRole.Heading, new() { Name = "Resultater: HMS-undersøkelse 2026", Level = 1 }).WaitForAsync();
        var results = await coordinator.Locator("main").InnerTextAsync();
        results.ShouldContain("Kontor Øst (Oslo og Akershus) (8 svar)");
        results.ShouldNotContain("Kontor Vest");
        await Browser.AssertAccessibleAsync(coordinator, "resultatene");

        // The assistant is told, and reads the evaluation on the phone.
        await smtp.WaitForAsync(DemoLogins.Assistant, where: m => m.Subject == "Avviket du meldte, er lukket");
        await phone.GotoAsync(incident);
        var text = await phone.Locator("main").InnerTextAsync();
        text.ShouldContain("Lukket");
        text.ShouldContain("Merket virker; grind er ikke nødvendig.");
        await Browser.AssertFitsAsync(phone, "lukket avvik på telefonen");
    }
}
