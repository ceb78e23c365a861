using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Shell;

/// <summary>
/// Issue 23 on both engines: the start page says what to do now, and each item links to where it is done. The demo's
/// Monday 23 November 2026 is in week 4 of the 24/7 2:1 arrangement's rotation.
/// </summary>
public sealed class StartPageTests(Hosts hosts)
{
    private static readonly Guid Arrangement10 = DemoIds.For("arrangement:10");
    private static readonly Guid Plan10 = DemoIds.For("plan:10");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task TheWorkLeader_SeesThisWeeksGapsAndSheetsToApprove_EachALinkToItsPage(DatabaseKind db)
    {
        await using var host = Hosts.Fresh(db);
        var leader = await host.SignedInClientAsync(DemoLogins.WorkLeader);
        var week = $"/ordninger/{Arrangement10}/arbeidsplan/{Plan10}?uke=4";

        var home = await Html.GetAsync(leader, "/", Ct);
        home.ShouldContain($"<a class=\"ds-link\" href=\"{week}\">Ordningen til Even, uke 4 i turnusen</a>:\n                    dekket hele uken");
        home.ShouldContain("<a class=\"ds-link\" href=\"/timelister\">2 timelister venter på godkjenning</a>", Case.Sensitive, "October's two sheets sent and not approved");
        home.ShouldNotContain("hull i dekningen denne uken");

        // One of the two leaves Wednesday's evening in week 4: a gap this week (Wednesday is still to come).
        var plan = await ApiCalls.OkAsync(await leader.GetAsync($"/api/v1/arrangements/{Arrangement10}/plans/{Plan10}", Ct), ct: Ct);
        var evening = plan.GetProperty("shifts").EnumerateArray().First(s => s.GetProperty("week").GetInt32() == 4 && s.GetProperty("day").GetString() == "Wednesday"
            && s.GetProperty("start").GetString()!.StartsWith("15:00", StringComparison.Ordinal));
        using (var removed = await ApiCalls.SendAsync(leader, HttpMethod.Delete, $"/api/v1/arrangements/{Arrangement10}/plans/{Plan10}/shifts/{evening.GetProperty("id").GetGuid()}", "", plan.GetProperty("revision").GetInt32(), Ct))
            removed.StatusCode.ShouldBe(HttpStatusCode.OK, await removed.Content.ReadAsStringAsync(Ct));

        home = await Html.GetAsync(leader, "/", Ct);
        home.ShouldContain($"<li data-tone=\"danger\"><a class=\"ds-link\" href=\"{week}\">Ordningen til Even: 1 hull i dekningen denne uken (8 timer), først onsdag 15:00–23:00: 1 av 2</a></li>");
        home.ShouldContain("1 hull i dekningen, 8 timer");
        // The link leads to the week, whose cover row shows the gap.
        (await Html.GetAsync(leader, week, Ct)).ShouldContain("1 av 2, mangler 1");

        // Another leader's start page says nothing of it.
        var coWorkLeader = await host.SignedInClientAsync(DemoLogins.CoWorkLeader);
        (await Html.GetAsync(coWorkLeader, "/", Ct)).ShouldNotContain("Ordningen til Even: 1 hull");
    }

    [Theory, DatabaseData]
    public async Task TheDailyJobsHourWarnings_AreTheCoordinatorsTasks_OncePerMonth(DatabaseKind db)
    {
        await using var host = Hosts.Fresh(db);
        var coordinator = await host.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var warned = (await ApiCalls.OkAsync(await coordinator.GetAsync("/api/v1/hour-accounts", Ct), ct: Ct)).EnumerateArray()
            .Where(r => r.GetProperty("warn").GetBoolean()).Select(r => (Id: r.GetProperty("id").GetGuid(), Name: r.GetProperty("name").GetString()!)).ToList();
        warned.ShouldNotBeEmpty("the demo has arrangements whose forecast goes over the threshold");
        (await Html.GetAsync(coordinator, "/", Ct)).ShouldNotContain("timekontoen varsler", Case.Sensitive, "nothing before the daily job has run");

        using (var scope = host.Services.CreateScope())
        {
            var job = scope.ServiceProvider.GetRequiredService<Selvstyrt.Web.Features.HourAccounts.HourWarnings>();
            (await job.RecordAsync(host.Clock.GetCurrentInstant(), Ct)).ShouldBeGreaterThan(0);
            (await job.RecordAsync(host.Clock.GetCurrentInstant(), Ct)).ShouldBe(0, "one notification a month per person and arrangement");
        }
        var home = await Html.GetAsync(coordinator, "/", Ct);
        foreach (var (id, name) in warned)
            home.ShouldContain($"<a class=\"ds-link\" href=\"/ordninger/{id}/timekonto\">{name}: timekontoen varsler at prognosen går over terskelen</a>");
        // The assistant is told nothing of it.
        (await Html.GetAsync(await host.SignedInClientAsync(DemoLogins.Assistant), "/", Ct)).ShouldNotContain("timekontoen varsler");
    }

    [Theory, DatabaseData]
    public async Task TheAssistantSeesTheNextShifts_AndTheCaseWorkerLastMonthsReport(DatabaseKind db)
    {
        var host = hosts.For(db);
        var assistant = await host.SignedInClientAsync(DemoLogins.Assistant);
        var home = await Html.GetAsync(assistant, "/", Ct);
        var section = home[home.IndexOf("Dine neste vakter", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        var items = section.Split("<li>").Skip(1).ToList();
        items.Count.ShouldBe(3, "the next three shifts");
        items.ShouldAllBe(i => i.Contains("Ordningen til", StringComparison.Ordinal));
        // Today (Monday 23 November, 10:00) or later, in order.
        items[0].ShouldMatch(@"^\s*(mandag 23\. november|tirsdag 24\. november|onsdag 25\. november|torsdag 26\. november|fredag 27\. november|lørdag 28\. november|søndag 29\. november|mandag 30\. november) 2026");
        section.ShouldContain("href=\"/min-plan\"");

        var caseWorker = await host.SignedInClientAsync(DemoLogins.CaseWorkerOslo);
        var oslo = DemoIds.For("municipality:0301");
        (await Html.GetAsync(caseWorker, "/", Ct)).ShouldContain($"<a class=\"ds-link\" href=\"/kommuner/{oslo}/rapport?maaned=2026-10\">Månedsrapporten for Oslo, oktober 2026, er klar</a>");
        // The assistant is not asked for reports, nor the case worker for shifts.
        home.ShouldNotContain("Månedsrapporten");
        (await Html.GetAsync(caseWorker, "/", Ct)).ShouldNotContain("Dine neste vakter");
    }
}
