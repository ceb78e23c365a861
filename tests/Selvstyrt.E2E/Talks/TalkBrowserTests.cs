using Microsoft.Playwright;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.E2E.Talks;

/// <summary>
/// Issue 19, parts 4 and 5, in the browser: the work leader plans an appraisal talk with the demo assistant (who is told by
/// mail) and prepares privately; the assistant prepares on a phone and shares; the leader reads it, writes the minutes and
/// accepts; the assistant accepts with a remark; the leader asks the employer for help and the office's coordinator answers
/// from the start page, then writes a former assistant's reference letter and reads the PDF back. Everything by keyboard; axe on every page, and 360 px on the assistant's. A host of its own.
/// </summary>
public sealed class TalkBrowserTests(Browser browser)
{
    private static readonly Guid Even = DemoIds.For("arrangement:10");
    private static readonly Guid Sofie = DemoIds.For("assistant:42");

    [Fact]
    public async Task AnAppraisalTalk_FromBothSides_TheEmployerAskedForHelp_AndAReferenceLetterReadBack()
    {
        await using var smtp = TestSmtpServer.Start();
        var (host, baseUrl) = MailHost.Start(smtp);
        await using var factory = host;

        // The work leader: from the arrangement to its talks; plans the appraisal talk with Sofie.
        var leader = await browser.NewPageAsync(1280, 900, baseUrl);
        await Browser.SignInAsync(leader, DemoLogins.WorkLeader);
        await leader.GotoAsync($"/ordninger/{Even}");
        await Keys.TabToLinkAsync(leader, "Samtaler og oppfølging (medarbeidersamtaler, prøvetid, konflikter)", limit: 150);
        await leader.Keyboard.PressAsync("Enter");
        await leader.GetByRole(AriaRole.Heading, new() { Name = "Samtaler og oppfølging i Ordningen til Even", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(leader, "samtaler");
        await Keys.ChooseAsync(leader, "samtale-assistent", Sofie.ToString());
        await Keys.TypeDateAsync(leader, "samtale-dato", new DateOnly(2026, 12, 14));
        await Keys.PressAsync(leader, "Planlegg samtalen");
        await leader.GetByRole(AriaRole.Heading, new() { Name = "Medarbeidersamtale – Sofie Lie", Level = 1 }).WaitForAsync();
        var talk = new Uri(leader.Url).PathAndQuery;
        await Keys.TabToAsync(leader, "general-notater", limit: 80);
        await leader.Keyboard.TypeAsync("Trygg på nattevaktene.");
        await Keys.PressAsync(leader, "Lagre forberedelsen");
        await leader.GetByText("Forberedelsen er lagret.").WaitForAsync();
        await Browser.AssertAccessibleAsync(leader, "samtalen, arbeidslederen");

        // Sofie is told by mail; on her phone she finds the talk, sees nothing of Even's yet, prepares and shares.
        var mail = await smtp.WaitForAsync("assistent@demo.no", where: m => m.Subject?.Contains("Medarbeidersamtale", StringComparison.Ordinal) == true);
        mail.Subject.ShouldBe("Medarbeidersamtale 14.12.2026");
        var phone = await browser.NewPageAsync(360, 740, baseUrl);
        await Browser.SignInAsync(phone, DemoLogins.Assistant);
        await phone.GotoAsync("/mine-dokumenter");
        await Keys.TabToLinkAsync(phone, "Medarbeidersamtale 14. desember 2026", limit: 60);
        await phone.Keyboard.PressAsync("Enter");
        await phone.GetByRole(AriaRole.Heading, new() { Name = "Medarbeidersamtale – Ordningen til Even", Level = 1 }).WaitForAsync();
        (await phone.Locator("#deres-forberedelse").Locator("..").InnerTextAsync()).ShouldContain("Ikke delt ennå.");
        (await phone.Locator("body").InnerTextAsync()).ShouldNotContain("Trygg på nattevaktene.");
        await Keys.TabToAsync(phone, "training-notater", limit: 80);
        await phone.Keyboard.TypeAsync("Vil lære respirator.");
        await Keys.TabToAsync(phone, "forberedelse-del", limit: 40);
        await phone.Keyboard.PressAsync("Space");
        await Keys.PressAsync(phone, "Lagre forberedelsen");
        await phone.GetByText("Forberedelsen er lagret og delt.").WaitForAsync();
        await Browser.AssertFitsAsync(phone, "samtalen på telefonen");

        // The leader reads hers, holds the talk, writes the minutes and accepts them.
        await leader.GotoAsync(talk);
        (await leader.Locator("#deres-forberedelse").Locator("..").InnerTextAsync()).ShouldContain("Vil lære respirator.");
        await Keys.TabToAsync(leader, "referat-skriv", limit: 150);
        await leader.Keyboard.PressAsync("Enter");
        await Keys.TypeDateAsync(leader, "referat-dato", new DateOnly(2026, 11, 23));
        foreach (var (id, text) in new[] { ("referat-tilstede", "Even Tangen (arbeidsleder), Sofie Lie (assistent)"), ("referat-tekst", "Vi snakket om nattevaktene og opplæringen."),
                     ("referat-avtalt", "Respiratorkurs innen juni (Even avtaler med arbeidsgiveren).") })
        {
            await Keys.TabToAsync(leader, id);
            await leader.Keyboard.TypeAsync(text);
        }
        await Keys.PressAsync(leader, "Lagre referatet");
        await leader.GetByText("Referatet er lagret. Assistenten er bedt om å lese og godta det.").WaitForAsync();
        await Keys.PressAsync(leader, "Godta referatet", 200);
        await leader.GetByText("Du har godtatt referatet.").WaitForAsync();
        await Browser.AssertAccessibleAsync(leader, "referatet, arbeidslederen");

        // Sofie: the start page says the minutes wait; she accepts them with a remark, and they are fixed.
        await phone.GotoAsync("/");
        await phone.GetByText("1 samtalereferat venter på at du leser og godtar det.", new() { Exact = false }).WaitForAsync();
        await Browser.AssertFitsAsync(phone, "start med referat");
        await phone.GotoAsync(talk);
        (await phone.Locator("body").InnerTextAsync()).ShouldContain("Respiratorkurs innen juni");
        await Keys.TabToAsync(phone, "godta-merknad", limit: 120);
        await phone.Keyboard.TypeAsync("Kurset må være i arbeidstiden.");
        await Keys.PressAsync(phone, "Godta referatet");
        await phone.GetByText("Du har godtatt referatet.").WaitForAsync();
        await phone.GetByText("Referatet er godtatt av begge").First.WaitForAsync();
        await Browser.AssertFitsAsync(phone, "godtatt referat");
        await Browser.ScreenshotAsync(phone, "samtale-godtatt-360");

        // The leader asks the employer for help with Sofie.
        await leader.GotoAsync($"/ordninger/{Even}/samtaler");
        await Keys.ChooseAsync(leader, "henvendelse-assistent", Sofie.ToString(), limit: 200);
        await Keys.TabToAsync(leader, "henvendelse-tekst");
        await leader.Keyboard.TypeAsync("Kan HMS-rådgiveren være med på neste samtale?");
        await Keys.PressAsync(leader, "Send til arbeidsgiveren");
        await leader.GetByText("Henvendelsen er sendt til arbeidsgiveren.").WaitForAsync();

        // The east office's coordinator: the start page's notice, the requests page, the answer.
        var coordinator = await browser.NewPageAsync(1280, 900, baseUrl);
        await Browser.SignInAsync(coordinator, DemoLogins.CoordinatorEast);
        await coordinator.GetByText("1 henvendelser fra arbeidsledere venter på svar.", new() { Exact = false }).WaitForAsync();
        await Keys.TabToLinkAsync(coordinator, "Henvendelser fra arbeidsledere", limit: 80);
        await coordinator.Keyboard.PressAsync("Enter");
        await coordinator.GetByRole(AriaRole.Heading, new() { Name = "Henvendelser fra arbeidsledere", Level = 1 }).WaitForAsync();
        var answer = (await coordinator.Locator("textarea[id^='svar-']").First.GetAttributeAsync("id"))!;
        await Keys.TabToAsync(coordinator, answer);
        await coordinator.Keyboard.TypeAsync("Ja, hun kommer 14. desember.");
        await Keys.PressAsync(coordinator, "Send svaret");
        await coordinator.GetByText("Svaret er sendt.").WaitForAsync();
        await Browser.AssertAccessibleAsync(coordinator, "henvendelser");

        // The coordinator also writes the reference letter of a former assistant of the office (HR-15-15): the ending's reason
        // recorded, the letter issued, and the PDF downloaded and read back.
        var former = DemoIds.For("assistant:former");
        var employment = DemoIds.For("employment:former");
        await coordinator.GotoAsync($"/assistenter/{former}/ansettelse");
        await Keys.TabToAsync(coordinator, $"avslutning-{employment:N}", limit: 150);
        await coordinator.Keyboard.PressAsync("Enter");
        await Keys.PressAsync(coordinator, "Avslutt arbeidsforholdet");
        await coordinator.GetByText("Arbeidsforholdet er avsluttet", new() { Exact = false }).First.WaitForAsync();
        await Keys.TabToAsync(coordinator, $"avslutning-{employment:N}", limit: 150);
        await coordinator.Keyboard.PressAsync("Enter");
        await Keys.PressAsync(coordinator, "Skriv attest");
        await coordinator.GetByText("Attesten er skrevet.", new() { Exact = false }).WaitForAsync();
        await Browser.AssertAccessibleAsync(coordinator, "ansettelse med attest");
        var download = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.GetByRole(AriaRole.Link, new() { Name = "Attest skrevet 23. november 2026 (PDF)" }).ClickAsync());
        using (var pdf = PdfSharp.Pdf.IO.PdfReader.Open(await download.PathAsync(), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import))
        {
            pdf.Info.Title.ShouldBe("Attest – Frida Lervik");
            pdf.PageCount.ShouldBe(1);
        }

        // Back with the leader: the answer is there.
        await leader.GotoAsync($"/ordninger/{Even}/samtaler");
        (await leader.Locator("#arbeidsgiver").Locator("..").InnerTextAsync()).ShouldContain("Ja, hun kommer 14. desember.");
        await Browser.AssertAccessibleAsync(leader, "samtaler med svar");
        await Browser.ScreenshotAsync(leader, "samtaler-svar");
    }
}
