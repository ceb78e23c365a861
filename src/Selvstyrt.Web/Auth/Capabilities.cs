using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Access;

namespace Selvstyrt.Web.Auth;

/// <summary>
/// What the signed-in user can reach, for role-aware navigation and start pages. Carried as claims
/// (refreshed with the security stamp every minute) so the layout needs no database call; every page
/// and endpoint still checks access on the object itself.
/// </summary>
public sealed record Capabilities(bool ProviderAdmin, bool Coordinator, bool CaseWorker, bool Auditor, bool Leads, bool Assists, bool HasPurpose)
{
    /// <summary>Tillitsvalgt at a provider.</summary>
    public bool UnionRepresentative { get; init; }

    /// <summary>Reads their own arrangement as its recipient without leading it.</summary>
    public bool Recipient { get; init; }

    public const string ClaimType = "selvstyrt:cap";

    public bool AuditorNeedsPurpose => Auditor && !HasPurpose;
    public bool SeesAssistants => ProviderAdmin || Coordinator || (Auditor && HasPurpose) || Leads || Assists || UnionRepresentative;

    /// <summary>The hour accounts' list: the employer's side, case workers, those who lead and recipients.</summary>
    public bool SeesHourAccounts => ProviderAdmin || Coordinator || CaseWorker || Leads || Recipient;
    public bool SeesMunicipalities => ProviderAdmin || Coordinator || CaseWorker || (Auditor && HasPurpose);
    public bool ManagesAssistants => ProviderAdmin || Coordinator;

    public static async Task<IReadOnlyList<string>> NamesForUserAsync(SelvstyrtDb db, Guid uid, LocalDate today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var names = (await db.ProviderGrants.AsNoTracking().Where(g => g.UserId == uid).Select(g => g.Role).Distinct().ToListAsync(ct))
            .Select(r => r switch
            {
                ProviderRole.ProviderAdmin => "admin",
                ProviderRole.OfficeCoordinator => "coordinator",
                ProviderRole.CaseWorker => "caseworker",
                ProviderRole.UnionRepresentative => "union",
                _ => "auditor",
            }).ToList();
        var kinds = await db.ArrangementRoles.AsNoTracking().Where(r => r.UserId == uid && r.From <= today && (r.To == null || r.To >= today))
            .Select(r => r.Kind).Distinct().ToListAsync(ct);
        if (kinds.Any(k => k != Domain.Arrangements.ArrangementRoleKind.Recipient)) names.Add("leads");
        if (kinds.Contains(Domain.Arrangements.ArrangementRoleKind.Recipient)) names.Add("recipient");
        if (await db.Assistants.AnyAsync(a => a.UserId == uid, ct)) names.Add("assists");
        return names;
    }

    public static Capabilities From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var caps = principal.FindAll(ClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Capabilities(caps.Contains("admin"), caps.Contains("coordinator"), caps.Contains("caseworker"), caps.Contains("auditor"),
            caps.Contains("leads"), caps.Contains("assists"), principal.HasClaim(c => c.Type == SelvstyrtClaims.Purpose))
        {
            UnionRepresentative = caps.Contains("union"),
            Recipient = caps.Contains("recipient"),
        };
    }
}
