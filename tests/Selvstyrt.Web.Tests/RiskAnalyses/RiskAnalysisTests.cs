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

namespace Selvstyrt.Web.Tests.RiskAnalyses;

/// <summary>
/// Issue 20, part 3 on both engines, from the demo's analyses at all three levels: who reads and who changes each level; a
/// hazard added once per key; approval refused while a high risk lacks a residual rating, and taken back by a change; next
/// year's started from this year's, once per scope and year; a wrong rating named in Norwegian.
/// </summary>
public sealed class RiskAnalysisTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) => ApiCalls.OkAsync(response, expected, Ct);

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, object body, string? key = null) => ApiCalls.PostJsonAsync(client, path, body, key, Ct);

    private static readonly Guid Even2026 = DemoIds.For("ros:arrangement:10:2026");
    private static readonly Guid Provider2026 = DemoIds.For("ros:provider:2026");

    private static async Task<List<string>> NamesAsync(HttpClient client)
        => [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/risk-analyses", Ct)).GetProperty("analyses").EnumerateArray()
            .Select(a => $"{a.GetProperty("name").GetString()} {a.GetProperty("year").GetInt32()}")];

    [Theory, DatabaseData]
    public async Task EachLevel_IsReadAndChangedByItsOwn_AHighRiskNeedsAResidual_AndNextYearStartsFromThisYears(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var east = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var west = await factory.SignedInClientAsync(DemoLogins.CoordinatorWest);

        (await NamesAsync(leader)).ShouldBe(["Ordningen til Even 2026", "Ordningen til Even 2025"]);
        (await NamesAsync(east)).ShouldBe(["Demo Assistanse AS 2026", "Kontor Øst (Oslo og Akershus) 2026", "Ordningen til Even 2026", "Demo Assistanse AS 2025", "Ordningen til Even 2025"]);
        (await NamesAsync(west)).ShouldBe(["Demo Assistanse AS 2026", "Demo Assistanse AS 2025"], "a coordinator reads the administration's, not another office's");
        foreach (var outsider in new[] { DemoLogins.Assistant, DemoLogins.UnionRepresentative, DemoLogins.CaseWorkerOslo })
        {
            var client = await factory.SignedInClientAsync(outsider);
            (await NamesAsync(client)).ShouldBeEmpty(outsider);
            (await client.GetAsync($"/api/v1/risk-analyses/{Even2026}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, outsider);
        }
        (await west.GetAsync($"/api/v1/risk-analyses/{Even2026}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await east.GetFromJsonAsync<JsonElement>($"/api/v1/risk-analyses/{Provider2026}", Ct)).GetProperty("canEdit").GetBoolean().ShouldBeFalse();
        (await Post(east, $"/api/v1/risk-analyses/{Provider2026}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The leader's 2026: the new high risk has no residual rating, so approval names it; rated, it is approved; a change takes it back.
        var refused = await ApiCalls.ErrorsAsync(await Post(leader, $"/api/v1/risk-analyses/{Even2026}/approve", new { }), Ct);
        refused.GetProperty("hazards")[0].GetString()!.ShouldContain("Besøkende blir sinte");
        var analysis = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/risk-analyses/{Even2026}", Ct);
        var visit = analysis.GetProperty("hazards").EnumerateArray().Single(h => h.GetProperty("description").GetString()!.StartsWith("Besøkende", StringComparison.Ordinal));
        visit.GetProperty("class").GetString().ShouldBe("High");
        var path = $"/api/v1/risk-analyses/{Even2026}/hazards/{visit.GetProperty("id").GetGuid()}";
        await OkAsync(await ApiCalls.SendAsync(leader, HttpMethod.Put, path, JsonSerializer.Serialize(new
        {
            description = "Besøkende blir sinte eller truende når besøk må avsluttes", likelihood = 3, consequence = 4, measures = "Skriftlig besøksavtale",
            residualLikelihood = 2, residualConsequence = 3, owner = "Even",
        }), null, Ct));
        await OkAsync(await Post(leader, $"/api/v1/risk-analyses/{Even2026}/approve", new { }));
        (await leader.GetFromJsonAsync<JsonElement>($"/api/v1/risk-analyses/{Even2026}", Ct)).GetProperty("approvedOn").GetString().ShouldBe("2026-11-23");
        var key = Guid.NewGuid().ToString();
        var hazard = new { description = "Strømbrudd", likelihood = 2, consequence = 4, measures = "Batteri i respiratoren", residualLikelihood = 2, residualConsequence = 2 };
        await OkAsync(await Post(leader, $"/api/v1/risk-analyses/{Even2026}/hazards", hazard, key), HttpStatusCode.Created);
        await OkAsync(await Post(leader, $"/api/v1/risk-analyses/{Even2026}/hazards", hazard, key));
        var after = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/risk-analyses/{Even2026}", Ct);
        after.GetProperty("hazards").EnumerateArray().Count(h => h.GetProperty("description").GetString() == "Strømbrudd").ShouldBe(1, "a retry with the key adds nothing");
        after.GetProperty("approvedOn").ValueKind.ShouldBe(JsonValueKind.Null, "a changed analysis is approved again");
        var bad = await ApiCalls.ErrorsAsync(await Post(leader, $"/api/v1/risk-analyses/{Even2026}/hazards", new { description = "Noe", likelihood = 7, consequence = 2 }), Ct);
        bad.GetProperty("likelihood")[0].GetString()!.ShouldContain("fra 1");

        // 2027 starts from 2026 (its hazards, not its approval), once per arrangement and year.
        var startKey = Guid.NewGuid().ToString();
        var start = new { scope = "arrangement", scopeId = DemoIds.For("arrangement:10"), year = 2027 };
        var next = (await OkAsync(await Post(leader, "/api/v1/risk-analyses", start, startKey), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await OkAsync(await Post(leader, "/api/v1/risk-analyses", start, startKey))).GetProperty("id").GetGuid().ShouldBe(next);
        var copy = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/risk-analyses/{next}", Ct);
        copy.GetProperty("copiedFrom").GetGuid().ShouldBe(Even2026);
        copy.GetProperty("hazards").GetArrayLength().ShouldBe(after.GetProperty("hazards").GetArrayLength());
        copy.GetProperty("approvedOn").ValueKind.ShouldBe(JsonValueKind.Null);
        (await ApiCalls.ErrorsAsync(await Post(leader, "/api/v1/risk-analyses", start, Guid.NewGuid().ToString()), Ct)).GetProperty("year")[0].GetString()!.ShouldContain("har allerede");
        using var scope = factory.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().RiskAnalyses.CountAsync(r => r.ScopeId == DemoIds.For("arrangement:10") && r.Year == 2027, Ct)).ShouldBe(1);

        // The leader cannot analyse the administration or the office.
        (await ApiCalls.ErrorsAsync(await Post(leader, "/api/v1/risk-analyses", new { scope = "office", scopeId = DemoIds.For("office:ost"), year = 2027 }), Ct))
            .GetProperty("target")[0].GetString()!.ShouldContain("Velg administrasjonen");
    }
}
