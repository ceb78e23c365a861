using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Host;

/// <summary>
/// quality.md R2, the short run: twelve writers create records through the API of the built app, running as its own process,
/// while the process is killed with SIGKILL at random moments and started again on the same database. Every write the API
/// acknowledged is stored, exactly once, with the id the acknowledgement named; a write whose answer was lost is found by its
/// retry (200 with the first record). The full run (100 kills per engine, and 20 of PostgreSQL itself) is
/// <c>bench -- durability</c>; this one kills three times per engine to keep the suite fast.
/// </summary>
public sealed class DurabilityTests
{
    private const int Writers = 12;
    private const int Kills = 3;
    private static readonly Guid Arrangement = DemoIds.For("arrangement:10");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task AcknowledgedWrites_SurviveKilledServers_ExactlyOnce(DatabaseKind db)
    {
        await using var host = Hosts.Fresh(db, new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" });
        var key = await ApiCalls.KeyAsync(host, "provider-admin", ct: Ct);
        var folder = Directory.CreateTempSubdirectory("selvstyrt-r2-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = db == DatabaseKind.Postgres ? "Postgres" : "Sqlite", ["Database:ConnectionString"] = host.ConnectionString,
            ["Data:Folder"] = folder, ["Jobs:Enabled"] = "false", ["Mail:Sender:Enabled"] = "false", ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Quartz"] = "Information",
        };
        var app = AppProcess.Start(settings);
        try
        {
            await app.WaitUntilUpAsync(Ct);
            var run = new DurabilityRun(Arrangement, key, () => Volatile.Read(ref app).Address);
            var outcome = await run.RunAsync(Writers, Kills, TimeSpan.FromMilliseconds(1500), async _ =>
            {
                Volatile.Read(ref app).Kill();
                var since = Stopwatch.StartNew();
                var next = AppProcess.Start(settings);
                Volatile.Read(ref app).Dispose();
                Volatile.Write(ref app, next);
                return await DurabilityRun.UntilHealthyAsync(() => next.Address, since, Ct);
            }, seed: (int)db, Ct);

            outcome.FailedAttempts.ShouldBeGreaterThan(0, "the kills reached the writers (refused or broken requests)");
            outcome.Writes.Count.ShouldBeGreaterThan(Writers * (Kills + 1), "the writers got writes through between the kills");
            var stored = await Stored.ReadAsync(host, d => d.UnusedHours.AsNoTracking()
                .Where(u => u.ArrangementId == Arrangement && u.IdempotencyKey!.StartsWith("r2-"))
                .Select(u => new { u.IdempotencyKey, u.Id }).ToListAsync(Ct));
            DurabilityRun.Check(outcome, [.. stored.Select(s => (s.IdempotencyKey!, s.Id))], Writers).ShouldBeEmpty();
            TestContext.Current.SendDiagnosticMessage($"R2 {db}: {outcome.Writes.Count} acknowledged ({outcome.Retried} answered 200 after a lost answer), {outcome.FailedAttempts} failed attempts, ready again in {string.Join(", ", outcome.ReadyAgain.Select(r => $"{r.TotalSeconds:F1}"))} s");
        }
        finally
        {
            Volatile.Read(ref app).Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }
}
