using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Surveys;

/// <summary>
/// Issue 20, part 4 on both engines, from the demo's surveys: the assistant answers the open HMS survey once (the answer stored
/// without them), the substitute on the page; the results are the stored answers' averages, withheld for a group under 5,
/// with last year beside; who reads which office; a new survey made once per key and sent once to the employed assistants.
/// </summary>
public sealed class SurveyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) => ApiCalls.OkAsync(response, expected, Ct);

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, object body, string? key = null) => ApiCalls.PostJsonAsync(client, path, body, key, Ct);

    private static Task<T> DbAsync<T>(SelvstyrtFactory factory, Func<SelvstyrtDb, Task<T>> read) => Stored.ReadAsync(factory, read);

    private static readonly Guid Hms = DemoIds.For("survey:hms:2026");
    private static readonly Guid Users = DemoIds.For("survey:users:2026");
    private static readonly Guid Work2026 = DemoIds.For("survey:work:2026");
    private static readonly Guid East = DemoIds.For("office:ost");

    private static JsonElement Group(JsonElement results, string name)
        => name == "provider" ? results.GetProperty("provider") : results.GetProperty("offices").EnumerateArray().Single(g => g.GetProperty("name").GetString() == name);

    [Theory, DatabaseData]
    public async Task AnAnswer_IsGivenOnce_AndStoredWithoutItsPerson_AndTheResultsAreTheAnswersAverages(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        (await assistant.GetFromJsonAsync<JsonElement>("/api/v1/surveys", Ct)).GetProperty("waiting").EnumerateArray().Select(w => w.GetProperty("surveyId").GetGuid()).ShouldBe([Hms]);
        var questions = (await assistant.GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{Hms}", Ct)).GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("key").GetString()!).ToList();
        var before = await DbAsync(factory, d => d.SurveyResponses.CountAsync(r => r.SurveyId == Hms, Ct));

        var missing = await ApiCalls.ErrorsAsync(await Post(assistant, $"/api/v1/surveys/{Hms}/answers", new { scores = questions.Skip(1).ToDictionary(k => k, _ => 6) }), Ct);
        missing.GetProperty($"scores.{questions[0]}")[0].GetString()!.ShouldStartWith("Svar fra 1 til 6");
        await OkAsync(await Post(assistant, $"/api/v1/surveys/{Hms}/answers", new { scores = questions.ToDictionary(k => k, _ => 6) }));
        (await Post(assistant, $"/api/v1/surveys/{Hms}/answers", new { scores = questions.ToDictionary(k => k, _ => 1) })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await assistant.GetFromJsonAsync<JsonElement>("/api/v1/surveys", Ct)).GetProperty("waiting").GetArrayLength().ShouldBe(0);

        // The substitute answers on the page.
        var substitute = await factory.SignedInClientAsync(DemoLogins.Substitute);
        var form = questions.ToDictionary(k => $"Answer.Scores[{k}]", _ => "2");
        using (var page = await SelvstyrtFactory.PostFormAsync(substitute, $"/undersokelser/{Hms}/svar", "svar", form))
            WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct)).ShouldContain("Takk! Svaret ditt er lagret uten navnet ditt.");
        (await DbAsync(factory, d => d.SurveyResponses.CountAsync(r => r.SurveyId == Hms, Ct))).ShouldBe(before + 2);
        (await DbAsync(factory, d => d.SurveyInvitations.CountAsync(i => i.SurveyId == Hms && i.Answered, Ct))).ShouldBe(2);

        // The administrator's results: Kontor Øst's averages are the stored answers'; Kontor Vest has none and shows nothing.
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var results = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{Hms}/results", Ct);
        var stored = await DbAsync(factory, d => d.SurveyResponses.AsNoTracking().AsSplitQuery().Where(r => r.SurveyId == Hms && r.OfficeId == East).ToListAsync(Ct));
        var east = Group(results, "Kontor Øst (Oslo og Akershus)");
        east.GetProperty("withheld").GetBoolean().ShouldBeFalse();
        foreach (var q in east.GetProperty("questions").EnumerateArray())
        {
            var key = q.GetProperty("key").GetString()!;
            q.GetProperty("average").GetDecimal().ShouldBe(Math.Round((decimal)stored.SelectMany(r => r.Scores).Where(s => s.Key == key).Average(s => s.Score), 1), key);
        }
        Group(results, "Kontor Vest (Bergen)").GetProperty("withheld").GetBoolean().ShouldBeTrue();
        Group(results, "Kontor Vest (Bergen)").GetProperty("questions").GetArrayLength().ShouldBe(0);
    }

    [Theory, DatabaseData]
    public async Task AGroupUnderFive_ShowsNothing_LastYearStandsBeside_AndEachCoordinatorReadsTheirOwnOffice(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var users = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{Users}/results", Ct);
        Group(users, "Kontor Vest (Bergen)").GetProperty("answers").GetInt32().ShouldBe(3);
        Group(users, "Kontor Vest (Bergen)").GetProperty("withheld").GetBoolean().ShouldBeTrue("3 answers could be told apart");
        Group(users, "Kontor Øst (Oslo og Akershus)").GetProperty("withheld").GetBoolean().ShouldBeFalse();
        var page = WebUtility.HtmlDecode(await Html.GetAsync(admin, $"/undersokelser/{Users}", Ct));
        page.ShouldContain("Færre enn 5 svar: resultatet vises ikke.");

        var work = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{Work2026}/results", Ct);
        work.GetProperty("lastYear").GetInt32().ShouldBe(2025);
        var eastWork = Group(work, "Kontor Øst (Oslo og Akershus)").GetProperty("questions").EnumerateArray().ToList();
        eastWork.ShouldAllBe(q => q.GetProperty("lastYear").ValueKind == JsonValueKind.Number, "Øst answered in 2025 too");
        eastWork.Where(q => q.GetProperty("average").GetDecimal() < 5m).ShouldAllBe(q => q.GetProperty("measureRequired").GetBoolean());
        eastWork.ShouldContain(q => q.GetProperty("measureRequired").GetBoolean(), "the demo's training scores call for a measure");
        Group(work, "Kontor Vest (Bergen)").GetProperty("questions").EnumerateArray()
            .ShouldAllBe(q => q.GetProperty("lastYear").ValueKind == JsonValueKind.Null, "Vest had 4 answers in 2025: nothing to compare with");

        var west = await factory.SignedInClientAsync(DemoLogins.CoordinatorWest);
        var theirs = await west.GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{Work2026}/results", Ct);
        theirs.GetProperty("offices").EnumerateArray().Select(o => o.GetProperty("name").GetString()).ShouldBe(["Kontor Vest (Bergen)"]);
        foreach (var outsider in new[] { DemoLogins.Assistant, DemoLogins.WorkLeader, DemoLogins.UnionRepresentative })
        {
            var client = await factory.SignedInClientAsync(outsider);
            (await client.GetAsync($"/api/v1/surveys/{Work2026}/results", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, outsider);
        }
        (await Post(west, "/api/v1/surveys", new { kind = "hms", year = 2027, closesOn = "2026-12-20" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, DatabaseData]
    public async Task ASurvey_IsMadeOncePerKey_AndSentOnce_ToTheEmployedAssistantsWithASignIn(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var key = Guid.NewGuid().ToString();
        var body = new { kind = "workEnvironment", year = 2027, closesOn = "2026-12-20" };
        var id = (await OkAsync(await Post(admin, "/api/v1/surveys", body, key), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await OkAsync(await Post(admin, "/api/v1/surveys", body, key))).GetProperty("id").GetGuid().ShouldBe(id);
        (await ApiCalls.ErrorsAsync(await Post(admin, "/api/v1/surveys", body, Guid.NewGuid().ToString()), Ct)).GetProperty("year")[0].GetString()!.ShouldContain("finnes allerede");
        var bad = await ApiCalls.ErrorsAsync(await Post(admin, "/api/v1/surveys", new { kind = "hms", year = 2027, closesOn = "2026-11-01" }), Ct);
        bad.GetProperty("closesOn")[0].GetString().ShouldBe("Siste svardag kan ikke være passert.");

        var sent = await OkAsync(await Post(admin, $"/api/v1/surveys/{id}/send", new { }));
        var expected = await DbAsync(factory, d => d.Assistants.CountAsync(a => a.ProviderId == DemoSeeder.ProviderId && a.UserId != null
            && a.Employments.Any(e => e.Start <= new NodaTime.LocalDate(2026, 11, 23) && (e.End == null || e.End >= new NodaTime.LocalDate(2026, 11, 23))), Ct));
        sent.GetProperty("invited").GetInt32().ShouldBe(expected);
        expected.ShouldBeGreaterThan(0);
        (await DbAsync(factory, d => d.SurveyInvitations.CountAsync(i => i.SurveyId == id, Ct))).ShouldBe(expected);
        (await DbAsync(factory, d => d.Notifications.CountAsync(n => n.Link == $"/undersokelser/{id}/svar", Ct))).ShouldBe(expected);
        (await Post(admin, $"/api/v1/surveys/{id}/send", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var former = await factory.SignedInClientAsync(DemoLogins.FormerAssistant);
        (await former.GetAsync($"/api/v1/surveys/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the former assistant is not employed and not asked");
    }
}
