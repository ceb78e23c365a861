using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;
using Selvstyrt.Cli;
using Selvstyrt.Data;
using Selvstyrt.Data.Backup;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;

namespace Selvstyrt.Bench;

/// <summary>
/// quality.md R2, the full run: twelve writers through the API of the built app (its own process) while the app is killed
/// with SIGKILL at random moments, 100 times on SQLite and 100 times on PostgreSQL, and then PostgreSQL itself (postmaster
/// and every backend) 20 times. PostgreSQL is a private cluster this run starts with the server's durable defaults
/// (<c>fsync</c> and <c>synchronous_commit</c> on), so it needs Debian's PostgreSQL server programs. Reports, per part:
/// writes acknowledged, lost, stored twice, answered from a retry, and how long until the app answered again.
/// Run: <c>dotnet run -c Release --project bench/Selvstyrt.Bench -- durability [app kills] [database kills]</c> (100, 20).
/// </summary>
internal static class Durability
{
    private const int Writers = 12;
    private static readonly Guid Arrangement = DemoIds.For("arrangement:10");

    public static void Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task RunAsync(string[] args)
    {
        var kills = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        var databaseKills = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var failed = false;
        var folder = Directory.CreateTempSubdirectory("selvstyrt-r2-bench-").FullName;
        await using var cluster = await PrivateCluster.StartAsync();
        try
        {
            failed |= !await PartAsync("SQLite, app killed", DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "r2.db")}", kills, crashDatabase: false, cluster, folder);
            failed |= !await PartAsync("PostgreSQL, app killed", DatabaseProvider.Postgres, cluster.Database("r2app"), kills, crashDatabase: false, cluster, folder);
            failed |= !await PartAsync("PostgreSQL, database killed", DatabaseProvider.Postgres, cluster.Database("r2db"), databaseKills, crashDatabase: true, cluster, folder);
        }
        finally
        {
            await cluster.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
        if (failed) throw new InvalidOperationException("R2 failed: see the lines marked FAIL above.");
    }

    private static async Task<bool> PartAsync(string name, DatabaseProvider engine, string connection, int crashes, bool crashDatabase, PrivateCluster cluster, string folder)
    {
        if (crashes == 0) return true;
        if (engine == DatabaseProvider.Postgres) await cluster.CreateDatabaseAsync(new NpgsqlConnectionStringBuilder(connection).Database!);
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = engine.ToString(), ["Database:ConnectionString"] = connection, ["Data:Folder"] = Path.Combine(folder, "app"),
            ["Jobs:Enabled"] = "false", ["Mail:Sender:Enabled"] = "false", ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:Quartz"] = "Information",
        };
        var app = AppProcess.Start(settings);
        try
        {
            await app.WaitUntilUpAsync(CancellationToken.None);
            var options = new DbContextOptionsBuilder<SelvstyrtDb>();
            // No pool here: an idle connection of this process would not survive a killed database.
            DatabaseSetup.Configure(options, engine, engine == DatabaseProvider.Postgres ? new NpgsqlConnectionStringBuilder(connection) { Pooling = false }.ConnectionString : connection);
            string key;
            await using (var db = new SelvstyrtDb(options.Options))
            {
                var made = await ApiKeyAdmin.CreateAsync(db, SystemClock.Instance, new ApiKeyAdmin.Request(DemoSeeder.ProviderId, "provider-admin", null, null, null, "R2"), CancellationToken.None);
                key = made.Value ?? throw new InvalidOperationException(made.Error!.Message);
            }
            var run = new DurabilityRun(Arrangement, key, () => Volatile.Read(ref app).Address);
            var clock = Stopwatch.StartNew();
            var outcome = await run.RunAsync(Writers, crashes, TimeSpan.FromMilliseconds(1500), async i =>
            {
                var since = Stopwatch.StartNew();
                if (crashDatabase)
                {
                    cluster.Kill();
                    since.Restart();
                    await cluster.StartAgainAsync();
                }
                else
                {
                    Volatile.Read(ref app).Kill();
                    since.Restart();
                    var next = AppProcess.Start(settings);
                    Volatile.Read(ref app).Dispose();
                    Volatile.Write(ref app, next);
                }
                var ready = await DurabilityRun.UntilHealthyAsync(() => Volatile.Read(ref app).Address, since, CancellationToken.None);
                if ((i + 1) % 10 == 0) Console.WriteLine($"  {name}: {i + 1} of {crashes} crashes, last ready again in {ready.TotalSeconds:F2} s");
                return ready;
            }, seed: crashDatabase ? 3 : (int)engine + 1, CancellationToken.None);

            List<(string, Guid)> stored;
            await using (var db = new SelvstyrtDb(options.Options))
            {
                stored = [.. (await db.UnusedHours.AsNoTracking().Where(u => u.ArrangementId == Arrangement && u.IdempotencyKey!.StartsWith("r2-"))
                    .Select(u => new { u.IdempotencyKey, u.Id }).ToListAsync()).Select(s => (s.IdempotencyKey!, s.Id))];
            }
            var problems = DurabilityRun.Check(outcome, stored, Writers);
            var ready = outcome.ReadyAgain.Select(r => r.TotalSeconds).Order().ToList();
            var slow = ready.Count(r => r >= 5);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"R2 {name}: {outcome.Crashes} crashes in {clock.Elapsed.TotalSeconds:F0} s, {outcome.Writes.Count} writes acknowledged, {problems.Count(p => p.StartsWith("lost", StringComparison.Ordinal))} lost, " +
                $"{problems.Count(p => p.StartsWith("duplicate", StringComparison.Ordinal))} stored twice, {outcome.Retried} answered from a retry, {outcome.FailedAttempts} failed attempts; " +
                $"ready again: median {ready[ready.Count / 2]:F2} s, max {ready[^1]:F2} s, {slow} of {ready.Count} at 5 s or more. {(problems.Count == 0 && slow == 0 ? "PASS" : "FAIL")}"));
            foreach (var problem in problems.Take(20)) Console.WriteLine("  " + problem);
            foreach (var (why, count) in outcome.Failures.OrderByDescending(f => f.Value)) Console.WriteLine($"  failed attempts: {why} × {count}");
            return problems.Count == 0 && slow == 0;
        }
        finally
        {
            Volatile.Read(ref app).Dispose();
        }
    }
}

/// <summary>
/// A PostgreSQL cluster of the bench's own (initdb in a temporary folder, a free port, the server's durable defaults), which
/// the bench may kill: SIGKILL to the postmaster and every process it started, then <c>pg_ctl start</c>, which runs crash recovery.
/// Run as root, the server programs run as the <c>postgres</c> user (initdb refuses root).
/// </summary>
internal sealed class PrivateCluster : IAsyncDisposable
{
    private readonly string _data;
    private readonly int _port;

    private PrivateCluster(string data, int port)
    {
        _data = data;
        _port = port;
    }

    /// <summary>A new cluster in a folder of its own under the temporary folder (the postgres user must reach it), removed on dispose.</summary>
    public static async Task<PrivateCluster> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("selvstyrt-pg-").FullName;
        if (Environment.UserName == "root") await RunAsync("chown", ["postgres", folder], asPostgres: false);
        var data = Path.Combine(folder, "data");
        await RunAsync(PostgresTools.Locate("initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"], asPostgres: true);
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var cluster = new PrivateCluster(data, port);
        await cluster.StartAgainAsync();
        return cluster;
    }

    public string Database(string name) => $"Host=127.0.0.1;Port={_port};Username=postgres;Database={name};Pooling=true";

    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(Database("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    public Task StartAgainAsync()
        => RunAsync(PostgresTools.Locate("pg_ctl"), ["-D", _data, "-l", Path.Combine(Path.GetDirectoryName(_data)!, "server.log"), "-w", "-t", "60",
            "-o", $"-c listen_addresses=127.0.0.1 -c port={_port} -c unix_socket_directories={Path.GetDirectoryName(_data)} -c max_connections=200", "start"], asPostgres: true);

    /// <summary>SIGKILL to the postmaster and all its children: the database crashes as on a power cut of the process, not a clean stop.</summary>
    public void Kill()
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(_data, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        var children = Directory.GetDirectories("/proc").Select(Path.GetFileName)
            .Where(d => int.TryParse(d, out _))
            .Select(d => (Pid: int.Parse(d!, CultureInfo.InvariantCulture), Stat: TryRead($"/proc/{d}/stat")))
            .Where(p => p.Stat is not null && ParentOf(p.Stat) == postmaster)
            .Select(p => p.Pid).ToList();
        foreach (var pid in children.Prepend(postmaster))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
        for (var i = 0; i < 200 && children.Prepend(postmaster).Any(p => Directory.Exists($"/proc/{p}")); i++) Thread.Sleep(10);
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static int ParentOf(string stat) => int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (!Directory.Exists(_data)) return;
        if (File.Exists(Path.Combine(_data, "postmaster.pid")))
            await RunAsync(PostgresTools.Locate("pg_ctl"), ["-D", _data, "-m", "immediate", "stop"], asPostgres: true);
        Directory.Delete(Path.GetDirectoryName(_data)!, recursive: true);
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var info = asPostgres && Environment.UserName == "root" ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. arguments]) : new ProcessStartInfo(program, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', arguments)}: {await output}{await error}");
    }
}
