using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Decisions;

/// <summary>The decisions of an arrangement, newest first, with their BPA-2-1D notes.</summary>
public static class ListDecisions
{
    public sealed record NeedView(DecisionPurposes Need, decimal? Hours);

    public sealed record View(
        Guid Id, int VersionNo, Guid? PreviousVersionId, decimal Hours, GrantUnit Unit, decimal HoursPerWeek, LocalDate ValidFrom, LocalDate? ValidTo,
        IReadOnlyList<NeedView> Needs, bool SavingAllowed, AveragingPeriod Averaging, UnusedHoursPolicy Unused, string CaseNumber,
        bool InForce, bool ReplacedEntirely, bool ChangedLater, string? DocumentName, IReadOnlyList<DecisionNote> Notes);

    public sealed record Page(string ArrangementName, Relation Relation, IReadOnlyList<View> Decisions);

    public sealed class Handler(SelvstyrtDb db, ArrangementAccess access, CurrentUser user)
    {
        public async Task<Result<Page>> HandleAsync(Guid arrangementId, CancellationToken ct)
        {
            var relation = await access.RelationTo(arrangementId, ct);
            if (!relation.CanSeeDecision()) return new NotFound();
            var today = user.Today;
            var a = await db.Arrangements.AsNoTracking().Where(x => x.Id == arrangementId).Select(x => new { x.Name, x.RecipientId }).SingleAsync(ct);
            var birth = await db.Recipients.AsNoTracking().Where(r => r.Id == a.RecipientId).Select(r => r.BirthDate).SingleAsync(ct);
            var all = await db.Decisions.AsNoTracking().Where(d => d.ArrangementId == arrangementId).ToListAsync(ct);
            var first = all.Count == 0 ? today : all.Min(d => d.ValidFrom);
            var views = all.OrderByDescending(d => d.ValidFrom).ThenByDescending(d => d.VersionNo)
                .Select(d => new View(d.Id, d.VersionNo, d.PreviousVersionId, d.Hours, d.Unit, d.HoursPerWeek, d.ValidFrom, d.ValidTo,
                    d.Needs.OrderBy(n => n.Need).Select(n => new NeedView(n.Need, n.Hours)).ToList(), d.SavingAllowed, d.Averaging, d.Unused, d.CaseNumber,
                    d.IsValidOn(today), d.IsReplacedEntirely, all.Any(x => x.PreviousVersionId == d.Id), d.DocumentName,
                    DecisionNotes.For(d.Terms, birth, first)))
                .ToList();
            await access.LogReadAsync(arrangementId, relation, "vedtak", ct);
            return new Page(a.Name, relation, views);
        }
    }
}
