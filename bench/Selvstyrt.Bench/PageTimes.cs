using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;

namespace Selvstyrt.Bench;

/// <summary>
/// quality.md P4: every page and API read in the app's own route table, requested as each demo role that may see it, on a
/// provider ten times the demo (<c>Demo:Scale</c> 10: 100 arrangements, 600 assistants, a year of settled time sheets), through
/// the app's real host and middleware (the in-memory test server: no network in the times) on SQLite and on PostgreSQL.
/// Each visible (route, role) pair is requested once to warm up and then <c>samples</c> times; the report gives p50 and p95 per
/// route over all its roles, the slowest role, and the routes it could not fill or no role could see, with the reason.
/// Run: <c>dotnet run -c Release --project bench/Selvstyrt.Bench -- pages [scale] [samples] [sqlite|postgres|both] [parts of routes, comma-separated]</c>
/// (the last to measure, or profile with <c>dotnet-trace collect -p</c>, only the routes that contain one of them; a part that
/// starts with <c>=</c> names a route exactly, so <c>=/</c> is the start page alone).
/// </summary>
internal static class PageTimes
{
    private const double BudgetMs = 50;

    /// <summary>The signed-in roles of the demo and what each of them works with (arrangement number, assistant index).</summary>
    private static readonly (string Email, int Arrangement, int Assistant)[] Roles =
    [
        (DemoLogins.ProviderAdmin, 10, 42), (DemoLogins.CoordinatorEast, 10, 42), (DemoLogins.WorkLeader, 10, 42), (DemoLogins.Assistant, 10, 42),
        (DemoLogins.CoWorkLeader, 5, 12), (DemoLogins.CaseWorkerOslo, 10, 42), (DemoLogins.UnionRepresentative, 10, 42),
    ];

    public static void Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task RunAsync(string[] args)
    {
        var scale = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var samples = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var which = args.Length > 2 ? args[2] : "both";
        var only = args.Length > 3 ? args[3] : null;
        var pg = Environment.GetEnvironmentVariable("SELVSTYRT_BENCH_PG");
        var kinds = new List<DatabaseKind>();
        if (which is "sqlite" or "both") kinds.Add(DatabaseKind.Sqlite);
        if (which is "postgres" or "both")
        {
            if (pg is null) Console.WriteLine("// PostgreSQL left out: set SELVSTYRT_BENCH_PG to a server's connection string (a database of its own is made and dropped).");
            else
            {
                // The test host makes a fresh database on the server the tests use; point it at the benchmark's.
                Environment.SetEnvironmentVariable(SelvstyrtFactory.PostgresVariable, pg);
                kinds.Add(DatabaseKind.Postgres);
            }
        }
        // The test host looks for the app's content root beside the solution; from the benchmark's folder, tell it where.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SELVSTYRT_WEB", Path.Combine(Repository.Root, "src", "Selvstyrt.Web"));
        var all = new Dictionary<DatabaseKind, Dictionary<string, RouteTimes>>();
        foreach (var kind in kinds) all[kind] = await MeasureAsync(kind, scale, samples, only);
        Report(all);
    }

    private sealed class RouteTimes
    {
        public List<double> Samples { get; } = [];
        public Dictionary<string, double> RoleMedians { get; } = [];
        public List<string> Refused { get; } = [];
        public string? Skipped { get; set; }
    }

    private static async Task<Dictionary<string, RouteTimes>> MeasureAsync(DatabaseKind kind, int scale, int samples, string? only)
    {
        var watch = Stopwatch.StartNew();
        await using var factory = new SelvstyrtFactory(kind) { FromTemplate = false };
        factory.Settings["Demo:Scale"] = scale.ToString(CultureInfo.InvariantCulture);
        _ = factory.Services;
        var seeded = watch.Elapsed;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            var (arrangements, assistants, decisions) = (await db.Arrangements.CountAsync(), await db.Assistants.CountAsync(), await db.Decisions.CountAsync());
            var (plans, sheets, entries) = (await db.WorkPlans.CountAsync(), await db.TimeSheets.CountAsync(), await db.Set<Selvstyrt.Domain.TimeSheets.TimeEntry>().CountAsync());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// {kind}: seeded in {seeded.TotalSeconds:F0} s: {arrangements} arrangements, {assistants} assistants, {decisions} decisions, {plans} plans, {sheets} time sheets, {entries} sheet entries."));
        }
        var routes = Discover(factory).Where(r => only is null || only.Split(',').Any(part => part.StartsWith('=') ? r == part[1..] : r.Contains(part, StringComparison.Ordinal))).ToList();
        Console.WriteLine($"// {kind}: process {Environment.ProcessId} measures {routes.Count} routes now.");
        var clients = new List<(string Email, int Arrangement, int Assistant, HttpClient Client)>();
        foreach (var (email, arrangement, assistant) in Roles) clients.Add((email, arrangement, assistant, await factory.SignedInClientAsync(email)));
        var result = new Dictionary<string, RouteTimes>(StringComparer.Ordinal);
        foreach (var route in routes)
        {
            var times = result[route] = new RouteTimes();
            foreach (var (email, arrangement, assistant, client) in clients)
            {
                var path = DemoPaths.Fill(route, arrangement, assistant, out var missing);
                if (path is null)
                {
                    times.Skipped = $"nothing to put in {missing}";
                    break;
                }
                var (status, _) = await TimeAsync(client, path);
                if (status != HttpStatusCode.OK)
                {
                    times.Refused.Add($"{Short(email)} {(int)status}");
                    continue;
                }
                var own = new List<double>(samples);
                for (var i = 0; i < samples; i++) own.Add((await TimeAsync(client, path)).Ms);
                times.Samples.AddRange(own);
                own.Sort();
                times.RoleMedians[Short(email)] = own[own.Count / 2];
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// {kind}: {routes.Count} GET routes measured in {watch.Elapsed.TotalSeconds:F0} s."));
        foreach (var (_, _, _, client) in clients) client.Dispose();
        return result;
    }

    private static async Task<(HttpStatusCode Status, double Ms)> TimeAsync(HttpClient client, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>The app's GET routes, as the authorisation matrix finds them, without files, health, the sign-in pages and the error pages.</summary>
    private static List<string> Discover(SelvstyrtFactory factory)
        => [.. RouteTable.Read(factory).Where(r => r.Method == "GET").Select(r => r.Pattern)
            .Where(p => p is not ("/health" or "/feil" or "/ikke-funnet" or "/_framework/opaque-redirect") && !p.StartsWith("/logg-inn", StringComparison.Ordinal) && !p.Contains("{**", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal)];

    private static string Short(string email) => email.Split('@')[0];

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * p) - 1)];

    private static void Report(Dictionary<DatabaseKind, Dictionary<string, RouteTimes>> all)
    {
        if (all.Count == 0) return;
        var kinds = all.Keys.ToList();
        var routes = all[kinds[0]].Keys.ToList();
        Console.WriteLine();
        Console.WriteLine("P4: server time per route (ms), p50 / p95 over every role that sees it; the slowest role by median; budget p95 50 ms");
        Console.WriteLine($"{"route",-78} " + string.Join(" ", kinds.Select(k => $"{k,22}")) + "  slowest role");
        var over = new List<string>();
        var notMeasured = new List<string>();
        foreach (var route in routes)
        {
            var cells = new List<string>();
            string slowest = "";
            foreach (var kind in kinds)
            {
                var times = all[kind][route];
                times.Samples.Sort();
                if (times.Samples.Count == 0)
                {
                    cells.Add($"{"-",22}");
                    continue;
                }
                var p95 = Percentile(times.Samples, 0.95);
                cells.Add(string.Create(CultureInfo.InvariantCulture, $"{Percentile(times.Samples, 0.5),9:F1} / {p95,7:F1}{(p95 > BudgetMs ? " !" : "  ")}"));
                if (p95 > BudgetMs) over.Add(string.Create(CultureInfo.InvariantCulture, $"{route} ({kind}: p95 {p95:F0} ms)"));
                var worst = times.RoleMedians.MaxBy(r => r.Value);
                slowest = string.Create(CultureInfo.InvariantCulture, $"{worst.Key} {worst.Value:F1}");
            }
            var first = all[kinds[0]][route];
            if (first.Samples.Count == 0)
            {
                notMeasured.Add($"{route}: {first.Skipped ?? "no role got 200 (" + string.Join(", ", first.Refused) + ")"}");
                continue;
            }
            Console.WriteLine($"{route,-78} {string.Join(" ", cells)}  {slowest}");
        }
        Console.WriteLine();
        Console.WriteLine($"Measured {routes.Count - notMeasured.Count} of {routes.Count} GET routes; over the 50 ms p95 budget: {over.Count}.");
        foreach (var line in over) Console.WriteLine("  over: " + line);
        foreach (var line in notMeasured) Console.WriteLine("  not measured: " + line);
    }
}
