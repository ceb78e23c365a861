using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Common;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Arrangements;

/// <summary>
/// Ends an arrangement on a last day (the provider's administrator or the office's coordinator). Its work leaders,
/// deputies and assistants end with it; its decisions, plans, time sheets and hour account stay readable.
/// </summary>
public sealed class EndArrangement(SelvstyrtDb db, ArrangementAccess access)
{
    public sealed record Ended(Guid Id, LocalDate LastDay);

    public sealed record Current(string Name, LocalDate? EndDate);

    /// <summary>The arrangement's name and last day for the form; not found for anyone who may not end it.</summary>
    public async Task<Result<Current>> CurrentAsync(Guid id, CancellationToken ct)
    {
        if (!(await access.RelationTo(id, ct)).CanManageAssistants()) return new NotFound();
        return await db.Arrangements.AsNoTracking().Where(a => a.Id == id).Select(a => new Current(a.Name, a.EndDate)).SingleAsync(ct);
    }

    public async Task<Result<Ended>> HandleAsync(Guid id, LocalDate? lastDay, CancellationToken ct)
    {
        var relation = await access.RelationTo(id, ct);
        if (relation == Relation.None) return new NotFound();
        if (!relation.CanManageAssistants()) return new Forbidden("Bare leverandørens administrator og kontorets koordinator kan avslutte en ordning.");
        if (lastDay is null) return Invalid.Field("endDate", "Siste dag må fylles ut.");
        var arrangement = await db.Arrangements.Include(a => a.Roles).Include(a => a.Assignments).SingleAsync(a => a.Id == id, ct);
        var ended = arrangement.End(lastDay.Value);
        if (!ended.IsSuccess) return ended.Error!;
        await db.SaveChangesAsync(ct);
        return new Ended(id, lastDay.Value);
    }
}
