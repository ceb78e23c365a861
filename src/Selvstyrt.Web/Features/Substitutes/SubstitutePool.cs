using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Assistants;

namespace Selvstyrt.Web.Features.Substitutes;

/// <summary>
/// The office's substitute pool (vikarpool): assistants who have agreed to take vacant shifts in the office's other
/// arrangements. «Finn vikar» judges them beside the arrangement's own assistants (as not known to the recipient), and one who
/// takes a shift gets a place in the arrangement for that day, so the shift is on their «Min plan» and time sheet. Only
/// arrangements the provider employs in: a recipient or a municipality who employs cannot use the provider's employees.
/// </summary>
public sealed class SubstitutePool(SelvstyrtDb db, CurrentUser user)
{
    /// <summary>Puts an assistant in the office's pool or takes them out; the employer's administrator or the office's coordinator.</summary>
    public async Task<Result<bool>> SetAsync(Guid assistantId, bool? inPool, CancellationToken ct)
    {
        var assistant = await db.Assistants.FirstOrDefaultAsync(a => a.Id == assistantId, ct);
        if (assistant is null || !await SaveAssistantPay.ManagesAsync(db, user.Id, assistant, ct)) return new NotFound();
        if (inPool is not { } on) return Invalid.Field("inPool", "Velg om assistenten er i vikarpoolen.");
        if (on && assistant.OfficeId is null) return Invalid.Field("inPool", "Assistenten må høre til et kontor for å være i kontorets vikarpool.");
        assistant.SetSubstitutePool(on);
        await db.SaveChangesAsync(ct);
        return on;
    }

    /// <summary>The pool's assistants for an arrangement: the same provider and office, when the provider employs there.</summary>
    internal static IQueryable<Guid> For(SelvstyrtDb db, Arrangement arrangement)
        => arrangement.EmployerModel != EmployerModel.Provider
            ? db.Assistants.Where(_ => false).Select(a => a.Id)
            : db.Assistants.Where(a => a.SubstitutePool && a.ProviderId == arrangement.ProviderId && a.OfficeId == arrangement.OfficeId).Select(a => a.Id);

    /// <summary>
    /// Gives an assistant of the pool a place in the arrangement on <paramref name="date"/> when they have none (saved with the
    /// caller's changes); refuses one who has no place and is not in the pool.
    /// </summary>
    internal static async Task<Result<bool>> EnsurePlaceAsync(SelvstyrtDb db, Guid arrangementId, Guid assistantId, LocalDate date, CancellationToken ct)
    {
        if (await db.Assignments.AnyAsync(s => s.ArrangementId == arrangementId && s.AssistantId == assistantId && s.From <= date && (s.To == null || s.To >= date), ct))
            return false;
        var arrangement = await db.Arrangements.Include(a => a.Assignments).FirstAsync(a => a.Id == arrangementId, ct);
        if (!await For(db, arrangement).AnyAsync(id => id == assistantId, ct))
            return Invalid.Field("assistantId", "Assistenten er ikke knyttet til ordningen den dagen, og er ikke i kontorets vikarpool.");
        var placed = arrangement.Assign(Guid.CreateVersion7(), assistantId, date, date);
        return placed.IsSuccess ? true : placed.Error!;
    }
}
