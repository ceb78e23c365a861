using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Quality;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Hms;

/// <summary>
/// The yearly workplace mapping of an arrangement (issue 20, part 2). Those who may change the arrangement (its leaders, the office,
/// the provider) answer and sign it; its assistants, deputy and recipient read it (it is about their workplace), and an auditor with
/// a purpose.
/// </summary>
public sealed class MappingRecords(SelvstyrtDb db, CurrentUser user, ArrangementAccess access)
{
    public sealed record View(Guid ArrangementId, string Name, int Year, WorkplaceMapping? Mapping, IReadOnlyList<int> Years, bool CanEdit);

    /// <summary>Those who read the annual wheel, and the arrangement's assistants (the mapping is of their workplace).</summary>
    public static bool CanRead(Relation r) => AnnualWheel.WheelRecords.CanRead(r) || (r & Relation.Assistant) != 0;

    public async Task<Result<View>> GetAsync(Guid arrangementId, int year, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!CanRead(relation)) return new NotFound();
        var name = await db.Arrangements.AsNoTracking().Where(a => a.Id == arrangementId).Select(a => a.Name).FirstAsync(ct);
        var mapping = await db.WorkplaceMappings.AsNoTracking().FirstOrDefaultAsync(m => m.ArrangementId == arrangementId && m.Year == year, ct);
        var years = await db.WorkplaceMappings.AsNoTracking().Where(m => m.ArrangementId == arrangementId).Select(m => m.Year).OrderByDescending(y => y).ToListAsync(ct);
        return new View(arrangementId, name, year, mapping, years, relation.CanEdit());
    }

    /// <summary>Starts the year's mapping from the checklist. Idempotent on the key, and one per arrangement and year.</summary>
    public async Task<Result<(Guid Id, bool Existed)>> StartAsync(Guid arrangementId, int? year, string? key, CancellationToken ct)
    {
        var id = Creates.IdFor($"mapping:{arrangementId}", key);
        if (!id.IsSuccess) return id.Error!;
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanEdit()) return CanRead(relation) ? new Forbidden("Du kan lese kartleggingen, men ikke endre den.") : new NotFound();
        if (await db.WorkplaceMappings.AnyAsync(m => m.Id == id.Value, ct)) return (id.Value, true);
        if (year is not null && await db.WorkplaceMappings.AnyAsync(m => m.ArrangementId == arrangementId && m.Year == year, ct))
            return Invalid.Field("year", $"Ordningen har allerede en kartlegging for {year}.");
        var a = await db.Arrangements.AsNoTracking().Where(x => x.Id == arrangementId).Select(x => new { x.ProviderId, x.OfficeId }).FirstAsync(ct);
        var made = WorkplaceMapping.Start(id.Value, a.ProviderId, a.OfficeId, arrangementId, year, user.Today, key);
        if (!made.IsSuccess) return made.Error!;
        db.WorkplaceMappings.Add(made.Value!);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two starts of the same year at once: the unique index lets one win.
            db.ChangeTracker.Clear();
            if (!await db.WorkplaceMappings.AsNoTracking().AnyAsync(m => m.ArrangementId == arrangementId && m.Year == year, ct)) throw;
            return Invalid.Field("year", $"Ordningen har allerede en kartlegging for {year}.");
        }
        return (id.Value, false);
    }

    public Task<Result<Guid>> AnswerAsync(Guid mappingId, Guid itemId, MappingAnswer? answer, string? comment, string? measure, string? owner, LocalDate? dueOn, CancellationToken ct)
        => EditAsync(mappingId, m => m.Answer(itemId, answer, comment, measure, owner, dueOn) is { IsSuccess: false } r ? r.Error! : m, ct);

    public Task<Result<Guid>> CompleteMeasureAsync(Guid mappingId, Guid itemId, CancellationToken ct) => EditAsync(mappingId, m => m.CompleteMeasure(itemId, user.Today), ct);

    public Task<Result<Guid>> SignAsync(Guid mappingId, string? participants, CancellationToken ct)
        => EditAsync(mappingId, m => m.Sign(user.DisplayName, user.Today, participants), ct);

    private async Task<Result<Guid>> EditAsync(Guid mappingId, Func<WorkplaceMapping, Result<WorkplaceMapping>> edit, CancellationToken ct)
    {
        var mapping = await db.WorkplaceMappings.FirstOrDefaultAsync(m => m.Id == mappingId, ct);
        if (mapping is null) return new NotFound();
        var relation = await access.RelationTo(mapping.ArrangementId, ct);
        if (!relation.CanEdit()) return CanRead(relation) ? new Forbidden("Du kan lese kartleggingen, men ikke endre den.") : new NotFound();
        var result = edit(mapping);
        if (!result.IsSuccess) return result.Error!;
        return await db.SaveOrConflictAsync(mappingId, "Kartleggingen ble endret av noen andre samtidig. Les den på nytt.", ct);
    }
}
