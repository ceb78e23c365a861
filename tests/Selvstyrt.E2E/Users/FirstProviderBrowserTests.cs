using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.E2E.Users;

/// <summary>
/// Issue 16's start as a new provider meets it: an empty database (no demo data), the command line creates the
/// provider and its administrator, the set-password mail arrives at an SMTP server on loopback, and the administrator
/// opens the link on a 360 px phone, chooses a password by keyboard only, signs in, sets up the first office and
/// municipality with its contract, creates the first arrangement with its recipient and invites its work leader, who
/// sets a password from the invitation and signs in; then imports twenty assistants from an Excel file (one bad row first),
/// and the work leader builds and publishes the first plan with two of them by keyboard. One host, one sign-in each.
/// </summary>
public sealed partial class FirstProviderBrowserTests(Browser browser)
{
    [GeneratedRegex(@"(https://\S+/passord\?lenke=\S+)")]
    private static partial Regex LinkPattern();

    [Fact]
    public async Task EmptyDatabase_CommandLineCreatesTheProvider_AdministratorSetsAPasswordFromTheMailByKeyboardAt360Px()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var smtp = TestSmtpServer.Start();
        var (host, baseUrl) = MailHost.Start(smtp, new Dictionary<string, string> { ["Demo:Seed"] = "false" });
        await using var factory = host;

        var (exit, output, error) = await CliProcess.RunAsync(
            "admin create-provider --name \"Fjordassistanse AS\" --org-number \"912 345 688\" --admin-email ada@fjord.test --admin-name \"Ada Admin\"",
            environment: new Dictionary<string, string>
            {
                ["Database__Provider"] = "Sqlite",
                ["Database__ConnectionString"] = factory.ConnectionString,
                ["Mail__Smtp__Host"] = "127.0.0.1",
                ["App__PublicUrl"] = baseUrl,
            }, ct: ct);
        exit.ShouldBe(0, error);
        // The command line stamps its rows with the real clock; the app's fixed test clock must not be behind them.
        factory.Clock.Reset(NodaTime.SystemClock.Instance.GetCurrentInstant());
        output.ShouldContain("Leverandøren er opprettet");
        var mail = await smtp.WaitForAsync("ada@fjord.test");
        var link = LinkPattern().Match(mail.TextBody ?? "").Groups[1].Value;
        link.ShouldStartWith(baseUrl);

        var page = await browser.NewPageAsync(360, 740, baseUrl);
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Velg passord", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(page, "velg passord");
        await Browser.ScreenshotAsync(page, "velg-passord-360");

        // First two different passwords: the error is named and linked, and the link still works.
        await ChoosePasswordAsync(page, "tre ord etter hverandre", "tre ord etter hverandra");
        await page.Locator("#feiloppsummering").GetByText("Passordene er ikke like").WaitForAsync();
        await Browser.AssertFitsAsync(page, "velg passord med feil");
        await Browser.ScreenshotAsync(page, "velg-passord-feil-360");

        await ChoosePasswordAsync(page, "tre ord etter hverandre", "tre ord etter hverandre");
        await page.WaitForURLAsync(url => url.Contains("/logg-inn?passord=lagret", StringComparison.Ordinal));
        await page.GetByText("Passordet er lagret.").WaitForAsync();
        (await page.Locator("#epost").InputValueAsync()).ShouldBe("ada@fjord.test");
        await Browser.AssertFitsAsync(page, "innlogging etter nytt passord");
        await Browser.ScreenshotAsync(page, "passord-lagret-360");

        await Keys.TabToAsync(page, "passord");
        await page.Keyboard.TypeAsync("tre ord etter hverandre");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/logg-inn", StringComparison.Ordinal));
        await page.GetByText("Hei, Ada Admin.").WaitForAsync();
        await Browser.AssertFitsAsync(page, "startsiden til en ny leverandør");
        await Browser.ScreenshotAsync(page, "ny-leverandor-start-360");

        // The start page points a new administrator to the organisation: an office and a municipality with its contract.
        await page.GetByRole(AriaRole.Link, new() { Name = "Sett opp organisasjonen" }).ClickAsync();
        await page.WaitForURLAsync("**/organisasjon");
        await Browser.AssertFitsAsync(page, "organisasjon uten kontorer");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nytt kontor" }).ClickAsync();
        await page.GetByLabel("Navn på kontoret").FillAsync("Kontor Fjord");
        await page.GetByLabel("Region", new() { Exact = true }).FillAsync("Region Vest");
        await Browser.AssertFitsAsync(page, "nytt kontor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opprett kontor" }).ClickAsync();
        await page.WaitForURLAsync("**/organisasjon?lagret=kontor");
        await page.GetByRole(AriaRole.Link, new() { Name = "Legg til kommune" }).ClickAsync();
        await page.GetByLabel("Kommunenummer").FillAsync("4601");
        await page.GetByLabel("Navn på kommunen").FillAsync("Bergen");
        await page.GetByLabel("Timepris (kroner)").FillAsync("512,50");
        await page.GetByLabel("Gjelder fra").FillAsync("2027-01-01");
        await page.GetByLabel("Kontaktperson for rapporter").FillAsync("Kari Kommune");
        await page.GetByLabel("Kontaktpersonens e-post").FillAsync("kari@bergen.kommune.no");
        await Browser.AssertFitsAsync(page, "legg til kommune");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
        await page.WaitForURLAsync("**/organisasjon?lagret=kommune");
        await page.GetByText("512,50 kr").WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Kontor Fjord" }).WaitForAsync();
        await Browser.AssertFitsAsync(page, "organisasjon med kontor og avtale");
        await Browser.ScreenshotAsync(page, "organisasjon-360");

        // The first arrangement, with its recipient, from the start page (on a phone the menu is folded behind «Meny»).
        await page.GetByRole(AriaRole.Button, new() { Name = "Meny" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mine ordninger" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ny ordning" }).ClickAsync();
        await page.WaitForURLAsync("**/ordninger/ny");
        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync("Nora Nyberg");
        await page.GetByLabel("Fødselsdato").FillAsync("1990-05-01");
        await page.GetByLabel("Startdato").FillAsync("2027-01-01");
        await Browser.AssertFitsAsync(page, "ny ordning");
        await Browser.ScreenshotAsync(page, "ny-ordning-360");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opprett ordning" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("?ny=1", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Heading, new() { Name = "Ordningen til Nora", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(page, "ordningen er opprettet");
        await Browser.ScreenshotAsync(page, "ordning-opprettet-360");

        // The work leader is invited from the arrangement, gets the mail, chooses a password on their own phone and leads.
        await page.GetByRole(AriaRole.Link, new() { Name = "Inviter arbeidsleder eller stedfortreder" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/brukere/inviter", StringComparison.Ordinal));
        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync("Nora Nyberg");
        await page.GetByLabel("E-post").FillAsync("nora@fjord.test");
        (await page.GetByLabel("Arbeidsleder i en ordning", new() { Exact = true }).IsCheckedAsync()).ShouldBeTrue();
        await Browser.AssertFitsAsync(page, "inviter");
        await Browser.ScreenshotAsync(page, "inviter-360");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitasjon" }).ClickAsync();
        await page.WaitForURLAsync("**/brukere?invitert=1");
        await page.GetByText("invitert, har ikke valgt passord ennå").WaitForAsync();
        await Browser.AssertFitsAsync(page, "brukere");
        await Browser.ScreenshotAsync(page, "brukere-360");

        var invitation = await smtp.WaitForAsync("nora@fjord.test");
        invitation.Subject.ShouldBe("Invitasjon til Selvstyrt: arbeidsleder for Ordningen til Nora");
        var leaderPage = await browser.NewPageAsync(360, 740, baseUrl);
        // The host's public address is set before it picks its port, so the link's path is opened on the host itself.
        await leaderPage.GotoAsync(new Uri(LinkPattern().Match(invitation.TextBody ?? "").Groups[1].Value).PathAndQuery);
        await Browser.AssertFitsAsync(leaderPage, "invitasjonens lenke");
        await ChoosePasswordAsync(leaderPage, "nora leder selv", "nora leder selv");
        await leaderPage.WaitForURLAsync(url => url.Contains("/logg-inn?passord=lagret", StringComparison.Ordinal));
        await Keys.TabToAsync(leaderPage, "passord");
        await leaderPage.Keyboard.TypeAsync("nora leder selv");
        await leaderPage.Keyboard.PressAsync("Enter");
        await leaderPage.WaitForURLAsync(url => !url.Contains("/logg-inn", StringComparison.Ordinal));
        await leaderPage.GetByRole(AriaRole.Link, new() { Name = "Ordningen til Nora" }).WaitForAsync();
        await Browser.AssertFitsAsync(leaderPage, "arbeidslederens start");
        await Browser.ScreenshotAsync(leaderPage, "arbeidsleder-start-360");

        // Twenty assistants from the payroll system's Excel file: one bad row names itself and saves nothing; the fixed
        // file saves all of them with their place in the arrangement; the same file again would change nothing.
        await ImportAsync(page, Workbook(badRow: true), "import-feil");
        await page.GetByText("«åtti» er ikke et tall.").WaitForAsync();
        await page.GetByText("Ingenting er lagret", new() { Exact = false }).First.WaitForAsync();
        await Browser.AssertFitsAsync(page, "import med feil");
        await Browser.ScreenshotAsync(page, "import-feil-360");
        await page.GetByRole(AriaRole.Link, new() { Name = "Last opp den rettede filen" }).ClickAsync();
        await ImportAsync(page, Workbook(badRow: false), "import-riktig");
        await page.GetByText("Filen er riktig.", new() { Exact = false }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer 20 rader" }).ClickAsync();
        await page.WaitForURLAsync("**/assistenter/import?importert=20");
        await page.GetByText("Importen er lagret: 20 assistenter er nye eller endret.").WaitForAsync();
        await Browser.AssertFitsAsync(page, "import lagret");
        await ImportAsync(page, Workbook(badRow: false), "import-igjen");
        await page.GetByText("Alt i filen er allerede registrert.", new() { Exact = false }).WaitForAsync();
        await page.GotoAsync("/assistenter?sok=Importert");
        await page.GetByRole(AriaRole.Link, new() { Name = "Importert Assistent 20" }).WaitForAsync();
        await Browser.AssertFitsAsync(page, "importerte assistenter");

        // The work leader builds the first plan with two of the imported assistants and publishes it, by keyboard.
        var planner = await browser.NewPageAsync(1280, 900, baseUrl);
        await Browser.SignInAsync(planner, "nora@fjord.test", "nora leder selv");
        await planner.GetByRole(AriaRole.Link, new() { Name = "Ordningen til Nora" }).ClickAsync();
        await planner.GetByRole(AriaRole.Link, new() { Name = "Arbeidsplan", Exact = true }).ClickAsync();
        await Keys.TabToAsync(planner, "plan-navn");
        await planner.Keyboard.TypeAsync("Turnus 2027");
        await Keys.TypeDateAsync(planner, "plan-start", new DateOnly(2027, 1, 4));
        await Keys.TabToButtonAsync(planner, "Lag planen");
        await planner.Keyboard.PressAsync("Enter");
        await Assertions.Expect(planner.Locator("h1")).ToHaveTextAsync("Turnus 2027");
        var imported = await planner.Locator("#ny-assistent option").EvaluateAllAsync<string[][]>("os => os.map(o => [o.value, o.textContent])");
        string Person(string name) => imported.Single(o => o[1] == name)[0];
        await Plans.PlanEditorBrowserTests.AddAsync(planner, "", Person("Importert Assistent 1"), "", [1, 2, 3, 4], [1, 2], ("08:00", "16:00"));
        await Assertions.Expect(planner.Locator("#planstatus")).ToContainTextAsync("vakter lagt til");
        await Plans.PlanEditorBrowserTests.AddAsync(planner, "", Person("Importert Assistent 2"), "", [1, 2, 3, 4], [3, 4], ("08:00", "16:00"));
        await Assertions.Expect(planner.Locator("#planstatus")).ToContainTextAsync("vakter lagt til");
        await Browser.AssertAccessibleAsync(planner, "den første planen");
        var today = NodaTime.SystemClock.Instance.GetCurrentInstant().InZone(NodaTime.DateTimeZoneProviders.Tzdb["Europe/Oslo"]).Date;

        // Nobody may work before the police certificate is shown and the declaration signed (issue 19): the editor says so, and
        // the administrator records both for the two, on the phone, from each assistant's page.
        await planner.GetByRole(AriaRole.Heading, new() { Name = "Kan ikke arbeide ennå (2)" }).WaitForAsync();
        foreach (var name in new[] { "Importert Assistent 1", "Importert Assistent 2" })
            await RecordCertificateAndDeclarationAsync(page, name, new DateOnly(today.Year, today.Month, today.Day));
        await planner.ReloadAsync();
        (await planner.Locator("body").InnerTextAsync()).ShouldNotContain("Kan ikke arbeide ennå");

        // AML-10-3-1: discussed today, more than 14 days before it begins.
        await Keys.TypeDateAsync(planner, "publiser-drøftet", new DateOnly(today.Year, today.Month, today.Day), limit: 400);
        await Keys.TabToButtonAsync(planner, "Publiser", limit: 20);
        await planner.Keyboard.PressAsync("Enter");
        await Assertions.Expect(planner.Locator("#planstatus")).ToContainTextAsync("Planen er publisert", new() { Timeout = 15_000 });
        await Browser.AssertAccessibleAsync(planner, "den første planen publisert");
        await Browser.ScreenshotAsync(planner, "forste-plan-publisert");

        await page.GotoAsync("/varsler");
        await page.GetByText("Du har ingen varsler.").WaitForAsync();
        await Browser.AssertFitsAsync(page, "varsler");

        // The used link says so, and «Glemt passord?» is there for the next time.
        await page.GotoAsync(link);
        await page.GetByText("Lenken er allerede brukt").WaitForAsync();
        await Browser.AssertAccessibleAsync(page, "brukt lenke");
        await page.GotoAsync("/glemt-passord");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Glemt passord", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(page, "glemt passord");
        await Browser.ScreenshotAsync(page, "glemt-passord-360");
    }

    /// <summary>On the assistant's «Ansettelse og oppstart»: the police certificate shown today, the declaration signed on paper today.</summary>
    private static async Task RecordCertificateAndDeclarationAsync(IPage page, string name, DateOnly today)
    {
        await page.GotoAsync("/assistenter?sok=" + Uri.EscapeDataString(name));
        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ansettelse og oppstart: politiattest, arbeidsavtale og taushetserklæring" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Ansettelse og oppstart for {name}", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(page, "ansettelse og oppstart");
        var certificate = (await page.Locator("[id^='attest-dato-']").GetAttributeAsync("id"))!;
        await Keys.TypeDateAsync(page, certificate, today, limit: 120);
        await Keys.TabToButtonAsync(page, "Lagre politiattest");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("Politiattesten er registrert.").WaitForAsync();
        await Keys.TypeDateAsync(page, "taushet-dato", today, limit: 120);
        await Keys.TabToButtonAsync(page, "Registrer papirerklæring");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("Taushetserklæringen er registrert.").WaitForAsync();
        await Browser.AssertFitsAsync(page, "politiattest og taushetserklæring registrert");
    }

    /// <summary>Uploads a file on «Importer assistenter», keeps the guessed columns and previews.</summary>
    private static async Task ImportAsync(IPage page, byte[] file, string label)
    {
        await page.GotoAsync("/assistenter/import");
        await page.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "ansatte.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = file,
        });
        await Browser.AssertFitsAsync(page, label);
        await page.GetByRole(AriaRole.Button, new() { Name = "Last opp og velg kolonner" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/assistenter/import?fil=", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Forhåndsvis" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Forhåndsvisning" }).WaitForAsync();
    }

    /// <summary>An export as payroll systems make it: employee number, name, start date as a date cell, position, arrangement.</summary>
    private static byte[] Workbook(bool badRow)
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.AddWorksheet("Ansatte");
        string[] headers = ["Ansattnr", "Navn", "Mobil", "Ansatt fra", "Stillingsprosent", "Ordning"];
        for (var c = 0; c < headers.Length; c++) sheet.Cell(1, c + 1).Value = headers[c];
        for (var i = 1; i <= 20; i++)
        {
            sheet.Cell(i + 1, 1).Value = $"{500 + i}";
            sheet.Cell(i + 1, 2).Value = $"Importert Assistent {i}";
            sheet.Cell(i + 1, 3).Value = $"9{i:0000000}";
            sheet.Cell(i + 1, 4).Value = new DateTime(2027, 1, 1);
            sheet.Cell(i + 1, 5).Value = badRow && i == 3 ? "åtti" : $"{20 + i}";
            sheet.Cell(i + 1, 6).Value = "Ordningen til Nora";
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Both password fields by keyboard: Tab to the first, type, Tab, type, Enter.</summary>
    private static async Task ChoosePasswordAsync(IPage page, string password, string repeat)
    {
        await Keys.TabToAsync(page, "nytt-passord");
        await page.Keyboard.TypeAsync(password);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(repeat);
        await page.Keyboard.PressAsync("Enter");
    }
}
