using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Plans;

/// <summary>
/// «Foreslå plan» (issue 7) on both engines, through the page's own forms: a proposal for a new two-week draft of the
/// 24/7 2:1 arrangement has no breach, its chosen week replaces the plan's week, a stale revision is a conflict that
/// changes nothing, and only those who may edit the plan can ask.
/// </summary>
public sealed partial class ProposalTests(Hosts hosts)
{
    private static readonly Guid Arrangement10 = DemoIds.For("arrangement:10");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Guid> DraftAsync(HttpClient client, string name)
    {
        var token = await client.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery", Ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/arrangements/{Arrangement10}/plans")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { name, rotationWeeks = 2, startsOn = "2027-02-01" }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        request.Headers.Add(token.GetProperty("headerName").GetString()!, token.GetProperty("token").GetString());
        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<string> WaitForProposalAsync(HttpClient client, string path)
    {
        for (var i = 0; i < 120; i++)
        {
            using var response = await client.GetAsync(path, Ct);
            var html = await response.Content.ReadAsStringAsync(Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, html.Length > 2000 ? html[..2000] : html);
            if (!html.Contains("data-proposal-running", StringComparison.Ordinal)) return html;
            await Task.Delay(500, Ct);
        }
        throw new TimeoutException("Forslaget ble ikke ferdig på 60 sekunder.");
    }

    [Theory, DatabaseData]
    public async Task Proposal_ForANewDraft_HasNoBreach_AndTheChosenWeekReplacesThePlansWeek(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var plan = await DraftAsync(leader, $"Forslag {db}");
        var path = $"/ordninger/{Arrangement10}/arbeidsplan/{plan}/forslag";

        using var bad = await SelvstyrtFactory.PostFormAsync(leader, path, "start", new Dictionary<string, string> { ["Seconds"] = "7" });
        (await bad.Content.ReadAsStringAsync(Ct)).ShouldContain("Velg hvor lenge generatoren skal lete");

        using var started = await SelvstyrtFactory.PostFormAsync(leader, path, "start", new Dictionary<string, string> { ["Seconds"] = "5" });
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect, "post, redirect, get: a reload never starts another run");
        (await leader.GetStringAsync(path, Ct)).ShouldContain("Generatoren leter");
        var html = await WaitForProposalAsync(leader, path);
        html.ShouldContain("Regelmotoren fant 0 brudd");
        html.ShouldContain("Udekkede plasser");

        // The API reports the same run (issue 21: it is stored, so any instance could answer), and refuses a bad length by name.
        var api = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Arrangement10}/plans/{plan}/proposal", Ct);
        var proposal = api.GetProperty("proposal");
        proposal.GetProperty("state").GetString().ShouldBe("Done");
        proposal.GetProperty("shifts").EnumerateArray().Count(s => s.GetProperty("week").GetInt32() == 1).ShouldBe(ProposedInWeek1(html));
        proposal.GetProperty("findings").EnumerateArray().ShouldNotContain(f => f.GetProperty("severity").GetString() == "breach");
        using var badStart = await PostJsonAsync(leader, $"/api/v1/arrangements/{Arrangement10}/plans/{plan}/proposal", new { seconds = 7 });
        badStart.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badStart.Content.ReadAsStringAsync(Ct)).ShouldContain("seconds");

        var revision = Revision(html);
        var form = new List<KeyValuePair<string, string>> { new("Weeks", "1"), new("Revision", revision.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        using var accepted = await PostAsync(leader, path, "ta-inn", form);
        var after = await accepted.Content.ReadAsStringAsync(Ct);
        after.ShouldContain("Uke 1 fra forslaget er tatt inn i planen");

        var stored = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Arrangement10}/plans/{plan}", Ct);
        var shifts = stored.GetProperty("shifts").EnumerateArray().ToList();
        shifts.ShouldNotBeEmpty();
        shifts.ShouldAllBe(s => s.GetProperty("week").GetInt32() == 1, "week 2 was not chosen");
        shifts.Count.ShouldBe(ProposedInWeek1(html));
        var findings = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Arrangement10}/plans/{plan}/findings", Ct);
        findings.EnumerateArray().Where(f => f.GetProperty("severity").GetString() == "breach" && f.GetProperty("rule").GetString() is "AML-10-8-1" or "AML-10-8-2" or "AML-10-4-1")
            .ShouldBeEmpty("the proposal's week keeps the rest and hour rules in the editor too");

        // The same form again with the revision read before the first one took effect: a conflict, nothing changed.
        using var stale = await PostAsync(leader, path, "ta-inn", form);
        (await stale.Content.ReadAsStringAsync(Ct)).ShouldContain("endret av noen andre");
        (await leader.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Arrangement10}/plans/{plan}", Ct)).GetProperty("shifts").GetArrayLength().ShouldBe(shifts.Count);
    }

    [Theory, DatabaseData]
    public async Task Proposal_OnlyForThoseWhoMayEditThePlan(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var plan = DemoIds.For("plan:10");
        var path = $"/ordninger/{Arrangement10}/arbeidsplan/{plan}/forslag";

        var deputy = await factory.SignedInClientAsync(DemoLogins.Deputy);
        using var refused = await deputy.GetAsync(path, Ct);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldNotContain("forslag-sekunder");

        foreach (var outsider in new[] { DemoLogins.Assistant, DemoLogins.CaseWorkerOslo })
        {
            var client = await factory.SignedInClientAsync(outsider);
            using var response = await client.GetAsync(path, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, outsider);
        }
    }

    private static async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, object body)
    {
        var token = await client.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery", Ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
        request.Headers.Add(token.GetProperty("headerName").GetString()!, token.GetProperty("token").GetString());
        return await client.SendAsync(request, Ct);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string formName, List<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(path, Ct);
        fields = [.. fields, new("_handler", formName), new("__RequestVerificationToken", SelvstyrtFactory.AntiforgeryToken(page))];
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, content, Ct);
    }

    private static int Revision(string html) => int.Parse(RevisionPattern().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The shifts in the proposal's week-1 table: cells list times separated by commas.</summary>
    private static int ProposedInWeek1(string html)
    {
        var table = html[html.IndexOf("aria-labelledby=\"uke-forslag\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        return CellPattern().Matches(table).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).Where(t => t.Length > 0 && !t.StartsWith("Ingen", StringComparison.Ordinal))
            .Sum(t => t.Split(", ").Length);
    }

    [GeneratedRegex("name=\"Revision\" value=\"(\\d+)\"")]
    private static partial Regex RevisionPattern();

    [GeneratedRegex("<td>([^<]*)</td>")]
    private static partial Regex CellPattern();
}
