using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Notifications;

/// <summary>
/// A message for one user, stored so that a delivery channel (e-mail, a later issue) can send it and
/// the start page can show it. <see cref="DedupKey"/> makes a daily job idempotent: the same reminder
/// for the same user is recorded once.
/// </summary>
public sealed class Notification : Entity
{
    private Notification(Guid id) : base(id) { }

    public Guid UserId { get; private set; }
    public string Kind { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";

    /// <summary>A path in the app («/ordninger/…»), never an external address.</summary>
    public string Link { get; private set; } = "";
    public string DedupKey { get; private set; } = "";
    public Instant CreatedAt { get; private set; }
    public Instant? SentAt { get; private set; }
    public Instant? ReadAt { get; private set; }

    /// <summary>Marks the notification read (the first time counts).</summary>
    public void MarkRead(Instant at) => ReadAt ??= at;

    public static Notification Create(Guid id, Guid userId, string kind, string subject, string body, string link, string dedupKey, Instant at)
        => new(id) { UserId = userId, Kind = kind, Subject = subject, Body = body, Link = link, DedupKey = dedupKey, CreatedAt = at };
}
