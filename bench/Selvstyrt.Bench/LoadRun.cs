using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;

namespace Selvstyrt.Bench;

/// <summary>
/// quality.md R5: the built app as its own process on PostgreSQL (<c>SELVSTYRT_BENCH_PG</c>, a database of its own that is
/// dropped and seeded with the demo), loaded over loopback by signed-in users at a fixed rate: 80 % reads (start pages, the
/// arrangement, the 24/7 2:1 plan, the hour account, «Min plan», lists in the API) and 20 % writes (the work leader answering
/// the workplace mapping through the API, and the office adding an action-plan measure with an idempotency key drawn from
/// a hundred, so most are retries). Requests are sent on a schedule, not one after another, and each is timed from when it
/// was due, so a slow server cannot slow the load down and hide its own delay. Reports p50/p95/p99 of reads and writes,
/// every error, and the server's memory at the start of the measured time and at its end.
/// Run: <c>dotnet run -c Release --project bench/Selvstyrt.Bench -- load [seconds] [requests per second]</c> (60 s, 500/s).
/// </summary>
internal static partial class LoadRun
{
    private static readonly Guid Arrangement = DemoIds.For("arrangement:10");
    private static readonly Guid Plan = DemoIds.For("plan:10");

    public static void Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task RunAsync(string[] args)
    {
        var pg = Environment.GetEnvironmentVariable("SELVSTYRT_BENCH_PG")
                 ?? throw new InvalidOperationException("R5 runs on PostgreSQL: set SELVSTYRT_BENCH_PG to a connection string naming a database of its own.");
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60;
        var rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
        var options = new DbContextOptionsBuilder<SelvstyrtDb>();
        DatabaseSetup.Configure(options, DatabaseProvider.Postgres, pg);
        await using (var db = new SelvstyrtDb(options.Options)) await db.Database.EnsureDeletedAsync();

        using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = pg, ["Security:HttpsCookies"] = "false", ["Mail:Sender:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:Quartz"] = "Information",
        });
        await app.WaitUntilUpAsync(CancellationToken.None);
        var leader = await SignInAsync(app.Address, DemoLogins.WorkLeader);
        var assistant = await SignInAsync(app.Address, DemoLogins.Assistant);
        var coordinator = await SignInAsync(app.Address, DemoLogins.CoordinatorEast);
        var mapping = await leader.Client.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Arrangement}/workplace-mappings/2026");
        var items = mapping.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToArray();

        var reads = new (User User, string Path)[]
        {
            (leader, "/"), (leader, $"/ordninger/{Arrangement}"), (leader, $"/ordninger/{Arrangement}/arbeidsplan/{Plan}"), (leader, $"/ordninger/{Arrangement}/timekonto"),
            (leader, "/api/v1/arrangements"), (leader, $"/api/v1/arrangements/{Arrangement}/hour-account"), (assistant, "/"), (assistant, "/min-plan"),
            (coordinator, "/"), (coordinator, "/api/v1/arrangements"),
        };
        var writes = new Func<int, HttpRequestMessage>[]
        {
            n => Json(leader, HttpMethod.Put, $"/api/v1/workplace-mappings/{mapping.GetProperty("id").GetGuid()}/items/{items[n % items.Length]}",
                new { answer = "Ok", comment = $"Sett over i lastkjøringen ({n})" }),
            n => Json(coordinator, HttpMethod.Post, "/api/v1/hms/action-plan/measures",
                new { text = $"Tiltak {n % 100} fra lastkjøringen", owner = "Koordinator Øst", dueOn = "2027-01-31", scope = "Office", scopeId = DemoIds.For("office:ost") }, key: $"last-{n % 100}"),
        };

        // Warm-up: every request once, so the first measured second is not the JIT's.
        foreach (var (user, path) in reads) (await user.Client.GetAsync(path)).Dispose();
        for (var n = 0; n < writes.Length; n++) await SendAsync(writes[n](n), recordTo: null);

        var readTimes = new List<double>();
        var writeTimes = new List<double>();
        var errors = new Dictionary<string, int>(StringComparer.Ordinal);
        var memory = new List<double> { app.ResidentMegabytes() };
        var pending = new List<Task>();
        var total = seconds * rate;
        var clock = Stopwatch.StartNew();
        var random = new Random(21);
        for (var n = 0; n < total; n++)
        {
            var due = TimeSpan.FromSeconds((double)n / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            if (n % (rate * 5) == 0) memory.Add(app.ResidentMegabytes());
            var write = random.Next(100) < 20;
            var request = write ? writes[n % writes.Length](n) : Get(reads[n % reads.Length]);
            pending.Add(SendAsync(request, (write ? writeTimes : readTimes, errors, clock, due)));
        }
        await Task.WhenAll(pending);
        memory.Add(app.ResidentMegabytes());
        var achieved = total / clock.Elapsed.TotalSeconds;

        Console.WriteLine($"Load run (R5): {seconds} s at {rate} requests/s ({achieved:0} achieved) against the built app on PostgreSQL over loopback, 80 % reads and 20 % writes as three signed-in users.");
        Console.WriteLine($"  reads:  {readTimes.Count:N0}, p50 {Stats.Percentile(readTimes, 50):0.0} ms, p95 {Stats.Percentile(readTimes, 95):0.0} ms, p99 {Stats.Percentile(readTimes, 99):0.0} ms");
        Console.WriteLine($"  writes: {writeTimes.Count:N0}, p50 {Stats.Percentile(writeTimes, 50):0.0} ms, p95 {Stats.Percentile(writeTimes, 95):0.0} ms, p99 {Stats.Percentile(writeTimes, 99):0.0} ms");
        var all = readTimes.Concat(writeTimes).ToList();
        var p99 = Stats.Percentile(all, 99);
        Console.WriteLine($"  all:    p99 {p99:0.0} ms; budget 100 ms; ratio {p99 / 100:0.00} ({(p99 < 100 ? "met" : "NOT met")}).");
        var conflicts = errors.Where(e => e.Key.EndsWith(" 409", StringComparison.Ordinal)).ToList();
        var failures = errors.Where(e => !e.Key.EndsWith(" 409", StringComparison.Ordinal)).ToList();
        Console.WriteLine($"  errors: {failures.Sum(e => e.Value)}{(failures.Count > 0 ? " (" + string.Join(", ", failures.Select(e => $"{e.Key}: {e.Value}")) + ")" : "")}; "
                          + $"conflicts (409, two writes to one record at once): {conflicts.Sum(e => e.Value)}.");
        Console.WriteLine("  per route, from sending to the whole answer (ms): p50 / p95 / count");
        foreach (var (route, times) in ByRoute.OrderByDescending(r => Stats.Percentile(r.Value, 50)))
            Console.WriteLine($"    {Stats.Percentile(times, 50),7:0.0} {Stats.Percentile(times, 95),7:0.0} {times.Count,6}  {route}");
        Console.WriteLine($"  server memory (resident): {memory[1]:0} MiB after warm-up, {memory[^1]:0} MiB at the end, at most {memory.Max():0} MiB (samples every 5 s: {string.Join(" ", memory.Select(m => m.ToString("0", CultureInfo.InvariantCulture)))}).");
    }

    private sealed record User(HttpClient Client, string CsrfHeader, string CsrfToken);

    private static HttpRequestMessage Get((User User, string Path) read)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, read.Path);
        request.Options.Set(Sender, read.User.Client);
        return request;
    }

    private static readonly HttpRequestOptionsKey<HttpClient> Sender = new("sender");

    private static HttpRequestMessage Json(User user, HttpMethod method, string path, object body, string? key = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
        request.Headers.Add(user.CsrfHeader, user.CsrfToken);
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        request.Options.Set(Sender, user.Client);
        return request;
    }

    private static readonly Dictionary<string, List<double>> ByRoute = new(StringComparer.Ordinal);

    private static async Task SendAsync(HttpRequestMessage request, (List<double> Times, Dictionary<string, int> Errors, Stopwatch Clock, TimeSpan Due)? recordTo)
    {
        using (request)
        {
            request.Options.TryGetValue(Sender, out var client);
            string? error = null;
            var sent = Stopwatch.StartNew();
            try
            {
                using var response = await client!.SendAsync(request);
                _ = await response.Content.ReadAsByteArrayAsync();
                // A 409 is the right answer to two people changing one record at once (optimistic concurrency), not a failure.
                if ((int)response.StatusCode >= 400) error = $"{request.Method} {Shape(request.RequestUri!)} {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                error = $"{request.Method} {Shape(request.RequestUri!)} {e.HttpRequestError}";
            }
            catch (TaskCanceledException)
            {
                error = $"{request.Method} {Shape(request.RequestUri!)} timeout (30 s)";
            }
            if (recordTo is not { } r) return;
            var elapsed = (r.Clock.Elapsed - r.Due).TotalMilliseconds;
            lock (r.Errors)
            {
                var route = $"{request.Method} {Shape(request.RequestUri!)}";
                if (!ByRoute.TryGetValue(route, out var times)) ByRoute[route] = times = [];
                times.Add(sent.Elapsed.TotalMilliseconds);
                r.Times.Add(elapsed);
                if (error is not null) r.Errors[error] = r.Errors.GetValueOrDefault(error) + 1;
            }
        }
    }

    private static string Shape(Uri uri) => GuidPattern().Replace(uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString, "{id}");

    private static async Task<User> SignInAsync(Uri address, string email)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 64 })
        {
            BaseAddress = address, Timeout = TimeSpan.FromSeconds(30),
        };
        var page = await client.GetStringAsync("/logg-inn");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "logg-inn", ["__RequestVerificationToken"] = TokenPattern().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : "",
            ["Input.Email"] = email, ["Input.Password"] = DemoLogins.Password, ["Input.ReturnUrl"] = "/",
        });
        using var signedIn = await client.PostAsync("/logg-inn", form);
        if (signedIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Innloggingen som {email} svarte {(int)signedIn.StatusCode}.");
        var csrf = await client.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery");
        return new User(client, csrf.GetProperty("headerName").GetString()!, csrf.GetProperty("token").GetString()!);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();
}
