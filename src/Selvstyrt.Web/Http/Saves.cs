using Microsoft.EntityFrameworkCore;
using Selvstyrt.Data;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Web.Http;

/// <summary>
/// Saves that lose a race: an edit whose record someone else changed first is a <see cref="Conflict"/> with the caller's words;
/// a create whose id comes from an idempotency key, and whose retry was saved first, answers as the retry would.
/// </summary>
public static class Saves
{
    /// <summary>
    /// Saves a new record whose id is derived from an idempotency key. Two requests with the same key at once both find no record
    /// and both insert; the second insert fails on the key, and is answered with the first's record (200, not a 500).
    /// </summary>
    public static async Task<(Guid Id, bool Existed)> SaveCreatedAsync<T>(this SelvstyrtDb db, Guid id, CancellationToken ct) where T : Entity
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(ct);
            return (id, false);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Set<T>().AsNoTracking().AnyAsync(e => e.Id == id, ct)) return (id, true);
            throw;
        }
    }

    public static async Task<Result<Guid>> SaveOrConflictAsync(this SelvstyrtDb db, Guid id, string conflict, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(ct);
            return id;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict(conflict);
        }
    }
}
