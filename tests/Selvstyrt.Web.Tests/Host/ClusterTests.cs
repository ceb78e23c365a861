using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Selvstyrt.Data.Demo;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Host;

/// <summary>
/// Issue 21, part 4: two web instances on one PostgreSQL form one scheduler cluster (ADR 0026). The daily jobs run once for
/// both, and a roster proposal started on one is read, followed and stopped on the other. PostgreSQL only: SQLite is one
/// instance by nature (its file is not shared between machines, and Quartz locks SQLite inside the process), which
/// ADR 0026 records; the session shared across instances is shown on both engines by <see cref="InstancesTests"/>.
/// </summary>
public sealed class ClusterTests
{
    private static readonly Guid Arrangement10 = DemoIds.For("arrangement:10");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoInstances_RunTheDailyJobsOnce_AndShareAProposal()
    {
        var settings = new Dictionary<string, string?> { ["Jobs:Enabled"] = "true", ["Jobs:CheckinSeconds"] = "1", ["Jobs:CheckinMisfireSeconds"] = "3" };
        await using var first = Hosts.Fresh(DatabaseKind.Postgres, settings);
        first.KeepDatabase = true;
        var folder = Directory.CreateTempSubdirectory("selvstyrt-klynge-").FullName;
        await using var second = Hosts.Fresh(DatabaseKind.Postgres, new Dictionary<string, string?>(settings) { ["Data:Folder"] = folder }, reuse: first);

        // Both are in the cluster, and the daily jobs ran on one of them only.
        await Until(async () => await CountAsync(first, "select count(*) as \"Value\" from qrtz_scheduler_state") == 2, "begge instansene er med i klyngen");
        await Until(async () => await CountAsync(first, "select count(*) as \"Value\" from qrtz_execution_history where job_name = 'daily'") >= 1, "de daglige jobbene har kjørt");
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        (await CountAsync(first, "select count(*) as \"Value\" from qrtz_execution_history where job_name = 'daily'")).ShouldBe(1, "one firing, one instance");
        (await CountAsync(first, "select count(*) as \"Value\" from qrtz_execution_history where job_name = 'daily' and succeeded")).ShouldBe(1);
        var reminders = await Stored.ReadAsync(first, d => d.Notifications.CountAsync(n => n.DedupKey.StartsWith("decision-expiry:"), Ct));
        reminders.ShouldBeGreaterThan(0, "the demo has decisions about to expire");

        // One browser, its requests going to either instance.
        var cookies = new CookieContainer();
        var onFirst = first.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        var onSecond = second.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        await SignInAsync(onFirst, DemoLogins.WorkLeader);
        var path = $"/ordninger/{Arrangement10}/arbeidsplan/{DemoIds.For("plan:10")}/forslag";

        using var started = await SelvstyrtFactory.PostFormAsync(onFirst, path, "start", new Dictionary<string, string> { ["Seconds"] = "60" });
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await onSecond.GetStringAsync(path, Ct)).ShouldContain("data-proposal-running");
        await Until(async () => await Stored.ReadAsync(second, d => d.RosterProposals.AnyAsync(p => p.BestObjective != null, Ct)), "generatoren har funnet et første forslag", seconds: 90);
        var running = WebUtility.HtmlDecode(await onSecond.GetStringAsync(path, Ct));
        running.ShouldContain("Beste forslag så langt", customMessage: "the second instance reports the progress the first writes (or the reverse)");

        using var stopped = await SelvstyrtFactory.PostFormAsync(onSecond, path, "stopp", new Dictionary<string, string>());
        var after = WebUtility.HtmlDecode(await stopped.Content.ReadAsStringAsync(Ct));
        after.ShouldNotContain("data-proposal-running");
        after.ShouldContain("stoppet underveis");
        var stored = await Stored.ReadAsync(first, d => d.RosterProposals.AsNoTracking().SingleAsync(Ct));
        stored.State.ShouldBe(ProposalState.Done);
        stored.Attempts.ShouldBe(1);
        stored.ElapsedSeconds.ShouldBeLessThan(60, "stopped long before its minute was up");
        (await onFirst.GetStringAsync(path, Ct)).ShouldContain("id=\"forslaget\"");
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// The instance running a proposal dies (SIGKILL, no shutdown): another instance takes the job over once the dead one
    /// misses its check-ins, runs it again from the start, and the proposal ends there. Two real app processes run the
    /// generator; the in-process host, where the leader works, is in the cluster but refuses the generator's jobs.
    /// </summary>
    [Fact]
    public async Task AProposalWhoseInstanceDies_IsRunAgainByAnother()
    {
        await using var office = Hosts.Fresh(DatabaseKind.Postgres, new Dictionary<string, string?>
        {
            ["Jobs:Generator"] = "false", ["Jobs:CheckinSeconds"] = "1", ["Jobs:CheckinMisfireSeconds"] = "2", ["Jobs:IdleSeconds"] = "1",
        });
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = office.ConnectionString, ["Jobs:Enabled"] = "false", ["Mail:Sender:Enabled"] = "false",
            ["Jobs:CheckinSeconds"] = "1", ["Jobs:CheckinMisfireSeconds"] = "2", ["Jobs:IdleSeconds"] = "1",
        };
        using var a = AppProcess.Start(settings);
        using var b = AppProcess.Start(settings);
        await Task.WhenAll(a.WaitUntilUpAsync(Ct), b.WaitUntilUpAsync(Ct));
        var leader = await office.SignedInClientAsync(DemoLogins.WorkLeader);
        var path = $"/ordninger/{Arrangement10}/arbeidsplan/{DemoIds.For("plan:10")}/forslag";

        using var started = await SelvstyrtFactory.PostFormAsync(leader, path, "start", new Dictionary<string, string> { ["Seconds"] = "60" });
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await Until(async () => await Stored.ReadAsync(office, d => d.RosterProposals.AnyAsync(p => p.RunningOn != null, Ct)), "en av prosessene har tatt forslaget");
        var first = await Stored.ReadAsync(office, d => d.RosterProposals.AsNoTracking().SingleAsync(Ct));
        var (dying, surviving) = a.InstanceId == first.RunningOn ? (a, b) : (b, a);
        dying.InstanceId.ShouldBe(first.RunningOn, "the job runs on one of the two processes, not in the office's host");

        dying.Kill();
        await Until(async () => await Stored.ReadAsync(office, d => d.RosterProposals.AnyAsync(p => p.Attempts == 2 && p.RunningOn == surviving.InstanceId && p.BestObjective != null, Ct)),
            "den andre prosessen har tatt over forslaget og funnet et første forslag", seconds: 90);
        using var stopped = await SelvstyrtFactory.PostFormAsync(leader, path, "stopp", new Dictionary<string, string>());
        WebUtility.HtmlDecode(await stopped.Content.ReadAsStringAsync(Ct)).ShouldContain("stoppet underveis");
        var done = await Stored.ReadAsync(office, d => d.RosterProposals.AsNoTracking().SingleAsync(Ct));
        done.State.ShouldBe(ProposalState.Done);
        done.Attempts.ShouldBe(2);
        surviving.Kill();
    }

    private static async Task<int> CountAsync(SelvstyrtFactory host, string sql)
        => await Stored.ReadAsync(host, d => d.Database.SqlQueryRaw<int>(sql).SingleAsync(Ct));

    private static async Task Until(Func<Task<bool>> done, string what, int seconds = 30)
    {
        for (var i = 0; i < seconds * 4; i++)
        {
            if (await done()) return;
            await Task.Delay(250, Ct);
        }
        throw new TimeoutException($"Ventet {seconds} sekunder på at {what}.");
    }

    private static async Task SignInAsync(HttpClient client, string email)
    {
        var page = await client.GetStringAsync("/logg-inn", Ct);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "logg-inn", ["__RequestVerificationToken"] = SelvstyrtFactory.AntiforgeryToken(page),
            ["Input.Email"] = email, ["Input.Password"] = DemoLogins.Password, ["Input.ReturnUrl"] = "/",
        });
        using var response = await client.PostAsync("/logg-inn", form, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
