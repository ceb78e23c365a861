using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data.Interceptors;

namespace Selvstyrt.Data;

/// <summary>
/// The hash chain of the access log (quality.md S3, ADR 0029). Each arrangement's reads form one chain: row n holds the hash
/// of row n-1 and its own SHA-256 over that hash and its fields, so a changed, removed or inserted row breaks the chain from
/// there on. Appends are optimistic: the next number is unique per arrangement, and a request that loses the race to another
/// reads the new end and tries again.
/// </summary>
public static class AccessLogChain
{
    private const int Attempts = 20;

    /// <summary>Appends <paramref name="entry"/> at the end of its arrangement's chain and saves it (nothing else is saved with it).</summary>
    public static async Task AppendAsync(SelvstyrtDb db, AccessLogEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entry);
        // PostgreSQL keeps microseconds: the hash is over what is stored.
        entry.At = Instant.FromUnixTimeTicks(entry.At.ToUnixTimeTicks() / 10 * 10);
        for (var attempt = 1; ; attempt++)
        {
            var (sequence, previous) = await EndOfChainAsync(db, entry.ArrangementId, ct);
            entry.Sequence = sequence + 1;
            entry.PreviousHash = previous;
            entry.Hash = HashOf(entry);
            db.AccessLog.Add(entry);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another request took this number; read the new end and try again.
                db.Entry(entry).State = EntityState.Detached;
                entry.Id = 0;
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), ct);
            }
        }
    }

    /// <summary>The number and hash of the newest sealed row of an arrangement's chain; (0, "") when it has none.</summary>
    private static async Task<(long Sequence, string Hash)> EndOfChainAsync(SelvstyrtDb db, Guid arrangementId, CancellationToken ct)
    {
        var last = await db.AccessLog.AsNoTracking().Where(a => a.ArrangementId == arrangementId && a.Sequence > 0)
            .OrderByDescending(a => a.Sequence).Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
        return last is null ? (0, "") : (last.Sequence, last.Hash);
    }

    /// <summary>SHA-256 (lower-case hex) over the previous hash and the row's fields, each written with its length.</summary>
    public static string HashOf(AccessLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder();
        foreach (var field in new[]
                 {
                     entry.PreviousHash, entry.ArrangementId.ToString("D"), entry.Sequence.ToString(CultureInfo.InvariantCulture), entry.UserId.ToString("D"),
                     entry.At.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture), entry.Purpose, entry.What, entry.RequestId,
                 })
        {
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// Seals rows written before the chain existed (number 0, no hash), in the order they were written, at the end of their
    /// arrangement's chain. The database lets a row be changed only while it has no hash. Returns how many were sealed.
    /// </summary>
    public static async Task<int> SealUnchainedAsync(SelvstyrtDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sealedRows = 0;
        var arrangements = await db.AccessLog.Where(a => a.Hash == "").Select(a => a.ArrangementId).Distinct().ToListAsync(ct);
        foreach (var arrangement in arrangements)
        {
            var (sequence, previous) = await EndOfChainAsync(db, arrangement, ct);
            foreach (var row in await db.AccessLog.Where(a => a.ArrangementId == arrangement && a.Hash == "").OrderBy(a => a.Id).ToListAsync(ct))
            {
                row.At = Instant.FromUnixTimeTicks(row.At.ToUnixTimeTicks() / 10 * 10);
                row.Sequence = ++sequence;
                row.PreviousHash = previous;
                row.Hash = previous = HashOf(row);
                sealedRows++;
            }
            await db.SaveChangesAsync(ct);
        }
        return sealedRows;
    }

    /// <summary>The newest row of one arrangement's chain at some moment: kept elsewhere (a backup's manifest), it shows later whether the chain was cut.</summary>
    public sealed record Anchor(Guid ArrangementId, long Sequence, string Hash);

    /// <summary>The newest sealed row of every chain, read through <paramref name="connection"/> (inside <paramref name="transaction"/> when given).</summary>
    public static async Task<IReadOnlyList<Anchor>> AnchorsAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT a."ArrangementId", a."Sequence", a."Hash" FROM "AccessLog" a
            WHERE a."Sequence" = (SELECT max(b."Sequence") FROM "AccessLog" b WHERE b."ArrangementId" = a."ArrangementId") AND a."Sequence" > 0
            ORDER BY a."ArrangementId"
            """;
        var anchors = new List<Anchor>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            anchors.Add(new Anchor(Guid.Parse(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!), reader.GetInt64(1), reader.GetString(2)));
        return anchors;
    }

    /// <summary>
    /// The anchors whose row is no longer in its chain as it was: the chain was cut back or rewritten after the anchors were
    /// taken (which the chain alone cannot show when its newest rows are removed). In Norwegian for the operator.
    /// </summary>
    public static async Task<IReadOnlyList<Break>> CheckAnchorsAsync(SelvstyrtDb db, IReadOnlyList<Anchor> anchors, string takenWhen, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(anchors);
        // One read for all anchors (a provider has thousands of arrangements), paired in memory.
        var arrangements = anchors.Select(a => a.ArrangementId).Distinct().ToList();
        var numbers = anchors.Select(a => a.Sequence).Distinct().ToList();
        var found = (await db.AccessLog.AsNoTracking().Where(a => arrangements.Contains(a.ArrangementId) && numbers.Contains(a.Sequence))
                .Select(a => new { a.ArrangementId, a.Sequence, a.Id, a.Hash }).ToListAsync(ct))
            .ToLookup(a => (a.ArrangementId, a.Sequence));
        var breaks = new List<Break>();
        foreach (var anchor in anchors)
        {
            var row = found[(anchor.ArrangementId, anchor.Sequence)].FirstOrDefault();
            if (row is null)
                breaks.Add(new Break(anchor.ArrangementId, anchor.Sequence, 0, $"Oppslag {anchor.Sequence}, som fantes {takenWhen}, mangler: loggen er kuttet etter det."));
            else if (row.Hash != anchor.Hash)
                breaks.Add(new Break(anchor.ArrangementId, anchor.Sequence, row.Id, $"Oppslag {anchor.Sequence} er ikke det samme som {takenWhen}: loggen er skrevet om etter det."));
        }
        return breaks;
    }

    /// <summary>One break in a chain, in Norwegian for the operator.</summary>
    public sealed record Break(Guid ArrangementId, long Sequence, long RowId, string Problem);

    public sealed record Verification(int Chains, long Rows, IReadOnlyList<Break> Breaks)
    {
        public bool Intact => Breaks.Count == 0;
    }

    /// <summary>Reads every chain (or, with <paramref name="arrangementId"/>, one) from its first row and checks numbering, links and hashes.</summary>
    public static async Task<Verification> VerifyAsync(SelvstyrtDb db, Guid? arrangementId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var breaks = new List<Break>();
        long rows = 0;
        var chains = 0;
        Guid? current = null;
        long expected = 0;
        var previous = "";
        var log = arrangementId is { } one ? db.AccessLog.AsNoTracking().Where(a => a.ArrangementId == one) : db.AccessLog.AsNoTracking();
        await foreach (var row in log.OrderBy(a => a.ArrangementId).ThenBy(a => a.Sequence).ThenBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            rows++;
            if (row.ArrangementId != current)
            {
                current = row.ArrangementId;
                chains++;
                expected = 1;
                previous = "";
            }
            if (row.Hash.Length == 0)
            {
                breaks.Add(new Break(row.ArrangementId, row.Sequence, row.Id, "Raden er ikke forseglet (mangler hash)."));
                continue;
            }
            if (row.Sequence != expected)
                breaks.Add(new Break(row.ArrangementId, row.Sequence, row.Id, row.Sequence > expected
                    ? $"Rad {expected}{(row.Sequence - expected > 1 ? $"–{row.Sequence - 1}" : "")} mangler i kjeden."
                    : $"Nummer {row.Sequence} finnes to ganger."));
            if (row.PreviousHash != previous)
                breaks.Add(new Break(row.ArrangementId, row.Sequence, row.Id, "Lenken til raden før stemmer ikke (raden før er endret, fjernet eller satt inn)."));
            if (HashOf(row) != row.Hash)
                breaks.Add(new Break(row.ArrangementId, row.Sequence, row.Id, "Innholdet stemmer ikke med hashen (raden er endret etter at den ble skrevet)."));
            expected = row.Sequence + 1;
            previous = row.Hash;
        }
        return new Verification(chains, rows, breaks);
    }
}
