using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Arrangements;

/// <summary>«Mine ordninger»: the arrangements the user may see, with the decision in force today.</summary>
public static class ListArrangements
{
    /// <summary>
    /// <see cref="HoursPerWeek"/> and <see cref="DecisionValidTo"/> are null where the user may not read the decision
    /// (<see cref="SeesDecision"/> false): where they only assist, or see the arrangement as the union representative.
    /// </summary>
    public sealed record Row(
        Guid Id, string Name, string RecipientName, Guid MunicipalityId, string MunicipalityName, string OfficeName,
        EmployerModel EmployerModel, decimal? HoursPerWeek, LocalDate? DecisionValidTo, int AssistantCount, bool OnlyAssisting, bool SeesDecision);

    public sealed class Handler(SelvstyrtDb db, ArrangementAccess access, CurrentUser user)
    {
        public async Task<List<Row>> HandleAsync(Guid? municipalityId, CancellationToken ct)
        {
            var today = user.Today;
            var readable = access.ReadableArrangements();
            if (municipalityId is { } m) readable = readable.Where(a => a.MunicipalityId == m);
            var rows = await readable
                .OrderBy(a => a.Name)
                .Select(a => new
                {
                    a.Id, a.Name, a.MunicipalityId, a.EmployerModel,
                    Recipient = db.Recipients.Where(r => r.Id == a.RecipientId).Select(r => r.FullName).First(),
                    Municipality = db.Municipalities.Where(x => x.Id == a.MunicipalityId).Select(x => x.Name).First(),
                    Office = db.Offices.Where(o => o.Id == a.OfficeId).Select(o => o.Name).First(),
                    Decision = db.Decisions.Where(d => d.ArrangementId == a.Id && d.ValidFrom <= today && (d.ValidTo == null || d.ValidTo >= today))
                        .OrderByDescending(d => d.ValidFrom).Select(d => new { d.HoursPerWeek, d.ValidTo }).FirstOrDefault(),
                    Assistants = a.Assignments.Count(s => s.From <= today && (s.To == null || s.To >= today)),
                })
                .AsNoTracking()
                .ToListAsync(ct);
            var ids = rows.Select(r => r.Id).ToList();
            var led = await access.LeadOrOverseenArrangements().Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
            var hidden = ids.Except(led).ToHashSet();
            var assisted = hidden.Count == 0 ? [] : (await access.AssistedArrangements().Where(a => hidden.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
            return rows.Select(r =>
            {
                var sees = !hidden.Contains(r.Id);
                return new Row(r.Id, r.Name, r.Recipient, r.MunicipalityId, r.Municipality, r.Office, r.EmployerModel,
                    sees ? r.Decision?.HoursPerWeek : null, sees ? r.Decision?.ValidTo : null, r.Assistants, !sees && assisted.Contains(r.Id), sees);
            }).ToList();
        }
    }
}
