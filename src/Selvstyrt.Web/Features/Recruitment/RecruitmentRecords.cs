using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Assistants;

namespace Selvstyrt.Web.Features.Recruitment;

/// <summary>
/// Recruitment for an arrangement (issue 19, part 1). Those who lead it and the employer's side (the administrator, the office's
/// coordinator) draft the posting, take in applicants, interview and check references; a work leader approves the choice; the
/// employer hires, which makes the assistant with the employment and the place in the arrangement in one save, and invites
/// them to sign in. Nobody else sees applicants. Their data is deleted a set time after the post is filled (<see cref="Retention.RetentionPurge"/>).
/// </summary>
public sealed class RecruitmentRecords(SelvstyrtDb db, CurrentUser user, ArrangementAccess access, AssistantLogin login)
{
    public sealed record PostingInput(string? Title, string? Description, string? AdText, string? InterviewGuide, decimal? PositionPercent, LocalDate? WantedStart,
        LocalDate? ApplyBy, int? PurgeAfterDays);

    public sealed record HireInput(EmploymentKind? Kind, decimal? PositionPercent, LocalDate? Start, LocalDate? End, TemporaryBasis? TemporaryBasis, LocalDate? ProbationEnd,
        decimal? HourlyWage, bool Invite);

    public sealed record PostingSummary(Guid Id, string Title, PostingStatus Status, int Applicants, LocalDate? ApplyBy, LocalDate? ClosedOn, LocalDate? PurgeOn);

    public sealed record Posting(JobPosting Record, string Arrangement, bool CanApprove, bool CanHire);

    /// <summary>The arrangement's recruitments, newest first; with the texts a new one starts from.</summary>
    public async Task<Result<(string Arrangement, List<PostingSummary> Postings, PostingInput Draft)>> ListAsync(Guid arrangementId, CancellationToken ct)
    {
        var allowed = await AllowedAsync(arrangementId, ct);
        if (!allowed.IsSuccess) return allowed.Error!;
        var rows = await db.JobPostings.AsNoTracking().Where(p => p.ArrangementId == arrangementId).OrderByDescending(p => p.CreatedAt).ToListAsync(ct);
        return (allowed.Value!.Name, rows.Select(p => new PostingSummary(p.Id, p.Title, p.Status, p.ApplicantCount, p.ApplyBy, p.ClosedOn, p.PurgeOn)).ToList(),
            await DraftAsync(allowed.Value!, ct));
    }

    public async Task<Result<(Guid Id, bool Existed)>> CreateAsync(Guid arrangementId, PostingInput input, string? key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var allowed = await AllowedAsync(arrangementId, ct);
        if (!allowed.IsSuccess) return allowed.Error!;
        if (key is { Length: > 100 }) return Invalid.Field("idempotencyKey", "Idempotensnøkkelen kan være høyst 100 tegn.");
        var id = string.IsNullOrEmpty(key) ? Guid.CreateVersion7() : KeyedId.For($"posting:{arrangementId}", key);
        if (await db.JobPostings.AnyAsync(p => p.Id == id, ct)) return (id, true);
        var made = JobPosting.Create(id, allowed.Value!.ProviderId, arrangementId, input.Title, input.Description, input.AdText, input.InterviewGuide, input.PositionPercent,
            input.WantedStart, input.ApplyBy, input.PurgeAfterDays, key);
        if (!made.IsSuccess) return made.Error!;
        db.JobPostings.Add(made.Value!);
        await db.SaveChangesAsync(ct);
        return (id, false);
    }

    public async Task<Result<Posting>> GetAsync(Guid arrangementId, Guid postingId, CancellationToken ct)
    {
        var allowed = await AllowedAsync(arrangementId, ct);
        if (!allowed.IsSuccess) return allowed.Error!;
        var posting = await db.JobPostings.AsNoTracking().Include(p => p.Applicants).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == postingId && p.ArrangementId == arrangementId, ct);
        if (posting is null) return new NotFound();
        var relation = allowed.Value!.Relation;
        return new Posting(posting, allowed.Value!.Name, relation.Leads(), Employs(relation));
    }

    public Task<Result<Guid>> ChangeAsync(Guid arrangementId, Guid postingId, PostingInput i, CancellationToken ct)
        => EditAsync(arrangementId, postingId, (p, _) => Id(p.Change(i.Title, i.Description, i.AdText, i.InterviewGuide, i.PositionPercent, i.WantedStart, i.ApplyBy, i.PurgeAfterDays)), ct);

    /// <summary>A new applicant; idempotent on the key (a retry answers with the first).</summary>
    public async Task<Result<(Guid Id, bool Existed)>> AddApplicantAsync(Guid arrangementId, Guid postingId, string? name, string? email, string? phone, string? summary,
        LocalDate? receivedOn, string? key, CancellationToken ct)
    {
        if (key is { Length: > 100 }) return Invalid.Field("idempotencyKey", "Idempotensnøkkelen kan være høyst 100 tegn.");
        var id = string.IsNullOrEmpty(key) ? Guid.CreateVersion7() : KeyedId.For($"applicant:{postingId}", key);
        var existed = false;
        var result = await EditAsync(arrangementId, postingId, (p, _) =>
        {
            if (p.Applicants.Any(a => a.Id == id))
            {
                existed = true;
                return id;
            }
            var added = p.AddApplicant(id, name, email, phone, summary, receivedOn, user.Today);
            if (added.IsSuccess) db.Applicants.Add(added.Value!);
            return Id(added);
        }, ct);
        return result.IsSuccess ? (result.Value, existed) : result.Error!;
    }

    public Task<Result<Guid>> InterviewAsync(Guid arrangementId, Guid postingId, Guid applicantId, LocalDate? on, string? notes, CancellationToken ct)
        => EditAsync(arrangementId, postingId, (p, _) => Id(p.RecordInterview(applicantId, on, notes)), ct);

    public Task<Result<Guid>> ReferenceAsync(Guid arrangementId, Guid postingId, Guid applicantId, string? name, string? relation, LocalDate? checkedOn, string? summary,
        string? key, CancellationToken ct)
    {
        var id = string.IsNullOrEmpty(key) ? Guid.CreateVersion7() : KeyedId.For($"reference:{applicantId}", key);
        return EditAsync(arrangementId, postingId, (p, _) =>
            p.Applicants.FirstOrDefault(a => a.Id == applicantId)?.References.Any(r => r.Id == id) == true
                ? applicantId
                : Id(p.RecordReference(applicantId, id, name, relation, checkedOn, summary, user.Today)), ct);
    }

    /// <summary>The work leader approves the applicant as the one to hire.</summary>
    public Task<Result<Guid>> ChooseAsync(Guid arrangementId, Guid postingId, Guid applicantId, bool chosen, CancellationToken ct)
        => EditAsync(arrangementId, postingId, (p, relation) =>
        {
            if (!relation.Leads()) return new Forbidden("Det er arbeidslederen som godkjenner valget av assistent.");
            return Id(chosen ? p.Choose(applicantId, user.DisplayName, user.Now) : p.Unchoose(applicantId));
        }, ct);

    public Task<Result<Guid>> RejectAsync(Guid arrangementId, Guid postingId, Guid applicantId, CancellationToken ct)
        => EditAsync(arrangementId, postingId, (p, _) => Id(p.Reject(applicantId)), ct);

    public Task<Result<Guid>> CloseAsync(Guid arrangementId, Guid postingId, CancellationToken ct)
        => EditAsync(arrangementId, postingId, (p, _) => Id(p.Close(user.Today)), ct);

    /// <summary>
    /// The employer hires the chosen applicant: the assistant (with the applicant's contact details), the employment and the place
    /// in the arrangement from the start, the posting filled; then an invitation to sign in when there is an e-mail address. A
    /// second call answers with the assistant made the first time.
    /// </summary>
    public async Task<Result<(Guid AssistantId, bool Existed)>> HireAsync(Guid arrangementId, Guid postingId, Guid applicantId, HireInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var allowed = await AllowedAsync(arrangementId, ct);
        if (!allowed.IsSuccess) return allowed.Error!;
        if (!Employs(allowed.Value!.Relation)) return new Forbidden("Det er arbeidsgiveren (administrator eller koordinator) som ansetter.");
        var posting = await db.JobPostings.Include(p => p.Applicants).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == postingId && p.ArrangementId == arrangementId, ct);
        var applicant = posting?.Applicants.FirstOrDefault(a => a.Id == applicantId);
        if (posting is null || applicant is null) return new NotFound();
        if (applicant.AssistantId is { } made) return (made, true);
        var arrangement = await db.Arrangements.Include(a => a.Assignments).FirstAsync(a => a.Id == arrangementId, ct);
        var fields = new Dictionary<string, string>();
        if (input.Kind is null) fields["kind"] = "Velg fast ansatt, midlertidig ansatt eller tilkallingsvikar.";
        if (input.Start is null) fields["start"] = "Fyll ut startdatoen.";
        if (fields.Count > 0) return new Invalid(fields);
        var created = Assistant.Create(Guid.CreateVersion7(), posting.ProviderId, arrangement.OfficeId, applicant.Name, applicant.Email, applicant.Phone, null, null,
            $"applicant:{applicant.Id:N}");
        if (!created.IsSuccess) return created.Error!;
        var assistant = created.Value!;
        var percent = input.Kind == EmploymentKind.OnCall ? 0m : input.PositionPercent ?? posting.PositionPercent;
        var employment = assistant.AddEmployment(Guid.CreateVersion7(), input.Kind!.Value, percent, input.Start!.Value, input.End, input.Start.Value, input.TemporaryBasis,
            input.ProbationEnd);
        if (!employment.IsSuccess) return employment.Error!;
        if (input.HourlyWage is not null && employment.Value!.SetHourlyWage(input.HourlyWage) is { IsSuccess: false } wage) return wage.Error!;
        var hired = posting.Hire(applicant.Id, assistant.Id, user.Today);
        if (!hired.IsSuccess) return hired.Error!;
        var place = arrangement.Assign(Guid.CreateVersion7(), assistant.Id, input.Start.Value, input.End);
        if (!place.IsSuccess) return place.Error!;
        db.Assistants.Add(assistant);
        db.Assignments.Add(place.Value!);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("Rekrutteringen ble endret av noen andre samtidig. Les den på nytt.");
        }
        if (input.Invite && assistant.Email is not null) await login.InviteAsync(assistant.Id, null, ct);
        return (assistant.Id, false);
    }


    private static bool Employs(Relation relation) => (relation & (Relation.ProviderAdmin | Relation.OfficeCoordinator)) != 0;

    private static Result<Guid> Id<T>(Result<T> result) where T : Domain.Common.Entity => result.IsSuccess ? result.Value!.Id : result.Error!;

    private sealed record Allowed(Guid Id, Guid ProviderId, string Name, Relation Relation);

    /// <summary>Those who lead the arrangement and the employer's side; everyone else is told it does not exist.</summary>
    private async Task<Result<Allowed>> AllowedAsync(Guid arrangementId, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanEdit()) return new NotFound();
        var a = await db.Arrangements.AsNoTracking().Where(x => x.Id == arrangementId).Select(x => new { x.Id, x.ProviderId, x.Name }).FirstAsync(ct);
        return new Allowed(a.Id, a.ProviderId, a.Name, relation);
    }

    private async Task<Result<Guid>> EditAsync(Guid arrangementId, Guid postingId, Func<JobPosting, Relation, Result<Guid>> edit, CancellationToken ct)
    {
        var allowed = await AllowedAsync(arrangementId, ct);
        if (!allowed.IsSuccess) return allowed.Error!;
        var posting = await db.JobPostings.Include(p => p.Applicants).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == postingId && p.ArrangementId == arrangementId, ct);
        if (posting is null) return new NotFound();
        var result = edit(posting, allowed.Value!.Relation);
        if (!result.IsSuccess) return result;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("Rekrutteringen ble endret av noen andre samtidig. Les den på nytt.");
        }
        return result;
    }

    private async Task<PostingInput> DraftAsync(Allowed a, CancellationToken ct)
    {
        var today = user.Today;
        var arrangement = await db.Arrangements.AsNoTracking().FirstAsync(x => x.Id == a.Id, ct);
        var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Id == arrangement.MunicipalityId).Select(m => m.Name).FirstOrDefaultAsync(ct);
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.ArrangementId == a.Id).ToListAsync(ct);
        var decision = DecisionHistory.InForce(decisions, today) ?? decisions.OrderByDescending(d => d.ValidFrom).FirstOrDefault();
        var competences = (await db.ShiftTemplates.AsNoTracking().Where(t => t.ArrangementId == a.Id).Select(t => t.Competences).ToListAsync(ct))
            .SelectMany(c => c).Concat(arrangement.RequiredCompetences).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nb-NO"), false)).ToList();
        var facts = new RecruitmentDraft.Facts(a.Name, municipality, decision?.HoursPerWeek, decision?.Purposes ?? DecisionPurposes.None, competences);
        const decimal percent = 50m;
        var title = RecruitmentDraft.Title(percent, facts.Needs);
        var start = today.PlusMonths(1);
        var applyBy = today.PlusDays(14);
        return new PostingInput(title, RecruitmentDraft.Description(facts, percent), RecruitmentDraft.Ad(title, facts, applyBy, start), RecruitmentDraft.InterviewGuide(),
            percent, start, applyBy, JobPosting.DefaultPurgeAfterDays);
    }
}
