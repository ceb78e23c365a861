using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Domain.Absences;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Absences;

/// <summary>
/// Issue 17's holidays on both engines, through the API a phone or the pages use: the assistant wishes (once however often
/// sent), the work leader sees what the wish does to the plan and grants it, and the assistant's shifts in every arrangement
/// they work in become vacant; a main holiday the assistant may demand is not refused (FER-7-1); sickness with a full doctor's
/// note gives holiday days back, a self-certification in the holiday does not (FER-9-1); carry-over is at most 12 days
/// (FER-7-3); and the holiday-pay basis (FER-10-1) is for those who run payroll only.
/// </summary>
public sealed class HolidayPlanTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Guid Demo42 = DemoIds.For("assistant:42");
    private static readonly Guid Arrangement10 = DemoIds.For("arrangement:10");
    private static readonly DateTimeZone Zone = Selvstyrt.Web.Auth.CurrentUser.Zone;

    private static string Wish(string from, string to, bool main = false) => $$"""{ "from": "{{from}}", "to": "{{to}}", "main": {{(main ? "true" : "false")}} }""";

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static Task<JsonElement> ErrorsAsync(HttpResponseMessage response) => ApiCalls.ErrorsAsync(response, Ct);

    private static Task<HttpResponseMessage> DecideAsync(HttpClient client, Guid request, string verb, string json)
        => ApiCalls.PostAsync(client, $"/api/v1/arrangements/{Arrangement10}/holidays/{request}/{verb}", json, null, Ct);

    private static async Task<JsonElement> AccountAsync(HttpClient assistant, int year)
        => (await assistant.GetFromJsonAsync<JsonElement>($"/api/v1/holidays?year={year}", Ct))[0].GetProperty("account");

    /// <summary>The demo assistant's shifts from <paramref name="first"/> to <paramref name="last"/> in every published plan, as planned.</summary>
    private static async Task<int> ShiftsAsync(SelvstyrtFactory factory, LocalDate first, LocalDate last)
    {
        using var scope = factory.Services.CreateScope();
        var plans = await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().WorkPlans.Include(p => p.Shifts).Include(p => p.Deviations).AsSplitQuery()
            .Where(p => p.Status == PlanStatus.Published).ToListAsync(Ct);
        return plans.Sum(p => p.RollOut(first, last, Zone).Count(s => s.AssistantId == Demo42 && s.Date >= first && s.Date <= last));
    }

    [Theory, DatabaseData]
    public async Task Wish_IsSentOnce_ShowsItsCover_AndTheGrant_VacatesTheShiftsInEveryArrangement(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var planned = await ShiftsAsync(factory, new LocalDate(2027, 2, 15), new LocalDate(2027, 2, 19));
        planned.ShouldBeGreaterThan(0, "the demo assistant works that week");

        var key = Guid.NewGuid().ToString();
        var wished = await OkAsync(await ApiCalls.PostAsync(assistant, "/api/v1/holidays", Wish("2027-02-15", "2027-02-19"), key, Ct), HttpStatusCode.Created);
        var again = await OkAsync(await ApiCalls.PostAsync(assistant, "/api/v1/holidays", Wish("2027-02-15", "2027-02-19"), key, Ct));
        var id = wished.GetProperty("id").GetGuid();
        again.GetProperty("id").GetGuid().ShouldBe(id);
        // FER-6-1: the answer is due two months before the holiday.
        wished.GetProperty("findings").EnumerateArray().ShouldContain(f => f.GetProperty("rule").GetString() == "FER-6-1" && f.GetProperty("message").GetString()!.Contains("15.12.2026"));
        (await AccountAsync(assistant, 2027)).GetProperty("wished").GetInt32().ShouldBe(5);
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            (await data.HolidayRequests.CountAsync(r => r.AssistantId == Demo42, Ct)).ShouldBe(1, "a retry does not make a second wish");
            var leaderId = await data.Users.Where(u => u.Email == DemoLogins.WorkLeader).Select(u => u.Id).SingleAsync(Ct);
            (await data.Notifications.SingleAsync(n => n.UserId == leaderId && n.Kind == "ferie-onske", Ct)).Body.ShouldContain("5 feriedager");
        }
        // The same days again with another key: refused on the first day.
        (await ErrorsAsync(await ApiCalls.PostAsync(assistant, "/api/v1/holidays", Wish("2027-02-17", "2027-02-22"), Guid.NewGuid().ToString(), Ct)))
            .GetProperty("from")[0].GetString()!.ShouldContain("allerede ønsket");

        var plan = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Arrangement10}/holidays?year=2027", Ct);
        var row = plan.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("assistantId").GetGuid() == Demo42);
        var cover = row.GetProperty("wishes")[0].GetProperty("cover");
        cover.GetProperty("shifts").GetInt32().ShouldBeGreaterThan(0);
        cover.GetProperty("shifts").GetInt32().ShouldBeLessThanOrEqualTo(planned, "the plan shows this arrangement's shifts");

        var granted = await OkAsync(await DecideAsync(leader, id, "grant", "{}"));
        granted.GetProperty("vacatedShifts").GetInt32().ShouldBe(planned, "every shift of theirs that week, in both arrangements, is vacant");
        (await ShiftsAsync(factory, new LocalDate(2027, 2, 15), new LocalDate(2027, 2, 19))).ShouldBe(0);
        var account = await AccountAsync(assistant, 2027);
        account.GetProperty("granted").GetInt32().ShouldBe(5);
        account.GetProperty("left").GetInt32().ShouldBe(account.GetProperty("ordinary").GetInt32() - 5);
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            var absence = await data.Absences.SingleAsync(a => a.AssistantId == Demo42, Ct);
            absence.Kind.ShouldBe(AbsenceKind.Holiday);
            (absence.From, absence.To).ShouldBe((new LocalDate(2027, 2, 15), new LocalDate(2027, 2, 19)));
            var me = await data.Users.Where(u => u.Email == DemoLogins.Assistant).Select(u => u.Id).SingleAsync(Ct);
            (await data.Notifications.SingleAsync(n => n.UserId == me && n.Kind == "ferie-svar", Ct)).Subject.ShouldContain("innvilget");
        }
        // The year view shows it in its week (7), and no other week.
        var year = WebUtility.HtmlDecode(await Html.GetAsync(leader, $"/ordninger/{Arrangement10}/arbeidsplan/{DemoIds.For("plan:10")}/aar?ar=2027", Ct));
        var rows = System.Text.RegularExpressions.Regex.Matches(year, "<tr[^>]*>\\s*<th scope=\"row\">(\\d+)</th>(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Where(m => m.Groups[2].Value.Contains("Sofie Lie", StringComparison.Ordinal)).Select(m => (Week: m.Groups[1].Value, Cells: m.Groups[2].Value)).ToList();
        rows.Select(r => r.Week).ShouldBe(["7"]);
        rows[0].Cells.ShouldContain("innvilget");

        // Answered once: a second answer and a withdrawal are refused, and the sick-leave page does not change a holiday.
        (await ErrorsAsync(await DecideAsync(leader, id, "refuse", """{ "reason": "Likevel ikke" }"""))).GetProperty("state")[0].GetString()!.ShouldContain("allerede besvart");
        (await ErrorsAsync(await ApiCalls.PostAsync(assistant, $"/api/v1/holidays/{id}/withdraw", "{}", null, Ct))).GetProperty("state").GetArrayLength().ShouldBe(1);

        // Taken back before it begins (ferieloven § 6), with a reason: the absence is gone, the shifts are the assistant's again.
        (await ErrorsAsync(await DecideAsync(leader, id, "revoke", """{ "reason": " " }"""))).GetProperty("reason")[0].GetString()!.ShouldContain("Skriv hvorfor");
        var revoked = await OkAsync(await DecideAsync(leader, id, "revoke", """{ "reason": "Avtalt med Sofie: hun tar uke 9 i stedet." }"""));
        revoked.GetProperty("restoredShifts").GetInt32().ShouldBe(planned, "no substitute had taken any of them");
        (await ShiftsAsync(factory, new LocalDate(2027, 2, 15), new LocalDate(2027, 2, 19))).ShouldBe(planned);
        (await AccountAsync(assistant, 2027)).GetProperty("granted").GetInt32().ShouldBe(0);
        (await ErrorsAsync(await DecideAsync(leader, id, "revoke", """{ "reason": "Igjen" }"""))).GetProperty("state")[0].GetString()!.ShouldContain("Bare innvilget ferie");
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            (await data.Absences.SingleAsync(a => a.AssistantId == Demo42, Ct)).CancelledAt.ShouldNotBeNull();
            var me = await data.Users.Where(u => u.Email == DemoLogins.Assistant).Select(u => u.Id).SingleAsync(Ct);
            (await data.Notifications.SingleAsync(n => n.UserId == me && n.Kind == "ferie-svar" && n.Subject.Contains("trukket tilbake"), Ct)).Body.ShouldContain("uke 9");
        }
        // The days are free to wish again.
        (await ApiCalls.PostAsync(assistant, "/api/v1/holidays", Wish("2027-02-15", "2027-02-19"), Guid.NewGuid().ToString(), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Theory, DatabaseData]
    public async Task AGrantedHoliday_IsOnTheMonthsSheet_AsItsPlannedHours_AtNoRate_NotAsShiftsToConfirm(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        factory.Clock.Reset(Instant.FromUtc(2026, 11, 2, 9, 0));
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var wish = await OkAsync(await ApiCalls.PostAsync(assistant, "/api/v1/holidays", Wish("2026-11-16", "2026-11-21"), Guid.NewGuid().ToString(), Ct), HttpStatusCode.Created);
        var id = wish.GetProperty("id").GetGuid();
        // Two weeks ahead, not two months: the wish is warned of (FER-6-1), and may still be granted.
        wish.GetProperty("findings").EnumerateArray().ShouldContain(f => f.GetProperty("rule").GetString() == "FER-6-1" && f.GetProperty("severity").GetString() == "Warn");
        var granted = await OkAsync(await DecideAsync(leader, id, "grant", "{}"));
        granted.GetProperty("vacatedShifts").GetInt32().ShouldBeGreaterThan(0);
        long minutes;
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            var absence = await data.Absences.SingleAsync(a => a.AssistantId == Demo42 && a.Kind == AbsenceKind.Holiday, Ct);
            minutes = (await data.AbsenceShifts.AsNoTracking().Where(x => x.AbsenceId == absence.Id && x.ArrangementId == Arrangement10).ToListAsync(Ct))
                .Sum(x => (long)(x.End - x.Start).TotalMinutes);
        }
        minutes.ShouldBeGreaterThan(0);

        var sheetId = (await OkAsync(await ApiCalls.PostAsync(assistant, $"/api/v1/arrangements/{Arrangement10}/timesheets", """{ "month": "2026-11-01" }""", null, Ct)))
            .GetProperty("id").GetGuid();
        var sheet = await assistant.GetFromJsonAsync<JsonElement>($"/api/v1/timesheets/{sheetId}", Ct);
        sheet.GetProperty("entries").EnumerateArray().ShouldNotContain(e => string.CompareOrdinal(e.GetProperty("date").GetString(), "2026-11-16") >= 0
            && string.CompareOrdinal(e.GetProperty("date").GetString(), "2026-11-21") <= 0, "no shift of the holiday is left to confirm");
        var holiday = sheet.GetProperty("payBasis").EnumerateArray().Single(i => i.GetProperty("category").GetString() == Selvstyrt.Domain.TimeSheets.PayCategory.HolidayLeave);
        holiday.GetProperty("minutes").GetInt64().ShouldBe(minutes, "Virke pays passive time in full, so the hours are the shifts' whole length");
        holiday.GetProperty("amount").GetDecimal().ShouldBe(0m, "the holiday is paid as holiday pay, not as wages");
    }

    [Theory, DatabaseData]
    public async Task DemandedMainHoliday_CannotBeRefused_OrCut_ButCanBeGranted_FER_7_1(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var id = (await OkAsync(await ApiCalls.PostAsync(assistant, "/api/v1/holidays", Wish("2027-07-05", "2027-07-24", main: true), Guid.NewGuid().ToString(), Ct), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();

        var plan = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Arrangement10}/holidays?year=2027", Ct);
        plan.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("assistantId").GetGuid() == Demo42).GetProperty("mainHolidayMissing").GetBoolean().ShouldBeTrue();

        var refused = await ErrorsAsync(await DecideAsync(leader, id, "refuse", """{ "reason": "Vi har ikke vikar i juli." }"""));
        refused.GetProperty("reason")[0].GetString()!.ShouldContain("kan kreve 18 virkedager");
        // Cut to two weeks: still the main holiday's right, so refused on the first day.
        (await ErrorsAsync(await DecideAsync(leader, id, "grant", """{ "from": "2027-07-05", "to": "2027-07-17" }""")))
            .GetProperty("from")[0].GetString()!.ShouldContain("ferieloven § 7");
        // Moved within the period and whole: granted.
        var granted = await OkAsync(await DecideAsync(leader, id, "grant", """{ "from": "2027-07-12", "to": "2027-07-31" }"""));
        granted.GetProperty("id").GetGuid().ShouldBe(id);
        var wishes = (await assistant.GetFromJsonAsync<JsonElement>("/api/v1/holidays?year=2027", Ct))[0].GetProperty("wishes");
        wishes[0].GetProperty("state").GetString().ShouldBe("Granted");
        wishes[0].GetProperty("first").GetString().ShouldBe("2027-07-12");
        wishes[0].GetProperty("days").GetInt32().ShouldBe(18);
    }

    [Theory, DatabaseData]
    public async Task SicknessInAGrantedHoliday_GivesDaysBack_OnlyWithAFullDoctorsNote_FER_9_1(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var id = (await OkAsync(await ApiCalls.PostAsync(assistant, "/api/v1/holidays", Wish("2027-02-15", "2027-02-26"), Guid.NewGuid().ToString(), Ct), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await OkAsync(await DecideAsync(leader, id, "grant", "{}"));
        (await AccountAsync(assistant, 2027)).GetProperty("granted").GetInt32().ShouldBe(11, "Monday to the next Friday: the Saturday between is a holiday day too, the Sunday is not");

        // The first Tuesday of the holiday the assistant falls ill.
        factory.Clock.Reset(new LocalDateTime(2027, 2, 16, 9, 0).InZoneLeniently(Zone).ToInstant());
        assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var selfCertified = await ErrorsAsync(await ApiCalls.PostAsync(assistant, "/api/v1/absences", """{ "kind": "SelfCertified", "from": "2027-02-16", "to": "2027-02-17" }""", Guid.NewGuid().ToString(), Ct));
        selfCertified.GetProperty("kind")[0].GetString()!.ShouldContain("sykmelding fra lege på 100 prosent");
        var graded = await ErrorsAsync(await ApiCalls.PostAsync(assistant, "/api/v1/absences", """{ "kind": "DoctorCertified", "from": "2027-02-16", "to": "2027-02-19", "degree": 50, "certificateDate": "2027-02-16" }""", Guid.NewGuid().ToString(), Ct));
        graded.GetProperty("kind")[0].GetString()!.ShouldContain("100 prosent");
        (await AccountAsync(assistant, 2027)).GetProperty("returned").GetInt32().ShouldBe(0, "refused reports give nothing back");

        // Tuesday to Saturday on a full note: 5 holiday days back (Saturday is a holiday day, Sunday is not).
        var full = await OkAsync(await ApiCalls.PostAsync(assistant, "/api/v1/absences", """{ "kind": "DoctorCertified", "from": "2027-02-16", "to": "2027-02-21", "degree": 100, "certificateDate": "2027-02-16" }""", Guid.NewGuid().ToString(), Ct), HttpStatusCode.Created);
        full.GetProperty("findings").EnumerateArray().ShouldContain(f => f.GetProperty("rule").GetString() == "FER-9-1");
        var account = await AccountAsync(assistant, 2027);
        account.GetProperty("returned").GetInt32().ShouldBe(5);
        account.GetProperty("left").GetInt32().ShouldBe(account.GetProperty("ordinary").GetInt32() - 11 + 5);
    }

    [Theory, DatabaseData]
    public async Task CarryOver_IsTheEmployers_AtMostTwelveDays_AndCountsNextYear_FER_7_3(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var path = $"/api/v1/assistants/{Demo42}/holiday-carry-over";

        var tooMany = await ErrorsAsync(await ApiCalls.SendAsync(coordinator, HttpMethod.Put, path, """{ "fromYear": 2026, "days": 13, "agreedOn": "2026-11-20" }""", null, Ct));
        tooMany.GetProperty("days")[0].GetString()!.ShouldContain("Høyst 12 feriedager");
        var missing = await ErrorsAsync(await ApiCalls.SendAsync(coordinator, HttpMethod.Put, path, """{ "fromYear": 2026, "agreedOn": "2026-11-20" }""", null, Ct));
        missing.GetProperty("days")[0].GetString().ShouldBe("Fyll ut antall dager som er avtalt overført.");
        (await ApiCalls.SendAsync(leader, HttpMethod.Put, path, """{ "fromYear": 2026, "days": 5, "agreedOn": "2026-11-20" }""", null, Ct)).StatusCode
            .ShouldBe(HttpStatusCode.NotFound, "a work leader is not the employer");

        await OkAsync(await ApiCalls.SendAsync(coordinator, HttpMethod.Put, path, """{ "fromYear": 2026, "days": 5, "agreedOn": "2026-11-20" }""", null, Ct));
        // Changed, not doubled: the same year's agreement is one record.
        await OkAsync(await ApiCalls.SendAsync(coordinator, HttpMethod.Put, path, """{ "fromYear": 2026, "days": 7, "agreedOn": "2026-11-21" }""", null, Ct));
        var seen = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/assistants/{Demo42}/holidays?year=2027", Ct);
        seen.GetProperty("carryOvers").GetArrayLength().ShouldBe(1);
        seen.GetProperty("account").GetProperty("carriedIn").GetInt32().ShouldBe(7);
        var own = await AccountAsync(assistant, 2027);
        own.GetProperty("carriedIn").GetInt32().ShouldBe(7);
        own.GetProperty("left").GetInt32().ShouldBe(own.GetProperty("ordinary").GetInt32() + 7);
    }

    [Theory, DatabaseData]
    public async Task HolidayPay_IsTheSharePerAssistant_WithSixtyPlusUpToSixG_ForPayrollOnly_FER_10_1(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var path = $"/api/v1/providers/{DemoSeeder.ProviderId}/holiday-pay";

        var report = await admin.GetFromJsonAsync<JsonElement>($"{path}?year=2026", Ct);
        var share = report.GetProperty("terms").GetProperty("payShare").GetDecimal();
        var extra = report.GetProperty("terms").GetProperty("sixtyPlusShare").GetDecimal();
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        rows.ShouldNotBeEmpty("the demo has approved time sheets in 2026");
        foreach (var r in rows)
        {
            var pay = r.GetProperty("pay");
            var basis = pay.GetProperty("basis").GetDecimal();
            basis.ShouldBeGreaterThan(0);
            pay.GetProperty("ordinary").GetDecimal().ShouldBe(Math.Round(basis * share, 2, MidpointRounding.AwayFromZero));
            var sixty = pay.GetProperty("sixtyPlus").GetBoolean();
            pay.GetProperty("sixtyPlusAmount").GetDecimal().ShouldBe(sixty ? Math.Round(Math.Min(basis, 6 * 130_160m) * extra, 2, MidpointRounding.AwayFromZero) : 0m);
        }
        rows.Count(r => r.GetProperty("pay").GetProperty("sixtyPlus").GetBoolean()).ShouldBe(1, "one demo assistant turns 60 by the holiday year 2027");
        report.GetProperty("basis").GetDecimal().ShouldBe(rows.Sum(r => r.GetProperty("pay").GetProperty("basis").GetDecimal()));

        (await leader.GetAsync($"{path}?year=2026", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a work leader does not run payroll");
        (await ErrorsAsync(await admin.GetAsync($"{path}?year=tjuetjueseks", Ct))).GetProperty("year")[0].GetString()!.ShouldContain("som et tall");
        var page = WebUtilityDecode(await Html.GetAsync(admin, "/feriepenger?ar=2026", Ct));
        page.ShouldContain("Feriepenger opptjent i 2026");
        page.ShouldContain(rows[0].GetProperty("name").GetString()!);
    }

    private static string WebUtilityDecode(string html) => WebUtility.HtmlDecode(html);
}
