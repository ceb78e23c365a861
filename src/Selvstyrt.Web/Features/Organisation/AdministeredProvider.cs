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
    public async Task<List<Guid>> AllAsync(CancellationToken ct)
    {
        var uid = user.Id;
        return await db.ProviderGrants.AsNoTracking().Where(g => g.UserId == uid && g.Role == ProviderRole.ProviderAdmin)
            .Select(g => g.ProviderId).Distinct().ToListAsync(ct);
    }

    public async Task<Result<Guid>> ResolveAsync(Guid? providerId, CancellationToken ct)
    {
        var administered = await AllAsync(ct);
        if (administered.Count == 0) return new Forbidden("Bare leverandørens administrator kan endre organisasjonen.");
        if (providerId is { } wanted) return administered.Contains(wanted) ? wanted : new Forbidden("Du er ikke administrator hos denne leverandøren.");
        return administered.Count == 1 ? administered[0] : Invalid.Field("providerId", "Du er administrator hos flere leverandører: oppgi hvilken (providerId).");
    }

    /// <summary>True when the user administers <paramref name="providerId"/>.</summary>
    public async Task<bool> AdministersAsync(Guid providerId, CancellationToken ct) => (await AllAsync(ct)).Contains(providerId);
}
