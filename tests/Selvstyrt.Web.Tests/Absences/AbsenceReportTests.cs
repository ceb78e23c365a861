using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Absences;

/// <summary>
/// Issue 17's sick report on both engines: the assistant reports a self-certification from the phone, once however often
/// it is sent; their shifts in those days become vacant and those who lead and employ are told (leaders without the kind);
/// a self-certification the assistant is not entitled to is refused with the rule's reason (EGM-8-24-1, EGM-8-24-2); a
/// doctor's note needs its date; nobody reports for another assistant they do not manage.
/// </summary>
public sealed class AbsenceReportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Guid Plan10 = DemoIds.For("plan:10");
    private static readonly Guid Demo42 = DemoIds.For("assistant:42");
    private static readonly DateTimeZone Zone = Selvstyrt.Web.Auth.CurrentUser.Zone;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string json, string? key = null)
        => ApiCalls.PostAsync(client, "/api/v1/absences", json, key, Ct);

    private static Task<JsonElement> ErrorsAsync(HttpResponseMessage response) => ApiCalls.ErrorsAsync(response, Ct);

    [Theory, DatabaseData]
    public async Task SelfCertification_VacatesTheShifts_TellsLeaderAndEmployer_OnceHoweverOftenSent(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var key = Guid.NewGuid().ToString();
        // The first day from tomorrow on that the demo assistant works in the 24/7 arrangement, and the day after.
        LocalDate first;
        int before;
        using (var scope = factory.Services.CreateScope())
        {
            var plan = await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().WorkPlans.Include(p => p.Shifts).Include(p => p.Deviations).AsSplitQuery().SingleAsync(p => p.Id == Plan10, Ct);
            var tomorrow = new LocalDate(2026, 11, 24);
            var theirs = plan.RollOut(tomorrow, tomorrow.PlusDays(27), Zone).Where(s => s.AssistantId == Demo42 && s.Date >= tomorrow).ToList();
            first = theirs.Min(s => s.Date);
            before = theirs.Count(s => s.Date <= first.PlusDays(1));
        }
        string Days(LocalDate from, int days) => $$"""{ "kind": "SelfCertified", "from": "{{from:yyyy-MM-dd}}", "to": "{{from.PlusDays(days - 1):yyyy-MM-dd}}" }""";
        var twoDays = Days(first, 2);
        before.ShouldBeGreaterThan(0, "the demo assistant works in the 24/7 arrangement those days");

        using var reported = await PostAsync(assistant, twoDays, key);
        using var retry = await PostAsync(assistant, twoDays, key);
        reported.StatusCode.ShouldBe(HttpStatusCode.Created, await reported.Content.ReadAsStringAsync(Ct));
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = await reported.Content.ReadFromJsonAsync<JsonElement>(Ct);
        (await retry.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid().ShouldBe(answer.GetProperty("id").GetGuid());
        answer.GetProperty("vacatedShifts").GetInt32().ShouldBe(before);
        answer.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ShouldContain("SYK-8-19-1");

        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            (await data.Absences.CountAsync(a => a.AssistantId == Demo42, Ct)).ShouldBe(1);
            var plan = await data.WorkPlans.Include(p => p.Shifts).Include(p => p.Deviations).AsSplitQuery().SingleAsync(p => p.Id == Plan10, Ct);
            var days = plan.RollOut(first, first.PlusDays(1), Zone).Where(s => s.Date >= first).ToList();
            days.ShouldNotContain(s => s.AssistantId == Demo42, "every shift of theirs those days is vacant");
            days.Count(s => s.AssistantId == null).ShouldBe(before);
            plan.Deviations.Count(d => d.Kind == PlanDeviationKind.Vacant).ShouldBe(before);
            var leader = await data.Users.Where(u => u.Email == DemoLogins.WorkLeader).Select(u => u.Id).SingleAsync(Ct);
            var coordinator = await data.Users.Where(u => u.Email == DemoLogins.CoordinatorEast).Select(u => u.Id).SingleAsync(Ct);
            var toLeader = await data.Notifications.SingleAsync(n => n.UserId == leader && n.Kind == "fravaer-ledig" && n.Link.Contains(Plan10.ToString()), Ct);
            toLeader.Body.ShouldNotContain("egenmelding", Case.Insensitive, "the work leader is not told the kind of absence");
            (await data.Notifications.SingleAsync(n => n.UserId == coordinator && n.Kind == "fravaer-arbeidsgiver", Ct)).Subject.ShouldContain("egenmelding");
            (await data.OutboxMessages.CountAsync(m => m.UserId == leader && m.Kind == "notification", Ct)).ShouldBeGreaterThan(0, "and it arrives by mail");
        }

        // The work leader gives one vacant shift to a colleague of the arrangement; not back to the absent assistant.
        var leaderClient = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        Guid vacancy;
        using (var scope = factory.Services.CreateScope())
            vacancy = await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().PlanDeviations
                .Where(d => d.PlanId == Plan10 && d.Kind == PlanDeviationKind.Vacant).OrderBy(d => d.Date).Select(d => d.Id).FirstAsync(Ct);
        var colleague = DemoIds.For("assistant:43");
        async Task<int> RevisionAsync() => (await leaderClient.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{DemoIds.For("arrangement:10")}/plans/{Plan10}", Ct)).GetProperty("revision").GetInt32();
        var fill = $"/api/v1/arrangements/{DemoIds.For("arrangement:10")}/plans/{Plan10}/deviations/{vacancy}/fill";
        string FillBody(Guid who, int revision) => JsonSerializer.Serialize(new { assistantId = who, revision });
        var back = await ErrorsAsync(await ApiCalls.PostAsync(leaderClient, fill, FillBody(Demo42, await RevisionAsync()), null, Ct));
        back.GetProperty("assistantId")[0].GetString()!.ShouldContain("assistenten som er borte");
        using (var filled = await ApiCalls.PostAsync(leaderClient, fill, FillBody(colleague, await RevisionAsync()), null, Ct))
            filled.StatusCode.ShouldBe(HttpStatusCode.OK, await filled.Content.ReadAsStringAsync(Ct));
        using (var scope = factory.Services.CreateScope())
        {
            var plan = await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().WorkPlans.Include(p => p.Shifts).Include(p => p.Deviations).AsSplitQuery().SingleAsync(p => p.Id == Plan10, Ct);
            plan.RollOut(first, first.PlusDays(1), Zone).Count(s => s.Date >= first && s.AssistantId == null).ShouldBe(before - 1, "one gap filled");
            plan.Deviations.Single(d => d.Id == vacancy).AssistantId.ShouldBe(colleague);
        }

        var page = System.Net.WebUtility.HtmlDecode(await Html.GetAsync(assistant, "/fravaer", Ct));
        page.ShouldContain("Egenmelding");
        page.ShouldContain("Arbeidsgiveren betaler 2 dager.");

        // The same days again, and more than three self-certified days: refused with the reason.
        (await ErrorsAsync(await PostAsync(assistant, twoDays, Guid.NewGuid().ToString()))).GetProperty("from")[0].GetString()!.ShouldContain("allerede registrert fravær");
        var tooLong = await ErrorsAsync(await PostAsync(assistant, Days(first.PlusDays(5), 2), Guid.NewGuid().ToString()));
        tooLong.GetProperty("to")[0].GetString()!.ShouldContain("legges sammen: 4 dager");
        var noNote = await ErrorsAsync(await PostAsync(assistant, """{ "kind": "DoctorCertified", "from": "2026-12-07", "to": "2026-12-20", "degree": 10 }""", Guid.NewGuid().ToString()));
        noNote.GetProperty("certificateDate")[0].GetString().ShouldBe("Fyll ut datoen på sykmeldingen.");
        noNote.GetProperty("degree")[0].GetString().ShouldBe("Sykmeldingsgraden må være fra 20 til 100 prosent.");

        // Back a day sooner, then the report was a mistake: the unfilled shifts are the assistant's again, the filled one stays.
        var absenceId = answer.GetProperty("id").GetGuid();
        var west = await factory.SignedInClientAsync(DemoLogins.CoordinatorWest);
        (await ApiCalls.PostAsync(west, $"/api/v1/absences/{absenceId}/cancel", "{}", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var backward = await ErrorsAsync(await ApiCalls.SendAsync(assistant, HttpMethod.Put, $"/api/v1/absences/{absenceId}/last-day", JsonSerializer.Serialize(new { to = first.PlusDays(-1).ToString("yyyy-MM-dd", null) }), null, Ct));
        backward.GetProperty("to")[0].GetString().ShouldBe("Siste fraværsdag kan ikke være før den første.");
        using (var sooner = await ApiCalls.SendAsync(assistant, HttpMethod.Put, $"/api/v1/absences/{absenceId}/last-day", JsonSerializer.Serialize(new { to = first.ToString("yyyy-MM-dd", null) }), null, Ct))
            sooner.StatusCode.ShouldBe(HttpStatusCode.OK, await sooner.Content.ReadAsStringAsync(Ct));
        using (var cancelled = await ApiCalls.PostAsync(assistant, $"/api/v1/absences/{absenceId}/cancel", "{}", null, Ct))
            cancelled.StatusCode.ShouldBe(HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync(Ct));
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            (await data.Absences.SingleAsync(a => a.Id == absenceId, Ct)).CancelledAt.ShouldNotBeNull();
            var plan = await data.WorkPlans.Include(p => p.Shifts).Include(p => p.Deviations).AsSplitQuery().SingleAsync(p => p.Id == Plan10, Ct);
            var days = plan.RollOut(first, first.PlusDays(1), Zone).Where(s => s.Date >= first).ToList();
            days.Count(s => s.AssistantId == Demo42).ShouldBe(before - 1, "every shift back but the one a colleague took");
            days.Count(s => s.AssistantId == colleague && s.DeviationId == vacancy).ShouldBe(1);
        }
        System.Net.WebUtility.HtmlDecode(await Html.GetAsync(assistant, "/fravaer", Ct)).ShouldContain("(avlyst)");
    }

    [Theory, DatabaseData]
    public async Task ANewEmployee_CannotSelfCertify_ButADoctorsNoteIsTaken_AndOnlyTheirManagersReportForThem(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var east = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var west = await factory.SignedInClientAsync(DemoLogins.CoordinatorWest);
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        using var hired = await ApiCalls.PostAsync(east, "/api/v1/assistants", $$"""
            { "fullName": "Nora Nyansatt", "officeId": "{{DemoIds.For("office:ost")}}", "kind": "Permanent", "positionPercent": 50, "start": "2026-11-01" }
            """, Guid.NewGuid().ToString(), Ct);
        var id = (await hired.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        var selfCertified = await ErrorsAsync(await PostAsync(east, $$"""{ "assistantId": "{{id}}", "kind": "SelfCertified", "from": "2026-11-23", "to": "2026-11-24" }""", Guid.NewGuid().ToString()));
        selfCertified.GetProperty("kind")[0].GetString()!.ShouldStartWith("Egenmelding kan ikke brukes: ansatt 1.11.2026, og retten kommer etter to måneder, 1.1.2027");
        using var byWest = await PostAsync(west, $$"""{ "assistantId": "{{id}}", "kind": "DoctorCertified", "from": "2026-11-23", "to": "2026-11-30", "certificateDate": "2026-11-23" }""");
        using var byColleague = await PostAsync(assistant, $$"""{ "assistantId": "{{id}}", "kind": "DoctorCertified", "from": "2026-11-23", "to": "2026-11-30", "certificateDate": "2026-11-23" }""");
        using var note = await PostAsync(east, $$"""{ "assistantId": "{{id}}", "kind": "DoctorCertified", "from": "2026-11-23", "to": "2026-11-30", "degree": 50, "certificateDate": "2026-11-23" }""", Guid.NewGuid().ToString());

        byWest.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        byColleague.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        note.StatusCode.ShouldBe(HttpStatusCode.Created, await note.Content.ReadAsStringAsync(Ct));
        (await note.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString())
            .ShouldContain("SYK-8-2", "under four weeks of work: no sick pay in the employer period");
    }

    [Theory, DatabaseData]
    public async Task TheEmployersWiderRight_TakesFiveSelfCertifiedDays_TheLawsThreeDoNot(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        const string FiveDays = """{ "kind": "SelfCertified", "from": "2026-11-24", "to": "2026-11-28" }""";

        var refused = await ErrorsAsync(await PostAsync(assistant, FiveDays, Guid.NewGuid().ToString()));
        refused.GetProperty("to")[0].GetString()!.ShouldContain("over grensen på 3 dager");
        using (var set = await ApiCalls.SendAsync(admin, HttpMethod.Put, "/api/v1/provider-settings", """{ "decisionReminderDays": 60, "widerSelfCertification": true }""", ct: Ct))
            set.StatusCode.ShouldBe(HttpStatusCode.OK, await set.Content.ReadAsStringAsync(Ct));
        using var taken = await PostAsync(assistant, FiveDays, Guid.NewGuid().ToString());
        taken.StatusCode.ShouldBe(HttpStatusCode.Created, await taken.Content.ReadAsStringAsync(Ct));
    }
    [Theory, DatabaseData]
    public async Task ASickReport_TakesTheDaysOpenEntriesOffTheTimeSheet_AndWorkEnteredOnThemMustBePutRight(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var arrangement = DemoIds.For("arrangement:10");
        // The demo assistant's last day with a shift in the 24/7 arrangement before today (23 November), on November's sheet.
        LocalDate day;
        using (var scope = factory.Services.CreateScope())
        {
            var plan = await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().WorkPlans.Include(p => p.Shifts).Include(p => p.Deviations).AsSplitQuery().SingleAsync(p => p.Id == Plan10, Ct);
            day = plan.RollOut(new LocalDate(2026, 11, 2), new LocalDate(2026, 11, 21), Zone).Where(s => s.AssistantId == Demo42 && s.Date >= new LocalDate(2026, 11, 2) && s.End.InZone(Zone).Date == s.Date).Max(s => s.Date);
        }
        using var started = await ApiCalls.PostAsync(assistant, $"/api/v1/arrangements/{arrangement}/timesheets", """{ "month": "2026-11-01" }""", null, Ct);
        started.StatusCode.ShouldBe(HttpStatusCode.OK, await started.Content.ReadAsStringAsync(Ct));
        var sheetId = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        async Task<JsonElement> SheetAsync() => await assistant.GetFromJsonAsync<JsonElement>($"/api/v1/timesheets/{sheetId}", Ct);
        bool OnDay(JsonElement e) => e.GetProperty("date").GetString() == day.ToString("yyyy-MM-dd", null);
        (await SheetAsync()).GetProperty("entries").EnumerateArray().Count(OnDay).ShouldBeGreaterThan(0, "the day's shift is an open entry");

        using (var reported = await PostAsync(assistant, $$"""{ "kind": "SelfCertified", "from": "{{day:yyyy-MM-dd}}", "to": "{{day:yyyy-MM-dd}}" }""", Guid.NewGuid().ToString()))
            reported.StatusCode.ShouldBe(HttpStatusCode.Created, await reported.Content.ReadAsStringAsync(Ct));
        var sheet = await SheetAsync();
        sheet.GetProperty("entries").EnumerateArray().Count(OnDay).ShouldBe(0, "the open entries of the sick day came off the sheet");

        // Work entered on the sick day anyway keeps the sheet from going on, with the reason.
        using (var entered = await ApiCalls.PostAsync(assistant, $"/api/v1/timesheets/{sheetId}/entries",
                   JsonSerializer.Serialize(new { date = day.ToString("yyyy-MM-dd", null), start = "10:00:00", end = "12:00:00", reason = "Hjalp til en time", revision = sheet.GetProperty("revision").GetInt32() }), Guid.NewGuid().ToString(), Ct))
            entered.StatusCode.ShouldBe(HttpStatusCode.Created, await entered.Content.ReadAsStringAsync(Ct));
        sheet = await SheetAsync();
        var onAbsence = sheet.GetProperty("incomplete").EnumerateArray().Select(i => i.GetString()!).Where(i => i.EndsWith(":OnAbsence", StringComparison.Ordinal)).ToList();
        onAbsence.Count.ShouldBe(1);
        using var submitted = await ApiCalls.PostAsync(assistant, $"/api/v1/timesheets/{sheetId}/submit", JsonSerializer.Serialize(new { revision = sheet.GetProperty("revision").GetInt32() }), null, Ct);
        submitted.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await submitted.Content.ReadAsStringAsync(Ct)).ShouldContain("på dager med registrert fravær");
    }
    [Theory, DatabaseData]
    public async Task TheArrangementsAbsences_ShowWhoAndWhenToTheLeader_TheKindOnlyToTheEmployer_AndChangesAreTold(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        using var reported = await PostAsync(assistant, """{ "kind": "SelfCertified", "from": "2026-11-24", "to": "2026-11-26" }""", Guid.NewGuid().ToString());
        reported.StatusCode.ShouldBe(HttpStatusCode.Created, await reported.Content.ReadAsStringAsync(Ct));
        var absenceId = (await reported.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var path = $"/api/v1/arrangements/{DemoIds.For("arrangement:10")}/absences";

        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var seen = (await leader.GetFromJsonAsync<JsonElement>(path, Ct)).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == absenceId);
        seen.GetProperty("from").GetString().ShouldBe("2026-11-24");
        seen.GetProperty("kind").ValueKind.ShouldBe(JsonValueKind.Null, "the work leader is not told why");
        System.Net.WebUtility.HtmlDecode(await Html.GetAsync(leader, $"/ordninger/{DemoIds.For("arrangement:10")}/fravaer", Ct)).ShouldNotContain("Egenmelding");
        var east = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var employer = (await east.GetFromJsonAsync<JsonElement>(path, Ct)).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == absenceId);
        employer.GetProperty("kind").GetString().ShouldBe("SelfCertified");
        employer.GetProperty("employerDays").GetInt32().ShouldBe(3);
        (await assistant.GetAsync(path, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a colleague does not see who is away, or why");
        (await leader.GetAsync(path + "?from=2026-12-01&to=2026-11-01", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Back a day sooner, then cancelled: the leader is told each time, without the kind.
        using (var sooner = await ApiCalls.SendAsync(assistant, HttpMethod.Put, $"/api/v1/absences/{absenceId}/last-day", """{ "to": "2026-11-25" }""", null, Ct))
            sooner.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var cancelled = await ApiCalls.PostAsync(assistant, $"/api/v1/absences/{absenceId}/cancel", "{}", null, Ct))
            cancelled.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var scope = factory.Services.CreateScope();
        var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        var leaderId = await data.Users.Where(u => u.Email == DemoLogins.WorkLeader).Select(u => u.Id).SingleAsync(Ct);
        var told = await data.Notifications.Where(n => n.UserId == leaderId && (n.Kind == "fravaer-endret" || n.Kind == "fravaer-avlyst")).ToListAsync(Ct);
        told.Select(n => n.Kind).ShouldBe(["fravaer-endret", "fravaer-avlyst"], ignoreOrder: true);
        told.Single(n => n.Kind == "fravaer-endret").Subject.ShouldContain("er tilbake 26.11.2026");
        told.ShouldAllBe(n => !n.Body.Contains("egenmelding", StringComparison.OrdinalIgnoreCase));
        (await leader.GetFromJsonAsync<JsonElement>(path, Ct)).EnumerateArray().ShouldNotContain(r => r.GetProperty("id").GetGuid() == absenceId, "a cancelled absence is gone from the list");
    }
    [Theory, DatabaseData]
    public async Task SickChildDays_FollowTheChildrenRegistered_OMS_9_6_AndTheEmployerPaysTheFirstTen_OMS_PAY(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        string SickChild(string from, string to) => $$"""{ "kind": "SickChild", "from": "{{from}}", "to": "{{to}}" }""";

        // No children registered: refused with the reason, on the kind.
        (await ErrorsAsync(await PostAsync(assistant, SickChild("2026-11-24", "2026-11-24"), Guid.NewGuid().ToString()))).GetProperty("kind")[0].GetString()!
            .ShouldStartWith("Ingen av barna gir rett til omsorgsdager i 2026");
        // Two children under 12: 10 days in 2026 (a child born 2013 turned 13 this year and no longer counts).
        using (var care = await ApiCalls.SendAsync(assistant, HttpMethod.Put, "/api/v1/absences/care",
                   """{ "children": [ { "birthYear": 2016 }, { "birthYear": 2019 }, { "birthYear": 2013 } ], "soleCarer": false }""", null, Ct))
        {
            care.StatusCode.ShouldBe(HttpStatusCode.OK, await care.Content.ReadAsStringAsync(Ct));
            (await care.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("sickChildDays").GetInt32().ShouldBe(10);
        }
        (await ErrorsAsync(await ApiCalls.SendAsync(assistant, HttpMethod.Put, "/api/v1/absences/care", """{ "children": [ { "birthYear": 1990 } ] }""", null, Ct)))
            .GetProperty("children")[0].GetString()!.ShouldContain("1990");
        // The same on «Fravær»: a year that is not a number is named, and the page keeps what was saved.
        using (var typo = await SelvstyrtFactory.PostFormAsync(assistant, "/fravaer", "omsorg", new Dictionary<string, string> { ["Care.Years"] = "20x6" }))
        {
            var page = System.Net.WebUtility.HtmlDecode(await typo.Content.ReadAsStringAsync(Ct));
            typo.StatusCode.ShouldBe(HttpStatusCode.OK);
            page.ShouldContain("Fødselsåret til barn 1 må være et årstall");
            page.ShouldContain("Omsorgsdager i 2026: 10, brukt 0.");
        }

        using (var two = await PostAsync(assistant, SickChild("2026-11-24", "2026-11-25"), Guid.NewGuid().ToString()))
        {
            two.StatusCode.ShouldBe(HttpStatusCode.Created, await two.Content.ReadAsStringAsync(Ct));
            (await two.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("findings")[0].GetProperty("message").GetString()!
                .ShouldStartWith("Arbeidsgiveren betaler 2 omsorgsdager av dette fraværet og NAV refunderer 0; 8 dager er igjen i 2026");
        }
        // Nine more days would be one over the ten: refused on the last day, nothing saved.
        (await ErrorsAsync(await PostAsync(assistant, SickChild("2026-12-01", "2026-12-09"), Guid.NewGuid().ToString()))).GetProperty("to")[0].GetString()!
            .ShouldStartWith("1 dager er over retten på 10 omsorgsdager i 2026");
        var mine = (await assistant.GetFromJsonAsync<JsonElement>("/api/v1/absences", Ct))[0];
        mine.GetProperty("sickChildDaysUsed").GetInt32().ShouldBe(2);
        mine.GetProperty("absences").GetArrayLength().ShouldBe(1);
        mine.GetProperty("absences")[0].GetProperty("employerDays").GetInt32().ShouldBe(2);

        using var scope = factory.Services.CreateScope();
        var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        var coordinator = await data.Users.Where(u => u.Email == DemoLogins.CoordinatorEast).Select(u => u.Id).SingleAsync(Ct);
        (await data.Notifications.SingleAsync(n => n.UserId == coordinator && n.Kind == "fravaer-arbeidsgiver", Ct)).Subject.ShouldContain("sykt barn");
    }
    [Theory, DatabaseData]
    public async Task Leave_IsRegisteredByTheEmployer_NotTheAssistant_AndWhoPaysFollowsTheKind(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var east = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        string Leave(string kind, string from, string to, int degree = 100) => $$"""{ "assistantId": "{{Demo42}}", "kind": "{{kind}}", "from": "{{from}}", "to": "{{to}}", "degree": {{degree}} }""";

        (await ErrorsAsync(await PostAsync(assistant, Leave("Unpaid", "2026-12-07", "2026-12-11"), Guid.NewGuid().ToString()))).GetProperty("kind")[0].GetString()
            .ShouldBe("Ulønnet permisjon avtales med arbeidsgiveren, som registrerer den.");
        (await ErrorsAsync(await PostAsync(east, Leave("Welfare", "2026-12-07", "2026-12-08", 50), Guid.NewGuid().ToString()))).GetProperty("degree")[0].GetString()
            .ShouldBe("Velferdspermisjon gjelder hele dager (100 prosent).");
        using (var welfare = await PostAsync(east, Leave("Welfare", "2026-12-07", "2026-12-08"), Guid.NewGuid().ToString()))
            welfare.StatusCode.ShouldBe(HttpStatusCode.Created, await welfare.Content.ReadAsStringAsync(Ct));
        using (var parental = await PostAsync(east, Leave("Parental", "2027-03-01", "2027-05-31", 50), Guid.NewGuid().ToString()))
            parental.StatusCode.ShouldBe(HttpStatusCode.Created, await parental.Content.ReadAsStringAsync(Ct));

        var list = await east.GetFromJsonAsync<JsonElement>($"/api/v1/assistants/{Demo42}/absences", Ct);
        var rows = list.GetProperty("absences").EnumerateArray().ToDictionary(r => r.GetProperty("kind").GetString()!);
        rows["Welfare"].GetProperty("employerDays").GetInt32().ShouldBe(2, "welfare leave is paid by the employer");
        rows["Parental"].GetProperty("employerDays").GetInt32().ShouldBe(0, "NAV pays parental benefit");
        rows["Parental"].GetProperty("degree").GetInt32().ShouldBe(50);
        var west = await factory.SignedInClientAsync(DemoLogins.CoordinatorWest);
        (await west.GetAsync($"/api/v1/assistants/{Demo42}/absences", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await assistant.GetAsync($"/api/v1/assistants/{Demo42}/absences", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the assistant has their own «Fravær»");
        var page = System.Net.WebUtility.HtmlDecode(await Html.GetAsync(east, $"/assistenter/{Demo42}/fravaer", Ct));
        page.ShouldContain("Velferdspermisjon");
        page.ShouldContain("I lønnsgrunnlaget: Betalt permisjon.");
    }
}
