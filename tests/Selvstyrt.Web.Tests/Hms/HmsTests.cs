using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Hms;

/// <summary>
/// Issue 20, part 2 on both engines, from the demo: a handbook document written once per key, read and confirmed by the assistant
/// (once), confirmed again after a new version and not with the old one, with the administrator seeing who has read it; the work
/// leader's workplace mapping answered, refused signing until complete, read by the arrangement's assistant; and the action plan
/// collecting the measures of incidents, mappings, ROS, audits and surveys for those who may see them.
/// </summary>
public sealed class HmsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Guid Even = DemoIds.For("arrangement:10");

    private static Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) => ApiCalls.OkAsync(response, expected, Ct);

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, object body, string? key = null) => ApiCalls.PostJsonAsync(client, path, body, key, Ct);

    [Theory, DatabaseData]
    public async Task AHandbookDocument_IsConfirmedPerVersion_AndTheAdministratorSeesWhoHasReadIt(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);

        var key = Guid.NewGuid().ToString();
        var body = new { section = "Vold og trusler", title = "Når noen truer deg", text = "Gå ut av rommet. Ring arbeidslederen eller 112. Meld avvik etterpå." };
        var id = (await OkAsync(await Post(admin, "/api/v1/hms/handbook", body, key), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await OkAsync(await Post(admin, "/api/v1/hms/handbook", body, key))).GetProperty("id").GetGuid().ShouldBe(id);
        (await ApiCalls.ErrorsAsync(await Post(admin, "/api/v1/hms/handbook", new { section = "", title = "T", text = "" }), Ct)).GetProperty("text")[0].GetString()
            .ShouldBe("Skriv dokumentets tekst.");
        (await Post(assistant, "/api/v1/hms/handbook", body, Guid.NewGuid().ToString())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        JsonElement Row(JsonElement list) => list.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == id);
        Row(await assistant.GetFromJsonAsync<JsonElement>("/api/v1/hms/handbook", Ct)).GetProperty("readByMe").GetBoolean().ShouldBeFalse();
        (await Html.GetAsync(assistant, "/", Ct)).ShouldContain("dokumenter i HMS-håndboka venter");

        // Confirmed on the page, once; the administrator sees it among the assistants.
        var confirmed = await SelvstyrtFactory.PostFormAsync(assistant, $"/hms/handbok/{id}", "lest", new Dictionary<string, string> { ["Read.Version"] = "1" });
        (await Html.ReadAsync(confirmed)).ShouldContain("Det er registrert at du har lest dokumentet.");
        await OkAsync(await Post(assistant, $"/api/v1/hms/handbook/{id}/read", new { version = 1 }));
        (await Stored.ReadAsync(factory, d => d.ReadConfirmations.CountAsync(r => r.DocumentId == id, Ct))).ShouldBe(1);
        var adminRow = Row(await admin.GetFromJsonAsync<JsonElement>("/api/v1/hms/handbook", Ct));
        (adminRow.GetProperty("confirmed").GetInt32(), adminRow.GetProperty("required").GetInt32()).ShouldBe((1, 60));
        var readers = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/hms/handbook/{id}", Ct)).GetProperty("readers").EnumerateArray().ToList();
        readers.Single(r => r.GetProperty("assistantId").GetGuid() == DemoIds.For("assistant:42")).GetProperty("confirmedAt").GetString().ShouldBe("2026-11-23T09:00:00Z");
        readers.Count(r => r.GetProperty("confirmedAt").ValueKind != JsonValueKind.Null).ShouldBe(1);

        // A new version: read again. The old version's confirmation does not count, and confirming what one read before is refused.
        await OkAsync(await Post(admin, $"/api/v1/hms/handbook/{id}/versions",
            new { section = "Vold og trusler", title = "Når noen truer deg", text = body.text + " Snakk med koordinatoren samme uke.", changeNote = "Oppfølging samme uke." }));
        Row(await assistant.GetFromJsonAsync<JsonElement>("/api/v1/hms/handbook", Ct)).GetProperty("readByMe").GetBoolean().ShouldBeFalse();
        (await Post(assistant, $"/api/v1/hms/handbook/{id}/read", new { version = 1 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await OkAsync(await Post(assistant, $"/api/v1/hms/handbook/{id}/read", new { version = 2 }));
        var doc = await assistant.GetFromJsonAsync<JsonElement>($"/api/v1/hms/handbook/{id}?version=1", Ct);
        (doc.GetProperty("shown").GetProperty("number").GetInt32(), doc.GetProperty("versionInForce").GetInt32(), doc.GetProperty("readByMe").GetBoolean()).ShouldBe((1, 2, true));
        doc.GetProperty("readers").ValueKind.ShouldBe(JsonValueKind.Null, "an assistant does not see who else has read it");

        // Case workers and the former assistant do not read the provider's handbook.
        foreach (var outsider in new[] { DemoLogins.CaseWorkerOslo, DemoLogins.FormerAssistant })
            (await (await factory.SignedInClientAsync(outsider)).GetAsync($"/api/v1/hms/handbook/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, outsider);
    }

    [Theory, DatabaseData]
    public async Task TheWorkplaceMapping_IsAnsweredAndSigned_AndTheActionPlanCollectsEveryMeasure(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);

        var key = Guid.NewGuid().ToString();
        var id = (await OkAsync(await Post(leader, $"/api/v1/arrangements/{Even}/workplace-mappings", new { year = 2027 }, key), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await OkAsync(await Post(leader, $"/api/v1/arrangements/{Even}/workplace-mappings", new { year = 2027 }, key))).GetProperty("id").GetGuid().ShouldBe(id);
        (await ApiCalls.ErrorsAsync(await Post(leader, $"/api/v1/arrangements/{Even}/workplace-mappings", new { year = 2027 }, Guid.NewGuid().ToString()), Ct))
            .GetProperty("year")[0].GetString().ShouldBe("Ordningen har allerede en kartlegging for 2027.");
        var items = (await leader.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Even}/workplace-mappings/2027", Ct)).GetProperty("items").EnumerateArray()
            .Select(i => (Id: i.GetProperty("id").GetGuid(), Key: i.GetProperty("key").GetString()!)).ToList();
        var vold = items.Single(i => i.Key == "vold").Id;
        var missing = await ApiCalls.ErrorsAsync(await ApiCalls.SendAsync(leader, HttpMethod.Put, $"/api/v1/workplace-mappings/{id}/items/{vold}",
            JsonSerializer.Serialize(new { answer = "needsMeasure" }), null, Ct), Ct);
        missing.EnumerateObject().Select(p => p.Name).Order().ShouldBe(["dueOn", "measure", "owner"]);
        foreach (var (itemId, itemKey) in items.Where(i => i.Key != "brann"))
            await OkAsync(await ApiCalls.SendAsync(leader, HttpMethod.Put, $"/api/v1/workplace-mappings/{id}/items/{itemId}", JsonSerializer.Serialize(itemKey == "vold"
                ? new { answer = "needsMeasure", comment = "Besøkende har truet", measure = "Rutine for å avslutte besøk", owner = "Even Tangen", dueOn = "2027-02-01" }
                : (object)new { answer = "ok" }), null, Ct));
        (await ApiCalls.ErrorsAsync(await Post(leader, $"/api/v1/workplace-mappings/{id}/sign", new { participants = "Even og tre assistenter" }), Ct))
            .GetProperty("items")[0].GetString().ShouldBe("1 punkter er ikke besvart ennå.");
        var brann = items.Single(i => i.Key == "brann").Id;
        var answered = await SelvstyrtFactory.PostFormAsync(leader, $"/ordninger/{Even}/kartlegging?ar=2027", $"punkt-{brann:N}",
            new Dictionary<string, string> { ["Answer.ItemId"] = brann.ToString(), ["Answer.Value"] = "Ok", ["Answer.Action"] = "save" });
        (await Html.ReadAsync(answered)).ShouldContain("Svaret er lagret.");
        await OkAsync(await Post(leader, $"/api/v1/workplace-mappings/{id}/sign", new { participants = "Even og tre assistenter" }));

        // The arrangement's assistant reads it and changes nothing; the West coordinator does not see it.
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        (await assistant.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Even}/workplace-mappings/2027", Ct)).GetProperty("signedBy").GetString().ShouldBe("Even Tangen");
        (await Post(assistant, $"/api/v1/workplace-mappings/{id}/sign", new { participants = "Meg" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await factory.SignedInClientAsync(DemoLogins.CoordinatorWest)).GetAsync($"/api/v1/arrangements/{Even}/workplace-mappings/2027", Ct)).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);

        // The action plan: the mapping's new measure beside those of incidents, ROS, audits and the survey.
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        static List<JsonElement> Measures(JsonElement plan) => [.. plan.GetProperty("measures").EnumerateArray()];
        var all = Measures(await admin.GetFromJsonAsync<JsonElement>("/api/v1/hms/action-plan?year=2027", Ct));
        all.Select(m => m.GetProperty("source").GetString()).Distinct().Order().ShouldBe(["Audit", "Incident", "Mapping", "Survey"]);
        all.ShouldContain(m => m.GetProperty("text").GetString() == "Rutine for å avslutte besøk" && m.GetProperty("dueOn").GetString() == "2027-02-01");
        Measures(await admin.GetFromJsonAsync<JsonElement>("/api/v1/hms/action-plan?year=2026", Ct)).Select(m => m.GetProperty("source").GetString()).ShouldContain("RiskAnalysis");

        // A measure for a survey question: the question must be the survey's; written once, then done.
        var survey = DemoIds.For("survey:work:2026");
        var east = DemoIds.For("office:ost");
        (await ApiCalls.ErrorsAsync(await Post(admin, "/api/v1/hms/action-plan/measures",
            new { scope = "Office", scopeId = east, surveyId = survey, questionKey = "finnes-ikke", text = "T", owner = "Jon", dueOn = "2027-01-10" }), Ct))
            .GetProperty("questionKey")[0].GetString().ShouldBe("Velg et spørsmål fra en av leverandørens undersøkelser.");
        var measure = (await OkAsync(await Post(admin, "/api/v1/hms/action-plan/measures",
            new { scope = "Office", scopeId = east, surveyId = survey, questionKey = "opplaering", text = "Opplæringsdag for nye assistenter", owner = "Jon Aasen", dueOn = "2027-01-10" },
            Guid.NewGuid().ToString()), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        // Retries of one create arriving at once (the load run found a 500 here): every answer names the one record, none is a 500.
        var raceKey = Guid.NewGuid().ToString();
        var race = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Post(admin, "/api/v1/hms/action-plan/measures",
            new { scope = "Office", scopeId = east, text = "Samme tiltak, sendt åtte ganger", owner = "Jon Aasen", dueOn = "2027-01-10" }, raceKey)));
        race.Select(r => (int)r.StatusCode).ShouldAllBe(c => c == 200 || c == 201);
        var raced = await Task.WhenAll(race.Select(r => r.Content.ReadFromJsonAsync<JsonElement>(Ct)));
        raced.Select(r => r.GetProperty("id").GetGuid()).Distinct().Count().ShouldBe(1);
        Measures(await admin.GetFromJsonAsync<JsonElement>("/api/v1/hms/action-plan?year=2026", Ct)).Count(m => m.GetProperty("text").GetString() == "Samme tiltak, sendt åtte ganger").ShouldBe(1);
        await OkAsync(await Post(admin, $"/api/v1/hms/action-plan/measures/{measure}/done", new { }));
        var done = Measures(await admin.GetFromJsonAsync<JsonElement>("/api/v1/hms/action-plan?year=2026", Ct)).Single(m => m.GetProperty("planMeasureId").GetString() == measure.ToString());
        (done.GetProperty("doneOn").GetString(), done.GetProperty("reference").GetString()).ShouldBe(("2026-11-23", "2026: Jeg fikk opplæringen jeg trengte."));

        // The West coordinator sees none of arrangement 10's or the East office's measures; the leader sees the arrangement's, not the office's.
        var westPlan = Measures(await (await factory.SignedInClientAsync(DemoLogins.CoordinatorWest)).GetFromJsonAsync<JsonElement>("/api/v1/hms/action-plan?year=2027", Ct));
        westPlan.ShouldNotContain(m => m.GetProperty("where").GetString() == "Ordningen til Even" || m.GetProperty("where").GetString() == "Kontor Øst (Oslo og Akershus)");
        var leaderPlan = Measures(await leader.GetFromJsonAsync<JsonElement>("/api/v1/hms/action-plan?year=2027", Ct));
        leaderPlan.ShouldContain(m => m.GetProperty("source").GetString() == "Mapping");
        leaderPlan.ShouldNotContain(m => m.GetProperty("source").GetString() == "Survey");
    }
}
