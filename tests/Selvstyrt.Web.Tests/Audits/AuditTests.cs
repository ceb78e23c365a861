using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Audits;

/// <summary>
/// Issue 20, part 5 on both engines, from the demo: the administrator plans an audit on the page (once per key), records it held,
/// a deviation and its measure, is refused closing while the measure is open, and closes it; the audit plan lists the year's audits
/// for those who may read them; the auditor reads everything once a purpose is stated and changes nothing; the work leader reads
/// their arrangement's audit; the West coordinator sees none of the East office's.
/// </summary>
public sealed class AuditTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) => ApiCalls.OkAsync(response, expected, Ct);

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, object body, string? key = null) => ApiCalls.PostJsonAsync(client, path, body, key, Ct);

    [Theory, DatabaseData]
    public async Task AnAudit_IsPlannedHeldAndClosed_OnlyOnceItsDeviationIsCorrected_AndTheAuditorReadsIt(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var east = DemoIds.For("office:ost");

        // Planned on the page for Kontor Øst.
        var key = Guid.NewGuid().ToString("N");
        var fields = new Dictionary<string, string>
        {
            ["Input.Key"] = key, ["Input.Target"] = $"Office:{east}", ["Input.Title"] = "Opplæring av vikarer", ["Input.Area"] = "Opplæring",
            ["Input.Criteria"] = "Rutine for opplæring", ["Input.PlannedOn"] = "2026-11-30", ["Input.Lead"] = "Mona Sandvik",
        };
        var planned = await SelvstyrtFactory.PostFormAsync(admin, "/internkontroll", "ny-revisjon", fields);
        planned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = Guid.Parse(planned.Headers.Location!.OriginalString.Split('/')[^1]);
        (await SelvstyrtFactory.PostFormAsync(admin, "/internkontroll", "ny-revisjon", fields)).Headers.Location!.OriginalString.ShouldEndWith(id.ToString());
        (await Stored.ReadAsync(factory, d => d.Audits.CountAsync(a => a.Title == "Opplæring av vikarer", Ct))).ShouldBe(1);
        var missing = await SelvstyrtFactory.PostFormAsync(admin, "/internkontroll", "ny-revisjon", new Dictionary<string, string> { ["Input.Target"] = $"Office:{east}" });
        (await Html.ReadAsync(missing)).ShouldContain("Gi revisjonen en tittel.");

        // Held, a deviation and its measure; closing waits for the measure.
        (await ApiCalls.ErrorsAsync(await Post(admin, $"/api/v1/audits/{id}/findings", new { kind = "Deviation", description = "Vikar uten opplæring", requirement = "Rutine" }), Ct))
            .GetProperty("conductedOn")[0].GetString().ShouldBe("Registrer at revisjonen er holdt før du legger inn funn.");
        await OkAsync(await Post(admin, $"/api/v1/audits/{id}/conducted", new { conductedOn = "2026-11-23", summary = "Gått gjennom opplæringslistene for fem ordninger." }));
        var findingKey = Guid.NewGuid().ToString();
        var finding = new { kind = "deviation", description = "To vikarer jobbet alene før opplæring i forflytning.", requirement = "Rutine for opplæring" };
        var findingId = (await OkAsync(await Post(admin, $"/api/v1/audits/{id}/findings", finding, findingKey), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await OkAsync(await Post(admin, $"/api/v1/audits/{id}/findings", finding, findingKey))).GetProperty("id").GetGuid().ShouldBe(findingId);
        var measureId = (await OkAsync(await Post(admin, $"/api/v1/audits/{id}/findings/{findingId}/measures",
            new { text = "Opplæring registreres før første vakt", owner = "Jon Aasen", dueOn = "2026-12-15" }, Guid.NewGuid().ToString()), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        (await ApiCalls.ErrorsAsync(await Post(admin, $"/api/v1/audits/{id}/close", new { conclusion = "Rettet" }), Ct)).GetProperty("findings")[0].GetString()!
            .ShouldContain("To vikarer jobbet alene");
        await OkAsync(await Post(admin, $"/api/v1/audits/{id}/findings/{findingId}/measures/{measureId}/done", new { }));
        await OkAsync(await Post(admin, $"/api/v1/audits/{id}/close", new { conclusion = "Avviket er rettet." }));
        var closed = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audits/{id}", Ct);
        (closed.GetProperty("status").GetString(), closed.GetProperty("closedBy").GetString(), closed.GetProperty("closedOn").GetString())
            .ShouldBe(("Closed", "Mona Sandvik", "2026-11-23"));
        (await Post(admin, $"/api/v1/audits/{id}/findings", new { kind = "observation", description = "For sent" }, Guid.NewGuid().ToString())).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // The year's plan: the administrator sees all four; the West coordinator none of the East office's.
        var plan = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/audits?year=2026", Ct)).GetProperty("audits").EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToList();
        plan.ShouldBe(["Personvern i ordningen", "Opplæring av vikarer", "Opplæring av nye assistenter"]);
        var west = await factory.SignedInClientAsync(DemoLogins.CoordinatorWest);
        (await west.GetFromJsonAsync<JsonElement>("/api/v1/audits?year=2026", Ct)).GetProperty("audits").GetArrayLength().ShouldBe(0);
        (await west.GetAsync($"/api/v1/audits/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The auditor: nothing without a purpose; everything, read-only, with one.
        var auditor = await factory.SignedInClientAsync(DemoLogins.Auditor);
        (await auditor.GetAsync($"/api/v1/audits/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await SelvstyrtFactory.PostFormAsync(auditor, "/formaal", "formaal", new Dictionary<string, string> { ["Input.Purpose"] = "Ekstern revisjon av internkontrollen 2026" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audits/{id}", Ct)).GetProperty("canEdit").GetBoolean().ShouldBeFalse();
        (await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audits?year=2026", Ct)).GetProperty("audits").GetArrayLength().ShouldBe(3);
        (await Post(auditor, $"/api/v1/audits/{id}/close", new { conclusion = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Html.GetAsync(auditor, $"/internkontroll/{id}", Ct)).ShouldNotContain("Lukk revisjonen");

        // The work leader reads their arrangement's audit (they carry out its measure) and cannot mark it done.
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var personvern = DemoIds.For("audit:2026:personvern");
        var theirs = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/audits/{personvern}", Ct);
        var open = theirs.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("open").GetBoolean());
        (await Post(leader, $"/api/v1/audits/{personvern}/findings/{open.GetProperty("id").GetGuid()}/measures/{open.GetProperty("measures")[0].GetProperty("id").GetGuid()}/done",
            new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await leader.GetAsync($"/api/v1/audits/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "an office audit is not the leader's");
    }
}
