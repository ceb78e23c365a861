using Microsoft.EntityFrameworkCore;
using Selvstyrt.Data;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Municipalities;

/// <summary>
/// The municipalities where the user can see at least one arrangement, with the number of
/// arrangements and the weekly hours granted today (summed over the arrangements whose decision the user may read: not
/// where they only assist or see the plans as the union representative). A case worker sees only their own.
/// </summary>
public static class ListMunicipalities
{
    public sealed record Row(Guid Id, string Number, string Name, int Arrangements, decimal GrantedHoursPerWeek);

    public sealed class Handler(SelvstyrtDb db, ArrangementAccess access, CurrentUser user)
    {
        public async Task<List<Row>> HandleAsync(CancellationToken ct)
        {
            var today = user.Today;
            var readable = access.ReadableArrangements();
            var decisionReadable = access.LeadOrOverseenArrangements().Select(a => a.Id);
            var perArrangement = await readable.AsNoTracking()
                .Select(a => new
                {
                    a.MunicipalityId,
                    Hours = !decisionReadable.Contains(a.Id) ? null : db.Decisions.Where(d => d.ArrangementId == a.Id && d.ValidFrom <= today && (d.ValidTo == null || d.ValidTo >= today))
                        .OrderByDescending(d => d.ValidFrom).Select(d => (decimal?)d.HoursPerWeek).FirstOrDefault(),
                })
                .ToListAsync(ct);
            var ids = perArrangement.Select(p => p.MunicipalityId).Distinct().ToList();
            var municipalities = await db.Municipalities.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(ct);
            return municipalities
                .Select(m => new Row(m.Id, m.Number, m.Name,
                    perArrangement.Count(p => p.MunicipalityId == m.Id),
                    perArrangement.Where(p => p.MunicipalityId == m.Id).Sum(p => p.Hours ?? 0m)))
                .OrderBy(r => r.Number, StringComparer.Ordinal)
                .ToList();
        }
    }
}
