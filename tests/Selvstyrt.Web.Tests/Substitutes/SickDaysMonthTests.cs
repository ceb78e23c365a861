using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.TimeSheets;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Substitutes;

/// <summary>
/// Issue 17's «done when» on both engines: in the demo, an assistant of the 24/7 2:1 arrangement reports sick for three days
/// (SYK-8-19-1: the employer's days), every gap is filled by a lawful substitute (the one with a sign-in by offer and answer,
/// others given the shift directly), and the month's time sheets, hour account, payroll export and municipality report agree.
/// </summary>
public sealed class SickDaysMonthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) => ApiCalls.OkAsync(response, expected, Ct);

    private static Task<T> DbAsync<T>(SelvstyrtFactory factory, Func<SelvstyrtDb, Task<T>> read) => Stored.ReadAsync(factory, read);

    private static readonly Guid Arrangement10 = DemoIds.For("arrangement:10");
    private static readonly Guid Plan10 = DemoIds.For("plan:10");
    private static readonly Guid Demo42 = DemoIds.For("assistant:42");
    private static readonly Guid Substitute = DemoIds.For($"assistant:{DemoSeeder.DemoSubstituteIndex}");
    private static readonly Guid Oslo = DemoIds.For("municipality:0301");
    private static readonly DateTimeZone Zone = Selvstyrt.Web.Auth.CurrentUser.Zone;
    private static readonly CultureInfo Nb = CultureInfo.GetCultureInfo("nb-NO");

    private static Task<WorkPlan> PlanAsync(SelvstyrtFactory factory)
        => DbAsync(factory, d => d.WorkPlans.Include(p => p.Shifts).Include(p => p.Deviations).AsSplitQuery().AsNoTracking().SingleAsync(p => p.Id == Plan10, Ct));

    private static async Task<decimal> ReportedUsedAsync(HttpClient caseWorker)
    {
        var report = await caseWorker.GetFromJsonAsync<JsonElement>($"/api/v1/municipalities/{Oslo}/reports/2026-11", Ct);
        return report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("arrangementId").GetGuid() == Arrangement10).GetProperty("used").GetDecimal();
    }

    private static async Task<decimal> NovemberForecastAsync(HttpClient leader)
        => (await leader.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Arrangement10}/hour-account", Ct))
            .GetProperty("current").EnumerateArray().Single(p => p.GetProperty("kind").GetString() == "Month").GetProperty("forecast").GetDecimal();

    /// <summary>Starts the signed-in assistant's November sheet in the arrangement, confirms every shift as planned and submits it.</summary>
    private static async Task<JsonElement> SubmitNovemberAsync(HttpClient assistant)
    {
        var id = (await OkAsync(await ApiCalls.PostAsync(assistant, $"/api/v1/arrangements/{Arrangement10}/timesheets", """{ "month": "2026-11-01" }""", null, Ct))).GetProperty("id").GetGuid();
        var sheet = await assistant.GetFromJsonAsync<JsonElement>($"/api/v1/timesheets/{id}", Ct);
        using (await SelvstyrtFactory.PostFormAsync(assistant, $"/timelister/{id}", "steg",
                   new Dictionary<string, string> { ["Step.Action"] = "confirm-all", ["Step.Revision"] = sheet.GetProperty("revision").GetInt32().ToString(CultureInfo.InvariantCulture) })) { }
        sheet = await assistant.GetFromJsonAsync<JsonElement>($"/api/v1/timesheets/{id}", Ct);
        await OkAsync(await ApiCalls.SendAsync(assistant, HttpMethod.Post, $"/api/v1/timesheets/{id}/submit", "{}", sheet.GetProperty("revision").GetInt32(), Ct));
        return await assistant.GetFromJsonAsync<JsonElement>($"/api/v1/timesheets/{id}", Ct);
    }

    [Theory, DatabaseData]
    public async Task ThreeSickDays_FilledByLawfulSubstitutes_AndTheSheetsHourAccountPayrollAndReportAgree(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var before = await NovemberForecastAsync(leader);

        // Monday 23 November: the demo assistant reports sick for three days from their next shift.
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var tomorrow = new LocalDate(2026, 11, 24);
        var first = (await PlanAsync(factory)).RollOut(tomorrow, new LocalDate(2026, 11, 27), Zone).Where(s => s.AssistantId == Demo42).Min(s => s.Date);
        var reported = await OkAsync(await ApiCalls.PostAsync(assistant, "/api/v1/absences",
            $$"""{ "kind": "SelfCertified", "from": "{{first:yyyy-MM-dd}}", "to": "{{first.PlusDays(2):yyyy-MM-dd}}" }""", Guid.NewGuid().ToString(), Ct), HttpStatusCode.Created);
        var absenceId = reported.GetProperty("id").GetGuid();
        var vacancies = await DbAsync(factory, d => d.PlanDeviations.Where(x => x.PlanId == Plan10 && x.Kind == PlanDeviationKind.Vacant && x.AssistantId == null)
            .OrderBy(x => x.Date).Select(x => x.Id).ToListAsync(Ct));
        vacancies.Count.ShouldBe(reported.GetProperty("vacatedShifts").GetInt32());
        vacancies.ShouldNotBeEmpty();
        var lost = await DbAsync(factory, d => d.AbsenceShifts.AsNoTracking().Where(x => x.AbsenceId == absenceId).ToListAsync(Ct));
        var lostMinutes = lost.Sum(x => (long)(x.End - x.Start).TotalMinutes);
        (await NovemberForecastAsync(leader)).ShouldBe(before - lostMinutes / 60m, "the gaps are not used hours while nobody fills them");

        // Every gap gets a lawful substitute: the demo substitute by offer and answer where «Finn vikar» offers them, otherwise
        // the first lawful candidate given the shift directly. Each search judges the plan as the fills before it left it.
        var substitute = await factory.SignedInClientAsync(DemoLogins.Substitute);
        var takenBySubstitute = new List<LocalDate>();
        foreach (var vacancy in vacancies)
        {
            var path = $"/api/v1/arrangements/{Arrangement10}/plans/{Plan10}/deviations/{vacancy}";
            var candidates = (await leader.GetFromJsonAsync<JsonElement>(path + "/candidates", Ct)).GetProperty("candidates").EnumerateArray().ToList();
            var lawful = candidates.Where(c => c.GetProperty("lawful").GetBoolean()).ToList();
            lawful.ShouldNotBeEmpty($"someone can lawfully take the gap {vacancy}");
            lawful.ShouldAllBe(c => c.GetProperty("breaches").GetArrayLength() == 0);
            if (lawful.Any(c => c.GetProperty("assistantId").GetGuid() == Substitute && c.GetProperty("canBeOffered").GetBoolean()))
            {
                await OkAsync(await ApiCalls.PostAsync(leader, path + "/offers", JsonSerializer.Serialize(new { assistantIds = new[] { Substitute } }), Guid.NewGuid().ToString(), Ct), HttpStatusCode.Created);
                var offer = (await substitute.GetFromJsonAsync<JsonElement>("/api/v1/shift-offers", Ct)).EnumerateArray().Single().GetProperty("offerId").GetGuid();
                await OkAsync(await ApiCalls.PostAsync(substitute, $"/api/v1/shift-offers/{offer}/accept", "{}", null, Ct));
                takenBySubstitute.Add((await PlanAsync(factory)).Deviations.Single(d => d.Id == vacancy).Date);
            }
            else
            {
                var revision = (await leader.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Arrangement10}/plans/{Plan10}", Ct)).GetProperty("revision").GetInt32();
                await OkAsync(await ApiCalls.PostAsync(leader, path + "/fill",
                    JsonSerializer.Serialize(new { assistantId = lawful[0].GetProperty("assistantId").GetGuid(), revision }), null, Ct));
            }
        }
        var plan = await PlanAsync(factory);
        plan.Deviations.Where(d => vacancies.Contains(d.Id)).ShouldAllBe(d => d.AssistantId != null && d.AssistantId != Demo42);
        takenBySubstitute.ShouldNotBeEmpty("the demo substitute takes at least one of the gaps from «Min plan»");
        (await NovemberForecastAsync(leader)).ShouldBe(before, "a gap a substitute fills is used hours again");

        // 1 December: November's sheets of the absent assistant and the substitute go through approval to the payroll export.
        factory.Clock.Reset(Instant.FromUtc(2026, 12, 1, 9, 0));
        assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        substitute = await factory.SignedInClientAsync(DemoLogins.Substitute);
        leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var caseWorker = await factory.SignedInClientAsync(DemoLogins.CaseWorkerOslo);
        var reportedBefore = await ReportedUsedAsync(caseWorker);
        reportedBefore.ShouldBe(before, "the municipality report's November is the hour account's November");

        var sick = await SubmitNovemberAsync(assistant);
        var sickDays = Enumerable.Range(0, 3).Select(i => first.PlusDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet();
        sick.GetProperty("entries").EnumerateArray().ShouldNotContain(e => sickDays.Contains(e.GetProperty("date").GetString()!), "no shift to confirm on a sick day");
        var sickPay = sick.GetProperty("payBasis").EnumerateArray().Single(i => i.GetProperty("category").GetString() == PayCategory.SickPay);
        sickPay.GetProperty("minutes").GetInt64().ShouldBe(lostMinutes, "three days in the employer period (SYK-8-19-1) pay the planned shifts");
        var covering = await SubmitNovemberAsync(substitute);
        var coverDates = covering.GetProperty("entries").EnumerateArray().Select(e => LocalDate.FromDateTime(DateTime.Parse(e.GetProperty("date").GetString()!, CultureInfo.InvariantCulture))).ToList();
        takenBySubstitute.ShouldAllBe(d => coverDates.Contains(d), "the shifts the substitute took are on their sheet");

        var expected = new List<JsonElement>();
        foreach (var sheet in new[] { sick, covering })
        {
            var id = sheet.GetProperty("id").GetGuid();
            async Task<int> RevisionAsync(HttpClient c) => (await c.GetFromJsonAsync<JsonElement>($"/api/v1/timesheets/{id}", Ct)).GetProperty("revision").GetInt32();
            await OkAsync(await ApiCalls.SendAsync(leader, HttpMethod.Post, $"/api/v1/timesheets/{id}/approve", "{}", await RevisionAsync(leader), Ct));
            await OkAsync(await ApiCalls.SendAsync(admin, HttpMethod.Post, $"/api/v1/timesheets/{id}/attest", "{}", await RevisionAsync(admin), Ct));
            expected.AddRange((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/timesheets/{id}", Ct)).GetProperty("payBasis").EnumerateArray());
        }
        var exportId = (await OkAsync(await ApiCalls.PostAsync(admin, $"/api/v1/providers/{DemoSeeder.ProviderId}/payroll-exports",
            """{ "month": "2026-11-01", "format": "generisk" }""", Guid.NewGuid().ToString("N"), Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var file = Encoding.UTF8.GetString(await admin.GetByteArrayAsync($"/lonn/eksport/{exportId}/fil", Ct)).TrimStart('\uFEFF');
        var rows = file.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.TrimEnd('\r').Split(';')).ToList();
        rows.Sum(r => decimal.Parse(r[6], NumberStyles.Number, Nb)).ShouldBe(expected.Sum(i => i.GetProperty("amount").GetDecimal()), "the file is the two sheets' pay basis to the øre");
        rows.Where(r => r[2] == WageTypeMapping.Defaults.CodeFor(PayCategory.SickPay)).Sum(r => decimal.Parse(r[6], NumberStyles.Number, Nb))
            .ShouldBe(sickPay.GetProperty("amount").GetDecimal());
        var exported = await DbAsync(factory, d => d.PayrollExports.AsNoTracking().SingleAsync(e => e.Id == exportId, Ct));
        exported.TotalMinutes.ShouldBe(expected.Where(i => PayCategory.IsTime(i.GetProperty("category").GetString()!)).Sum(i => i.GetProperty("minutes").GetInt64()),
            "the export's hours are worked time; the sick hours are their own category");

        // With the two sheets approved as planned, the hour account and the municipality report still say the same month.
        (await ReportedUsedAsync(caseWorker)).ShouldBe(reportedBefore);
    }
}
