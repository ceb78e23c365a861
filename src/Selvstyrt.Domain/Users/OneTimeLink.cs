using System.Security.Cryptography;
using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Users;

/// <summary>What a one-time link lets its holder do.</summary>
public enum LinkPurpose
{
    /// <summary>Choose a first password: the first administrator from the command line, or an invited user.</summary>
    SetPassword = 1,

    /// <summary>Choose a new password after «Glemt passord?».</summary>
    ResetPassword = 2,
}

/// <summary>Where a link stands when someone opens it.</summary>
public enum LinkState
{
    Valid = 1,
    Used = 2,
    Expired = 3,
    Revoked = 4,
}

/// <summary>
/// A link sent by e-mail (or printed on the console) that lets one person set a password once, until it expires.
/// Only a SHA-256 hash of the secret is stored, so a copy of the database cannot be used to take over an account;
/// the secret is 32 random bytes in base64url. A new link of the same purpose revokes the earlier ones, and using
/// a link is one conditional update, so two tabs cannot both use it.
/// </summary>
public sealed class OneTimeLink : Entity
{
    /// <summary>How long a first-password link lasts: long enough for a weekend, short enough to be safe.</summary>
    public static readonly Duration SetPasswordLifetime = Duration.FromHours(72);

    /// <summary>How long a reset link lasts (OWASP: short-lived reset tokens).</summary>
    public static readonly Duration ResetLifetime = Duration.FromHours(1);

    private OneTimeLink(Guid id) : base(id) { }

    public Guid UserId { get; private set; }
    public LinkPurpose Purpose { get; private set; }
    public string TokenHash { get; private set; } = "";
    public Instant CreatedAt { get; private set; }
    public Instant ExpiresAt { get; private set; }
    public Instant? UsedAt { get; private set; }
    public Instant? RevokedAt { get; private set; }

    /// <summary>A new link and its secret; the secret is not stored and can only be shown or sent now.</summary>
    public static (OneTimeLink Link, string Token) Create(Guid id, Guid userId, LinkPurpose purpose, Instant now)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var lifetime = purpose == LinkPurpose.ResetPassword ? ResetLifetime : SetPasswordLifetime;
        var link = new OneTimeLink(id) { UserId = userId, Purpose = purpose, TokenHash = Hash(token), CreatedAt = now, ExpiresAt = now + lifetime };
        return (link, token);
    }

    /// <summary>The stored form of a secret: SHA-256 as lower-case hex.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token ?? "")));

    public LinkState StateAt(Instant now)
        => UsedAt is not null ? LinkState.Used
            : RevokedAt is not null ? LinkState.Revoked
            : now >= ExpiresAt ? LinkState.Expired
            : LinkState.Valid;

    /// <summary>Ends an unused link (a newer one was sent, or the user was disabled).</summary>
    public void Revoke(Instant at)
    {
        if (UsedAt is null && RevokedAt is null) RevokedAt = at;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
