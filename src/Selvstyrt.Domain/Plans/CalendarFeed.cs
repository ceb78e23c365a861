using System.Security.Cryptography;
using System.Text;
using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Plans;

/// <summary>
/// An assistant's personal calendar feed (iCalendar): a secret address that a phone's calendar subscribes to. Only
/// the SHA-256 of the secret is stored, so a database copy reveals no working address; revoking ends it at once.
/// </summary>
public sealed class CalendarFeed : AggregateRoot
{
    private CalendarFeed(Guid id) : base(id) { }

    public Guid AssistantId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public Instant CreatedAt { get; private set; }
    public Instant? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>A new feed for a secret made by the caller (at least 32 random bytes, URL-safe).</summary>
    public static CalendarFeed Create(Guid id, Guid assistantId, string secret, Instant at)
        => new(id) { AssistantId = assistantId, TokenHash = Hash(secret), CreatedAt = at };

    public void Revoke(Instant at) => RevokedAt ??= at;

    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }
}
