using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Identity;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Cli;

/// <summary>
/// Creates API keys for integrations. Each key gets its own service account with exactly one grant,
/// so it is scoped like a user with that role; only the key's hash is stored.
/// </summary>
public static class ApiKeyAdmin
{
    public static readonly IReadOnlyList<string> Roles = ["provider-admin", "office-coordinator", "case-worker", "auditor", "work-leader"];

    public sealed record Request(Guid ProviderId, string Role, Guid? OfficeId, Guid? MunicipalityId, Guid? ArrangementId, string? Name);

    public static async Task<Result<string>> CreateAsync(SelvstyrtDb db, IClock clock, Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.Providers.AnyAsync(p => p.Id == request.ProviderId, ct)) return Invalid.Field("--provider", "Fant ingen leverandør med denne id-en.");
        var (key, prefix, hash) = ApiKeySecrets.Generate();
        var account = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = $"api-{prefix}",
            NormalizedUserName = $"API-{prefix}".ToUpperInvariant(),
            DisplayName = string.IsNullOrWhiteSpace(request.Name) ? $"API-nøkkel {prefix} ({request.Role})" : request.Name.Trim(),
            IsServiceAccount = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
        };
        db.Users.Add(account);
        var today = clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Oslo"]).Date;
        switch (request.Role)
        {
            case "provider-admin":
            case "auditor":
            case "office-coordinator":
            case "case-worker":
                var role = request.Role switch
                {
                    "provider-admin" => ProviderRole.ProviderAdmin,
                    "auditor" => ProviderRole.Auditor,
                    "office-coordinator" => ProviderRole.OfficeCoordinator,
                    _ => ProviderRole.CaseWorker,
                };
                if (role == ProviderRole.OfficeCoordinator && !await db.Offices.AnyAsync(o => o.Id == request.OfficeId && o.ProviderId == request.ProviderId, ct))
                    return Invalid.Field("--office", "Oppgi et kontor hos leverandøren (--office).");
                if (role == ProviderRole.CaseWorker && !await db.Municipalities.AnyAsync(m => m.Id == request.MunicipalityId, ct))
                    return Invalid.Field("--municipality", "Oppgi en kommune (--municipality).");
                var grant = ProviderGrant.Create(Guid.CreateVersion7(), account.Id, request.ProviderId, role, request.OfficeId, request.MunicipalityId);
                if (!grant.IsSuccess) return grant.Error!;
                db.ProviderGrants.Add(grant.Value!);
                break;
            case "work-leader":
                var arrangement = await db.Arrangements.Include(a => a.Roles)
                    .SingleOrDefaultAsync(a => a.Id == request.ArrangementId && a.ProviderId == request.ProviderId, ct);
                if (arrangement is null) return Invalid.Field("--arrangement", "Oppgi en ordning hos leverandøren (--arrangement).");
                var granted = arrangement.GrantRole(Guid.CreateVersion7(), account.Id, ArrangementRoleKind.WorkLeader, today, null);
                if (!granted.IsSuccess) return granted.Error!;
                break;
            default:
                return Invalid.Field("--role", "Ukjent rolle. Bruk en av: " + string.Join(", ", Roles) + ".");
        }
        db.ApiKeys.Add(new ApiKey { Id = Guid.CreateVersion7(), UserId = account.Id, Prefix = prefix, SecretHash = hash, Name = account.DisplayName, CreatedAt = clock.GetCurrentInstant() });
        await db.SaveChangesAsync(ct);
        return key;
    }
}
