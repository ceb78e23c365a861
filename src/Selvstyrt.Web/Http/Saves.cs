using Microsoft.EntityFrameworkCore;
using Selvstyrt.Data;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Web.Http;

/// <summary>A save whose lost race (someone else changed the same record first) is a <see cref="Conflict"/> with the caller's words.</summary>
public static class Saves
{
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
