using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Notifications;

/// <summary>
/// An e-mail waiting to be sent, written in the same transaction as the change that caused it (the transactional
/// outbox), so a message is never lost when the process dies between the commit and the send, and never sent for
/// a change that was rolled back. A background sender claims due messages for a short lease, sends them over SMTP
/// and records every attempt; a failed attempt is tried again after a back-off that doubles from one minute up to
/// six hours, and after <see cref="MaxAttempts"/> the message is given up and shown as failed.
/// Delivery is at least once: if the process dies after the server accepted a message but before it was marked
/// sent, the lease runs out and it is sent again with the same Message-ID, which mail systems use to drop copies.
/// </summary>
public sealed class OutboxMessage : Entity
{
    public const int MaxAttempts = 12;
    public static readonly Duration FirstBackoff = Duration.FromMinutes(1);
    public static readonly Duration LongestBackoff = Duration.FromHours(6);

    private OutboxMessage(Guid id) : base(id) { }

    public string ToAddress { get; private set; } = "";
    public string ToName { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";

    /// <summary>What the message is about («set-password», «reset-password», «notification»), for the delivery log.</summary>
    public string Kind { get; private set; } = "";

    /// <summary>The user it is for, when there is one.</summary>
    public Guid? UserId { get; private set; }

    /// <summary>The stored notification it delivers, when it delivers one.</summary>
    public Guid? NotificationId { get; private set; }

    /// <summary>One message per key: a retried change does not mail twice.</summary>
    public string DedupKey { get; private set; } = "";
    public Instant CreatedAt { get; private set; }
    public int Attempts { get; private set; }
    public Instant NextAttemptAt { get; private set; }
    public Instant? LockedUntil { get; private set; }
    public Instant? SentAt { get; private set; }
    public Instant? GaveUpAt { get; private set; }
    public string? LastError { get; private set; }

    public static Result<OutboxMessage> Create(Guid id, string toAddress, string toName, string subject, string textBody, string kind,
        Guid? userId, Guid? notificationId, string dedupKey, Instant now)
    {
        var fields = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(toAddress) || !toAddress.Contains('@', StringComparison.Ordinal)) fields["email"] = "Mottakeren mangler en gyldig e-postadresse.";
        if (string.IsNullOrWhiteSpace(subject)) fields["subject"] = "Meldingen mangler emne.";
        if (string.IsNullOrWhiteSpace(dedupKey)) fields["dedupKey"] = "Meldingen mangler nøkkel.";
        if (fields.Count > 0) return new Invalid(fields);
        return new OutboxMessage(id)
        {
            ToAddress = toAddress.Trim(), ToName = (toName ?? "").Trim(), Subject = subject.Trim(), TextBody = textBody ?? "", Kind = kind,
            UserId = userId, NotificationId = notificationId, DedupKey = dedupKey, CreatedAt = now, NextAttemptAt = now,
        };
    }

    /// <summary>Waiting to be sent (not sent, not given up).</summary>
    public bool IsPending => SentAt is null && GaveUpAt is null;

    /// <summary>The wait before the next attempt after <paramref name="failedAttempts"/> failures: 1, 2, 4 … minutes, at most 6 hours.</summary>
    public static Duration BackoffAfter(int failedAttempts)
    {
        if (failedAttempts <= 1) return FirstBackoff;
        var minutes = FirstBackoff.TotalMinutes * Math.Pow(2, Math.Min(failedAttempts - 1, 20));
        return minutes >= LongestBackoff.TotalMinutes ? LongestBackoff : Duration.FromMinutes(minutes);
    }

    public void RecordSent(Instant at)
    {
        Attempts++;
        SentAt = at;
        LockedUntil = null;
        LastError = null;
    }

    /// <summary>Records a failed attempt: the next one after the back-off, or none after the last.</summary>
    public void RecordFailure(Instant at, string error)
    {
        Attempts++;
        LockedUntil = null;
        LastError = error.Length > 500 ? error[..500] : error;
        if (Attempts >= MaxAttempts) GaveUpAt = at;
        else NextAttemptAt = at + BackoffAfter(Attempts);
    }
}

/// <summary>One attempt to send an outbox message: when, whether the server took it, and what it answered.</summary>
public sealed class MailDelivery : Entity
{
    private MailDelivery(Guid id) : base(id) { }

    public Guid MessageId { get; private set; }
    public int Attempt { get; private set; }
    public Instant At { get; private set; }
    public bool Succeeded { get; private set; }

    /// <summary>The server's reply or the error, never the message body.</summary>
    public string Detail { get; private set; } = "";

    public static MailDelivery Create(Guid id, Guid messageId, int attempt, Instant at, bool succeeded, string detail)
        => new(id) { MessageId = messageId, Attempt = attempt, At = at, Succeeded = succeeded, Detail = detail.Length > 500 ? detail[..500] : detail };
}
