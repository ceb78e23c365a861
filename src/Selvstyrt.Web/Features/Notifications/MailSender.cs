using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Notifications;

namespace Selvstyrt.Web.Features.Notifications;

/// <summary>
/// Sends the outbox (<see cref="OutboxMessage"/>): every few seconds it claims the due messages for a lease with one
/// conditional update each (so two app instances never send the same message at once), sends them, and records the
/// attempt in the delivery log. A message written just before the process died is simply found on the next start.
/// </summary>
public sealed class MailSender(IServiceScopeFactory scopes, IClock clock, MailOptions options, ILogger<MailSender> logger) : BackgroundService
{
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PollInterval);
        do
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or TimeoutException)
            {
                logger.LogError(ex, "The mail sender could not read the outbox; it tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Sends every message that is due now; returns how many were accepted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.GaveUpAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
        if (due.Count == 0) return 0;

        var sent = 0;
        await using var transport = options.UsesSmtp ? (IMailTransport)new SmtpTransport(options) : new PickupFolderTransport(options);
        var lease = now + Duration.FromTimeSpan(options.Lease);
        foreach (var id in due)
        {
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.SentAt == null && m.GaveUpAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lease), ct);
            if (claimed == 0) continue;
            var message = await db.OutboxMessages.SingleAsync(m => m.Id == id, ct);
            string detail;
            var ok = false;
            try
            {
                detail = await transport.SendAsync(Compose(message), ct);
                ok = true;
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or ProtocolException or SmtpCommandException or SmtpProtocolException
                                           or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException or ServiceNotConnectedException
                                           or UnauthorizedAccessException or TimeoutException or ParseException or FormatException)
            {
                detail = ex.GetType().Name + ": " + ex.Message;
            }
            var at = clock.GetCurrentInstant();
            if (ok)
            {
                message.RecordSent(at);
                sent++;
                if (message.NotificationId is { } notificationId)
                    await db.Notifications.Where(n => n.Id == notificationId).ExecuteUpdateAsync(s => s.SetProperty(n => n.SentAt, at), ct);
            }
            else
            {
                message.RecordFailure(at, detail);
                logger.LogWarning("Mail {MessageId} ({Kind}) not sent, attempt {Attempt}: {Detail}", message.Id, message.Kind, message.Attempts, detail);
            }
            db.MailDeliveries.Add(MailDelivery.Create(Guid.CreateVersion7(), message.Id, message.Attempts, at, ok, detail));
            await db.SaveChangesAsync(ct);
        }
        return sent;
    }

    /// <summary>The message as sent: plain text, a Message-ID that stays the same on every attempt, marked automatic.</summary>
    public MimeMessage Compose(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = $"{message.Id:N}@selvstyrt",
            Date = message.CreatedAt.ToDateTimeOffset(),
            Body = new TextPart("plain") { Text = message.TextBody },
        };
        mime.From.Add(new MailboxAddress(options.FromName, options.From));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        return mime;
    }
}
