using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Access;

/// <summary>
/// Roles held at provider level, as opposed to the per-arrangement roles
/// (<see cref="Arrangements.ArrangementRoleKind"/>) and assistants' assignments.
/// </summary>
public enum ProviderRole
{
    /// <summary>Leverandøradministrator: every arrangement of the provider, read and write.</summary>
    ProviderAdmin = 1,

    /// <summary>Koordinator: the arrangements of one local office, read and write.</summary>
    OfficeCoordinator = 2,

    /// <summary>Saksbehandler i kommunen: the provider's arrangements in one municipality, read only.</summary>
    CaseWorker = 3,

    /// <summary>Revisor / tilsyn: every arrangement of the provider, read only, with a stated purpose that is logged.</summary>
    Auditor = 4,

    /// <summary>
    /// Tillitsvalgt: for the provider's own employees (arrangements where the provider is the employer). Sees the work
    /// plans and records their AML § 10-3 discussion, and reads the employees' AML § 10-7 working-time records; never
    /// the recipients' decisions, hour accounts or the assistants' contact details and pay.
    /// </summary>
    UnionRepresentative = 5,
}

/// <summary>
/// A user's provider-level role, scoped to one provider and, for coordinators and case workers, to
/// one office or municipality. Access checks read these rows on every request (quality.md S1).
/// </summary>
public sealed class ProviderGrant : Entity
{
    private ProviderGrant(Guid id) : base(id) { }

    public Guid UserId { get; private set; }
    public Guid ProviderId { get; private set; }
    public ProviderRole Role { get; private set; }
    public Guid? OfficeId { get; private set; }
    public Guid? MunicipalityId { get; private set; }

    public static Result<ProviderGrant> Create(Guid id, Guid userId, Guid providerId, ProviderRole role, Guid? officeId, Guid? municipalityId)
    {
        if (!Enum.IsDefined(role)) return Invalid.Field("role", "Ukjent rolle.");
        if (role == ProviderRole.OfficeCoordinator && officeId is null) return Invalid.Field("office", "En koordinator må knyttes til et kontor.");
        if (role == ProviderRole.CaseWorker && municipalityId is null) return Invalid.Field("municipality", "En saksbehandler må knyttes til en kommune.");
        return new ProviderGrant(id)
        {
            UserId = userId, ProviderId = providerId, Role = role,
            OfficeId = role == ProviderRole.OfficeCoordinator ? officeId : null,
            MunicipalityId = role == ProviderRole.CaseWorker ? municipalityId : null,
        };
    }
}
