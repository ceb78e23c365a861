using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Competences;

/// <summary>
/// Issue 19, part 3, the training plan, on both engines: a new assistant in Even's arrangement gets a plan drafted from the
/// competences the shift types require and the first topics, due before the probation talk; a retry adds nothing; an item for a
/// competence, given, records the competence once; the plan changes and ends item by item; the assistant reads their own; the
/// municipality's report counts the training planned; nobody outside the arrangement's leaders and employer reaches it.
/// </summary>
public sealed class TrainingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Guid Even = DemoIds.For("arrangement:10");
    private static readonly Guid Demo42 = DemoIds.For("assistant:42");

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, object body, string? key = null) => ApiCalls.PostAsync(client, path, JsonSerializer.Serialize(body), key, Ct);

    [Theory, DatabaseData]
    public async Task ANewAssistantsPlan_IsDraftedFromWhatTheShiftsRequire_AndAGivenItemRecordsTheCompetence(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);

        // Nora starts 1 December with a probation to 20 December, in Even's arrangement.
        var nora = (await OkAsync(await Post(admin, "/api/v1/assistants",
            new { fullName = "Nora Ny", officeId = DemoIds.For("office:ost"), kind = "permanent", positionPercent = 40, start = "2026-12-01", birthDate = "1999-02-02" },
            Guid.NewGuid().ToString()), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var employment = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/assistants/{nora}/hiring", Ct)).GetProperty("employments")[0].GetProperty("employmentId").GetGuid();
        await OkAsync(await ApiCalls.SendAsync(admin, HttpMethod.Put, $"/api/v1/assistants/{nora}/employments/{employment}",
            JsonSerializer.Serialize(new { positionPercent = 40, probationEnd = "2026-12-20" }), null, Ct));
        await OkAsync(await Post(admin, $"/api/v1/assistants/{nora}/assignments", new { arrangementId = Even, from = "2026-12-01" }, Guid.NewGuid().ToString()), HttpStatusCode.Created);

        // The draft: the three competences Even's shift types require, then the five first topics; a retry adds nothing.
        var training = $"/api/v1/arrangements/{Even}/training";
        (await OkAsync(await Post(leader, $"{training}/draft", new { assistantId = nora }))).GetProperty("added").GetInt32().ShouldBe(8);
        (await OkAsync(await Post(leader, $"{training}/draft", new { assistantId = nora }))).GetProperty("added").GetInt32().ShouldBe(0);
        (await ApiCalls.ErrorsAsync(await Post(leader, $"{training}/draft", new { assistantId = DemoIds.For("assistant:20") }), Ct))
            .GetProperty("assistantId")[0].GetString()!.ShouldContain("arbeider i ordningen");
        JsonElement Plan(JsonElement overview) => overview.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("assistantId").GetGuid() == nora);
        var plan = Plan(await leader.GetFromJsonAsync<JsonElement>(training, Ct));
        var items = plan.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(8);
        items.Select(i => i.GetProperty("topic").GetString()).ShouldContain(DemoCompetences.Ventilator);
        // Due two weeks before the probation ends (the probation talk), as that comes before four weeks from the start.
        items.ShouldAllBe(i => i.GetProperty("dueOn").GetString() == "2026-12-06");
        plan.GetProperty("probationEnd").GetString().ShouldBe("2026-12-20");

        // The ventilator item given: the competence is recorded once however often it is sent; a day to come is refused.
        var ventilator = items.Single(i => i.GetProperty("topic").GetString() == DemoCompetences.Ventilator).GetProperty("id").GetGuid();
        (await ApiCalls.ErrorsAsync(await Post(leader, $"/api/v1/training/{ventilator}/done", new { doneOn = "2026-11-30" }), Ct)).GetProperty("doneOn")[0].GetString()!
            .ShouldContain("fram i tid");
        await OkAsync(await Post(leader, $"/api/v1/training/{ventilator}/done", new { doneOn = "2026-11-23", by = "Lungeavdelingen" }));
        await OkAsync(await Post(leader, $"/api/v1/training/{ventilator}/done", new { doneOn = "2026-11-23", by = "Lungeavdelingen" }));
        var held = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/assistants/{nora}/competences", Ct)).GetProperty("held").EnumerateArray()
            .Where(h => h.GetProperty("name").GetString() == DemoCompetences.Ventilator).ToList();
        held.ShouldHaveSingleItem().GetProperty("by").GetString().ShouldBe("Lungeavdelingen");

        // Changed, cancelled (a given one cannot be), and one more for a competence (its name is the topic).
        var topic = items.First(i => i.GetProperty("competenceKindId").ValueKind == JsonValueKind.Null).GetProperty("id").GetGuid();
        await OkAsync(await ApiCalls.SendAsync(leader, HttpMethod.Put, $"/api/v1/training/{topic}",
            JsonSerializer.Serialize(new { topic = "Brukeren forteller om seg selv", dueOn = "2026-12-02", trainer = "Even" }), null, Ct));
        await OkAsync(await Post(leader, $"/api/v1/training/{topic}/cancel", new { }));
        (await Post(leader, $"/api/v1/training/{ventilator}/cancel", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ApiCalls.ErrorsAsync(await Post(leader, training, new { assistantId = nora, kindId = Guid.NewGuid() }, Guid.NewGuid().ToString()), Ct)).GetProperty("kindId")[0]
            .GetString()!.ShouldContain("arbeidsgiverens kompetanser");
        var key = Guid.NewGuid().ToString();
        var first = (await OkAsync(await Post(leader, training, new { assistantId = nora, kindId = DemoIds.For("competence:forflytning"), dueOn = "2026-12-15" }, key),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await OkAsync(await Post(leader, training, new { assistantId = nora, kindId = DemoIds.For("competence:forflytning"), dueOn = "2026-12-15" }, key))).GetProperty("id").GetGuid()
            .ShouldBe(first);
        var after = Plan(await leader.GetFromJsonAsync<JsonElement>(training, Ct)).GetProperty("items").EnumerateArray().ToList();
        after.Count.ShouldBe(9);
        after.Single(i => i.GetProperty("id").GetGuid() == topic).GetProperty("cancelledOn").GetString().ShouldBe("2026-11-23");

        // The demo assistant's own plan, read by her; the page lists both plans for the leader.
        await OkAsync(await Post(leader, $"{training}/draft", new { assistantId = Demo42 }));
        var mine = await (await factory.SignedInClientAsync(DemoLogins.Assistant)).GetFromJsonAsync<JsonElement>("/api/v1/training/mine", Ct);
        mine.GetProperty("items").EnumerateArray().ShouldNotBeEmpty();
        mine.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("arrangement").GetString() == "Ordningen til Even");
        var page = await Html.GetAsync(leader, $"/ordninger/{Even}/opplaering", Ct);
        page.ShouldContain("Nora Ny");
        page.ShouldContain("Gitt 23. november 2026");

        // December's report to Oslo counts the training planned in Even's arrangement (the cancelled item not).
        var planned = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/municipalities/{DemoIds.For("municipality:0301")}/reports/2026-12", Ct)).GetProperty("rows")
            .EnumerateArray().Single(r => r.GetProperty("arrangementId").GetGuid() == Even).GetProperty("trainingPlanned").GetInt32();
        planned.ShouldBe(8 + mine.GetProperty("items").GetArrayLength());

        // Nobody else reaches the plans.
        foreach (var who in new[] { DemoLogins.Assistant, DemoLogins.UnionRepresentative, DemoLogins.CoordinatorWest, DemoLogins.CaseWorkerOslo })
            (await (await factory.SignedInClientAsync(who)).GetAsync(training, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, who);
        (await Post(await factory.SignedInClientAsync(DemoLogins.Assistant), $"/api/v1/training/{first}/done", new { doneOn = "2026-11-23" })).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
    }
}
