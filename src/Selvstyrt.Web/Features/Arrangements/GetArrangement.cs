using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Arrangements;

/// <summary>
/// The arrangement overview: recipient, municipality, decisions, people and assistants, with fields
/// trimmed to what the user's relation allows (quality.md S2). The read is access-logged (S3).
/// </summary>
public static class GetArrangement
{
    public sealed record DecisionView(Guid Id, decimal HoursPerWeek, LocalDate ValidFrom, LocalDate? ValidTo, DecisionPurposes Purposes, string CaseNumber, bool InForce);

    /// <summary><see cref="ActingUntil"/>: the last day of the period a deputy acts as work leader, when that is today.</summary>
    public sealed record PersonView(string Name, ArrangementRoleKind Role, LocalDate From, LocalDate? To, LocalDate? ActingUntil = null);

    /// <summary>Phone and e-mail are null unless the viewer may see contact details.</summary>
    public sealed record AssistantView(Guid Id, string Name, EmploymentKind? Kind, decimal? PositionPercent, LocalDate From, LocalDate? To, bool Active, string? Phone, string? Email);

    public sealed record View(
        Guid Id, string Name, string RecipientName, string MunicipalityName, string OfficeName, EmployerModel EmployerModel,
        LocalDate StartDate, LocalDate? EndDate, IReadOnlyList<DecisionView> Decisions, IReadOnlyList<PersonView> People,
        IReadOnlyList<AssistantView> Assistants, bool NeedsDeputy, Relation Relation)
    {
        /// <summary>Whether the viewer sees the periods a deputy acts as work leader (those who lead, stand in or employ).</summary>
        public bool SeesActing => Relation.CanSeeActing();
    }

    public sealed class Handler(SelvstyrtDb db, ArrangementAccess access, CurrentUser user)
    {
        public async Task<Result<View>> HandleAsync(Guid id, CancellationToken ct)
        {
            var relation = await access.RelationTo(id, ct);
            if (relation == Relation.None) return new NotFound();
            var today = user.Today;
            var a = await db.Arrangements.AsNoTracking().Include(x => x.Roles).Include(x => x.Assignments).AsSplitQuery().SingleAsync(x => x.Id == id, ct);
            var recipient = await db.Recipients.AsNoTracking().Where(r => r.Id == a.RecipientId).Select(r => r.FullName).SingleAsync(ct);
            var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Id == a.MunicipalityId).Select(m => m.Name).SingleAsync(ct);
            var office = await db.Offices.AsNoTracking().Where(o => o.Id == a.OfficeId).Select(o => o.Name).SingleAsync(ct);

            var decisions = relation.CanSeeDecision()
                ? (await db.Decisions.AsNoTracking().Where(d => d.ArrangementId == id).ToListAsync(ct))
                    .OrderByDescending(d => d.ValidFrom)
                    .Select(d => new DecisionView(d.Id, d.HoursPerWeek, d.ValidFrom, d.ValidTo, d.Purposes, d.CaseNumber, d.IsValidOn(today)))
                    .ToList()
                : [];

            var userIds = a.Roles.Select(r => r.UserId).ToList();
            var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            var acting = await db.ActingPeriods.AsNoTracking().Where(p => p.ArrangementId == id && p.From <= today && p.To >= today)
                .ToDictionaryAsync(p => p.RoleId, p => p.To, ct);
            var people = a.Roles.Where(r => r.To is null || r.To >= today)
                .OrderBy(r => r.Kind).Select(r => new PersonView(names.GetValueOrDefault(r.UserId, ""), r.Kind, r.From, r.To,
                    r.IsActiveOn(today) && acting.TryGetValue(r.Id, out var until) ? until : null)).ToList();

            var assistantIds = a.Assignments.Select(s => s.AssistantId).ToList();
            var assistants = await db.Assistants.AsNoTracking().Include(x => x.Employments).Where(x => assistantIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
            var contacts = relation.CanSeeContacts();
            var showEnded = relation != Relation.Assistant && relation != Relation.CaseWorker;
            var assistantViews = a.Assignments
                .Where(s => showEnded || s.IsActiveOn(today))
                .Select(s =>
                {
                    var x = assistants[s.AssistantId];
                    var employment = x.EmploymentOn(today);
                    return new AssistantView(x.Id, x.FullName, employment?.Kind, employment?.PositionPercent, s.From, s.To, s.IsActiveOn(today),
                        contacts ? x.Phone : null, contacts ? x.Email : null);
                })
                .OrderByDescending(v => v.Active).ThenBy(v => v.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nb-NO"), false))
                .ToList();

            await access.LogReadAsync(id, relation, "ordningsoversikt", ct);
            return new View(a.Id, a.Name, recipient, municipality, office, a.EmployerModel, a.StartDate, a.EndDate, decisions, people,
                assistantViews, a.NeedsDeputy(today), relation);
        }
    }
}
