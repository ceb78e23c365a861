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
    /// For the daily reminders about arrangements: who is told about each (its work leader and co-work leader today, and the
    /// coordinators of its office), and the notifications made in bokmål (the texts are stored, and mailed, as made) and
    /// stored once per person and key. <paramref name="make"/> gets the people to tell about an arrangement of an office.
    /// </summary>
    public async Task<int> StoreForLeadersAsync(IReadOnlyCollection<(Guid ArrangementId, Guid OfficeId)> arrangements, NodaTime.LocalDate today,
        Func<Func<Guid, Guid, IEnumerable<Guid>>, IEnumerable<Notification>> make, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arrangements);
        ArgumentNullException.ThrowIfNull(make);
        if (arrangements.Count == 0) return 0;
        var ids = arrangements.Select(a => a.ArrangementId).Distinct().ToList();
        var day = today;
        var leaders = (await db.ArrangementRoles.AsNoTracking()
            .Where(r => ids.Contains(r.ArrangementId) && r.Kind != Domain.Arrangements.ArrangementRoleKind.Deputy && r.From <= day && (r.To == null || r.To >= day))
            .Select(r => new { r.ArrangementId, r.UserId }).ToListAsync(ct)).ToLookup(r => r.ArrangementId, r => r.UserId);
        var offices = arrangements.Select(a => a.OfficeId).Distinct().ToList();
        var coordinators = (await db.ProviderGrants.AsNoTracking()
            .Where(g => g.Role == Domain.Access.ProviderRole.OfficeCoordinator && g.OfficeId != null && offices.Contains(g.OfficeId.Value))
            .Select(g => new { OfficeId = g.OfficeId!.Value, g.UserId }).ToListAsync(ct)).ToLookup(g => g.OfficeId, g => g.UserId);
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("nb-NO");
        try
        {
            return await StoreNewAsync([.. make((arrangement, office) => leaders[arrangement].Concat(coordinators[office]).Distinct())], ct);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
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
