using Microsoft.EntityFrameworkCore;
using Selvstyrt.Data;
using Selvstyrt.Domain.Notifications;

namespace Selvstyrt.Web.Features.Notifications;

/// <summary>Where the reminder jobs of every feature store what they found: once per person and key.</summary>
public static class NotificationStore
{
    /// <summary>Stores the notifications not already recorded for the same person and key; returns how many were new.</summary>
    public static async Task<int> StoreNewAsync(SelvstyrtDb db, IReadOnlyList<Notification> wanted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(wanted);
        if (wanted.Count == 0) return 0;
        var keys = wanted.Select(w => w.DedupKey).Distinct().ToList();
        var existing = (await db.Notifications.AsNoTracking().Where(n => keys.Contains(n.DedupKey)).Select(n => new { n.UserId, n.DedupKey }).ToListAsync(ct))
            .Select(n => (n.UserId, n.DedupKey)).ToHashSet();
        var fresh = wanted.Where(w => existing.Add((w.UserId, w.DedupKey))).ToList();
        db.Notifications.AddRange(fresh);
        await db.SaveChangesAsync(ct);
        return fresh.Count;
    }
}
