using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Assistants;

/// <summary>
/// An assistant's working life at the provider (issue 16, part 4): employments (permanent, temporary on an AML § 14-9 basis,
/// on call) created, changed and ended; assignments to arrangements made and ended; contact details; and hours for other
/// employers, declared by the assistant and confirmed by the employer. The provider's administrator and the coordinator of
/// the assistant's office manage everything; the assistant changes their own contact details and declarations. A retry of a
/// create that already happened answers with the record made the first time.
/// </summary>
public sealed class AssistantRecords(SelvstyrtDb db, ArrangementAccess access, CurrentUser user)
{
    public sealed record EmploymentInput(EmploymentKind? Kind, TemporaryBasis? TemporaryBasis, decimal? PositionPercent, LocalDate? Start, LocalDate? End,
        LocalDate? ProbationEnd, LocalDate? SeniorityFrom, decimal? HourlyWage);

    public sealed record Created(Guid Id, bool AlreadyExisted);

    /// <summary>The arrangements an assistant can be added to: the open ones in the offices the user manages, at the assistant's provider.</summary>
    public async Task<List<(Guid Id, string Name)>> AssignableArrangementsAsync(Guid assistantId, CancellationToken ct)
    {
        var assistant = await db.Assistants.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assistantId, ct);
        if (assistant is null || !await SaveAssistantPay.ManagesAsync(db, user.Id, assistant, ct)) return [];
        var managed = access.ManagedOffices();
        var today = user.Today;
        var rows = await db.Arrangements.AsNoTracking()
            .Where(a => a.ProviderId == assistant.ProviderId && managed.Any(o => o.Id == a.OfficeId) && (a.EndDate == null || a.EndDate >= today))
            .OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        return rows.Select(a => (a.Id, a.Name)).ToList();
    }

    public async Task<Result<Created>> AddEmploymentAsync(Guid assistantId, EmploymentInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var assistant = await ManagedAsync(assistantId, ct);
        if (assistant is null) return new NotFound();
        var fields = new Dictionary<string, string>();
        if (input.Kind is null) fields["kind"] = "Velg fast ansatt, midlertidig ansatt eller tilkallingsvikar.";
        if (input.Start is null) fields["start"] = "Startdato må fylles ut.";
        if (input.PositionPercent is null && input.Kind is EmploymentKind.Permanent or EmploymentKind.Temporary) fields["positionPercent"] = "Stillingsprosent må fylles ut.";
        if (fields.Count > 0) return new Invalid(fields);
        var kind = input.Kind!.Value;
        var percent = kind == EmploymentKind.OnCall ? 0m : input.PositionPercent!.Value;
        var same = assistant.Employments.FirstOrDefault(e => e.Start == input.Start && e.Kind == kind && e.PositionPercent == percent && e.End == input.End);
        if (same is not null) return new Created(same.Id, true);
        var added = assistant.AddEmployment(Guid.CreateVersion7(), kind, percent, input.Start!.Value, input.End, input.SeniorityFrom ?? input.Start.Value,
            input.TemporaryBasis, input.ProbationEnd);
        if (!added.IsSuccess) return added.Error!;
        if (input.HourlyWage is not null)
        {
            var wage = added.Value!.SetHourlyWage(input.HourlyWage);
            if (!wage.IsSuccess) return wage.Error!;
        }
        return await SaveAsync(new Created(added.Value!.Id, false), ct);
    }

    public async Task<Result<Created>> ChangeEmploymentAsync(Guid assistantId, Guid employmentId, EmploymentInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var assistant = await ManagedAsync(assistantId, ct);
        if (assistant is null) return new NotFound();
        var employment = assistant.Employments.SingleOrDefault(e => e.Id == employmentId);
        if (employment is null) return new NotFound("Fant ikke arbeidsforholdet.");
        if (input.PositionPercent is null && employment.Kind != EmploymentKind.OnCall) return Invalid.Field("positionPercent", "Stillingsprosent må fylles ut.");
        var changed = assistant.ChangeEmployment(employmentId, employment.Kind == EmploymentKind.OnCall ? 0m : input.PositionPercent!.Value, input.End,
            input.TemporaryBasis, input.ProbationEnd);
        if (!changed.IsSuccess) return changed.Error!;
        var wage = employment.SetHourlyWage(input.HourlyWage);
        if (!wage.IsSuccess) return wage.Error!;
        if (input.End is { } end) await EndAssignmentsAsync(assistant.Id, end, ct);
        return await SaveAsync(new Created(employmentId, false), ct);
    }

    /// <summary>Ends an employment on its last day; the assistant's assignments that run past it end that day too.</summary>
    public async Task<Result<Created>> EndEmploymentAsync(Guid assistantId, Guid employmentId, LocalDate? lastDay, CancellationToken ct, EndReason? reason = null, string? note = null)
    {
        if (lastDay is null) return Invalid.Field("lastDay", "Siste arbeidsdag må fylles ut.");
        var assistant = await ManagedAsync(assistantId, ct);
        if (assistant is null) return new NotFound();
        var ended = assistant.EndEmployment(employmentId, lastDay.Value, reason, note);
        if (!ended.IsSuccess) return ended.Error!;
        if (!assistant.Employments.Any(e => e.Id != employmentId && (e.End is null || e.End > lastDay))) await EndAssignmentsAsync(assistant.Id, lastDay.Value, ct);
        return await SaveAsync(new Created(employmentId, false), ct);
    }

    public async Task<Result<Created>> AssignAsync(Guid assistantId, Guid? arrangementId, LocalDate? from, LocalDate? to, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>();
        if (arrangementId is null) fields["arrangementId"] = "Velg ordningen.";
        if (from is null) fields["from"] = "Fra-dato må fylles ut.";
        if (fields.Count > 0) return new Invalid(fields);
        var assistant = await ManagedAsync(assistantId, ct);
        if (assistant is null) return new NotFound();
        if (assistant.RestrictedOn is not null) return new Conflict(Assistant.RestrictedMessage);
        var relation = await access.RelationTo(arrangementId!.Value, ct);
        var arrangement = relation.CanManageAssistants()
            ? await db.Arrangements.Include(a => a.Assignments).SingleOrDefaultAsync(a => a.Id == arrangementId && a.ProviderId == assistant.ProviderId, ct)
            : null;
        if (arrangement is null) return Invalid.Field("arrangementId", "Velg en ordning du administrerer.");
        if (!assistant.Employments.Any(e => e.Start <= (to ?? LocalDate.MaxIsoValue) && from <= (e.End ?? LocalDate.MaxIsoValue)))
            return Invalid.Field("from", "Assistenten har ikke noe arbeidsforhold i denne perioden. Registrer arbeidsforholdet først.");
        var same = arrangement.Assignments.FirstOrDefault(s => s.AssistantId == assistantId && s.From == from);
        if (same is not null) return new Created(same.Id, true);
        var assigned = arrangement.Assign(Guid.CreateVersion7(), assistantId, from!.Value, to);
        if (!assigned.IsSuccess) return assigned.Error!;
        return await SaveAsync(new Created(assigned.Value!.Id, false), ct);
    }

    public async Task<Result<Created>> EndAssignmentAsync(Guid assistantId, Guid assignmentId, LocalDate? lastDay, CancellationToken ct)
    {
        if (lastDay is null) return Invalid.Field("lastDay", "Siste dag i ordningen må fylles ut.");
        var arrangementId = await db.Assignments.AsNoTracking().Where(s => s.Id == assignmentId && s.AssistantId == assistantId).Select(s => (Guid?)s.ArrangementId).SingleOrDefaultAsync(ct);
        if (arrangementId is null || !(await access.RelationTo(arrangementId.Value, ct)).CanManageAssistants()) return new NotFound();
        var arrangement = await db.Arrangements.Include(a => a.Assignments).SingleAsync(a => a.Id == arrangementId, ct);
        var assignment = arrangement.Assignments.Single(s => s.Id == assignmentId);
        if (lastDay < assignment.From.PlusDays(-1)) return Invalid.Field("lastDay", "Siste dag kan ikke være før assistenten begynte i ordningen.");
        var ended = arrangement.EndAssignment(assignmentId, lastDay.Value);
        if (!ended.IsSuccess) return ended.Error!;
        return await SaveAsync(new Created(assignmentId, false), ct);
    }

    /// <summary>E-mail and phone: the assistant themself, or the administrator or the office's coordinator.</summary>
    public async Task<Result<Created>> ChangeContactAsync(Guid assistantId, string? email, string? phone, CancellationToken ct)
    {
        var assistant = await SelfOrManagedAsync(assistantId, ct);
        if (assistant is null) return new NotFound();
        var changed = assistant.ChangeContact(email, phone);
        if (!changed.IsSuccess) return changed.Error!;
        return await SaveAsync(new Created(assistantId, false), ct);
    }

    public async Task<Result<Created>> DeclareOtherEmployerAsync(Guid assistantId, string? employerName, decimal? hoursPerWeek, LocalDate? from, LocalDate? to, CancellationToken ct)
    {
        var assistant = await SelfOrManagedAsync(assistantId, ct);
        if (assistant is null) return new NotFound();
        var same = assistant.OtherEmployerHours.FirstOrDefault(o => o.EmployerName == employerName?.Trim() && o.HoursPerWeek == hoursPerWeek && o.From == from && o.To == to);
        if (same is not null) return new Created(same.Id, true);
        var declared = assistant.DeclareOtherEmployerHours(Guid.CreateVersion7(), employerName, hoursPerWeek, from, to, user.Id, user.Now);
        if (!declared.IsSuccess) return declared.Error!;
        // The employer entering the hours has seen them: confirmed at once.
        if (assistant.UserId != user.Id) assistant.ConfirmOtherEmployerHours(declared.Value!.Id, user.Id, user.Now);
        return await SaveAsync(new Created(declared.Value!.Id, false), ct);
    }

    public async Task<Result<Created>> ConfirmOtherEmployerAsync(Guid assistantId, Guid declarationId, CancellationToken ct)
    {
        var assistant = await ManagedAsync(assistantId, ct);
        if (assistant is null) return new NotFound();
        var confirmed = assistant.ConfirmOtherEmployerHours(declarationId, user.Id, user.Now);
        if (!confirmed.IsSuccess) return confirmed.Error!;
        return await SaveAsync(new Created(declarationId, false), ct);
    }

    public async Task<Result<Created>> EndOtherEmployerAsync(Guid assistantId, Guid declarationId, LocalDate? lastDay, CancellationToken ct)
    {
        if (lastDay is null) return Invalid.Field("lastDay", "Siste dag må fylles ut.");
        var assistant = await SelfOrManagedAsync(assistantId, ct);
        if (assistant is null) return new NotFound();
        var ended = assistant.EndOtherEmployerHours(declarationId, lastDay.Value);
        if (!ended.IsSuccess) return ended.Error!;
        return await SaveAsync(new Created(declarationId, false), ct);
    }

    private async Task EndAssignmentsAsync(Guid assistantId, LocalDate lastDay, CancellationToken ct)
    {
        var arrangements = await db.Arrangements.Include(a => a.Assignments)
            .Where(a => a.Assignments.Any(s => s.AssistantId == assistantId && (s.To == null || s.To > lastDay))).ToListAsync(ct);
        foreach (var arrangement in arrangements) arrangement.EndAssignmentsOf(assistantId, lastDay);
    }

    private Task<Assistant?> ManagedAsync(Guid assistantId, CancellationToken ct) => LoadAsync(assistantId, allowSelf: false, ct);

    private Task<Assistant?> SelfOrManagedAsync(Guid assistantId, CancellationToken ct) => LoadAsync(assistantId, allowSelf: true, ct);

    /// <summary>The assistant with employments and declarations, when the user manages them (or is them, where allowed); else null.</summary>
    private async Task<Assistant?> LoadAsync(Guid assistantId, bool allowSelf, CancellationToken ct)
    {
        var assistant = await db.Assistants.Include(a => a.Employments).Include(a => a.OtherEmployerHours).AsSplitQuery().SingleOrDefaultAsync(a => a.Id == assistantId, ct);
        if (assistant is null) return null;
        // A restricted record: its administrator gets it, so the change is refused with the reason rather than «not found».
        if (assistant.RestrictedOn is not null) return await SaveAssistantPay.AdministersAsync(db, user.Id, assistant, ct) ? assistant : null;
        return (allowSelf && assistant.UserId == user.Id) || await SaveAssistantPay.ManagesAsync(db, user.Id, assistant, ct) ? assistant : null;
    }

    private async Task<Result<Created>> SaveAsync(Created created, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new Conflict();
        }
        return created;
    }
}
