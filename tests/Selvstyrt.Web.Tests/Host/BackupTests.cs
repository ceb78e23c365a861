using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Selvstyrt.Data;
using Selvstyrt.Data.Backup;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Host;

/// <summary>
/// quality.md R4: <c>selvstyrt admin backup</c> while the API takes writes, then <c>admin restore</c> into an empty database,
/// run as an operator would (the built command line, its own process). The restore equals the backup table by table (the
/// command compares counts and checksums with the manifest), and holds every write acknowledged before the backup began.
/// A damaged backup, a manifest that does not match its file and a restore over a database in use are refused in Norwegian,
/// and leave the target as it was.
/// </summary>
public sealed class BackupTests
{
    private static readonly Guid Arrangement = DemoIds.For("arrangement:10");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task ABackupTakenUnderLoad_RestoresEqual_WithEveryEarlierWrite(DatabaseKind db)
    {
        await using var host = Hosts.Fresh(db);
        var key = await ApiCalls.KeyAsync(host, "provider-admin", ct: Ct);
        var folder = Directory.CreateTempSubdirectory("selvstyrt-r4-").FullName;
        var restoredDatabases = new List<string>();
        try
        {
            // Writers keep going until the backup is done.
            var acknowledged = new ConcurrentQueue<(string Key, DateTimeOffset At)>();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                using var client = host.CreateClient();
                client.DefaultRequestHeaders.Add("X-Api-Key", key);
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/arrangements/{Arrangement}/unused-hours")
                    {
                        Content = JsonContent.Create(new { date = "2026-11-03", hours = 0.5m, reason = "Sikkerhetskopi under last" }),
                    };
                    request.Headers.Add("Idempotency-Key", $"r4-{w}-{n}");
                    using var response = await client.SendAsync(request, CancellationToken.None);
                    response.EnsureSuccessStatusCode();
                    acknowledged.Enqueue(($"r4-{w}-{n}", DateTimeOffset.UtcNow));
                }
            }, CancellationToken.None)).ToList();
            while (acknowledged.Count < 20) await Task.Delay(20, Ct);

            var started = DateTimeOffset.UtcNow;
            var backup = await Cli($"admin backup --to \"{Path.Combine(folder, "kopier")}\"", db, host.ConnectionString, folder);
            var finished = DateTimeOffset.UtcNow;
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            backup.Exit.ShouldBe(0, backup.Err);
            backup.Out.ShouldContain("Sikkerhetskopien er tatt: ");
            var copy = backup.Out.Split('\n')[0]["Sikkerhetskopien er tatt: ".Length..].Trim();
            acknowledged.Count(a => a.At > started && a.At < finished).ShouldBeGreaterThan(0, "the API took writes while the backup ran");
            var manifest = await BackupManifest.ReadAsync(copy, Ct);
            manifest.Tables.Count.ShouldBeGreaterThan(50);
            manifest.Tables.Single(t => t.Name == "UnusedHours").Rows.ShouldBeGreaterThanOrEqualTo(acknowledged.Count(a => a.At < started));

            // Restored into an empty database: equal, and every write acknowledged before the backup began is there.
            var target = await EmptyDatabaseAsync(db, folder, "gjenopprettet", restoredDatabases);
            var restore = await Cli($"admin restore --from \"{copy}\"", db, target, folder);
            restore.Exit.ShouldBe(0, restore.Err);
            restore.Out.ShouldContain($"Gjenopprettet og kontrollert: {manifest.Tables.Count} tabeller");
            var (rows, keys) = await ReadUnusedHoursAsync(db, target);
            rows.ShouldBe(manifest.Tables.Single(t => t.Name == "UnusedHours").Rows, "read back through the app's own model");
            foreach (var (written, at) in acknowledged.Where(a => a.At < started)) keys.ShouldContain(written, $"acknowledged at {at:O}, before the backup started at {started:O}");

            // A database in use is not replaced without --replace; nothing changes.
            var refused = await Cli($"admin restore --from \"{copy}\"", db, host.ConnectionString, folder);
            refused.Exit.ShouldBe(2);
            refused.Err.ShouldContain("har allerede tabeller");
            refused.Err.ShouldContain("--replace");
            (await ReadUnusedHoursAsync(db, host.ConnectionString)).Keys.Count.ShouldBe(acknowledged.Count, "the database in use is as it was");

            // A damaged file: refused before anything is touched.
            var damaged = CopyBackup(copy, Path.Combine(folder, "skadet"));
            var file = Path.Combine(damaged, manifest.File);
            var bytes = await File.ReadAllBytesAsync(file, Ct);
            bytes[bytes.Length / 2] ^= 0xFF;
            await File.WriteAllBytesAsync(file, bytes, Ct);
            var second = await EmptyDatabaseAsync(db, folder, "andre", restoredDatabases);
            var broken = await Cli($"admin restore --from \"{damaged}\"", db, second, folder);
            broken.Exit.ShouldBe(2);
            broken.Err.ShouldContain("SHA-256 stemmer ikke");

            // A manifest that promises other contents than the file holds: the restore says which table differs.
            var lying = CopyBackup(copy, Path.Combine(folder, "feil-manifest"));
            var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(lying, BackupManifest.FileName), Ct))!;
            var unused = json["tables"]!.AsArray().Single(t => (string?)t!["name"] == "UnusedHours")!;
            unused["rows"] = (long)unused["rows"]! + 1;
            await File.WriteAllTextAsync(Path.Combine(lying, BackupManifest.FileName), json.ToJsonString(), Ct);
            var mismatch = await Cli($"admin restore --from \"{lying}\"", db, second, folder);
            mismatch.Exit.ShouldBe(3);
            mismatch.Err.ShouldContain($"Tabellen «UnusedHours» har {unused["rows"]!.GetValue<long>() - 1} rader; sikkerhetskopien har {unused["rows"]}.");
            mismatch.Err.ShouldContain("IKKE lik sikkerhetskopien");
            if (db == DatabaseKind.Sqlite) File.Exists(Path.Combine(folder, "andre.db")).ShouldBeFalse("the SQLite restore moves the file into place only when it is equal");
        }
        finally
        {
            foreach (var name in restoredDatabases)
            {
                await using var server = new NpgsqlConnection(SelvstyrtFactory.PostgresServer());
                await server.OpenAsync(CancellationToken.None);
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", server);
                await drop.ExecuteNonQueryAsync(CancellationToken.None);
            }
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task<(int Exit, string Out, string Err)> Cli(string arguments, DatabaseKind db, string connection, string folder)
        => CliProcess.RunAsync(arguments, environment: new Dictionary<string, string>
        {
            ["Database__Provider"] = db == DatabaseKind.Postgres ? "Postgres" : "Sqlite", ["Database__ConnectionString"] = connection, ["Data__Folder"] = folder,
        }, ct: Ct);

    private static async Task<string> EmptyDatabaseAsync(DatabaseKind db, string folder, string name, List<string> made)
    {
        if (db == DatabaseKind.Sqlite) return $"Data Source={Path.Combine(folder, name + ".db")}";
        var database = $"selvstyrt_r4_{name}_{Guid.NewGuid():N}";
        await using var server = new NpgsqlConnection(SelvstyrtFactory.PostgresServer());
        await server.OpenAsync(Ct);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", server);
        await create.ExecuteNonQueryAsync(Ct);
        made.Add(database);
        return new NpgsqlConnectionStringBuilder(SelvstyrtFactory.PostgresServer()) { Database = database, Pooling = false }.ConnectionString;
    }

    /// <summary>All rows of unused hours, and the keys this test wrote.</summary>
    private static async Task<(long Rows, List<string> Keys)> ReadUnusedHoursAsync(DatabaseKind db, string connection)
    {
        var options = new DbContextOptionsBuilder<SelvstyrtDb>();
        DatabaseSetup.Configure(options, db == DatabaseKind.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, connection);
        await using var context = new SelvstyrtDb(options.Options);
        var rows = await context.UnusedHours.LongCountAsync(Ct);
        var keys = await context.UnusedHours.AsNoTracking().Where(u => u.ArrangementId == Arrangement && u.IdempotencyKey!.StartsWith("r4-"))
            .Select(u => u.IdempotencyKey!).ToListAsync(Ct);
        return (rows, keys);
    }

    private static string CopyBackup(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        return to;
    }
}
