using Microsoft.EntityFrameworkCore;
using Selvstyrt.Data;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Common;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Organisation;

/// <summary>
/// Which provider an organisation change is for: one the user administers. Nearly everyone administers one
/// provider, so it may be left out; someone who administers several names it (<c>providerId</c>).
/// </summary>
public sealed class AdministeredProvider(SelvstyrtDb db, CurrentUser user)
{
    private List<Guid>? _administered;

    /// <summary>The providers the user administers, read once per request (a page asks for its offices, contracts and settings).</summary>
    public async Task<List<Guid>> AllAsync(CancellationToken ct)
    {
        var uid = user.Id;
        return _administered ??= await db.ProviderGrants.AsNoTracking().Where(g => g.UserId == uid && g.Role == ProviderRole.ProviderAdmin)
            .Select(g => g.ProviderId).Distinct().ToListAsync(ct);
    }

    public async Task<Result<Guid>> ResolveAsync(Guid? providerId, CancellationToken ct)
    {
        var administered = await AllAsync(ct);
        if (administered.Count == 0) return new Forbidden("Bare leverandørens administrator kan endre organisasjonen.");
        if (providerId is { } wanted) return administered.Contains(wanted) ? wanted : new Forbidden("Du er ikke administrator hos denne leverandøren.");
        return administered.Count == 1 ? administered[0] : Invalid.Field("providerId", "Du er administrator hos flere leverandører: oppgi hvilken (providerId).");
    }

    public sealed record Settings(Guid ProviderId, string Name, string OrganisationNumber, int DecisionReminderDays, bool WiderSelfCertification);

    /// <summary>The settings of the providers the user administers.</summary>
    public async Task<List<Settings>> SettingsAsync(CancellationToken ct)
    {
        var administered = await AllAsync(ct);
        return await db.Providers.AsNoTracking().Where(p => administered.Contains(p.Id)).OrderBy(p => p.Name)
            .Select(p => new Settings(p.Id, p.Name, p.OrganisationNumber, p.DecisionReminderDays, p.WiderSelfCertification)).ToListAsync(ct);
    }

    /// <summary>
    /// Changes how many days before a decision runs out the reminders come, and (when given) whether the provider grants
    /// the wider self-certification right (administrator).
    /// </summary>
    public async Task<Result<Settings>> SetReminderDaysAsync(Guid? providerId, int? days, CancellationToken ct, bool? widerSelfCertification = null)
    {
        var resolved = await ResolveAsync(providerId, ct);
        if (!resolved.IsSuccess) return resolved.Error!;
        var provider = await db.Providers.SingleAsync(p => p.Id == resolved.Value, ct);
        var changed = provider.SetDecisionReminderDays(days);
        if (!changed.IsSuccess) return changed.Error!;
        if (widerSelfCertification is { } wider) provider.SetWiderSelfCertification(wider);
        await db.SaveChangesAsync(ct);
        return new Settings(provider.Id, provider.Name, provider.OrganisationNumber, provider.DecisionReminderDays, provider.WiderSelfCertification);
    }

    /// <summary>True when the user administers <paramref name="providerId"/>.</summary>
    public async Task<bool> AdministersAsync(Guid providerId, CancellationToken ct) => (await AllAsync(ct)).Contains(providerId);
}
