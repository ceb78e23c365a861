using Microsoft.EntityFrameworkCore;
using Selvstyrt.Data;
using Selvstyrt.Domain.People;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Assistants;

/// <summary>The assistants the user may see, optionally filtered by a name search.</summary>
public static class ListAssistants
{
    public sealed record Row(Guid Id, string Name, string? OfficeName, EmploymentKind? Kind, decimal? PositionPercent, int ArrangementCount);

    public sealed class Handler(SelvstyrtDb db, ArrangementAccess access, CurrentUser user)
    {
        public async Task<List<Row>> HandleAsync(string? search, CancellationToken ct)
        {
            var today = user.Today;
            var query = access.ReadableAssistants();
            if (!string.IsNullOrWhiteSpace(search))
            {
                var term = search.Trim();
                if (term.Length > 100) term = term[..100];
                query = query.Where(a => a.FullName.Contains(term));
            }
            var rows = await query.AsNoTracking()
                .OrderBy(a => a.FullName)
                .Select(a => new
                {
                    a.Id, a.FullName,
                    Office = db.Offices.Where(o => o.Id == a.OfficeId).Select(o => o.Name).FirstOrDefault(),
                    Employment = a.Employments.Where(e => e.Start <= today && (e.End == null || e.End >= today))
                        .Select(e => new { e.Kind, e.PositionPercent }).FirstOrDefault(),
                    Arrangements = db.Assignments.Count(s => s.AssistantId == a.Id && s.From <= today && (s.To == null || s.To >= today)),
                })
                .Take(500)
                .ToListAsync(ct);
            return rows.Select(r => new Row(r.Id, r.FullName, r.Office, r.Employment?.Kind, r.Employment?.PositionPercent, r.Arrangements)).ToList();
        }
    }
}
