using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Selvstyrt.Data;
using Selvstyrt.Data.Backup;

namespace Selvstyrt.Bench;

/// <summary>
/// quality.md R4: a database of the current schema with a million rows (700,000 audit entries and 300,000 access-log rows,
/// the tables that grow fastest, written with SQL), backed up while a writer keeps adding audit entries, then restored into an
/// empty database and compared table by table with the manifest. Both engines: SQLite in a temporary folder, PostgreSQL in a
/// private cluster with durable defaults. The budget is a restore of 1 M rows in under 2 minutes.
/// Run: <c>dotnet run -c Release --project bench/Selvstyrt.Bench -- backup [rows]</c> (1,000,000).
/// </summary>
internal static class BackupBench
{
    public static void Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task RunAsync(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var folder = Directory.CreateTempSubdirectory("selvstyrt-r4-bench-").FullName;
        await using var cluster = await PrivateCluster.StartAsync();
        var failed = false;
        try
        {
            failed |= !await PartAsync(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "kilde.db")}", $"Data Source={Path.Combine(folder, "gjenopprettet.db")}", rows, folder);
            await cluster.CreateDatabaseAsync("kilde");
            await cluster.CreateDatabaseAsync("gjenopprettet");
            failed |= !await PartAsync(DatabaseProvider.Postgres, cluster.Database("kilde"), cluster.Database("gjenopprettet"), rows, folder);
        }
        finally
        {
            await cluster.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
        if (failed) throw new InvalidOperationException("R4 failed: see the lines marked FAIL above.");
    }

    private static async Task<bool> PartAsync(DatabaseProvider engine, string source, string target, int rows, string folder)
    {
        var options = new DbContextOptionsBuilder<SelvstyrtDb>();
        DatabaseSetup.Configure(options, engine, source);
        await using (var db = new SelvstyrtDb(options.Options)) await db.Database.MigrateAsync();
        var fill = Stopwatch.StartNew();
        await using (var connection = Open(engine, source))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, engine == DatabaseProvider.Sqlite
                ? $"""
                   WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows * 7 / 10})
                   INSERT INTO "AuditEntries" ("Table", "EntityKey", "Action", "Actor", "At", "Columns")
                   SELECT 'TimeSheets', printf('%08d', i), 'Modified', 'user:' || (i % 5000), 639000000000000000 + i * 10000000, 'State,ApprovedAt' FROM n;
                   WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows - rows * 7 / 10})
                   INSERT INTO "AccessLog" ("UserId", "ArrangementId", "Purpose", "What", "At", "RequestId")
                   SELECT '0193a5f0-7c1e-7a42-9b3d-5e6f70819203', '37ea68e8-1b57-7a37-4c64-3a191262523a', 'Oppfølging av ordningen', 'arrangement', 639000000000000000 + i * 10000000, printf('req-%d', i) FROM n;
                   """
                : $"""
                   INSERT INTO "AuditEntries" ("Table", "EntityKey", "Action", "Actor", "At", "Columns")
                   SELECT 'TimeSheets', lpad(i::text, 8, '0'), 'Modified', 'user:' || (i % 5000), now() - i * interval '1 second', 'State,ApprovedAt' FROM generate_series(1, {rows * 7 / 10}) i;
                   INSERT INTO "AccessLog" ("UserId", "ArrangementId", "Purpose", "What", "At", "RequestId")
                   SELECT gen_random_uuid(), '37ea68e8-1b57-7a37-4c64-3a191262523a', 'Oppfølging av ordningen', 'arrangement', now() - i * interval '1 second', 'req-' || i FROM generate_series(1, {rows - rows * 7 / 10}) i;
                   """);
        }
        Console.WriteLine($"// {engine}: {rows:N0} rows written in {fill.Elapsed.TotalSeconds:F1} s");

        // The load: one writer adding audit entries as fast as it can while the backup runs.
        using var stop = new CancellationTokenSource();
        long written = 0;
        var load = Task.Run(async () =>
        {
            await using var connection = Open(engine, source);
            await connection.OpenAsync();
            while (!stop.IsCancellationRequested)
            {
                await ExecuteAsync(connection, engine == DatabaseProvider.Sqlite
                    ? "INSERT INTO \"AuditEntries\" (\"Table\", \"EntityKey\", \"Action\", \"Actor\", \"At\", \"Columns\") VALUES ('Shifts', 'last', 'Added', 'bench', 0, '')"
                    : "INSERT INTO \"AuditEntries\" (\"Table\", \"EntityKey\", \"Action\", \"Actor\", \"At\", \"Columns\") VALUES ('Shifts', 'last', 'Added', 'bench', now(), '')");
                Interlocked.Increment(ref written);
            }
        });
        var backupWatch = Stopwatch.StartNew();
        var (copy, manifest) = await DatabaseBackup.BackupAsync(engine, source, Path.Combine(folder, "kopier"), TimeProvider.System, CancellationToken.None);
        var backupSeconds = backupWatch.Elapsed.TotalSeconds;
        var during = Interlocked.Read(ref written);
        await stop.CancelAsync();
        await load;
        var size = Directory.GetFiles(copy).Sum(f => new FileInfo(f).Length);

        var restoreWatch = Stopwatch.StartNew();
        var restored = await DatabaseBackup.RestoreAsync(engine, target, copy, replace: false, CancellationToken.None);
        var restoreSeconds = restoreWatch.Elapsed.TotalSeconds;
        var pass = restored.Equal && restoreSeconds < 120 && manifest.Rows >= rows;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"R4 {engine}: backup of {manifest.Rows:N0} rows in {manifest.Tables.Count} tables took {backupSeconds:F1} s ({size / 1024.0 / 1024.0:F0} MiB) while {during:N0} writes went in; " +
            $"restore and check took {restoreSeconds:F1} s = {restoreSeconds / 120:P0} of the 2-minute budget; {(restored.Equal ? "equal" : "NOT EQUAL")}. {(pass ? "PASS" : "FAIL")}"));
        foreach (var difference in restored.Differences) Console.WriteLine("  " + difference);
        return pass;
    }

    private static DbConnection Open(DatabaseProvider engine, string connection)
        => engine == DatabaseProvider.Sqlite ? new SqliteConnection(connection) : new NpgsqlConnection(connection);

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
