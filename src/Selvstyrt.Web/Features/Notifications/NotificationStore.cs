using Microsoft.EntityFrameworkCore;
using Selvstyrt.Data;
using Selvstyrt.Data.Mail;
using Selvstyrt.Domain.Notifications;

namespace Selvstyrt.Web.Features.Notifications;

/// <summary>
/// Where the reminder jobs of every feature store what they found: once per person and key, and, for everyone with
/// an e-mail address who can sign in, an e-mail in the outbox in the same save, so a reminder both shows under
/// «Varsler» and arrives.
/// </summary>
public sealed class NotificationStore(SelvstyrtDb db, IConfiguration configuration)
{
    /// <summary>Stores the notifications not already recorded for the same person and key; returns how many were new.</summary>
    public async Task<int> StoreNewAsync(IReadOnlyList<Notification> wanted, CancellationToken ct)
    {
        var fresh = await AddNewAsync(wanted, ct);
        await db.SaveChangesAsync(ct);
        return fresh;
    }

    /// <summary>
    /// Adds a notice (made by <paramref name="make"/> from the user id) for each of these assistants who can sign in, but not for
    /// <paramref name="except"/> (the one acting); the caller saves.
    /// </summary>
    public async Task AddForAssistantsAsync(IEnumerable<Guid> assistantIds, Func<Guid, Notification> make, CancellationToken ct, Guid? except = null)
    {
        ArgumentNullException.ThrowIfNull(assistantIds);
        ArgumentNullException.ThrowIfNull(make);
        var ids = assistantIds.Distinct().ToList();
        if (ids.Count == 0) return;
        var users = await db.Assistants.AsNoTracking().Where(a => ids.Contains(a.Id) && a.UserId != null && a.UserId != except)
            .Select(a => a.UserId!.Value).Distinct().ToListAsync(ct);
        await AddNewAsync(users.Select(make).ToList(), ct);
    }

    /// <summary>
    /// Adds the notifications not already recorded (and their mail) to the unit of work without saving, so that the caller's
    /// own change and its notices are saved together or not at all.
    /// </summary>
    public async Task<int> AddNewAsync(IReadOnlyList<Notification> wanted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        if (wanted.Count == 0) return 0;
        var keys = wanted.Select(w => w.DedupKey).Distinct().ToList();
        var existing = (await db.Notifications.AsNoTracking().Where(n => keys.Contains(n.DedupKey)).Select(n => new { n.UserId, n.DedupKey }).ToListAsync(ct))
            .Select(n => (n.UserId, n.DedupKey)).ToHashSet();
        var fresh = wanted.Where(w => existing.Add((w.UserId, w.DedupKey))).ToList();
        db.Notifications.AddRange(fresh);

        var userIds = fresh.Select(n => n.UserId).Distinct().ToList();
        var recipients = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && !u.IsServiceAccount && !u.IsDisabled && u.Email != null && u.Email != "")
            .ToDictionaryAsync(u => u.Id, u => new { u.Email, u.DisplayName }, ct);
        var publicUrl = PasswordLinks.PublicUrl(configuration);
        foreach (var notification in fresh)
        {
            if (!recipients.TryGetValue(notification.UserId, out var to)) continue;
            var mail = MailTemplates.Notification(to.DisplayName, notification.Subject, notification.Body, publicUrl + notification.Link);
            var message = OutboxMessage.Create(Guid.CreateVersion7(), to.Email!, to.DisplayName, mail.Subject, mail.Body, "notification",
                notification.UserId, notification.Id, "notification:" + notification.Id, notification.CreatedAt);
            if (message.IsSuccess) db.OutboxMessages.Add(message.Value!);
        }
        return fresh.Count;
    }
}
