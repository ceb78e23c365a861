using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Selvstyrt.Data.Backup;

/// <summary>
/// Online backup and verified restore of Selvstyrt's database (quality.md R4, ADR 0028). SQLite: <c>VACUUM INTO</c> a new
/// file while the app keeps writing, checked with <c>integrity_check</c>. PostgreSQL: <c>pg_dump</c> of an exported snapshot
/// while the same snapshot is counted and checksummed, so the manifest describes exactly what the dump holds. A backup is a
/// folder with the database file and <c>manifest.json</c>; it gets its final name only when complete. A restore checks the
/// file's SHA-256, restores, and compares every table's count and checksum with the manifest.
/// </summary>
public static class DatabaseBackup
{
    private const string SqliteFile = "database.sqlite";
    private const string PostgresFile = "database.pgdump";

    public sealed record Restored(BackupManifest Manifest, IReadOnlyList<string> Differences)
    {
        public bool Equal => Differences.Count == 0;
    }

    /// <summary>Backs up the database at <paramref name="connectionString"/> into a new folder under <paramref name="parent"/>; returns that folder.</summary>
    public static async Task<(string Folder, BackupManifest Manifest)> BackupAsync(DatabaseProvider engine, string connectionString, string parent, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(time);
        Directory.CreateDirectory(parent);
        var now = time.GetUtcNow();
        var name = $"selvstyrt-{(engine == DatabaseProvider.Sqlite ? "sqlite" : "postgres")}-{now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
        var folder = Path.Combine(parent, name);
        for (var n = 2; Directory.Exists(folder) || Directory.Exists(folder + ".partial"); n++) folder = Path.Combine(parent, $"{name}-{n}");
        var partial = folder + ".partial";
        Directory.CreateDirectory(partial);
        try
        {
            var manifest = engine == DatabaseProvider.Sqlite
                ? await BackupSqliteAsync(connectionString, partial, now, ct)
                : await BackupPostgresAsync(connectionString, partial, now, ct);
            await manifest.WriteAsync(partial, ct);
            Directory.Move(partial, folder);
            return (folder, manifest);
        }
        catch
        {
            Directory.Delete(partial, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// Restores the backup in <paramref name="folder"/> into the database at <paramref name="connectionString"/>. A database
    /// that already has tables is replaced only with <paramref name="replace"/>. SQLite restores into a file beside the target
    /// and moves it into place only when it equals the manifest, so a bad backup leaves the old database untouched.
    /// </summary>
    public static async Task<Restored> RestoreAsync(DatabaseProvider engine, string connectionString, string folder, bool replace, CancellationToken ct)
    {
        var manifest = await BackupManifest.ReadAsync(folder, ct);
        var expectedEngine = engine == DatabaseProvider.Sqlite ? "sqlite" : "postgres";
        if (manifest.Engine != expectedEngine)
            throw new BackupException($"Sikkerhetskopien er tatt av {manifest.Engine}, men databasen som skal gjenopprettes er {expectedEngine}. Bruk samme databasemotor.");
        var file = Path.Combine(folder, Path.GetFileName(manifest.File));
        if (!File.Exists(file)) throw new BackupException($"Filen «{manifest.File}» mangler i «{folder}».");
        if (await Sha256Async(file, ct) != manifest.FileSha256)
            throw new BackupException($"Filen «{manifest.File}» er endret eller skadet siden sikkerhetskopien ble tatt (SHA-256 stemmer ikke). Ingenting er gjenopprettet.");
        return engine == DatabaseProvider.Sqlite
            ? await RestoreSqliteAsync(connectionString, file, manifest, replace, ct)
            : await RestorePostgresAsync(connectionString, file, manifest, replace, ct);
    }

    private static async Task<BackupManifest> BackupSqliteAsync(string connectionString, string folder, DateTimeOffset now, CancellationToken ct)
    {
        var target = Path.Combine(folder, SqliteFile);
        await using (var source = new SqliteConnection(connectionString))
        {
            await source.OpenAsync(ct);
            await using var vacuum = source.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $target";
            vacuum.Parameters.AddWithValue("$target", target);
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync(ct);
        }
        var (tables, migration, anchors) = await ReadSqliteAsync(target, ct);
        return new BackupManifest(BackupManifest.CurrentFormat, "sqlite", now, migration, SqliteFile, await Sha256Async(target, ct), tables, anchors);
    }

    private static async Task<(IReadOnlyList<TableSummary> Tables, string? Migration, IReadOnlyList<AccessLogChain.Anchor> Anchors)> ReadSqliteAsync(string file, CancellationToken ct)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(ct);
        await using (var check = connection.CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check";
            var answer = Convert.ToString(await check.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            if (answer != "ok") throw new BackupException($"Sikkerhetskopien besto ikke SQLites integritetssjekk: {answer}");
        }
        var tables = await TableChecksums.ComputeAsync(connection, DatabaseProvider.Sqlite, null, ct);
        return (tables, await LastMigrationAsync(connection, null, tables, ct), await AnchorsAsync(connection, null, tables, ct));
    }

    private static async Task<bool> HasTablesAsync(string file, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        return (long)(await count.ExecuteScalarAsync(ct))! > 0;
    }

    private static async Task<Restored> RestoreSqliteAsync(string connectionString, string file, BackupManifest manifest, bool replace, CancellationToken ct)
    {
        var target = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(target) || target == ":memory:") throw new BackupException("Gjenoppretting til SQLite trenger en databasefil i Database:ConnectionString.");
        target = Path.GetFullPath(target);
        if (!replace && File.Exists(target) && await HasTablesAsync(target, ct))
            throw new BackupException($"Databasen «{target}» har allerede tabeller. Stopp appen og bruk --replace for å erstatte den med sikkerhetskopien.");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var restoring = target + ".restoring";
        File.Copy(file, restoring, overwrite: true);
        try
        {
            var (tables, _, _) = await ReadSqliteAsync(restoring, ct);
            var differences = BackupManifest.Compare(manifest.Tables, tables);
            if (differences.Count > 0) return new Restored(manifest, differences);
            SqliteConnection.ClearAllPools();
            foreach (var side in new[] { "-wal", "-shm", "-journal" }) File.Delete(target + side);
            File.Move(restoring, target, overwrite: true);
            return new Restored(manifest, differences);
        }
        finally
        {
            File.Delete(restoring);
        }
    }

    private static async Task<BackupManifest> BackupPostgresAsync(string connectionString, string folder, DateTimeOffset now, CancellationToken ct)
    {
        var target = Path.Combine(folder, PostgresFile);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        string snapshot;
        await using (var export = new NpgsqlCommand("SET TRANSACTION READ ONLY; SELECT pg_export_snapshot()", connection, transaction))
            snapshot = (string)(await export.ExecuteScalarAsync(ct))!;
        // The dump and the checksums read the same snapshot, at the same time.
        var dump = PostgresTools.RunAsync("pg_dump", connectionString, ["--format=custom", "--no-owner", "--no-privileges", $"--snapshot={snapshot}", $"--file={target}"], ct);
        var tables = await TableChecksums.ComputeAsync(connection, DatabaseProvider.Postgres, transaction, ct);
        var migration = await LastMigrationAsync(connection, transaction, tables, ct);
        var anchors = await AnchorsAsync(connection, transaction, tables, ct);
        await dump;
        await transaction.CommitAsync(ct);
        await PostgresTools.RunAsync("pg_restore", null, ["--list", target], ct);
        return new BackupManifest(BackupManifest.CurrentFormat, "postgres", now, migration, PostgresFile, await Sha256Async(target, ct), tables, anchors);
    }

    private static async Task<Restored> RestorePostgresAsync(string connectionString, string file, BackupManifest manifest, bool replace, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()", connection))
        {
            if ((long)(await count.ExecuteScalarAsync(ct))! > 0 && !replace)
                throw new BackupException($"Databasen «{connection.Database}» har allerede tabeller. Stopp appen og bruk --replace for å erstatte den med sikkerhetskopien.");
        }
        // One transaction: a restore that fails part-way leaves the database as it was.
        string[] options = replace
            ? ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--clean", "--if-exists", file]
            : ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", file];
        await PostgresTools.RunAsync("pg_restore", connectionString, options, ct);
        var tables = await TableChecksums.ComputeAsync(connection, DatabaseProvider.Postgres, null, ct);
        return new Restored(manifest, BackupManifest.Compare(manifest.Tables, tables));
    }

    private static async Task<string?> LastMigrationAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, IReadOnlyList<TableSummary> tables, CancellationToken ct)
    {
        if (!tables.Any(t => t.Name == "__EFMigrationsHistory")) return null;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT max(\"MigrationId\") FROM \"__EFMigrationsHistory\"";
        return await command.ExecuteScalarAsync(ct) as string;
    }

    private static async Task<IReadOnlyList<AccessLogChain.Anchor>> AnchorsAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction,
        IReadOnlyList<TableSummary> tables, CancellationToken ct)
        => tables.Any(t => t.Name == "AccessLog") ? await AccessLogChain.AnchorsAsync(connection, transaction, ct) : [];

    private static async Task<string> Sha256Async(string file, CancellationToken ct)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}
