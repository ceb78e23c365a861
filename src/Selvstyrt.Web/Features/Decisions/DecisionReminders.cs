using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Notifications;
using Selvstyrt.Web.Resources;

namespace Selvstyrt.Web.Features.Decisions;

/// <summary>
/// Decisions that run out within the provider's reminder days (default 60) with no later decision taking over.
/// The start page shows them to the work leader, the co-work leader, the office's coordinator and the provider's
/// administrator; the daily job records one notification per person and expiry (idempotent by its key).
/// </summary>
public sealed class DecisionReminders(SelvstyrtDb db, IStringLocalizer<Texts> texts, NotificationStore store)
{
    public sealed record Expiring(Guid ArrangementId, string Name, Guid ProviderId, Guid OfficeId, LocalDate CoveredUntil, int DaysLeft);

    /// <summary>Every arrangement whose decisions end within its provider's reminder days (all providers).</summary>
    public async Task<List<Expiring>> AllExpiringAsync(LocalDate today, IQueryable<Arrangement>? within, CancellationToken ct)
    {
        var arrangements = await (within ?? db.Arrangements).AsNoTracking()
            .Where(a => a.EndDate == null || a.EndDate >= today)
            .Select(a => new { a.Id, a.Name, a.ProviderId, a.OfficeId, Days = db.Providers.Where(p => p.Id == a.ProviderId).Select(p => p.DecisionReminderDays).First() })
            .ToListAsync(ct);
        var ids = arrangements.Select(a => a.Id).ToList();
        var decisions = (await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.ArrangementId) && (d.ValidTo == null || d.ValidTo >= today)).ToListAsync(ct))
            .ToLookup(d => d.ArrangementId);
        var result = new List<Expiring>();
        foreach (var a in arrangements)
        {
            var until = DecisionHistory.CoveredUntil(decisions[a.Id].ToList(), today);
            if (until is not { } end) continue;
            var left = Period.Between(today, end, PeriodUnits.Days).Days;
            if (left <= a.Days) result.Add(new Expiring(a.Id, a.Name, a.ProviderId, a.OfficeId, end, left));
        }
        return result.OrderBy(e => e.CoveredUntil).ToList();
    }

    /// <summary>The expiring decisions the signed-in user leads or coordinates (for the start page).</summary>
    public Task<List<Expiring>> ForUserAsync(CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var uid = user.Id;
        var today = user.Today;
        var mine = db.Arrangements.Where(a =>
            a.Roles.Any(r => r.UserId == uid && r.Kind != ArrangementRoleKind.Deputy && r.From <= today && (r.To == null || r.To >= today))
            || db.ProviderGrants.Any(g => g.UserId == uid && g.ProviderId == a.ProviderId
                && (g.Role == ProviderRole.ProviderAdmin || (g.Role == ProviderRole.OfficeCoordinator && g.OfficeId == a.OfficeId))));
        return AllExpiringAsync(today, mine, ct);
    }

    /// <summary>The daily job: records a notification per person to remind and expiry. Returns how many were new.</summary>
    public async Task<int> RecordAsync(Instant now, CancellationToken ct)
    {
        var today = now.InZone(CurrentUser.Zone).Date;
        var expiring = await AllExpiringAsync(today, null, ct);
        if (expiring.Count == 0) return 0;
        var culture = CultureInfo.GetCultureInfo("nb-NO");
        return await store.StoreForLeadersAsync([.. expiring.Select(e => (e.ArrangementId, e.OfficeId))], today, tell => expiring.SelectMany(e =>
        {
            var key = $"decision-expiry:{e.ArrangementId:N}:{e.CoveredUntil:yyyy-MM-dd}";
            var date = e.CoveredUntil.ToString("d. MMMM yyyy", culture);
            var subject = string.Format(culture, texts["Reminder.Subject"], e.Name, date);
            var body = string.Format(culture, texts["Reminder.Body"], e.Name, date, e.DaysLeft);
            return tell(e.ArrangementId, e.OfficeId).Select(userId => Notification.Create(Guid.CreateVersion7(), userId, "decision-expiry", subject, body, $"/ordninger/{e.ArrangementId}/timekonto", key, now));
        }).ToList(), ct);
    }
}
