using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Assistants;

/// <summary>
/// An assistant's profile: employments with seniority, the arrangements they work in (only those the
/// viewer may see), and declared hours for other employers (employer side and the assistant only).
/// </summary>
public static class GetAssistant
{
    public sealed record EmploymentView(Guid Id, EmploymentKind Kind, decimal PositionPercent, LocalDate Start, LocalDate? End, int SeniorityYears,
        TemporaryBasis? TemporaryBasis, LocalDate? ProbationEnd, LocalDate SeniorityFrom, decimal? HourlyWage);

    public sealed record AssignmentView(Guid Id, Guid ArrangementId, string ArrangementName, LocalDate From, LocalDate? To, bool Active);

    public sealed record OtherEmployerView(Guid Id, string EmployerName, decimal HoursPerWeek, LocalDate From, LocalDate? To, LocalDate? ConfirmedOn);

    public sealed record View(
        Guid Id, string Name, string? OfficeName, string? Email, string? Phone, LocalDate? BirthDate, bool IsSelf,
        IReadOnlyList<EmploymentView> Employments, IReadOnlyList<AssignmentView> Assignments, IReadOnlyList<OtherEmployerView>? OtherEmployers)
    {
        /// <summary>Payroll details (employer side and the assistant only): employee number and the current hourly wage.</summary>
        public (string? EmployeeNumber, decimal? HourlyWage)? Pay { get; init; }

        /// <summary>Whether the viewer may change the payroll details (administrator, or the office's coordinator).</summary>
        public bool CanManagePay { get; init; }

        /// <summary>Whether the viewer manages the assistant: employments, assignments, confirmations and the login.</summary>
        public bool CanManage { get; init; }

        /// <summary>Whether the assistant signs in with an account of their own (shown to the employer side).</summary>
        public bool HasLogin { get; init; }

        /// <summary>In the office's substitute pool (shown to the employer side and the assistant).</summary>
        public bool? SubstitutePool { get; init; }

        /// <summary>Restricted after an erasure request since this day: read only, for the administrator.</summary>
        public LocalDate? RestrictedOn { get; init; }

        /// <summary>Whether the viewer handles erasure requests for the assistant (the provider's administrator).</summary>
        public bool CanErase { get; init; }
    }

    public sealed class Handler(SelvstyrtDb db, ArrangementAccess access, CurrentUser user)
    {
        public async Task<Result<View>> HandleAsync(Guid id, CancellationToken ct)
        {
            var assistant = await access.ReadableAssistants().AsNoTracking()
                .Include(a => a.Employments).Include(a => a.OtherEmployerHours).AsSplitQuery()
                .SingleOrDefaultAsync(a => a.Id == id, ct);
            if (assistant is null) return new NotFound();
            var today = user.Today;
            var uid = user.Id;
            var isSelf = assistant.UserId == uid;
            var employerSide = await db.ProviderGrants.AnyAsync(g => g.UserId == uid && g.ProviderId == assistant.ProviderId
                && (g.Role == ProviderRole.ProviderAdmin || g.Role == ProviderRole.OfficeCoordinator || (g.Role == ProviderRole.Auditor && user.Purpose != null)), ct);

            var readable = access.ReadableArrangements().Select(a => a.Id);
            var assignments = await db.Assignments.AsNoTracking()
                .Where(s => s.AssistantId == id && readable.Contains(s.ArrangementId))
                .Select(s => new { s.Id, s.ArrangementId, s.From, s.To, Name = db.Arrangements.Where(a => a.Id == s.ArrangementId).Select(a => a.Name).First() })
                .ToListAsync(ct);
            var office = await db.Offices.AsNoTracking().Where(o => o.Id == assistant.OfficeId).Select(o => o.Name).FirstOrDefaultAsync(ct);
            var manages = await SaveAssistantPay.ManagesAsync(db, uid, assistant, ct);
            // Phone and e-mail: for the employer, the assistant and those who lead or stand in where they work; not for
            // the union representative, who reads the provider's assistants for their employment and working time only.
            var contacts = employerSide || isSelf || await db.Assignments.AnyAsync(s => s.AssistantId == id && (s.To == null || s.To >= today)
                && db.ArrangementRoles.Any(r => r.ArrangementId == s.ArrangementId && r.UserId == uid && r.Kind != ArrangementRoleKind.Recipient
                    && r.From <= today && (r.To == null || r.To >= today)), ct);
            var current = assistant.EmploymentOn(today) ?? assistant.Employments.OrderByDescending(e => e.Start).FirstOrDefault();

            return new View(
                assistant.Id, assistant.FullName, office, contacts ? assistant.Email : null, contacts ? assistant.Phone : null,
                employerSide || isSelf ? assistant.BirthDate : null, isSelf,
                assistant.Employments.OrderByDescending(e => e.Start)
                    .Select(e => new EmploymentView(e.Id, e.Kind, e.PositionPercent, e.Start, e.End, e.SeniorityYearsOn(today), e.TemporaryBasis, e.ProbationEnd,
                        e.SeniorityFrom, employerSide || isSelf ? e.HourlyWage : null)).ToList(),
                assignments.OrderBy(s => s.Name, StringComparer.Ordinal)
                    .Select(s => new AssignmentView(s.Id, s.ArrangementId, s.Name, s.From, s.To, s.From <= today && (s.To is null || s.To >= today))).ToList(),
                employerSide || isSelf
                    ? assistant.OtherEmployerHours.OrderByDescending(o => o.From)
                        .Select(o => new OtherEmployerView(o.Id, o.EmployerName, o.HoursPerWeek, o.From, o.To, o.ConfirmedAt?.InZone(CurrentUser.Zone).Date)).ToList()
                    : null)
            {
                Pay = employerSide || isSelf ? (assistant.EmployeeNumber, current?.HourlyWage) : null,
                CanManagePay = manages && current is not null && assistant.RestrictedOn is null,
                CanManage = manages && assistant.RestrictedOn is null,
                RestrictedOn = assistant.RestrictedOn,
                CanErase = await SaveAssistantPay.AdministersAsync(db, uid, assistant, ct),
                HasLogin = assistant.UserId is not null,
                SubstitutePool = employerSide || isSelf ? assistant.SubstitutePool : null,
            };
        }
    }
}
