using Microsoft.AspNetCore.Identity;

namespace Selvstyrt.Data.Identity;

/// <summary>
/// A person (or an integration's service account) who signs in. What the user may see is decided by
/// <see cref="Domain.Access.ProviderGrant"/> rows, arrangement roles and assistant assignments,
/// never by a role claim alone.
/// </summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>True for the account behind an API key; it cannot sign in interactively.</summary>
    public bool IsServiceAccount { get; set; }

    /// <summary>Set by an administrator to stop all access; sessions end within the security stamp interval.</summary>
    public bool IsDisabled { get; set; }
}

/// <summary>
/// An API key for an integration, bound to a service account with its own grants so that the key
/// is scoped exactly like a user. Only a SHA-256 hash of the secret is stored.
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }

    /// <summary>The first characters of the key, shown in lists and used to find the row.</summary>
    public string Prefix { get; set; } = "";
    public string SecretHash { get; set; } = "";
    public string Name { get; set; } = "";
    public NodaTime.Instant CreatedAt { get; set; }
    public NodaTime.Instant? RevokedAt { get; set; }
}
