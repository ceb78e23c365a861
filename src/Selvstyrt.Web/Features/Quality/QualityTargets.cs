using Microsoft.EntityFrameworkCore;
using Selvstyrt.Data;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Quality;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Quality;

/// <summary>
/// What the quality work of a user reaches at the three levels (issue 20): the provider's administration for its administrators,
/// an office for its coordinators, an arrangement for those who lead it. Shared by the risk analyses, audits and the action plan.
/// </summary>
public sealed class QualityTargets(SelvstyrtDb db, CurrentUser user, ArrangementAccess access)
{
    /// <summary>Something the user may analyse or audit: the provider, an office or an arrangement.</summary>
    /// <summary>What the caller may plan quality work for (the API's answer).</summary>
    public sealed record TargetList(IReadOnlyList<Target> Targets);

    public sealed record Target(QualityScope Scope, Guid ScopeId, Guid ProviderId, Guid? OfficeId, string Name)
    {
        public string Value => $"{Scope}:{ScopeId}";
    }

    /// <summary>Which arrangements a list of targets holds.</summary>
    public enum Reach
    {
        /// <summary>Those the user may change: led, or in an office or provider the user manages (risk analyses).</summary>
        Led,

        /// <summary>Only those in an office or provider the user manages (audits: nobody audits their own arrangement).</summary>
        Managed,
    }

    /// <summary>What the user may write for, in the order administration, offices, arrangements (active ones only).</summary>
    public async Task<List<Target>> WritableAsync(Reach reach, CancellationToken ct)
    {
        var uid = user.Id;
        var today = user.Today;
        var providers = await db.ProviderGrants.AsNoTracking().Where(g => g.UserId == uid && g.Role == ProviderRole.ProviderAdmin)
            .Join(db.Providers, g => g.ProviderId, p => p.Id, (g, p) => new Target(QualityScope.Provider, p.Id, p.Id, null, p.Name)).ToListAsync(ct);
        var offices = await access.ManagedOffices().AsNoTracking().Select(o => new Target(QualityScope.Office, o.Id, o.ProviderId, o.Id, o.Name)).ToListAsync(ct);
        var arrangements = reach == Reach.Led ? access.EditableArrangements() : ManagedArrangements();
        var led = await arrangements.AsNoTracking().Where(a => a.EndDate == null || a.EndDate >= today)
            .Select(a => new Target(QualityScope.Arrangement, a.Id, a.ProviderId, a.OfficeId, a.Name)).ToListAsync(ct);
        return [.. providers.DistinctBy(p => p.ScopeId), .. offices.OrderBy(o => o.Name, Names.Norwegian), .. led.OrderBy(a => a.Name, Names.Norwegian)];
    }

    /// <summary>The arrangements of the providers the user administers and of the offices the user coordinates.</summary>
    public IQueryable<Selvstyrt.Domain.Arrangements.Arrangement> ManagedArrangements()
    {
        var uid = user.Id;
        return db.Arrangements.Where(a => uid != Guid.Empty && db.ProviderGrants.Any(g => g.UserId == uid && g.ProviderId == a.ProviderId
            && (g.Role == ProviderRole.ProviderAdmin || (g.Role == ProviderRole.OfficeCoordinator && g.OfficeId == a.OfficeId))));
    }

    /// <summary>The providers the user administers.</summary>
    public IQueryable<Guid> AdministeredProviders()
    {
        var uid = user.Id;
        return db.ProviderGrants.Where(g => g.UserId == uid && uid != Guid.Empty && g.Role == ProviderRole.ProviderAdmin).Select(g => g.ProviderId);
    }

    /// <summary>The providers the user reads the quality work of as an auditor (only with a stated purpose).</summary>
    public IQueryable<Guid> AuditedProviders()
    {
        var uid = user.Id;
        var auditor = user.Purpose is not null;
        return db.ProviderGrants.Where(g => g.UserId == uid && uid != Guid.Empty && g.Role == ProviderRole.Auditor && auditor).Select(g => g.ProviderId);
    }

    /// <summary>The providers the user coordinates an office of.</summary>
    public IQueryable<Guid> CoordinatedProviders()
    {
        var uid = user.Id;
        return db.ProviderGrants.Where(g => g.UserId == uid && uid != Guid.Empty && g.Role == ProviderRole.OfficeCoordinator).Select(g => g.ProviderId);
    }

    /// <summary>The name of each scope: the provider's, the office's or the arrangement's.</summary>
    public async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> scopeIds, CancellationToken ct)
    {
        var ids = scopeIds.Distinct().ToList();
        var names = await db.Providers.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name })
            .Concat(db.Offices.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name }))
            .Concat(db.Arrangements.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Name }))
            .ToListAsync(ct);
        return names.DistinctBy(n => n.Id).ToDictionary(n => n.Id, n => n.Name);
    }
}

/// <summary>Sorting names the Norwegian way (æ, ø, å last).</summary>
public static class Names
{
    public static readonly StringComparer Norwegian = StringComparer.Create(new System.Globalization.CultureInfo("nb-NO"), false);
}
