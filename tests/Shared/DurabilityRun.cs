using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Selvstyrt.Testing;

/// <summary>
/// quality.md R2: writers create records through the API, each with its own idempotency key, and keep sending the same
/// request until it is acknowledged (2xx), however often the server dies under them; meanwhile something is crashed at
/// random moments (the app with SIGKILL, or the database). Afterwards every acknowledged key must be stored exactly once.
/// The writers register unused hours (<c>POST /api/v1/arrangements/{id}/unused-hours</c>, key required), which a retry
/// answers with 200 and the first record. Used by <c>Web.Tests/Host/DurabilityTests</c> (a few crashes in CI) and
/// <c>bench -- durability</c> (100 per engine, and 20 of PostgreSQL itself).
/// </summary>
public sealed class DurabilityRun
{
    /// <summary>One write: its key, and the answers seen (the last is the acknowledgement).</summary>
    public sealed record Acknowledged(string Key, Guid Id, HttpStatusCode Status, int Attempts);

    public sealed record Outcome(IReadOnlyList<Acknowledged> Writes, IReadOnlyList<TimeSpan> ReadyAgain, int Crashes, int FailedAttempts, IReadOnlyDictionary<string, int> Failures)
    {
        /// <summary>Acknowledged writes whose answer was 200: the server had the record from an attempt whose answer was lost.</summary>
        public int Retried => Writes.Count(w => w.Status == HttpStatusCode.OK);
    }

    private readonly Guid _arrangement;
    private readonly string _apiKey;
    private readonly Func<Uri> _address;

    /// <param name="arrangement">The arrangement the writers register unused hours on.</param>
    /// <param name="apiKey">A key allowed to do that (X-Api-Key).</param>
    /// <param name="address">Where the app answers now (it may move between crashes).</param>
    public DurabilityRun(Guid arrangement, string apiKey, Func<Uri> address)
    {
        _arrangement = arrangement;
        _apiKey = apiKey;
        _address = address;
    }

    /// <summary>
    /// Runs <paramref name="writers"/> writers while <paramref name="crash"/> is called <paramref name="crashes"/> times, each
    /// after a random pause of up to <paramref name="maxPause"/>; <paramref name="crash"/> kills something, starts it again and
    /// returns the time until the app answered again. Writers stop after the last crash once each has had a write acknowledged since.
    /// </summary>
    public async Task<Outcome> RunAsync(int writers, int crashes, TimeSpan maxPause, Func<int, Task<TimeSpan>> crash, int seed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(crash);
        var acknowledged = new ConcurrentBag<Acknowledged>();
        var failures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var failed = 0;
        var crashed = 0;
        var afterLast = new int[writers];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var key = $"r2-{seed}-{w}-{n}";
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_address(), $"/api/v1/arrangements/{_arrangement}/unused-hours"))
                        {
                            Content = JsonContent.Create(new { date = "2026-11-02", hours = 0.25m, reason = $"Krasjprøve, skriver {w}" }),
                        };
                        request.Headers.Add("X-Api-Key", _apiKey);
                        request.Headers.Add("Idempotency-Key", key);
                        using var response = await client.SendAsync(request, stop.Token);
                        if (response.IsSuccessStatusCode)
                        {
                            var body = await response.Content.ReadFromJsonAsync<JsonElement>(stop.Token);
                            acknowledged.Add(new Acknowledged(key, body.GetProperty("id").GetGuid(), response.StatusCode, attempt));
                            if (Volatile.Read(ref crashed) == crashes) Interlocked.Exchange(ref afterLast[w], 1);
                            break;
                        }
                        Fail($"HTTP {(int)response.StatusCode}");
                    }
                    catch (OperationCanceledException) when (stop.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        Fail(e.GetType().Name);
                    }
                    await Task.Delay(20, CancellationToken.None);
                }
            }
        }, CancellationToken.None)).ToList();

        void Fail(string why)
        {
            Interlocked.Increment(ref failed);
            failures.AddOrUpdate(why, 1, (_, c) => c + 1);
        }

        var random = new Random(seed);
        var ready = new List<TimeSpan>();
        for (var i = 0; i < crashes; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(50, (int)maxPause.TotalMilliseconds)), ct);
            ready.Add(await crash(i));
            Interlocked.Increment(ref crashed);
        }
        var waited = Stopwatch.StartNew();
        while (Enumerable.Range(0, writers).Any(w => Volatile.Read(ref afterLast[w]) == 0) && waited.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(50, ct);
        await stop.CancelAsync();
        await Task.WhenAll(tasks);
        return new Outcome([.. acknowledged.OrderBy(a => a.Key, StringComparer.Ordinal)], ready, crashes, failed, new Dictionary<string, int>(failures));
    }

    /// <summary>
    /// What is wrong with what was stored after <paramref name="outcome"/>, in plain words; empty when every acknowledged write
    /// is stored once with the id its acknowledgement named and nothing else was stored but writes in flight at the end.
    /// </summary>
    public static IReadOnlyList<string> Check(Outcome outcome, IReadOnlyList<(string Key, Guid Id)> stored, int writers)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(stored);
        var problems = new List<string>();
        var byKey = stored.GroupBy(s => s.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(s => s.Id).ToList(), StringComparer.Ordinal);
        problems.AddRange(byKey.Where(k => k.Value.Count > 1).Select(k => $"duplicate: {k.Key} stored {k.Value.Count} times"));
        problems.AddRange(outcome.Writes.GroupBy(w => w.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{g.Key} acknowledged {g.Count()} times"));
        foreach (var write in outcome.Writes)
        {
            if (!byKey.TryGetValue(write.Key, out var ids)) problems.Add($"lost: {write.Key}, acknowledged with {(int)write.Status} after {write.Attempts} attempts");
            else if (!ids.Contains(write.Id)) problems.Add($"{write.Key} acknowledged as {write.Id} but stored as {string.Join(", ", ids)}");
        }
        var unacknowledged = byKey.Count - outcome.Writes.Select(w => w.Key).Distinct(StringComparer.Ordinal).Count(byKey.ContainsKey);
        if (unacknowledged > writers) problems.Add($"{unacknowledged} records stored without an acknowledgement; at most {writers} (one in flight per writer) may be");
        return problems;
    }

    /// <summary>Polls <c>/health</c> at <paramref name="address"/> until it answers 200; the time it took.</summary>
    public static async Task<TimeSpan> UntilHealthyAsync(Func<Uri> address, Stopwatch since, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(since);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (since.Elapsed < TimeSpan.FromMinutes(1))
        {
            try
            {
                using var health = await client.GetAsync(new Uri(address(), "/health"), ct);
                if (health.IsSuccessStatusCode) return since.Elapsed;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not answering yet.
            }
            await Task.Delay(25, ct);
        }
        throw new TimeoutException("Appen svarte ikke på /health innen ett minutt etter krasjet.");
    }
}
