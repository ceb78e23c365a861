using System.Data.Common;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Selvstyrt.Data.Backup;

/// <summary>
/// What a backup holds, written beside it as <c>manifest.json</c>: the engine, the last migration, the backup file's SHA-256,
/// per table the number of rows and a checksum of their contents, and the newest row of every access-log chain (anchors for
/// <c>selvstyrt admin verify-log --anchors</c>, ADR 0029). A restore is equal when the restored database gives
/// the same table list, counts and checksums (quality.md R4).
/// </summary>
public sealed record BackupManifest(
    int Format,
    string Engine,
    DateTimeOffset CreatedAt,
    string? LastMigration,
    string File,
    string FileSha256,
    IReadOnlyList<TableSummary> Tables,
    IReadOnlyList<AccessLogChain.Anchor>? AccessLogAnchors = null)
{
    public const int CurrentFormat = 1;
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public long Rows => Tables.Sum(t => t.Rows);

    public async Task WriteAsync(string folder, CancellationToken ct)
    {
        await using var stream = System.IO.File.Create(Path.Combine(folder, FileName));
        await JsonSerializer.SerializeAsync(stream, this, Json, ct);
    }

    public static async Task<BackupManifest> ReadAsync(string folder, CancellationToken ct)
    {
        var path = Path.Combine(folder, FileName);
        if (!System.IO.File.Exists(path)) throw new BackupException($"Fant ikke {FileName} i «{folder}». Er det en mappe laget av «selvstyrt admin backup»?");
        await using var stream = System.IO.File.OpenRead(path);
        BackupManifest? manifest;
        try
        {
            manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, ct);
        }
        catch (JsonException e)
        {
            throw new BackupException($"{FileName} i «{folder}» kan ikke leses: {e.Message}");
        }
        if (manifest is null || manifest.Tables is null || string.IsNullOrEmpty(manifest.File))
            throw new BackupException($"{FileName} i «{folder}» mangler innhold.");
        if (manifest.Format != CurrentFormat)
            throw new BackupException($"{FileName} har format {manifest.Format}; denne versjonen leser format {CurrentFormat}.");
        return manifest;
    }

    /// <summary>The differences between what a backup promised and what a restored database holds, in Norwegian; empty when equal.</summary>
    public static IReadOnlyList<string> Compare(IReadOnlyList<TableSummary> expected, IReadOnlyList<TableSummary> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var found = actual.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var differences = new List<string>();
        foreach (var table in expected)
        {
            if (!found.Remove(table.Name, out var restored)) differences.Add($"Tabellen «{table.Name}» mangler etter gjenopprettingen.");
            else if (restored.Rows != table.Rows) differences.Add($"Tabellen «{table.Name}» har {restored.Rows} rader; sikkerhetskopien har {table.Rows}.");
            else if (restored.Checksum != table.Checksum) differences.Add($"Tabellen «{table.Name}» har like mange rader ({table.Rows}), men innholdet avviker (sjekksummen er en annen).");
        }
        differences.AddRange(found.Keys.Order(StringComparer.Ordinal).Select(name => $"Tabellen «{name}» finnes etter gjenopprettingen, men ikke i sikkerhetskopien."));
        return differences;
    }
}

/// <summary>One table's row count and content checksum.</summary>
public sealed record TableSummary(string Name, long Rows, string Checksum);

/// <summary>A backup or restore that cannot go on, with a Norwegian message for the operator.</summary>
public sealed class BackupException(string message) : Exception(message);

/// <summary>
/// Counts and checksums the tables of one database. The checksum of a table is the sum, modulo 2^256, of the SHA-256 of
/// each row's values written as text: it does not depend on row order (a restore may store rows in another order, and
/// SQLite's VACUUM renumbers hidden row ids), and a changed, missing or doubled row changes it.
/// </summary>
public static class TableChecksums
{
    private static readonly BigInteger Modulus = BigInteger.One << 256;

    public static async Task<IReadOnlyList<TableSummary>> ComputeAsync(DbConnection connection, DatabaseProvider engine, DbTransaction? transaction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = engine == DatabaseProvider.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                : "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename";
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) tables.Add(reader.GetString(0));
        }
        var summaries = new List<TableSummary>(tables.Count);
        foreach (var table in tables.Order(StringComparer.Ordinal))
        {
            await using var select = connection.CreateCommand();
            select.Transaction = transaction;
            select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            await using var reader = await select.ExecuteReaderAsync(ct);
            long rows = 0;
            var sum = BigInteger.Zero;
            var text = new StringBuilder();
            var hash = new byte[32];
            while (await reader.ReadAsync(ct))
            {
                rows++;
                text.Clear();
                for (var i = 0; i < reader.FieldCount; i++) Append(text, reader.IsDBNull(i) ? null : reader.GetValue(i));
                SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
                sum += new BigInteger(hash, isUnsigned: true);
            }
            summaries.Add(new TableSummary(table, rows, Convert.ToHexStringLower((sum % Modulus).ToByteArray(isUnsigned: true, isBigEndian: true))));
        }
        return summaries;
    }

    private static void Append(StringBuilder text, object? value)
    {
        // A field is its length and its text, so no choice of separator can make two rows read alike.
        var written = value switch
        {
            null => "\u2400",
            byte[] bytes => Convert.ToHexString(bytes),
            DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
            DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
            System.Collections.IEnumerable items and not string => "[" + string.Join(",", items.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture))) + "]",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
        text.Append(written.Length).Append(':').Append(written);
    }
}
