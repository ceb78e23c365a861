using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.Users;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Notifications;

namespace Selvstyrt.Web.Features.Arrangements;

/// <summary>
/// «Stedfortreder som arbeidsleder» (issue 16): the work leader, the co-work leader or the provider sets a period in which
/// the arrangement's deputy acts as work leader (holiday, illness). In the period the deputy plans, approves time sheets
/// and gets the work leader's notices; the setting and an early end are recorded in the role log, and the deputy is told.
/// Setting the same period twice changes nothing.
/// </summary>
public sealed class ActingPeriods(SelvstyrtDb db, ArrangementAccess access, CurrentUser user, NotificationStore notifications)
{
    public sealed record Input(Guid? RoleId, LocalDate? From, LocalDate? To, string? Reason);

    public sealed record Created(Guid Id, bool AlreadyExisted);

    public sealed record Deputy(Guid RoleId, string Name, LocalDate From, LocalDate? To);

    public sealed record PeriodView(Guid Id, Guid RoleId, string DeputyName, LocalDate From, LocalDate To, string? Reason, string SetBy, Instant SetAt,
        string? EndedBy, Instant? EndedAt, bool ActiveToday, bool Cancelled);

    /// <summary><see cref="CanInvite"/>: the viewer may invite a deputy (the provider's administrator or the office's coordinator).</summary>
    public sealed record Overview(Guid ArrangementId, string Name, bool CanSet, bool Ended, IReadOnlyList<Deputy> Deputies, IReadOnlyList<PeriodView> Periods)
    {
        public bool CanInvite { get; init; }
    }

    /// <summary>The periods, newest first, for those who lead, stand in or employ; not found for others.</summary>
    public async Task<Result<Overview>> ListAsync(Guid arrangementId, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanSeeActing()) return new NotFound();
        var today = user.Today;
        var arrangement = await db.Arrangements.AsNoTracking().Include(a => a.Roles).SingleAsync(a => a.Id == arrangementId, ct);
        var periods = await db.ActingPeriods.AsNoTracking().Where(p => p.ArrangementId == arrangementId).ToListAsync(ct);
        var userIds = arrangement.Roles.Select(r => r.UserId).Concat(periods.Select(p => p.SetByUserId)).Concat(periods.Select(p => p.EndedByUserId).OfType<Guid>()).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var deputies = arrangement.Roles.Where(r => r.Kind == ArrangementRoleKind.Deputy && (r.To is null || r.To >= today))
            .Select(r => new Deputy(r.Id, names.GetValueOrDefault(r.UserId, ""), r.From, r.To)).OrderBy(d => d.Name, StringComparer.CurrentCulture).ToList();
        var views = periods.OrderByDescending(p => p.From).ThenByDescending(p => p.SetAt)
            .Select(p => new PeriodView(p.Id, p.RoleId, names.GetValueOrDefault(p.UserId, ""), p.From, p.To, p.Reason, names.GetValueOrDefault(p.SetByUserId, ""), p.SetAt,
                p.EndedByUserId is { } by ? names.GetValueOrDefault(by, "") : null, p.EndedAt, p.IsActiveOn(today), p.IsCancelled))
            .ToList();
        return new Overview(arrangementId, arrangement.Name, relation.CanSetActing() && !arrangement.HasEnded(today), arrangement.HasEnded(today), deputies, views)
        {
            CanInvite = relation.CanManageAssistants() && !arrangement.HasEnded(today),
        };
    }

    public async Task<Result<Created>> SetAsync(Guid arrangementId, Input input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanSeeActing()) return new NotFound();
        if (!relation.CanSetActing()) return new Forbidden("Bare arbeidsleder, medarbeidsleder og leverandøren kan sette stedfortrederen til å fungere som arbeidsleder.");
        var arrangement = await db.Arrangements.Include(a => a.Roles).SingleAsync(a => a.Id == arrangementId, ct);
        var existing = await db.ActingPeriods.Where(p => p.ArrangementId == arrangementId).ToListAsync(ct);
        var same = existing.FirstOrDefault(p => p.RoleId == input.RoleId && p.From == input.From && p.To == input.To && p.EndedAt is null);
        if (same is not null) return new Created(same.Id, true);
        var now = user.Now;
        var set = ActingPeriod.Set(Guid.CreateVersion7(), arrangement, input.RoleId ?? Guid.Empty, input.From, input.To, input.Reason, existing, user.Id, now);
        if (!set.IsSuccess) return set.Error!;
        var period = set.Value!;
        db.ActingPeriods.Add(period);
        db.RoleChanges.Add(RoleChange.Record(Guid.CreateVersion7(), arrangement.ProviderId, period.UserId, RoleKind.ActingWorkLeader, arrangementId, true, user.Id, now));
        var what = $"{Dates.Format(period.From)}–{Dates.Format(period.To)}";
        await notifications.StoreNewAsync([Notification.Create(Guid.CreateVersion7(), period.UserId, "fungerende-arbeidsleder",
            $"Du er arbeidsleder for {arrangement.Name} {what}",
            $"{user.DisplayName} har satt deg til å fungere som arbeidsleder for {arrangement.Name} fra {Dates.Format(period.From)} til og med {Dates.Format(period.To)}"
                + (period.Reason is null ? "." : $" ({period.Reason}).") + " I perioden lager du arbeidsplaner og godkjenner timelister som arbeidslederen.",
            $"/ordninger/{arrangementId}/stedfortreder", $"fungerende:{period.Id:N}", now)], ct);
        return new Created(period.Id, false);
    }

    /// <summary>Ends a period early: from today on (the last day is yesterday) unless another last day is given.</summary>
    public async Task<Result<Created>> EndAsync(Guid arrangementId, Guid periodId, LocalDate? lastDay, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanSeeActing()) return new NotFound();
        if (!relation.CanSetActing()) return new Forbidden("Bare arbeidsleder, medarbeidsleder og leverandøren kan avslutte perioden.");
        var period = await db.ActingPeriods.SingleOrDefaultAsync(p => p.Id == periodId && p.ArrangementId == arrangementId, ct);
        if (period is null) return new NotFound("Fant ikke perioden.");
        var now = user.Now;
        var ended = period.EndOn(lastDay ?? user.Today.PlusDays(-1), user.Id, now);
        if (!ended.IsSuccess) return ended.Error!;
        var providerId = await db.Arrangements.Where(a => a.Id == arrangementId).Select(a => a.ProviderId).SingleAsync(ct);
        db.RoleChanges.Add(RoleChange.Record(Guid.CreateVersion7(), providerId, period.UserId, RoleKind.ActingWorkLeader, arrangementId, false, user.Id, now));
        await db.SaveChangesAsync(ct);
        return new Created(period.Id, false);
    }
}
