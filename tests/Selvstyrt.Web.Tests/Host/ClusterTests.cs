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

        using var started = await PostAsync(onFirst, path, "start", [new("Seconds", "60")]);
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await onSecond.GetStringAsync(path, Ct)).ShouldContain("data-proposal-running");
        await Until(async () => await Stored.ReadAsync(second, d => d.RosterProposals.AnyAsync(p => p.BestObjective != null, Ct)), "generatoren har funnet et første forslag");
        var running = WebUtility.HtmlDecode(await onSecond.GetStringAsync(path, Ct));
        running.ShouldContain("Beste forslag så langt", customMessage: "the second instance reports the progress the first writes (or the reverse)");

        using var stopped = await PostAsync(onSecond, path, "stopp", []);
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
        using var a = WebProcess.Start(office.ConnectionString);
        using var b = WebProcess.Start(office.ConnectionString);
        await Task.WhenAll(a.WaitUntilUpAsync(Ct), b.WaitUntilUpAsync(Ct));
        var leader = await office.SignedInClientAsync(DemoLogins.WorkLeader);
        var path = $"/ordninger/{Arrangement10}/arbeidsplan/{DemoIds.For("plan:10")}/forslag";

        using var started = await PostAsync(leader, path, "start", [new("Seconds", "60")]);
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await Until(async () => await Stored.ReadAsync(office, d => d.RosterProposals.AnyAsync(p => p.RunningOn != null, Ct)), "en av prosessene har tatt forslaget");
        var first = await Stored.ReadAsync(office, d => d.RosterProposals.AsNoTracking().SingleAsync(Ct));
        var (dying, surviving) = a.InstanceId == first.RunningOn ? (a, b) : (b, a);
        dying.InstanceId.ShouldBe(first.RunningOn, "the job runs on one of the two processes, not in the office's host");

        dying.Kill();
        await Until(async () => await Stored.ReadAsync(office, d => d.RosterProposals.AnyAsync(p => p.Attempts == 2 && p.RunningOn == surviving.InstanceId && p.BestObjective != null, Ct)),
            "den andre prosessen har tatt over forslaget og funnet et første forslag", seconds: 90);
        using var stopped = await PostAsync(leader, path, "stopp", []);
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

    /// <summary>The app as its own process (the built <c>Selvstyrt.Web.dll</c>) on a database, on a free loopback port.</summary>
    private sealed class WebProcess : IDisposable
    {
        private readonly System.Diagnostics.Process _process;
        private readonly System.Text.StringBuilder _output = new();
        private readonly int _port;

        private WebProcess(System.Diagnostics.Process process, int port)
        {
            _process = process;
            _port = port;
        }

        /// <summary>The scheduler's instance id, as the process logged it when it started.</summary>
        public string? InstanceId
        {
            get
            {
                lock (_output) return System.Text.RegularExpressions.Regex.Match(_output.ToString(), "with instanceId '([^']+)'") is { Success: true } m ? m.Groups[1].Value : null;
            }
        }

        public static WebProcess Start(string connection)
        {
            var root = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(root, "Selvstyrt.slnx"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Fant ikke Selvstyrt.slnx.");
            var dll = Path.Combine(root, "src", "Selvstyrt.Web", "bin", "Release", "net10.0", "Selvstyrt.Web.dll");
            File.Exists(dll).ShouldBeTrue("./test.sh builds the app in Release before the tests");
            using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var info = new System.Diagnostics.ProcessStartInfo("dotnet", [dll]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
            info.Environment["Urls"] = $"http://127.0.0.1:{port}";
            info.Environment["Database__Provider"] = "Postgres";
            info.Environment["Database__ConnectionString"] = connection;
            info.Environment["Data__Folder"] = Directory.CreateTempSubdirectory("selvstyrt-prosess-").FullName;
            info.Environment["Jobs__Enabled"] = "false";
            info.Environment["Jobs__CheckinSeconds"] = "1";
            info.Environment["Jobs__CheckinMisfireSeconds"] = "2";
            info.Environment["Jobs__IdleSeconds"] = "1";
            info.Environment["Demo__PrintLogins"] = "false";
            info.Environment["Mail__Sender__Enabled"] = "false";
            var process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("Appen startet ikke.");
            var web = new WebProcess(process, port);
            process.OutputDataReceived += (_, e) => { lock (web._output) web._output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (web._output) web._output.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return web;
        }

        public async Task WaitUntilUpAsync(CancellationToken ct)
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}") };
            for (var i = 0; i < 240; i++)
            {
                if (_process.HasExited) break;
                try
                {
                    using var health = await client.GetAsync("/health", ct);
                    if (health.IsSuccessStatusCode && InstanceId is not null) return;
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(250, ct);
            }
            lock (_output) throw new TimeoutException("Appen svarte ikke på 60 sekunder:\n" + _output);
        }

        /// <summary>SIGKILL: no shutdown, no goodbye to the cluster.</summary>
        public void Kill()
        {
            if (_process.HasExited) return;
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public void Dispose()
        {
            Kill();
            _process.Dispose();
        }
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

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string formName, List<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(path, Ct);
        fields = [.. fields, new("_handler", formName), new("__RequestVerificationToken", SelvstyrtFactory.AntiforgeryToken(page))];
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, content, Ct);
    }
}
