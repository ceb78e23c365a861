using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.E2E.Hiring;

/// <summary>
/// Issue 19's browser journey in the demo: the work leader registers and interviews an applicant and approves him; the
/// administrator hires him (the invitation goes by mail), records the police certificate and signs the drafted contract; the new
/// assistant chooses his password, and on a phone signs the confidentiality declaration and the contract; the work leader gives
/// him the ventilator training, and the plan editor offers him with nothing standing in the way. axe and 360 px on every page a
/// phone user sees; axe on the rest. A host of its own (it hires into the demo's 24/7 arrangement).
/// </summary>
public sealed partial class HiringBrowserTests(Browser browser)
{
    private static readonly Guid Even = DemoIds.For("arrangement:10");
    private static readonly Guid EvenPlan = DemoIds.For("plan:10");

    [GeneratedRegex(@"https://\S+(/passord\?lenke=\S+)")]
    private static partial Regex LinkPattern();

    [Fact]
    public async Task AnApplicant_IsRecruitedHiredAndSigned_FromAPhone_AndBecomesPlannable()
    {
        await using var smtp = TestSmtpServer.Start();
        var (host, baseUrl) = MailHost.Start(smtp);
        await using var factory = host;

        // The work leader: from the arrangement to its recruitment, a new applicant, the interview, the choice.
        var leader = await browser.NewPageAsync(1280, 900, baseUrl);
        await Browser.SignInAsync(leader, DemoLogins.WorkLeader);
        await leader.GotoAsync($"/ordninger/{Even}");
        await Keys.TabToLinkAsync(leader, "Rekruttering", limit: 150);
        await leader.Keyboard.PressAsync("Enter");
        await leader.GetByRole(AriaRole.Heading, new() { Name = "Rekruttering til Ordningen til Even", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(leader, "rekrutteringer");
        await Keys.TabToLinkAsync(leader, "Personlig assistent, 50 % turnus døgnet rundt");
        await leader.Keyboard.PressAsync("Enter");
        await leader.GetByRole(AriaRole.Heading, new() { Name = "Søkere (2)" }).WaitForAsync();
        foreach (var (id, text) in new[] { ("soker-navn", "Nils Nyhus"), ("soker-epost", "nils@eksempel.no"), ("soker-sammendrag", "Vernepleierstudent, kan ta netter.") })
        {
            await Keys.TabToAsync(leader, id, limit: 80);
            await leader.Keyboard.TypeAsync(text);
        }
        await Keys.PressAsync(leader, "Registrer søker");
        await leader.GetByText("Nils Nyhus er registrert som søker.").WaitForAsync();
        await Browser.AssertAccessibleAsync(leader, "rekruttering med ny søker");
        await Keys.TabToLinkAsync(leader, "Nils Nyhus");
        await leader.Keyboard.PressAsync("Enter");
        await leader.GetByRole(AriaRole.Heading, new() { Name = "Nils Nyhus", Level = 1 }).WaitForAsync();
        await Keys.TypeDateAsync(leader, "intervju-dato", new DateOnly(2026, 11, 23), limit: 120);
        await Keys.TabToAsync(leader, "intervju-notater");
        await leader.Keyboard.TypeAsync("Even presenterte seg. Nils er rolig og vil lære respirator.");
        await Keys.PressAsync(leader, "Lagre intervjuet");
        await leader.GetByText("Intervjuet er lagret.").WaitForAsync();
        await Keys.PressAsync(leader, "Godkjenn som valgt", 200);
        await leader.GetByText("Søkeren er godkjent som valgt.", new() { Exact = false }).WaitForAsync();
        await Browser.AssertFitsAsync(leader, "søker valgt");
        await Browser.ScreenshotAsync(leader, "soker-valgt");
        var applicantUrl = leader.Url;

        // The administrator hires him from the same page, and lands on his hiring page.
        var admin = await browser.NewPageAsync(1280, 900, baseUrl);
        await Browser.SignInAsync(admin, DemoLogins.ProviderAdmin);
        await admin.GotoAsync(new Uri(applicantUrl).PathAndQuery);
        await Keys.TypeDateAsync(admin, "ansett-start", new DateOnly(2026, 11, 30), limit: 200);
        await Keys.TypeDateAsync(admin, "ansett-proevetid", new DateOnly(2027, 5, 29));
        await Keys.TabToAsync(admin, "ansett-lonn");
        await admin.Keyboard.TypeAsync("250");
        await Browser.ScreenshotAsync(admin, "ansett");
        await Keys.PressAsync(admin, "Ansett søkeren");
        await admin.GetByRole(AriaRole.Heading, new() { Name = "Ansettelse og oppstart for Nils Nyhus", Level = 1 }).WaitForAsync();
        var nils = Guid.Parse(new Uri(admin.Url).Segments[2].TrimEnd('/'));
        await Browser.AssertFitsAsync(admin, "ansettelse");

        // The police certificate shown today, without remarks; the contract drafted and signed by the employer.
        var certificate = (await admin.Locator("[id^='attest-dato-']").GetAttributeAsync("id"))!;
        await Keys.TypeDateAsync(admin, certificate, new DateOnly(2026, 11, 23), limit: 120);
        await Keys.PressAsync(admin, "Lagre politiattest");
        await admin.GetByText("Politiattesten er registrert.").WaitForAsync();
        await Keys.PressAsync(admin, "Lag arbeidsavtale");
        await admin.GetByRole(AriaRole.Heading, new() { Name = "Arbeidsavtale for Nils Nyhus hos Demo Assistanse AS", Level = 1 }).WaitForAsync();
        (await admin.Locator("#del-pay").InputValueAsync()).ShouldContain("Timelønn: 250,00 kr");
        await Browser.AssertFitsAsync(admin, "kontraktutkast");
        await Keys.PressAsync(admin, "Lagre og signer som arbeidsgiver", 200);
        await admin.GetByText("Avtalen er signert av arbeidsgiveren og sendt til assistenten for signering.").WaitForAsync();
        await Browser.ScreenshotAsync(admin, "kontrakt-sendt");

        // Nils, on his phone: the invitation's link, his password, the start page's reminder, the declaration and the contract.
        var invitation = await smtp.WaitForAsync("nils@eksempel.no");
        var phone = await browser.NewPageAsync(360, 740, baseUrl);
        await phone.GotoAsync(LinkPattern().Match(invitation.TextBody ?? "").Groups[1].Value);
        await Keys.TabToAsync(phone, "nytt-passord");
        await phone.Keyboard.TypeAsync("nils sitt passord");
        await Keys.TabToAsync(phone, "gjenta-passord");
        await phone.Keyboard.TypeAsync("nils sitt passord");
        await phone.Keyboard.PressAsync("Enter");
        await phone.WaitForURLAsync(url => url.Contains("/logg-inn?passord=lagret", StringComparison.Ordinal));
        (await phone.Locator("#epost").InputValueAsync()).ShouldBe("nils@eksempel.no");
        await Keys.TabToAsync(phone, "passord");
        await phone.Keyboard.TypeAsync("nils sitt passord");
        await phone.Keyboard.PressAsync("Enter");
        await phone.GetByText("Du har papirer som venter på signaturen din", new() { Exact = false }).WaitForAsync();
        await Browser.AssertFitsAsync(phone, "start med papirer");
        await Keys.TabToLinkAsync(phone, "Mine dokumenter", limit: 60);
        await phone.Keyboard.PressAsync("Enter");
        await phone.GetByRole(AriaRole.Heading, new() { Name = "Mine dokumenter", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(phone, "mine dokumenter");
        await Keys.PressAsync(phone, "Jeg har lest og signerer taushetserklæringen");
        await phone.GetByText("Taushetserklæringen er signert.").WaitForAsync();
        await Keys.TabToLinkAsync(phone, "Arbeidsavtale fra 30. november 2026");
        await phone.Keyboard.PressAsync("Enter");
        await phone.GetByRole(AriaRole.Heading, new() { Name = "Arbeidsavtale for Nils Nyhus hos Demo Assistanse AS", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(phone, "arbeidsavtalen på telefonen");
        await Keys.PressAsync(phone, "Jeg godtar og signerer arbeidsavtalen", 200);
        await phone.GetByText("Du har signert arbeidsavtalen.").WaitForAsync();
        await phone.GetByText("Signert av begge").First.WaitForAsync();
        await Browser.AssertFitsAsync(phone, "signert avtale");
        await Browser.ScreenshotAsync(phone, "avtale-signert-360");

        // The work leader trains him for the ventilator, and the plan editor has him with nothing standing in the way.
        await leader.GotoAsync($"/assistenter/{nils}");
        foreach (var kind in new[] { DemoIds.For("competence:respirator"), DemoIds.For("competence:forflytning") })
        {
            await Keys.ChooseAsync(leader, "kompetanse-type", kind.ToString());
            await Keys.TypeDateAsync(leader, "kompetanse-dato", new DateOnly(2026, 11, 23));
            await Keys.TabToAsync(leader, "kompetanse-hvem");
            await leader.Keyboard.TypeAsync("LTMV-kurs og Even");
            await Keys.PressAsync(leader, "Registrer kompetansen");
            await leader.GetByText("Kompetansen er registrert.", new() { Exact = false }).First.WaitForAsync();
        }
        (await leader.Locator("#kompetanse-tittel").Locator("..").InnerTextAsync()).ShouldContain(DemoCompetences.Ventilator);
        await Browser.AssertAccessibleAsync(leader, "assistent med kompetanse");
        await leader.GotoAsync($"/ordninger/{Even}/arbeidsplan/{EvenPlan}");
        (await leader.Locator("#ny-assistent option").AllInnerTextsAsync()).ShouldContain(t => t.Contains("Nils Nyhus", StringComparison.Ordinal));
        (await leader.Locator("body").InnerTextAsync()).ShouldNotContain("Kan ikke arbeide ennå");
        await Browser.AssertAccessibleAsync(leader, "arbeidsplanen");
    }
}
