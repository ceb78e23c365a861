using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Plans;

/// <summary>
/// The work plan's discussion (AML-10-3-1, issue 16): the union representative, or whoever makes the plan, records when
/// it was discussed, with whom, and what was said; the latest date is offered when the plan is published. The union
/// representative finds the draft plans of the provider's own employees waiting for discussion. A retry with the same
/// idempotency key, or the same discussion recorded twice by the same person, stores one.
/// </summary>
public sealed class PlanDiscussions(SelvstyrtDb db, ArrangementAccess access, CurrentUser user)
{
    public sealed record Input(LocalDate? On, string? Participants, string? Note);

    public sealed record Created(Guid Id, bool AlreadyExisted);

    public sealed record DiscussionView(Guid Id, LocalDate On, string Participants, string? Note, string RecordedBy, Instant RecordedAt);

    public sealed record Overview(Guid ArrangementId, string ArrangementName, Guid PlanId, string PlanName, PlanStatus Status, LocalDate StartsOn,
        LocalDate? DiscussedOn, bool CanRecord, IReadOnlyList<DiscussionView> Discussions);

    /// <summary>A draft plan waiting for its discussion, with the latest discussion recorded so far.</summary>
    public sealed record Draft(Guid ArrangementId, string ArrangementName, Guid PlanId, string PlanName, LocalDate StartsOn, LocalDate? LastDiscussedOn);

    public async Task<Result<Overview>> ListAsync(Guid arrangementId, Guid planId, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanSeePlan()) return new NotFound();
        var plan = await db.WorkPlans.AsNoTracking().Where(p => p.Id == planId && p.ArrangementId == arrangementId)
            .Select(p => new { p.Name, p.Status, p.StartsOn, p.DiscussedOn }).SingleOrDefaultAsync(ct);
        if (plan is null) return new NotFound();
        var name = await db.Arrangements.AsNoTracking().Where(a => a.Id == arrangementId).Select(a => a.Name).SingleAsync(ct);
        var rows = await db.PlanDiscussions.AsNoTracking().Where(d => d.PlanId == planId).ToListAsync(ct);
        await access.LogReadAsync(arrangementId, relation, "drøfting av arbeidsplan", ct);
        return new Overview(arrangementId, name, planId, plan.Name, plan.Status, plan.StartsOn, plan.DiscussedOn, relation.CanRecordDiscussion(),
            rows.OrderByDescending(d => d.On).ThenByDescending(d => d.RecordedAt)
                .Select(d => new DiscussionView(d.Id, d.On, d.Participants, d.Note, d.RecordedByName, d.RecordedAt)).ToList());
    }

    public async Task<Result<Created>> RecordAsync(Guid arrangementId, Guid planId, Input input, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanSeePlan()) return new NotFound();
        if (!relation.CanRecordDiscussion()) return new Forbidden("Bare tillitsvalgte, arbeidsleder, medarbeidsleder og leverandøren kan føre drøftingen av planen.");
        if (idempotencyKey is { Length: > 100 }) return Invalid.Field("idempotencyKey", "Idempotensnøkkelen kan være høyst 100 tegn.");
        var plan = await db.WorkPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId && p.ArrangementId == arrangementId, ct);
        if (plan is null) return new NotFound();
        var id = string.IsNullOrEmpty(idempotencyKey) ? Guid.CreateVersion7() : KeyedId.For($"plan-discussion:{planId}", idempotencyKey);
        if (await db.PlanDiscussions.AnyAsync(d => d.Id == id, ct)) return new Created(id, true);
        var recorded = PlanDiscussion.Record(id, plan, input.On, input.Participants, input.Note, user.Id, user.DisplayName, user.Now, user.Today);
        if (!recorded.IsSuccess) return recorded.Error!;
        var d = recorded.Value!;
        var same = await db.PlanDiscussions.FirstOrDefaultAsync(x => x.PlanId == planId && x.On == d.On && x.Participants == d.Participants && x.RecordedByUserId == user.Id, ct);
        if (same is not null) return new Created(same.Id, true);
        db.PlanDiscussions.Add(d);
        await db.SaveChangesAsync(ct);
        return new Created(id, false);
    }

    /// <summary>
    /// The draft plans the union representative may discuss: in the arrangements where the provider they represent at is
    /// the employer and that have not ended, soonest start first.
    /// </summary>
    public async Task<List<Draft>> DraftsForUnionAsync(CancellationToken ct)
    {
        var uid = user.Id;
        var today = user.Today;
        var providers = db.ProviderGrants.Where(g => g.UserId == uid && g.Role == Domain.Access.ProviderRole.UnionRepresentative).Select(g => g.ProviderId);
        var rows = await db.WorkPlans.AsNoTracking()
            .Where(p => p.Status == PlanStatus.Draft && db.Arrangements.Any(a => a.Id == p.ArrangementId && providers.Contains(a.ProviderId)
                && a.EmployerModel == EmployerModel.Provider && (a.EndDate == null || a.EndDate >= today)))
            .Select(p => new
            {
                p.ArrangementId, p.Id, p.Name, p.StartsOn,
                Arrangement = db.Arrangements.Where(a => a.Id == p.ArrangementId).Select(a => a.Name).First(),
                Last = db.PlanDiscussions.Where(d => d.PlanId == p.Id).OrderByDescending(d => d.On).Select(d => (LocalDate?)d.On).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.StartsOn).ThenBy(r => r.Arrangement, StringComparer.CurrentCulture)
            .Select(r => new Draft(r.ArrangementId, r.Arrangement, r.Id, r.Name, r.StartsOn, r.Last)).ToList();
    }
}
