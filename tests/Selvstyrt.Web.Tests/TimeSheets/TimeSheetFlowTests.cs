using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Domain.TimeSheets;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.TimeSheets;

/// <summary>
/// Issue 6 on both engines, through the API and the pages: a month from the published plan to an exported payroll
/// file whose totals agree with the sheets' pay bases to the øre and the minute; a second export of the same sheets
/// refused; bad input named; and 1,000 concurrent approvals and rejections of one sheet with exactly one winner.
/// </summary>
public sealed class TimeSheetFlowTests
{
    private static readonly Guid Arrangement10 = DemoIds.For("arrangement:10");
    private static readonly Guid Assistant42 = DemoIds.For("assistant:42");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A JSON call with the CSRF header a cookie-signed-in API caller needs.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null, int? revision = null, string? key = null)
    {
        var token = await client.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery", Ct);
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        if (revision is { } r) request.Headers.TryAddWithoutValidation("If-Match", $"\"{r}\"");
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        request.Headers.Add(token.GetProperty("headerName").GetString()!, token.GetProperty("token").GetString());
        return await client.SendAsync(request, Ct);
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(Ct);
            response.StatusCode.ShouldBe(expected, text);
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    private static Task<JsonElement> SheetAsync(HttpClient client, Guid id) => client.GetFromJsonAsync<JsonElement>($"/api/v1/timesheets/{id}", Ct)!;

    private static decimal PayAmount(JsonElement sheet) => sheet.GetProperty("payBasis").EnumerateArray().Sum(i => i.GetProperty("amount").GetDecimal());

    private static long PayMinutes(JsonElement sheet) => sheet.GetProperty("payBasis").EnumerateArray().Sum(i => i.GetProperty("minutes").GetInt64());

    [Theory, DatabaseData]
    public async Task AMonth_GoesFromThePlanToAnExportedPayrollFile_ThatAgreesWithThePayBases(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        // Early December: November is over, and its sheets are due.
        factory.Clock.Reset(NodaTime.Instant.FromUtc(2026, 12, 1, 9, 0));
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);

        // Start November from the 24/7 2:1 arrangement's plan; starting again gives the same sheet.
        var id = (await OkAsync(await SendAsync(assistant, HttpMethod.Post, $"/api/v1/arrangements/{Arrangement10}/timesheets", new { month = "2026-11-01" }))).GetProperty("id").GetGuid();
        (await OkAsync(await SendAsync(assistant, HttpMethod.Post, $"/api/v1/arrangements/{Arrangement10}/timesheets", new { month = "2026-11-01" }))).GetProperty("id").GetGuid().ShouldBe(id);
        var sheet = await SheetAsync(assistant, id);
        var entries = sheet.GetProperty("entries").EnumerateArray().ToList();
        entries.ShouldNotBeEmpty();
        entries.ShouldAllBe(e => e.GetProperty("status").GetString() == "Open" && e.GetProperty("plannedStart").ValueKind == JsonValueKind.String);

        // Submitting with open shifts is refused, naming them.
        using (var early = await SendAsync(assistant, HttpMethod.Post, $"/api/v1/timesheets/{id}/submit", revision: sheet.GetProperty("revision").GetInt32()))
        {
            early.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await early.Content.ReadAsStringAsync(Ct)).ShouldContain("verken bekreftet eller merket som ikke arbeidet");
        }

        // Confirm all on the page, then record one shift as an hour longer with overtime and its reason.
        using (var confirmed = await SelvstyrtFactory.PostFormAsync(assistant, $"/timelister/{id}", "steg",
                   new Dictionary<string, string> { ["Step.Action"] = "confirm-all", ["Step.Revision"] = sheet.GetProperty("revision").GetInt32().ToString(CultureInfo.InvariantCulture) }))
        {
            var html = WebUtility.HtmlDecode(await confirmed.Content.ReadAsStringAsync(Ct));
            html.ShouldContain("Alle åpne vakter er bekreftet", Case.Sensitive, System.Text.RegularExpressions.Regex.Replace(html[html.IndexOf("<main", StringComparison.Ordinal)..], "<[^>]+>", " ")[..1500]);
        }
        sheet = await SheetAsync(assistant, id);
        var first = sheet.GetProperty("entries")[0];
        var plannedEnd = first.GetProperty("end").GetDateTimeOffset();
        var localStart = NodaTime.Instant.FromDateTimeOffset(first.GetProperty("start").GetDateTimeOffset()).InZone(Auth.CurrentUser.Zone).LocalDateTime;
        var localEnd = NodaTime.Instant.FromDateTimeOffset(plannedEnd).InZone(Auth.CurrentUser.Zone).LocalDateTime.PlusHours(1);
        var change = new
        {
            date = localStart.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), start = localStart.TimeOfDay.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            end = localEnd.TimeOfDay.ToString("HH:mm:ss", CultureInfo.InvariantCulture), overtimeMinutes = 60, overtimeReason = "Avløser kom sent", reason = "Ble en time lenger",
        };
        using (var bad = await SendAsync(assistant, HttpMethod.Put, $"/api/v1/timesheets/{id}/entries/{first.GetProperty("id").GetGuid()}", change, sheet.GetProperty("revision").GetInt32() - 1))
            bad.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed, "a stale revision in If-Match");
        await OkAsync(await SendAsync(assistant, HttpMethod.Put, $"/api/v1/timesheets/{id}/entries/{first.GetProperty("id").GetGuid()}", change, sheet.GetProperty("revision").GetInt32()));
        sheet = await SheetAsync(assistant, id);
        var changed = sheet.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == first.GetProperty("id").GetGuid());
        changed.GetProperty("overtimeMinutes").GetInt32().ShouldBe(60);
        changed.GetProperty("plannedEnd").GetDateTimeOffset().ShouldBe(plannedEnd, "the plan is kept apart from the actual time (AML § 10-7)");
        sheet.GetProperty("payBasis").EnumerateArray().ShouldContain(i => i.GetProperty("category").GetString()!.StartsWith("overtime", StringComparison.Ordinal) && i.GetProperty("minutes").GetInt64() >= 60);

        await OkAsync(await SendAsync(assistant, HttpMethod.Post, $"/api/v1/timesheets/{id}/submit", revision: sheet.GetProperty("revision").GetInt32()));
        sheet = await SheetAsync(leader, id);
        sheet.GetProperty("state").GetString().ShouldBe("Submitted");
        using (var byAssistant = await SendAsync(assistant, HttpMethod.Post, $"/api/v1/timesheets/{id}/approve", revision: sheet.GetProperty("revision").GetInt32()))
            byAssistant.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "an assistant cannot approve their own sheet");
        var minutesBefore = PayMinutes(sheet);
        await OkAsync(await SendAsync(leader, HttpMethod.Post, $"/api/v1/timesheets/{id}/approve", revision: sheet.GetProperty("revision").GetInt32()));
        sheet = await SheetAsync(admin, id);
        PayMinutes(sheet).ShouldBe(minutesBefore, "approval never changes hours");
        await OkAsync(await SendAsync(admin, HttpMethod.Post, $"/api/v1/timesheets/{id}/attest", revision: sheet.GetProperty("revision").GetInt32()));

        // November's only attested sheet is this one: the export's rows for the assistant are its pay basis.
        var expected = PayAmount(await SheetAsync(admin, id));
        var expectedMinutes = PayMinutes(await SheetAsync(admin, id));

        var key = Guid.NewGuid().ToString("N");
        var export = (await OkAsync(await SendAsync(admin, HttpMethod.Post, $"/api/v1/providers/{DemoSeeder.ProviderId}/payroll-exports", new { month = "2026-11-01", format = "generisk" }, key: key), HttpStatusCode.Created));
        var exportId = export.GetProperty("id").GetGuid();
        (await OkAsync(await SendAsync(admin, HttpMethod.Post, $"/api/v1/providers/{DemoSeeder.ProviderId}/payroll-exports", new { month = "2026-11-01", format = "generisk" }, key: key), HttpStatusCode.Created))
            .GetProperty("id").GetGuid().ShouldBe(exportId, "a retry with the same key is the same export");
        var file = await admin.GetByteArrayAsync($"/lonn/eksport/{exportId}/fil", Ct);
        var rows = Encoding.UTF8.GetString(file).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.TrimEnd('\r').Split(';')).ToList();
        var nb = CultureInfo.GetCultureInfo("nb-NO");
        var mine = rows.Where(r => r[0] == "1043").ToList();
        mine.Sum(r => decimal.Parse(r[6], NumberStyles.Number, nb)).ShouldBe(expected);
        Math.Abs(mine.Sum(r => decimal.Parse(r[4], NumberStyles.Number, nb)) * 60 - expectedMinutes).ShouldBeLessThan(mine.Count, "hours are rounded to 1/100 per row");

        var stored = await DbAsync(factory, d => d.PayrollExports.AsNoTracking().SingleAsync(e => e.Id == exportId, Ct));

        // The hour account (and so the municipality report, built from the same days) counts the approved sheet's hours
        // where the plan had them: its actual hours are the export's paid time to the minute (Virke: passive time in full).
        var days = await DbAsync(factory, async _ =>
        {
            using var scope = factory.Services.CreateScope();
            var data = scope.ServiceProvider.GetRequiredService<Features.HourAccounts.HourData>();
            var loaded = await data.LoadAsync([Arrangement10], new NodaTime.LocalDate(2026, 11, 1), new NodaTime.LocalDate(2026, 11, 30), Ct);
            return loaded[Arrangement10].Days.Values.ToList();
        });
        // A night that runs past the month's end is paid in the month it began, while the hour account counts each day's
        // hours in its own month: the part after midnight on 1 December is the difference.
        var monthEnd = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(1));
        var afterMonth = (await SheetAsync(admin, id)).GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("counts").GetBoolean() && e.GetProperty("status").GetString() != "NotWorked")
            .Sum(e => (decimal)Math.Max(0, (e.GetProperty("end").GetDateTimeOffset() - Max(e.GetProperty("start").GetDateTimeOffset(), monthEnd)).TotalMinutes));
        Math.Round(days.Sum(d => d.Actual) * 60m, 6).ShouldBe(stored.TotalMinutes - afterMonth);
        days.Sum(d => d.Used).ShouldBe(days.Sum(d => d.Actual) + days.Sum(d => Math.Max(0m, d.Planned - d.PlannedApproved - d.Unused)));
        days.Sum(d => d.PlannedApproved).ShouldBeGreaterThan(0m);
        stored.Checksum.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file)));
        stored.TotalAmount.ShouldBe(rows.Sum(r => decimal.Parse(r[6], NumberStyles.Number, nb)));
        (await SheetAsync(admin, id)).GetProperty("state").GetString().ShouldBe("Exported");

        // The same sheets again: refused, and nothing new is recorded; explicitly made again: the same file.
        using (var again = await SendAsync(admin, HttpMethod.Post, $"/api/v1/providers/{DemoSeeder.ProviderId}/payroll-exports", new { month = "2026-11-01", format = "generisk" }, key: Guid.NewGuid().ToString("N")))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await again.Content.ReadAsStringAsync(Ct)).ShouldContain("allerede overført til lønn");
        }
        var redo = (await OkAsync(await SendAsync(admin, HttpMethod.Post, $"/api/v1/providers/{DemoSeeder.ProviderId}/payroll-exports",
            new { month = "2026-11-01", format = "generisk", reexportOf = exportId }, key: Guid.NewGuid().ToString("N")), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var redone = await DbAsync(factory, d => d.PayrollExports.AsNoTracking().SingleAsync(e => e.Id == redo, Ct));
        redone.IsReexport.ShouldBeTrue();
        redone.Checksum.ShouldBe(stored.Checksum);
        (await DbAsync(factory, d => d.PayrollExports.CountAsync(Ct))).ShouldBe(2);
    }

    [Theory, DatabaseData]
    public async Task SickDays_PayThePlannedShiftsAsSickPay_SYK_8_19_OnTheSheetAndInThePayrollExport_ApartFromWorkedTime(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        factory.Clock.Reset(NodaTime.Instant.FromUtc(2026, 12, 1, 9, 0));
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var zone = Auth.CurrentUser.Zone;

        // The assistant was sick two days in November on which they had shifts in the 24/7 2:1 arrangement.
        var first = await DbAsync(factory, async d =>
        {
            var plan = await d.WorkPlans.Include(p => p.Shifts).Include(p => p.Deviations).AsSplitQuery().SingleAsync(p => p.Id == DemoIds.For("plan:10"), Ct);
            return plan.ShiftsOf(Assistant42, new NodaTime.LocalDate(2026, 11, 16), new NodaTime.LocalDate(2026, 11, 28), zone).Min(s => s.Date);
        });
        var report = await OkAsync(await ApiCalls.PostAsync(assistant, "/api/v1/absences",
            JsonSerializer.Serialize(new { kind = "SelfCertified", from = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to = first.PlusDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }),
            Guid.NewGuid().ToString("N"), Ct), HttpStatusCode.Created);
        var absenceId = report.GetProperty("id").GetGuid();
        var lost = await DbAsync(factory, d => d.AbsenceShifts.AsNoTracking().Where(x => x.AbsenceId == absenceId).ToListAsync(Ct));
        lost.Count.ShouldBe(report.GetProperty("vacatedShifts").GetInt32(), "the shifts the absence took are recorded as the basis of sick pay");
        var lostMinutes = lost.Sum(x => (long)(x.End - x.Start).TotalMinutes);
        lostMinutes.ShouldBeGreaterThan(0);

        // Then a doctor's note at 50 % from their next working day: linked, still the employer's days; the plan keeps their
        // shifts (they work half), and half their hours are sick pay.
        var graded = await DbAsync(factory, async d =>
        {
            var plan = await d.WorkPlans.Include(p => p.Shifts).Include(p => p.Deviations).AsSplitQuery().SingleAsync(p => p.Id == DemoIds.For("plan:10"), Ct);
            return plan.ShiftsOf(Assistant42, first.PlusDays(2), new NodaTime.LocalDate(2026, 11, 30), zone).Min(s => s.Date);
        });
        var note = await OkAsync(await ApiCalls.PostAsync(assistant, "/api/v1/absences",
            JsonSerializer.Serialize(new { kind = "DoctorCertified", degree = 50, certificateDate = graded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                from = graded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to = graded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }),
            Guid.NewGuid().ToString("N"), Ct), HttpStatusCode.Created);
        note.GetProperty("vacatedShifts").GetInt32().ShouldBe(0, "a graded note leaves the shifts with the assistant");
        var half = await DbAsync(factory, d => d.AbsenceShifts.AsNoTracking().Where(x => x.AbsenceId == note.GetProperty("id").GetGuid()).ToListAsync(Ct));
        half.ShouldNotBeEmpty();
        lostMinutes += half.Sum(x => (long)Math.Round((x.End - x.Start).TotalMinutes * 0.5, MidpointRounding.AwayFromZero));

        // November's sheet: the sick days' shifts are not on it to confirm; their hours are paid as sick pay at the ordinary wage.
        var id = (await OkAsync(await SendAsync(assistant, HttpMethod.Post, $"/api/v1/arrangements/{Arrangement10}/timesheets", new { month = "2026-11-01" }))).GetProperty("id").GetGuid();
        var sheet = await SheetAsync(assistant, id);
        sheet.GetProperty("entries").EnumerateArray().ShouldNotContain(e => e.GetProperty("date").GetString() == first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        sheet.GetProperty("entries").EnumerateArray().ShouldContain(e => e.GetProperty("date").GetString() == graded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        using (await SelvstyrtFactory.PostFormAsync(assistant, $"/timelister/{id}", "steg",
                   new Dictionary<string, string> { ["Step.Action"] = "confirm-all", ["Step.Revision"] = sheet.GetProperty("revision").GetInt32().ToString(CultureInfo.InvariantCulture) })) { }
        sheet = await SheetAsync(assistant, id);
        var items = sheet.GetProperty("payBasis").EnumerateArray().ToList();
        var sick = items.Single(i => i.GetProperty("category").GetString() == PayCategory.SickPay);
        sick.GetProperty("minutes").GetInt64().ShouldBe(lostMinutes, "all three days are in the employer period; Virke pays passive time in full");
        sick.GetProperty("rate").GetDecimal().ShouldBe(items.First(i => i.GetProperty("category").GetString() == PayCategory.Normal).GetProperty("rate").GetDecimal());
        var page = WebUtility.HtmlDecode(await Html.GetAsync(assistant, $"/timelister/{id}", Ct));
        page.ShouldContain("Sykepenger i arbeidsgiverperioden");

        await OkAsync(await SendAsync(assistant, HttpMethod.Post, $"/api/v1/timesheets/{id}/submit", revision: sheet.GetProperty("revision").GetInt32()));
        await OkAsync(await SendAsync(leader, HttpMethod.Post, $"/api/v1/timesheets/{id}/approve", revision: (await SheetAsync(leader, id)).GetProperty("revision").GetInt32()));
        await OkAsync(await SendAsync(admin, HttpMethod.Post, $"/api/v1/timesheets/{id}/attest", revision: (await SheetAsync(admin, id)).GetProperty("revision").GetInt32()));
        var expected = (await SheetAsync(admin, id)).GetProperty("payBasis").EnumerateArray().ToList();
        var exportId = (await OkAsync(await SendAsync(admin, HttpMethod.Post, $"/api/v1/providers/{DemoSeeder.ProviderId}/payroll-exports", new { month = "2026-11-01", format = "generisk" },
            key: Guid.NewGuid().ToString("N")), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var file = await admin.GetByteArrayAsync($"/lonn/eksport/{exportId}/fil", Ct);
        var rows = Encoding.UTF8.GetString(file).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.TrimEnd('\r').Split(';')).Where(r => r[0] == "1043").ToList();
        var nb = CultureInfo.GetCultureInfo("nb-NO");
        var sickRows = rows.Where(r => r[2] == WageTypeMapping.Defaults.CodeFor(PayCategory.SickPay)).ToList();
        sickRows.Sum(r => decimal.Parse(r[6], NumberStyles.Number, nb)).ShouldBe(sick.GetProperty("amount").GetDecimal());
        rows.Sum(r => decimal.Parse(r[6], NumberStyles.Number, nb)).ShouldBe(expected.Sum(i => i.GetProperty("amount").GetDecimal()), "the file is the sheet's pay basis to the øre");

        // The export's hours are worked time only, so they agree with the hour account; the sick hours are a category of their own.
        var stored = await DbAsync(factory, d => d.PayrollExports.AsNoTracking().SingleAsync(e => e.Id == exportId, Ct));
        stored.TotalMinutes.ShouldBe(expected.Where(i => PayCategory.IsTime(i.GetProperty("category").GetString()!)).Sum(i => i.GetProperty("minutes").GetInt64()));
        var payroll = WebUtility.HtmlDecode(await Html.GetAsync(admin, $"/lonn?leverandor={DemoSeeder.ProviderId}&maaned=2026-11", Ct));
        payroll.ShouldContain("Sykepenger i arbeidsgiverperioden");
    }

    [Theory, DatabaseData]
    public async Task BadInput_IsNamedInNorwegian_AndNothingSavedIsLost(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var id = (await OkAsync(await SendAsync(assistant, HttpMethod.Post, $"/api/v1/arrangements/{Arrangement10}/timesheets", new { month = "2026-11-01" }))).GetProperty("id").GetGuid();
        var sheet = await SheetAsync(assistant, id);
        var entry = sheet.GetProperty("entries")[0];
        var revision = sheet.GetProperty("revision").GetInt32();
        using var response = await SendAsync(assistant, HttpMethod.Put, $"/api/v1/timesheets/{id}/entries/{entry.GetProperty("id").GetGuid()}",
            new { date = "2026-11-05", start = "08:00:00", end = "16:00:00", pauseMinutes = 600, overtimeMinutes = 30, reason = "" }, revision);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        var problem = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        problem.GetProperty("pauseMinutes")[0].GetString().ShouldBe("Pausen må være kortere enn vakten.");
        problem.GetProperty("overtimeReason")[0].GetString()!.ShouldContain("§ 10-6");
        problem.GetProperty("reason")[0].GetString()!.ShouldContain("hvorfor");
        var after = await SheetAsync(assistant, id);
        after.GetProperty("revision").GetInt32().ShouldBe(revision);
        after.GetProperty("entries")[0].GetProperty("status").GetString().ShouldBe("Open");

        // Unplanned work is created once per key.
        var key = Guid.NewGuid().ToString("N");
        var work = new { date = "2026-11-02", start = "18:00:00", end = "21:00:00", reason = "Innkalt for syk kollega" };
        await OkAsync(await SendAsync(assistant, HttpMethod.Post, $"/api/v1/timesheets/{id}/entries", work, key: key), HttpStatusCode.Created);
        await OkAsync(await SendAsync(assistant, HttpMethod.Post, $"/api/v1/timesheets/{id}/entries", work, key: key), HttpStatusCode.Created);
        (await SheetAsync(assistant, id)).GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("source").GetString() == "Unplanned").ShouldBe(1);

        // Another assistant's sheet, and a case worker: not found, as for a sheet that does not exist.
        var other = await DbAsync(factory, d => d.TimeSheets.Where(s => s.ArrangementId == Arrangement10 && s.AssistantId != Assistant42).Select(s => s.Id).FirstAsync(Ct));
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        (await leader.GetAsync($"/api/v1/timesheets/{other}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "the work leader sees every sheet of the arrangement");
        (await assistant.GetAsync($"/api/v1/timesheets/{other}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var caseWorker = await factory.SignedInClientAsync(DemoLogins.CaseWorkerOslo);
        (await caseWorker.GetAsync($"/api/v1/timesheets/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, DatabaseData]
    public async Task AnExport_IsRefusedNamingWhatIsMissing_AndThePayrollSetUpIsChecked(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);

        // Without an employee number the file cannot be read by payroll: the export names the assistant and records nothing.
        using (var cleared = await SelvstyrtFactory.PostFormAsync(admin, $"/assistenter/{Assistant42}", "lonn",
                   new Dictionary<string, string> { ["PayIn.EmployeeNumber"] = "", ["PayIn.HourlyWage"] = "248,00" }))
            WebUtility.HtmlDecode(await cleared.Content.ReadAsStringAsync(Ct)).ShouldContain("Lønnsopplysningene er lagret.");
        using (var refused = await SendAsync(admin, HttpMethod.Post, $"/api/v1/providers/{DemoSeeder.ProviderId}/payroll-exports", new { month = "2026-10-01", format = "excel" }, key: Guid.NewGuid().ToString("N")))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("Mangler ansattnummer: Sofie Lie.");
        }
        (await DbAsync(factory, d => d.PayrollExports.CountAsync(Ct))).ShouldBe(0);
        (await DbAsync(factory, d => d.TimeSheets.CountAsync(s => s.State == SheetState.Exported, Ct))).ShouldBe(0, "nothing was marked exported");

        // A wage that is not a number, and a wage-type line without a code, are named; the coordinator may not change the set-up.
        using (var badWage = await SelvstyrtFactory.PostFormAsync(admin, $"/assistenter/{Assistant42}", "lonn",
                   new Dictionary<string, string> { ["PayIn.EmployeeNumber"] = "1043", ["PayIn.HourlyWage"] = "mye" }))
            WebUtility.HtmlDecode(await badWage.Content.ReadAsStringAsync(Ct)).ShouldContain("Skriv timelønnen som et tall");
        using (var badTypes = await SelvstyrtFactory.PostFormAsync(admin, "/lonn", "oppsett",
                   new Dictionary<string, string> { ["SettingsIn.TariffId"] = "virke-bpa", ["SettingsIn.DeadlineDay"] = "3", ["SettingsIn.WageTypes"] = "normal=1000\nweekend" }))
            WebUtility.HtmlDecode(await badTypes.Content.ReadAsStringAsync(Ct)).ShouldContain("Linje 2 må ha formen kategori=kode");
        (await coordinator.GetStringAsync("/lonn", Ct)).ShouldNotContain("Lagre lønnsoppsett");

        using (var fixedNumber = await SelvstyrtFactory.PostFormAsync(admin, $"/assistenter/{Assistant42}", "lonn",
                   new Dictionary<string, string> { ["PayIn.EmployeeNumber"] = "1043", ["PayIn.HourlyWage"] = "248,00" }))
            fixedNumber.StatusCode.ShouldBe(HttpStatusCode.OK);
        var export = (await OkAsync(await SendAsync(admin, HttpMethod.Post, $"/api/v1/providers/{DemoSeeder.ProviderId}/payroll-exports",
            new { month = "2026-10-01", format = "excel" }, key: Guid.NewGuid().ToString("N")), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var file = await admin.GetByteArrayAsync($"/lonn/eksport/{export}/fil", Ct);
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(file));
        var sheet = workbook.Worksheets.First();
        sheet.Cell(1, 1).GetString().ShouldBe("Ansattnummer");
        sheet.RowsUsed().Count().ShouldBe(1 + (await DbAsync(factory, d => d.PayrollExports.Where(e => e.Id == export).Select(e => e.RowCount).SingleAsync(Ct))));
        (await DbAsync(factory, d => d.TimeSheets.CountAsync(s => s.State == SheetState.Exported, Ct))).ShouldBe(10, "the ten attested October demo sheets");
    }

    [Theory, DatabaseData]
    public async Task ClockInAndOut_FromThePhone_RecordTheShiftAsWorked(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        // 23 November, 15:30 in Oslo: the demo assistant's evening shift (15:00-23:00) has begun.
        factory.Clock.Reset(NodaTime.Instant.FromUtc(2026, 11, 23, 14, 30, 20));
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var id = (await OkAsync(await SendAsync(assistant, HttpMethod.Post, $"/api/v1/arrangements/{Arrangement10}/timesheets", new { month = "2026-11-01" }))).GetProperty("id").GetGuid();
        var entry = (await SheetAsync(assistant, id)).GetProperty("entries").EnumerateArray()
            .Single(e => e.GetProperty("plannedStart").GetDateTimeOffset() == new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero)).GetProperty("id").GetGuid();
        var page = WebUtility.HtmlDecode(await assistant.GetStringAsync($"/timelister/{id}", Ct));
        page.ShouldContain("Stemple inn");

        using (var clockIn = await SelvstyrtFactory.PostFormAsync(assistant, $"/timelister/{id}", $"inn-{entry:N}", new Dictionary<string, string>()))
            WebUtility.HtmlDecode(await clockIn.Content.ReadAsStringAsync(Ct)).ShouldContain("Stemplet inn kl. 15:30");
        factory.Clock.Reset(NodaTime.Instant.FromUtc(2026, 11, 23, 22, 10, 5));
        assistant = await factory.SignedInClientAsync(DemoLogins.Assistant); // the session from the afternoon has timed out
        using (var clockOut = await SelvstyrtFactory.PostFormAsync(assistant, $"/timelister/{id}", $"ut-{entry:N}", new Dictionary<string, string>()))
            WebUtility.HtmlDecode(await clockOut.Content.ReadAsStringAsync(Ct)).ShouldContain("Du er stemplet ut.");

        var worked = (await SheetAsync(assistant, id)).GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == entry);
        worked.GetProperty("status").GetString().ShouldBe("Worked");
        worked.GetProperty("start").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 11, 23, 14, 30, 0, TimeSpan.Zero));
        worked.GetProperty("end").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 11, 23, 22, 10, 0, TimeSpan.Zero));
        worked.GetProperty("workedMinutes").GetInt64().ShouldBe(7 * 60 + 40);
        worked.GetProperty("reason").GetString().ShouldBe("Stemplet inn og ut");
    }

    [Theory, DatabaseData]
    public async Task AThousandConcurrentApprovalsAndRejections_OfOneSheet_HaveExactlyOneWinner(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var id = await DbAsync(factory, d => d.TimeSheets.Where(s => s.ArrangementId == Arrangement10 && s.State == SheetState.Submitted).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(Ct));
        var revision = (await SheetAsync(leader, id)).GetProperty("revision").GetInt32();
        var token = await leader.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery", Ct);
        var header = token.GetProperty("headerName").GetString()!;
        var value = token.GetProperty("token").GetString();

        async Task<(HttpStatusCode Status, string Body, bool Approve)> Attempt(int i)
        {
            var approve = i % 2 == 0;
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/timesheets/{id}/{(approve ? "approve" : "reject")}")
            {
                Content = new StringContent(approve ? "{}" : "{\"comment\":\"Se over vakten 3. oktober\"}", Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{revision}\"");
            request.Headers.Add(header, value);
            using var response = await leader.SendAsync(request, Ct);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct), approve);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => Task.Run(() => Attempt(i), Ct)));
        var winners = results.Where(r => r.Status == HttpStatusCode.OK).ToList();
        winners.Count.ShouldBe(1, string.Join("\n", results.GroupBy(r => r.Status).Select(g => $"{g.Key}: {g.Count()} {g.First().Body}")));
        results.Where(r => r.Status != HttpStatusCode.OK).ShouldAllBe(r => r.Status == HttpStatusCode.Conflict || r.Status == HttpStatusCode.PreconditionFailed);
        // Those that read the sheet after the winner saved sent a stale If-Match (412); those that raced it to the save lost there (409).
        results.Where(r => r.Status == HttpStatusCode.PreconditionFailed).ShouldAllBe(r => r.Body.Contains("\"code\":\"stale_revision\"", StringComparison.Ordinal));
        results.Where(r => r.Status == HttpStatusCode.Conflict).ShouldAllBe(r => r.Body.Contains("samtidig", StringComparison.Ordinal) || r.Body.Contains("kan ikke", StringComparison.Ordinal));
        var sheet = await SheetAsync(leader, id);
        sheet.GetProperty("state").GetString().ShouldBe(winners[0].Approve ? "Approved" : "Rejected");
        sheet.GetProperty("transitions").EnumerateArray().Count(t => t.GetProperty("from").GetString() == "Submitted").ShouldBe(1);
    }

    private static async Task<T> DbAsync<T>(SelvstyrtFactory factory, Func<SelvstyrtDb, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<SelvstyrtDb>());
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
