using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Notifications;

/// <summary>The signed-in user's own notifications, newest first (the last 50).</summary>
public sealed class NotificationList(SelvstyrtDb db, CurrentUser user)
{
    public sealed record Row(Guid Id, string Kind, string Subject, string Body, string Link, Instant CreatedAt, Instant? SentAt, Instant? ReadAt);

    public Task<List<Row>> HandleAsync(CancellationToken ct)
    {
        var uid = user.Id;
        return db.Notifications.AsNoTracking().Where(n => n.UserId == uid).OrderByDescending(n => n.CreatedAt).Take(50)
            .Select(n => new Row(n.Id, n.Kind, n.Subject, n.Body, n.Link, n.CreatedAt, n.SentAt, n.ReadAt)).ToListAsync(ct);
    }
}
