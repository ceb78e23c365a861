using System.Text;
using Microsoft.Playwright;
using Selvstyrt.Data.Demo;
using Shouldly;
using Xunit;

namespace Selvstyrt.E2E.TimeSheets;

/// <summary>
/// Issue 6 in a real browser: the demo assistant keeps September's time sheet on a 360 px phone (starts it from the
/// plan, confirms the month, changes one shift with a reason, submits by keyboard); the work leader sees the check's
/// findings and approves; the provider attests and downloads the payroll file; appendix 2 carries the three
/// signatures. axe on every page visited.
/// </summary>
public sealed class TimeSheetBrowserTests(Browser browser)
{
    [Fact]
    public async Task AMonth_FromThePhoneToThePayrollFile()
    {
        var phone = await browser.NewPageAsync(360, 780);
        await Browser.SignInAsync(phone, DemoLogins.Assistant);
        await phone.GotoAsync("/timelister");
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("Timelister");
        await Browser.AssertAccessibleAsync(phone, "timelister (assistent)");
        await Browser.ScreenshotAsync(phone, "timelister-360");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Start timeliste fra planen: september 2026, Ordningen til Even" }).ClickAsync();
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("Timeliste september 2026");
        var sheetUrl = new Uri(phone.Url).AbsolutePath;
        await Browser.AssertAccessibleAsync(phone, "timeliste, ikke bekreftet");
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scrolling at 360 px");

        await phone.GetByRole(AriaRole.Button, new() { Name = "Bekreft alle åpne som planlagt" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Alle åpne vakter er bekreftet som planlagt.");

        // The first shift ran half an hour over: overtime, with its reason and the reason for the change.
        await phone.Locator(".app-entry").First.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Endre vakten") }).ClickAsync();
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("Endre vakt");
        await Browser.AssertAccessibleAsync(phone, "endre vakt");
        var end = TimeOnly.Parse(await phone.InputValueAsync("#slutt"), System.Globalization.CultureInfo.InvariantCulture).AddMinutes(30);
        await phone.FillAsync("#slutt", end.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await phone.FillAsync("#overtid", "30");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
        // Without the reasons the form says what is missing, by field, and keeps what was typed.
        await Assertions.Expect(phone.Locator("#feiloppsummering")).ToContainTextAsync("Oppgi årsaken til overtiden");
        (await phone.InputValueAsync("#overtid")).ShouldBe("30");
        await Browser.AssertAccessibleAsync(phone, "endre vakt med feil");
        await Browser.ScreenshotAsync(phone, "endre-vakt-360");
        await phone.FillAsync("#overtid-aarsak", "Avløseren kom sent");
        await phone.FillAsync("#aarsak", "Ble en halvtime lenger");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Lagret.");
        await Assertions.Expect(phone.Locator(".app-entry").First).ToContainTextAsync("Arbeidet, endret");
        await Browser.ScreenshotAsync(phone, "timeliste-360");

        await Keys.TabToButtonAsync(phone, "Send til godkjenning", limit: 400);
        await phone.Keyboard.PressAsync("Enter");
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Timelisten er sendt til godkjenning.");
        await Browser.AssertAccessibleAsync(phone, "timeliste sendt");

        // The work leader finds it in the queue with the check's findings, and approves.
        var leader = await browser.NewPageAsync();
        await Browser.SignInAsync(leader, DemoLogins.WorkLeader);
        await leader.GotoAsync("/timelister");
        await Browser.AssertAccessibleAsync(leader, "timelister (arbeidsleder)");
        var row = leader.GetByRole(AriaRole.Row).Filter(new() { HasText = "september 2026" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(leader.Locator("h1")).ToHaveTextAsync("Timeliste september 2026");
        (await leader.Locator("#kontroll-tittel + ul li").CountAsync()).ShouldBeGreaterThan(0, "the check shows the rules engine's findings on the actual time");
        await Browser.AssertAccessibleAsync(leader, "timeliste til godkjenning");
        await Browser.ScreenshotAsync(leader, "timeliste-godkjenning");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Godkjenn", Exact = true }).ClickAsync();
        await Assertions.Expect(leader.GetByRole(AriaRole.Status)).ToContainTextAsync("Timelisten er godkjent.");

        // The provider attests and exports September, and downloads the file.
        var admin = await browser.NewPageAsync();
        await Browser.SignInAsync(admin, DemoLogins.ProviderAdmin);
        await admin.GotoAsync("/lonn?maaned=2026-09");
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Attestering og lønn");
        await Browser.AssertAccessibleAsync(admin, "lønn");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Attester alle 1 godkjente" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("1 timelister attestert, 0 avvist");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Overfør attesterte timelister" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Filen er laget");
        await Browser.AssertAccessibleAsync(admin, "lønn etter overføring");
        await Browser.ScreenshotAsync(admin, "lonn");
        var download = await admin.RunAndWaitForDownloadAsync(() => admin.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^lonn-2026-09-generisk") }).ClickAsync());
        download.SuggestedFilename.ShouldStartWith("lonn-2026-09-generisk");
        var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken));
        text.ShouldContain("Ansattnummer;Navn;Lønnsart");
        text.ShouldContain("1043;Sofie Lie;1000;normal");
        text.ShouldContain(";overtime");

        // The working-time record (AML § 10-7) and the assistant's payroll details, as the employer sees them.
        await admin.GotoAsync($"/arbeidstid/{DemoIds.For("assistant:42")}?fra=2026-09-01&til=2026-09-30");
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Arbeidstidsregistrering: Sofie Lie");
        await Assertions.Expect(admin.GetByRole(AriaRole.Table)).ToContainTextAsync("Avløseren kom sent");
        await Browser.AssertAccessibleAsync(admin, "arbeidstid");
        await Browser.ScreenshotAsync(admin, "arbeidstid");
        await admin.GotoAsync($"/assistenter/{DemoIds.For("assistant:42")}");
        await Assertions.Expect(admin.GetByLabel("Ansattnummer i lønnssystemet")).ToHaveValueAsync("1043");
        await Browser.AssertAccessibleAsync(admin, "assistent med lønnsopplysninger");

        // Appendix 2 carries the three signature lines from the recorded steps.
        await phone.GotoAsync(sheetUrl + "/vedlegg-2");
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("Vedlegg 2 – Timeliste");
        await Assertions.Expect(phone.Locator(".app-signatures")).ToContainTextAsync("Sofie Lie");
        await Assertions.Expect(phone.Locator(".app-signatures")).ToContainTextAsync("Even Tangen");
        await Assertions.Expect(phone.Locator(".app-signatures")).ToContainTextAsync("Mona Sandvik");
        await Browser.AssertAccessibleAsync(phone, "vedlegg 2");
        await Browser.ScreenshotAsync(phone, "vedlegg-2-360");
    }
}
