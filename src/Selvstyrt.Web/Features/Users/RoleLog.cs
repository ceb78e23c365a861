using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Users;
using Selvstyrt.Web.Features.Organisation;

namespace Selvstyrt.Web.Features.Users;

/// <summary>
/// The role log (issue 16): every grant and revocation at the providers the user administers, newest first, with who got
/// or lost which role where, who did it and when. Read only; the rows are never changed or deleted.
/// </summary>
public sealed class RoleLog(SelvstyrtDb db, AdministeredProvider providers)
{
    public const int PageSize = 500;

    public sealed record Entry(Instant At, string Person, RoleKind Role, string Where, bool Granted, string By);

    public async Task<List<Entry>?> ListAsync(CancellationToken ct)
    {
        var administered = await providers.AllAsync(ct);
        if (administered.Count == 0) return null;
        var changes = await db.RoleChanges.AsNoTracking().Where(c => administered.Contains(c.ProviderId))
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(PageSize).ToListAsync(ct);
        var people = changes.Select(c => c.UserId).Concat(changes.Select(c => c.ByUserId)).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var places = await Invitations.PlaceNamesAsync(db, changes.Select(c => c.ScopeId).OfType<Guid>().Distinct().ToList(), ct);
        return changes.Select(c => new Entry(c.At, names.GetValueOrDefault(c.UserId, ""), c.Role, c.ScopeId is { } s ? places.GetValueOrDefault(s, "") : "",
            c.Granted, names.GetValueOrDefault(c.ByUserId, ""))).ToList();
    }
}
