using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Selvstyrt.Web.Features.Recruitment;
using Selvstyrt.Web.Features.Retention;
using Selvstyrt.Web.Tests.Users;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Recruitment;

/// <summary>
/// Issue 19's «done when» on both engines, through the API: in the demo, an applicant becomes an assistant on a first lawful
/// ventilator shift (chosen by the work leader, hired by the employer, signed in by mail, contract and declaration signed in the
/// app, the police certificate shown, the competences given), while an unqualified assistant cannot be put on such a shift; and
/// a recruitment is drafted from its arrangement, made once however often sent, and forgets its applicants on the day.
/// </summary>
public sealed class RecruitmentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Guid Even = DemoIds.For("arrangement:10");
    private static readonly Guid EvenPlan = DemoIds.For("plan:10");
    private static readonly Guid Posting = DemoIds.For("posting:10");
    private static readonly Guid Jonas = DemoIds.For("applicant:10:jonas");
    private static readonly Guid Ventilator = DemoIds.For("template:10:Respiratorvakt");

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(expected, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, object body, string? key = null) => ApiCalls.PostAsync(client, path, JsonSerializer.Serialize(body), key, Ct);

    private static async Task<HttpResponseMessage> AddVentilatorShiftAsync(HttpClient leader, Guid assistant, string day)
    {
        var plans = $"/api/v1/arrangements/{Even}/plans/{EvenPlan}";
        var revision = (await leader.GetFromJsonAsync<JsonElement>(plans, Ct)).GetProperty("revision").GetInt32();
        return await Post(leader, $"{plans}/shifts", new { templateId = Ventilator, assistantId = assistant, weeks = new[] { 1 }, days = new[] { day }, revision }, Guid.NewGuid().ToString());
    }

    [Theory, DatabaseData]
    public async Task InTheDemo_AnApplicantBecomesAnAssistantOnAFirstLawfulVentilatorShift_AndTheUnqualifiedAreRefused(DatabaseKind db)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var factory = Hosts.Fresh(db, smtp.Settings());
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var applicant = $"/api/v1/arrangements/{Even}/recruitments/{Posting}/applicants/{Jonas}";

        // The employer cannot hire before the work leader has chosen, nor may the coordinator choose in the leader's place.
        var hire = new { kind = "permanent", positionPercent = 50, start = "2026-11-30", probationEnd = "2027-05-29", hourlyWage = 250, invite = true };
        (await Post(admin, $"{applicant}/hire", hire)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Post(coordinator, $"{applicant}/choose", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await OkAsync(await Post(leader, $"{applicant}/choose", new { }));
        (await Post(leader, $"{applicant}/hire", hire)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var jonas = (await OkAsync(await Post(admin, $"{applicant}/hire", hire), HttpStatusCode.Created)).GetProperty("assistantId").GetGuid();
        (await OkAsync(await Post(admin, $"{applicant}/hire", hire))).GetProperty("assistantId").GetGuid().ShouldBe(jonas, "a retry makes no second assistant");
        var posting = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Even}/recruitments/{Posting}", Ct);
        posting.GetProperty("status").GetString().ShouldBe("Filled");
        posting.GetProperty("purgeOn").GetString().ShouldBe("2027-05-22");

        // Hired, but not yet able to work: the published plan refuses him, naming what is missing.
        (await ApiCalls.ErrorsAsync(await AddVentilatorShiftAsync(leader, jonas, "wednesday"), Ct)).GetProperty("assistant")[0].GetString()!
            .ShouldStartWith("Jonas Berg: Ingen politiattest");

        // He chooses his password from the invitation, signs the contract and the declaration on his phone.
        var employment = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/assistants/{jonas}/hiring", Ct)).GetProperty("employments")[0].GetProperty("employmentId").GetGuid();
        var own = await PasswordLinkMail.ChoosePasswordAsync(factory, smtp, "jonas.berg@eksempel.no", "jonas sitt passord");
        var contract = (await OkAsync(await Post(admin, $"/api/v1/assistants/{jonas}/contracts", new { employmentId = employment }, "kontrakt-jonas"), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await OkAsync(await Post(admin, $"/api/v1/assistants/{jonas}/contracts/{contract}/sign-as-employer", new { }));
        await OkAsync(await Post(own, $"/api/v1/assistants/{jonas}/contracts/{contract}/sign-as-employee", new { }));
        await OkAsync(await Post(own, $"/api/v1/assistants/{jonas}/confidentiality-declaration", new { }), HttpStatusCode.Created);
        await OkAsync(await ApiCalls.SendAsync(admin, HttpMethod.Put, $"/api/v1/assistants/{jonas}/employments/{employment}/police-certificate",
            JsonSerializer.Serialize(new { shownOn = "2026-11-23" }), null, Ct), HttpStatusCode.Created);

        // Ready to work, but not trained for the ventilator: refused, naming the competence.
        (await ApiCalls.ErrorsAsync(await AddVentilatorShiftAsync(leader, jonas, "wednesday"), Ct)).GetProperty("assistant")[0].GetString()!
            .ShouldContain(DemoCompetences.Ventilator);
        foreach (var kind in new[] { "competence:respirator", "competence:forflytning" })
            await OkAsync(await Post(leader, $"/api/v1/assistants/{jonas}/competences",
                new { kindId = DemoIds.For(kind), gainedOn = "2026-11-23", by = "Sykehusets LTMV-kurs og Even" }, Guid.NewGuid().ToString()), HttpStatusCode.Created);

        // NS8435-RPT: November's report to Oslo counts the training done in Even's arrangement.
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/municipalities/{DemoIds.For("municipality:0301")}/reports/2026-11", Ct)).GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("arrangementId").GetGuid() == Even).GetProperty("trainingDone").GetInt32().ShouldBe(2);

        // Now the shift is his, and the engine finds no breach of his on it.
        var added = await OkAsync(await AddVentilatorShiftAsync(leader, jonas, "wednesday"), HttpStatusCode.Created);
        using (var scope = factory.Services.CreateScope())
        {
            var plan = await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().WorkPlans.AsNoTracking().Include(p => p.Shifts).SingleAsync(p => p.Id == EvenPlan, Ct);
            plan.Shifts.Count(s => s.AssistantId == jonas && s.TemplateId == Ventilator).ShouldBe(1);
        }
        var findings = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Even}/plans/{EvenPlan}/findings", Ct);
        findings.EnumerateArray().Where(f => f.GetProperty("severity").GetString() == "breach" && f.GetProperty("assistantId").GetString() == jonas.ToString())
            .ShouldBeEmpty(added.ToString());

        // The demo assistant works in Even's arrangement but was never trained for the ventilator: she cannot be put there.
        var sofie = DemoIds.For($"assistant:{DemoSeeder.DemoAssistantIndex}");
        (await ApiCalls.ErrorsAsync(await AddVentilatorShiftAsync(leader, sofie, "thursday"), Ct)).GetProperty("assistant")[0].GetString()!
            .ShouldContain(DemoCompetences.Ventilator);
    }

    [Theory, DatabaseData]
    public async Task ARecruitment_IsDraftedFromTheArrangement_MadeOnce_NamesBadFields_AndForgetsItsApplicantsOnTheDay(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var list = $"/api/v1/arrangements/{Even}/recruitments";

        var draft = (await leader.GetFromJsonAsync<JsonElement>(list, Ct)).GetProperty("draft");
        draft.GetProperty("description").GetString()!.ShouldContain("«Ordningen til Even»");
        draft.GetProperty("description").GetString()!.ShouldContain("336 timer assistanse i uken døgnet rundt");
        draft.GetProperty("description").GetString()!.ShouldContain(DemoCompetences.Ventilator);
        draft.GetProperty("interviewGuide").GetString()!.ShouldStartWith("Brukeren presenterer seg selv");

        var bad = await ApiCalls.ErrorsAsync(await Post(leader, list, new { title = " ", description = "", positionPercent = 0, purgeAfterDays = 5 }, Guid.NewGuid().ToString()), Ct);
        bad.GetProperty("title")[0].GetString()!.ShouldContain("tittel");
        bad.GetProperty("description").GetArrayLength().ShouldBe(1);
        bad.GetProperty("positionPercent").GetArrayLength().ShouldBe(1);
        bad.GetProperty("purgeAfterDays")[0].GetString()!.ShouldContain("30 og 730");

        var body = new
        {
            title = "Sommervikar", description = draft.GetProperty("description").GetString(), adText = "Vi søker sommervikar.", interviewGuide = "Hvem er du?",
            positionPercent = 40, wantedStart = "2027-06-01", applyBy = "2027-04-01", purgeAfterDays = 30,
        };
        var key = Guid.NewGuid().ToString();
        var id = (await OkAsync(await Post(leader, list, body, key), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await OkAsync(await Post(leader, list, body, key))).GetProperty("id").GetGuid().ShouldBe(id);
        var applicants = $"{list}/{id}/applicants";
        var applicantKey = Guid.NewGuid().ToString();
        var first = (await OkAsync(await Post(leader, applicants, new { name = "Per Sommer", email = "per@eksempel.no" }, applicantKey), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await OkAsync(await Post(leader, applicants, new { name = "Per Sommer", email = "per@eksempel.no" }, applicantKey))).GetProperty("id").GetGuid().ShouldBe(first);
        (await ApiCalls.ErrorsAsync(await Post(leader, applicants, new { name = "", email = "ikke-en-adresse" }, Guid.NewGuid().ToString()), Ct)).GetProperty("email").GetArrayLength().ShouldBe(1);
        await OkAsync(await Post(leader, $"{applicants}/{first}/references", new { name = "Ola", relation = "Tidligere leder", checkedOn = "2026-11-22", summary = "Stødig." },
            Guid.NewGuid().ToString()), HttpStatusCode.Created);

        // Nobody outside those who lead or employ sees applicants.
        foreach (var other in new[] { DemoLogins.Assistant, DemoLogins.UnionRepresentative, DemoLogins.CaseWorkerOslo, DemoLogins.CoWorkLeader })
            (await (await factory.SignedInClientAsync(other)).GetAsync($"{list}/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, other);

        // Closed today (2026-11-23) with 30 days: the applicants are there on 22 December and gone on the 23rd; the count stays.
        await OkAsync(await Post(leader, $"{list}/{id}/close", new { }));
        async Task<int> PurgeOnAsync(LocalDate day)
        {
            using var scope = factory.Services.CreateScope();
            return (await RetentionPurge.RunAsync(scope.ServiceProvider.GetRequiredService<SelvstyrtDb>(), day.At(new LocalTime(12, 0)).InUtc().ToInstant(), Ct)).Applicants;
        }
        (await PurgeOnAsync(new LocalDate(2026, 12, 22))).ShouldBe(0);
        (await PurgeOnAsync(new LocalDate(2026, 12, 23))).ShouldBe(1);
        var after = await leader.GetFromJsonAsync<JsonElement>($"{list}/{id}", Ct);
        after.GetProperty("applicants").GetArrayLength().ShouldBe(0);
        after.GetProperty("applicantCount").GetInt32().ShouldBe(1);
        after.GetProperty("purgedOn").GetString().ShouldBe("2026-12-23");
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            (await data.Applicants.AnyAsync(a => a.PostingId == id, Ct)).ShouldBeFalse();
            (await data.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"ReferenceChecks\"").SingleAsync(Ct)).ShouldBe(1, "only the demo's own reference is left");
        }
    }
}
