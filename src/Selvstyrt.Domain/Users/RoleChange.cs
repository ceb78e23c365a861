using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Users;

/// <summary>The roles a person can be invited to; provider roles and the roles in one arrangement.</summary>
public enum RoleKind
{
    ProviderAdmin = 1,
    OfficeCoordinator = 2,
    CaseWorker = 3,
    Auditor = 4,
    WorkLeader = 5,
    CoWorkLeader = 6,
    Deputy = 7,

    /// <summary>An assistant's own sign-in (the scope is the assistant record the account is linked to).</summary>
    Assistant = 8,

    /// <summary>Tillitsvalgt at the provider (provider-wide).</summary>
    UnionRepresentative = 9,

    /// <summary>The recipient (vedtakseier) who reads their own arrangement without leading it.</summary>
    Recipient = 10,

    /// <summary>A deputy acting as work leader for a period (not invited to: set on the arrangement, and recorded here).</summary>
    ActingWorkLeader = 11,
}

/// <summary>
/// One grant or revocation of a role: who got or lost what, in which office, municipality or arrangement, by whom and
/// when. Kept for good (issue 16: every grant and revocation recorded), also after the role itself is gone.
/// </summary>
public sealed class RoleChange : Entity
{
    private RoleChange(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public Guid UserId { get; private set; }
    public RoleKind Role { get; private set; }

    /// <summary>The office, municipality or arrangement the role is for; null for provider-wide roles.</summary>
    public Guid? ScopeId { get; private set; }
    public bool Granted { get; private set; }
    public Guid ByUserId { get; private set; }
    public Instant At { get; private set; }

    public static RoleChange Record(Guid id, Guid providerId, Guid userId, RoleKind role, Guid? scopeId, bool granted, Guid byUserId, Instant at)
        => new(id) { ProviderId = providerId, UserId = userId, Role = role, ScopeId = scopeId, Granted = granted, ByUserId = byUserId, At = at };

    /// <summary>True for the roles a person is invited to in one arrangement (work leader, co-work leader, deputy, recipient).</summary>
    public static bool InArrangement(RoleKind role) => role is RoleKind.WorkLeader or RoleKind.CoWorkLeader or RoleKind.Deputy or RoleKind.Recipient;
}
