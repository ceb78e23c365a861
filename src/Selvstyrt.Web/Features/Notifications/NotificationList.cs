using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Common;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Notifications;

/// <summary>The signed-in user's own notifications, newest first (the last 50), and marking them read.</summary>
public sealed class NotificationList(SelvstyrtDb db, CurrentUser user)
{
    public sealed record Row(Guid Id, string Kind, string Subject, string Body, string Link, Instant CreatedAt, Instant? SentAt, Instant? ReadAt);

    public Task<List<Row>> HandleAsync(CancellationToken ct)
    {
        var uid = user.Id;
        return db.Notifications.AsNoTracking().Where(n => n.UserId == uid).OrderByDescending(n => n.CreatedAt).Take(50)
            .Select(n => new Row(n.Id, n.Kind, n.Subject, n.Body, n.Link, n.CreatedAt, n.SentAt, n.ReadAt)).ToListAsync(ct);
    }

    public Task<int> UnreadCountAsync(CancellationToken ct)
    {
        var uid = user.Id;
        return db.Notifications.CountAsync(n => n.UserId == uid && n.ReadAt == null, ct);
    }

    /// <summary>Marks one of the user's notifications read; another user's notification is not found.</summary>
    public async Task<Result<bool>> MarkReadAsync(Guid id, CancellationToken ct)
    {
        var uid = user.Id;
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == uid, ct);
        if (notification is null) return new NotFound();
        notification.MarkRead(user.Now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Marks every unread notification of the user read; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(CancellationToken ct)
    {
        var uid = user.Id;
        var now = user.Now;
        return await db.Notifications.Where(n => n.UserId == uid && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
