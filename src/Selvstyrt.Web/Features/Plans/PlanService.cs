using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Notifications;

namespace Selvstyrt.Web.Features.Plans;

/// <summary>A person who can be given shifts in the arrangement.</summary>
public sealed record PlanPerson(Guid Id, string Name, decimal PositionPercent, bool OnCall);

/// <summary>Everything the editor shows for one plan.</summary>
public sealed record PlanEditor(WorkPlan Plan, Arrangement Arrangement, Relation Relation, IReadOnlyList<PlanPerson> People, IReadOnlyList<ShiftTemplate> Templates,
    IReadOnlyList<WeekCoverage> Coverage, IReadOnlyList<AssistantHours> Hours, IReadOnlyList<decimal> WeekHours, decimal? DecisionWeekHours, PlanCheckResult Check)
{
    public string NameOf(Guid? id) => id is { } g ? People.FirstOrDefault(p => p.Id == g)?.Name ?? "Tidligere assistent" : "Ikke tildelt";

    /// <summary>The latest recorded AML § 10-3 discussion (<see cref="PlanDiscussion"/>), offered when the plan is published.</summary>
    public LocalDate? LastDiscussedOn { get; init; }

    /// <summary>
    /// Those who may not work on their first day in the plan from today (not employed that day, no police certificate, no
    /// confidentiality declaration, a close relative without the municipality's approval): listed in the editor, and they stop
    /// the publication.
    /// </summary>
    public IReadOnlyList<Hiring.WorkReadiness.Gap> Readiness { get; init; } = [];

    /// <summary>Who is on shifts whose competence they lack (issue 19, part 3): shown, and publishing refuses while any remain.</summary>
    public IReadOnlyList<Competences.PlanQualifications.PersonGap> Unqualified { get; init; } = [];
}

/// <summary>A plan in the arrangement's list.</summary>
public sealed record PlanSummary(Guid Id, string Name, PlanStatus Status, int RotationWeeks, LocalDate StartsOn, LocalDate? EndsOn, int Shifts, int Revision, int PublishedVersion, Instant? PublishedAt);

/// <summary>The result of an edit: the plan as saved and its findings, with what the edit changed.</summary>
public sealed record PlanEdited(Guid PlanId, int Revision, PlanCheckResult Check, object? Created = null)
{
    public bool AlreadyExisted { get; init; }
}

/// <summary>Adding one shift, or the same shift on several weeks and days (and for two at once with a 2:1 template).</summary>
public sealed record AddShifts(Guid? TemplateId, LocalTime? Start, int? LengthMinutes, PlanShiftKind? Kind, Guid? AssistantId, Guid? SecondAssistantId,
    IReadOnlyList<int> Weeks, IReadOnlyList<IsoDayOfWeek> Days, int? Revision)
{
    /// <summary>A retry with the same key answers with the shifts the first call made (their ids derive from the key).</summary>
    public string? IdempotencyKey { get; init; }
}

/// <summary>
/// The work plan's use cases (issue 5): list, create, read for the editor, and every edit. Each edit checks the
/// user's relation to the arrangement, the revision the user read (optimistic concurrency: a stale revision is a
/// conflict, never a lost update), saves, notifies the assistants a published plan's change touches, and answers
/// with the fresh findings.
/// </summary>
public sealed class PlanService(SelvstyrtDb db, ArrangementAccess access, CurrentUser user, PlanRules rules, NotificationStore notifications)
{
    public async Task<Result<(Arrangement Arrangement, Relation Relation, List<PlanSummary> Plans)>> ListAsync(Guid arrangementId, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanSeePlan()) return new NotFound();
        var arrangement = await db.Arrangements.AsNoTracking().FirstAsync(a => a.Id == arrangementId, ct);
        var plans = await db.WorkPlans.AsNoTracking().Where(p => p.ArrangementId == arrangementId)
            .OrderByDescending(p => p.StartsOn)
            .Select(p => new PlanSummary(p.Id, p.Name, p.Status, p.RotationWeeks, p.StartsOn, p.EndsOn, p.Shifts.Count, p.Revision, p.PublishedVersion, p.PublishedAt))
            .ToListAsync(ct);
        return (arrangement, relation, plans);
    }

    /// <summary>A new draft, empty or copied from another plan of the arrangement; idempotent on the key.</summary>
    public async Task<Result<Guid>> CreateAsync(Guid arrangementId, string? name, int? weeks, LocalDate? startsOn, Guid? copyFrom, string? key, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanSeePlan()) return new NotFound();
        if (!relation.CanEdit()) return new Forbidden("Bare arbeidsleder, medarbeidsleder og leverandøren kan lage arbeidsplaner.");
        var fields = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(key) || key.Length > 100) fields["idempotencyKey"] = "Mangler en gyldig idempotensnøkkel (Idempotency-Key, 1-100 tegn).";
        if (weeks is null) fields["rotationWeeks"] = "Fyll ut antall uker i turnusen.";
        if (startsOn is null) fields["startsOn"] = "Fyll ut når turnusen begynner (en mandag).";
        if (fields.Count > 0) return new Invalid(fields);
        var existing = await db.WorkPlans.AsNoTracking().Where(p => p.ArrangementId == arrangementId && p.IdempotencyKey == key).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (existing is { } known) return known;
        var created = WorkPlan.Create(Guid.CreateVersion7(), arrangementId, name ?? "", weeks!.Value, startsOn!.Value, null, key);
        if (!created.IsSuccess) return created.Error!;
        var plan = created.Value!;
        var actor = Actor();
        if (copyFrom is { } source)
        {
            var from = await db.WorkPlans.AsNoTracking().Include(p => p.Shifts).Include(p => p.Coverage).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == source && p.ArrangementId == arrangementId, ct);
            if (from is null) return Invalid.Field("copyFrom", "Fant ikke planen du ville kopiere fra.");
            foreach (var s in from.Shifts.Where(s => s.Week <= plan.RotationWeeks)) plan.AddShift(Guid.CreateVersion7(), s.Placement, actor);
            plan.SetCoverage(from.Coverage.Select(c => c.Spec).ToList(), Guid.CreateVersion7, actor);
        }
        else
        {
            var hours = await DecisionWeekHoursAsync(arrangementId, startsOn!.Value, ct);
            plan.SetCoverage(PlanCoverage.Suggest(hours ?? 0m), Guid.CreateVersion7, actor);
        }
        db.WorkPlans.Add(plan);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var won = await db.WorkPlans.AsNoTracking().Where(p => p.ArrangementId == arrangementId && p.IdempotencyKey == key).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
            if (won is null) throw;
            return won.Value;
        }
        return plan.Id;
    }

    public async Task<Result<(string Arrangement, Relation Relation, List<ShiftTemplate> Templates)>> TemplatesAsync(Guid arrangementId, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanSeePlan()) return new NotFound();
        var name = await db.Arrangements.AsNoTracking().Where(a => a.Id == arrangementId).Select(a => a.Name).FirstAsync(ct);
        var templates = await db.ShiftTemplates.AsNoTracking().Where(t => t.ArrangementId == arrangementId).OrderBy(t => t.StartMinute).ThenBy(t => t.Name).ToListAsync(ct);
        return (name, relation, templates);
    }

    /// <summary>The provider an arrangement belongs to (its competence kinds are the ones its templates may require).</summary>
    public Task<Guid> ProviderOfAsync(Guid arrangementId, CancellationToken ct)
        => db.Arrangements.AsNoTracking().Where(a => a.Id == arrangementId).Select(a => a.ProviderId).FirstOrDefaultAsync(ct);

    /// <summary>A new shift template; idempotent on the key.</summary>
    public async Task<Result<Guid>> CreateTemplateAsync(Guid arrangementId, string? name, LocalTime? start, int? lengthMinutes, PlanShiftKind? kind, IReadOnlyList<ShiftPart> passive,
        int pauseMinutes, int staffing, IReadOnlyList<string> competences, string? key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(passive);
        ArgumentNullException.ThrowIfNull(competences);
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanSeePlan()) return new NotFound();
        if (!relation.CanEdit()) return new Forbidden("Bare arbeidsleder, medarbeidsleder og leverandøren kan lage vakttyper.");
        if (string.IsNullOrWhiteSpace(key) || key.Length > 100) return Invalid.Field("idempotencyKey", "Mangler en gyldig idempotensnøkkel (1-100 tegn).");
        var existing = await db.ShiftTemplates.AsNoTracking().Where(t => t.ArrangementId == arrangementId && t.IdempotencyKey == key).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
        if (existing is { } known) return known;
        var requires = await TemplateInputAsync(arrangementId, start, lengthMinutes, kind, competences, ct);
        if (!requires.IsSuccess) return requires.Error!;
        var created = ShiftTemplate.Create(Guid.CreateVersion7(), arrangementId, name, start!.Value, lengthMinutes!.Value, kind!.Value, passive, pauseMinutes, staffing, requires.Value!, key);
        if (!created.IsSuccess) return created.Error!;
        db.ShiftTemplates.Add(created.Value!);
        await db.SaveChangesAsync(ct);
        return created.Value!.Id;
    }

    /// <summary>What a template change did: the template, and how many planned shifts took its new pause.</summary>
    public sealed record TemplateChanged(Guid Id, int ShiftsWithNewPause);

    /// <summary>
    /// Changes a shift template. The shifts already placed from it keep their times (a template change never moves a
    /// planned shift), but a changed pause is carried to them in the arrangement's plans still in force or to come, each
    /// plan logging it once (issue 23: a pause set on the template counts for its shifts).
    /// </summary>
    public async Task<Result<TemplateChanged>> ChangeTemplateAsync(Guid arrangementId, Guid templateId, string? name, LocalTime? start, int? lengthMinutes, PlanShiftKind? kind,
        IReadOnlyList<ShiftPart> passive, int pauseMinutes, int staffing, IReadOnlyList<string> competences, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(passive);
        ArgumentNullException.ThrowIfNull(competences);
        var template = await EditableTemplateAsync(arrangementId, templateId, ct);
        if (!template.IsSuccess) return template.Error!;
        var requires = await TemplateInputAsync(arrangementId, start, lengthMinutes, kind, competences, ct);
        if (!requires.IsSuccess) return requires.Error!;
        var t = template.Value!;
        var pauseBefore = t.PaidPauseMinutes;
        var changed = t.Change(name, start!.Value, lengthMinutes!.Value, kind!.Value, passive, pauseMinutes, staffing, requires.Value!);
        if (!changed.IsSuccess) return changed.Error!;
        var withPause = 0;
        if (pauseBefore != t.PaidPauseMinutes)
        {
            var today = user.Today;
            var actor = Actor();
            var planIds = await db.WorkPlans.AsNoTracking().Where(p => p.ArrangementId == arrangementId && (p.EndsOn == null || p.EndsOn >= today)).Select(p => p.Id).ToListAsync(ct);
            foreach (var planId in planIds)
            {
                if (await Load(arrangementId, planId, tracked: true, ct) is { } plan) withPause += plan.ApplyTemplatePause(t.Id, t.Name, t.PaidPauseMinutes, actor);
            }
        }
        await db.SaveChangesAsync(ct);
        return new TemplateChanged(t.Id, withPause);
    }

    /// <summary>Deletes a shift template; the shifts placed from it stay in the plans as they are.</summary>
    public async Task<Result<bool>> RemoveTemplateAsync(Guid arrangementId, Guid templateId, CancellationToken ct)
    {
        var template = await EditableTemplateAsync(arrangementId, templateId, ct);
        if (!template.IsSuccess) return template.Error!;
        db.ShiftTemplates.Remove(template.Value!);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The fields a shift type cannot do without, and the competences it requires as the provider names them.</summary>
    private async Task<Result<IReadOnlyList<string>>> TemplateInputAsync(Guid arrangementId, LocalTime? start, int? lengthMinutes, PlanShiftKind? kind, IReadOnlyList<string> competences,
        CancellationToken ct)
    {
        var fields = new Dictionary<string, string>();
        if (start is null) fields["start"] = "Fyll ut når vakten begynner.";
        if (lengthMinutes is null) fields["length"] = "Fyll ut når vakten slutter.";
        if (kind is null) fields["kind"] = "Velg vakttype.";
        if (fields.Count > 0) return new Invalid(fields);
        return await Competences.CompetenceRecords.KnownNamesAsync(db, await ProviderOfAsync(arrangementId, ct), competences, user.Today, ct);
    }

    private async Task<Result<ShiftTemplate>> EditableTemplateAsync(Guid arrangementId, Guid templateId, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanSeePlan()) return new NotFound();
        if (!relation.CanEdit()) return new Forbidden("Bare arbeidsleder, medarbeidsleder og leverandøren kan endre vakttyper.");
        var template = await db.ShiftTemplates.FirstOrDefaultAsync(t => t.Id == templateId && t.ArrangementId == arrangementId, ct);
        return template is null ? new NotFound("Fant ikke vakttypen. Den kan være slettet av noen andre.") : template;
    }

    public async Task<Result<PlanEditor>> EditorAsync(Guid arrangementId, Guid planId, CancellationToken ct, PlanInfo? info = null)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanSeePlan()) return new NotFound();
        var plan = await Load(arrangementId, planId, tracked: false, ct);
        if (plan is null) return new NotFound();
        await access.LogReadAsync(arrangementId, relation, "arbeidsplan", ct);
        return await EditorFor(plan, relation, null, ct, info);
    }

    private async Task<PlanEditor> EditorFor(WorkPlan plan, Relation relation, PlanCheckResult? check, CancellationToken ct, PlanInfo? info = null)
    {
        var arrangement = await db.Arrangements.AsNoTracking().Include(a => a.Assignments).FirstAsync(a => a.Id == plan.ArrangementId, ct);
        var today = user.Today;
        var current = arrangement.Assignments.Where(s => s.To is null || s.To >= today).Select(s => s.AssistantId)
            .Concat(plan.Shifts.Where(s => s.AssistantId is not null).Select(s => s.AssistantId!.Value)).Distinct().ToList();
        var people = (await db.Assistants.AsNoTracking().Include(a => a.Employments).Where(a => current.Contains(a.Id)).ToListAsync(ct))
            .Select(a =>
            {
                var e = a.EmploymentOn(LocalDate.Max(today, plan.StartsOn)) ?? a.Employments.OrderByDescending(x => x.Start).FirstOrDefault();
                return new PlanPerson(a.Id, a.FullName, e?.PositionPercent ?? 0m, e?.Kind == EmploymentKind.OnCall);
            })
            .OrderBy(p => p.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nb-NO"), false)).ToList();
        var templates = await db.ShiftTemplates.AsNoTracking().Where(t => t.ArrangementId == plan.ArrangementId).OrderBy(t => t.StartMinute).ThenBy(t => t.Name).ToListAsync(ct);
        check ??= await rules.CheckAsync(plan, arrangement, today, info, ct);
        var positions = people.ToDictionary(p => p.Id, p => p.PositionPercent);
        var decisionHours = relation.CanSeeDecision() ? await DecisionWeekHoursAsync(plan.ArrangementId, LocalDate.Max(plan.StartsOn, today), ct) : null;
        var discussed = await db.PlanDiscussions.AsNoTracking().Where(d => d.PlanId == plan.Id).OrderByDescending(d => d.On).Select(d => (LocalDate?)d.On).FirstOrDefaultAsync(ct);
        var readiness = await Hiring.WorkReadiness.PlanGapsAsync(db, plan, today, ct);
        var unqualified = await Competences.PlanQualifications.PeopleAsync(db, plan, today, ct);
        return new PlanEditor(plan, arrangement, relation, people, templates, PlanCoverage.Of(plan), PlanHours.PerAssistant(plan, positions), PlanHours.PerWeek(plan), decisionHours, check)
        {
            LastDiscussedOn = discussed, Readiness = readiness, Unqualified = unqualified,
        };
    }

    private async Task<decimal?> DecisionWeekHoursAsync(Guid arrangementId, LocalDate on, CancellationToken ct)
    {
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.ArrangementId == arrangementId).ToListAsync(ct);
        var inForce = DecisionHistory.InForce(decisions, on) ?? decisions.Where(d => d.ValidFrom <= on).OrderByDescending(d => d.ValidFrom).FirstOrDefault();
        return inForce?.HoursPerWeek;
    }

    public Task<Result<PlanEdited>> AddShiftsAsync(Guid arrangementId, Guid planId, AddShifts c, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.IdempotencyKey is { Length: > 100 }) return Task.FromResult<Result<PlanEdited>>(Invalid.Field("idempotencyKey", "Idempotensnøkkelen kan ha høyst 100 tegn."));
        Guid NewId(int n) => c.IdempotencyKey is null ? Guid.CreateVersion7() : KeyedId(planId, c.IdempotencyKey, n);
        return EditAsync(arrangementId, planId, c.Revision, async (plan, actor, _) =>
        {
            var fields = new Dictionary<string, string>();
            ShiftTemplate? template = null;
            if (c.TemplateId is { } tid)
            {
                template = await db.ShiftTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tid && t.ArrangementId == arrangementId, ct);
                if (template is null) fields["template"] = "Fant ikke vakttypen.";
            }
            else
            {
                if (c.Start is null) fields["start"] = "Fyll ut når vakten begynner, eller velg en vakttype.";
                if (c.LengthMinutes is null) fields["end"] = "Fyll ut når vakten slutter, eller velg en vakttype.";
            }
            if (c.Weeks.Count == 0) fields["weeks"] = "Velg minst én uke.";
            if (c.Days.Count == 0) fields["days"] = "Velg minst én dag.";
            if (c.SecondAssistantId is not null && c.SecondAssistantId == c.AssistantId) fields["secondAssistant"] = "Velg to forskjellige assistenter for 2:1.";
            var known = await KnownAssistants(plan, ct);
            foreach (var (field, id) in new[] { ("assistant", c.AssistantId), ("secondAssistant", c.SecondAssistantId) })
                if (id is { } a && !known.Contains(a)) fields[field] = "Assistenten er ikke knyttet til ordningen.";
            if (fields.Count > 0) return new Invalid(fields);
            var placement = template is not null
                ? new ShiftPlacement(1, IsoDayOfWeek.Monday, template.Start, template.LengthMinutes, c.AssistantId, template.Kind)
                { Passive = template.Passive, PaidPauseMinutes = template.PaidPauseMinutes, TemplateId = template.Id }
                : new ShiftPlacement(1, IsoDayOfWeek.Monday, c.Start!.Value, c.LengthMinutes!.Value, c.AssistantId, c.Kind ?? PlanShiftKind.Day);
            var people = template?.Staffing == 2 || c.SecondAssistantId is not null ? new[] { c.AssistantId, c.SecondAssistantId } : [c.AssistantId];
            var ids = new List<Guid>();
            foreach (var week in c.Weeks.Distinct().Order())
            {
                foreach (var day in c.Days.Distinct().Order())
                {
                    foreach (var who in people)
                    {
                        var added = plan.AddShift(NewId(ids.Count), placement with { Week = week, Day = day, AssistantId = who }, actor);
                        if (!added.IsSuccess) return added.Error!;
                        ids.Add(added.Value!.Id);
                    }
                }
            }
            return (object)ids;
        }, ct, plan => c.IdempotencyKey is null ? null : EarlierShifts(plan, c.IdempotencyKey));
    }

    /// <summary>
    /// Replaces every shift in the given rotation weeks with the given placements (a roster proposal taken in): one edit
    /// with one revision, each removal and addition in the change log of a published plan.
    /// </summary>
    public Task<Result<PlanEdited>> ReplaceWeeksAsync(Guid arrangementId, Guid planId, int? revision, IReadOnlySet<int> weeks, IReadOnlyList<ShiftPlacement> placements, IReadOnlySet<Guid> assistants, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        ArgumentNullException.ThrowIfNull(placements);
        ArgumentNullException.ThrowIfNull(assistants);
        return EditAsync(arrangementId, planId, revision, async (plan, actor, _) =>
        {
            var known = await KnownAssistants(plan, ct);
            if (assistants.Any(a => !known.Contains(a))) return Invalid.Field("weeks", "Forslaget bruker en assistent som ikke lenger er knyttet til ordningen. Lag et nytt forslag.");
            if (placements.Any(p => !weeks.Contains(p.Week))) return Invalid.Field("weeks", "Forslaget har vakter utenfor ukene som er valgt.");
            foreach (var shift in plan.Shifts.Where(s => weeks.Contains(s.Week)).ToList())
            {
                var removed = plan.RemoveShift(shift.Id, actor);
                if (!removed.IsSuccess) return removed.Error!;
            }
            var added = 0;
            foreach (var placement in placements)
            {
                var result = plan.AddShift(Guid.CreateVersion7(), placement, actor);
                if (!result.IsSuccess) return result.Error!;
                added++;
            }
            return (object)added;
        }, ct);
    }

    /// <summary>The shifts a keyed create made before (their ids run 0, 1, 2 … from the key), or null when it has not run.</summary>
    private static List<Guid>? EarlierShifts(WorkPlan plan, string key)
    {
        var ids = plan.Shifts.Select(s => s.Id).ToHashSet();
        var earlier = new List<Guid>();
        for (var id = KeyedId(plan.Id, key, 0); ids.Contains(id); id = KeyedId(plan.Id, key, earlier.Count)) earlier.Add(id);
        return earlier.Count == 0 ? null : earlier;
    }

    /// <summary>The id of the n-th shift a keyed create makes: the same key gives the same ids, so a retry finds them.</summary>
    public static Guid KeyedId(Guid planId, string key, int n)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{planId:N}|{key}|{n}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    public Task<Result<PlanEdited>> ChangeShiftAsync(Guid arrangementId, Guid planId, Guid shiftId, ShiftPlacement placement, int? revision, CancellationToken ct)
        => EditAsync(arrangementId, planId, revision, async (plan, actor, _) =>
        {
            var shift = plan.Shifts.FirstOrDefault(s => s.Id == shiftId);
            // Only a new assistant needs checking against the arrangement (a move keeps the one already there).
            if (placement.AssistantId is { } a && a != shift?.AssistantId && !(await KnownAssistants(plan, ct)).Contains(a))
                return Invalid.Field("assistant", "Assistenten er ikke knyttet til ordningen.");
            var keep = shift is null ? placement : placement with { Passive = shift.Passive, PaidPauseMinutes = shift.PaidPauseMinutes, TemplateId = shift.TemplateId };
            var result = plan.ChangeShift(shiftId, keep, actor);
            return result.IsSuccess ? result.Value! : result.Error!;
        }, ct);

    public Task<Result<PlanEdited>> CopyShiftAsync(Guid arrangementId, Guid planId, Guid shiftId, int week, IsoDayOfWeek day, Guid? assistantId, int? revision, CancellationToken ct)
        => EditAsync(arrangementId, planId, revision, async (plan, actor, _) =>
        {
            if (assistantId is { } a && !(await KnownAssistants(plan, ct)).Contains(a)) return Invalid.Field("assistant", "Assistenten er ikke knyttet til ordningen.");
            var result = plan.CopyShift(shiftId, Guid.CreateVersion7(), week, day, assistantId, actor);
            return result.IsSuccess ? result.Value! : result.Error!;
        }, ct);

    public Task<Result<PlanEdited>> SwapAsync(Guid arrangementId, Guid planId, Guid first, Guid second, int? revision, CancellationToken ct)
        => EditAsync(arrangementId, planId, revision, (plan, actor, _) => Task.FromResult(Wrap(plan.SwapAssistants(first, second, actor))), ct);

    public Task<Result<PlanEdited>> RemoveShiftAsync(Guid arrangementId, Guid planId, Guid shiftId, int? revision, CancellationToken ct)
        => EditAsync(arrangementId, planId, revision, (plan, actor, _) => Task.FromResult(Wrap(plan.RemoveShift(shiftId, actor))), ct);

    public Task<Result<PlanEdited>> CopyWeekAsync(Guid arrangementId, Guid planId, int from, int to, int? revision, CancellationToken ct)
        => EditAsync(arrangementId, planId, revision, (plan, actor, _) => Task.FromResult(Wrap(plan.CopyWeek(from, to, Guid.CreateVersion7, actor))), ct);

    public Task<Result<PlanEdited>> AddDeviationAsync(Guid arrangementId, Guid planId, PlanDeviationSpec spec, int? revision, CancellationToken ct)
        => EditAsync(arrangementId, planId, revision, async (plan, actor, _) =>
        {
            if (spec.AssistantId is { } a && !(await KnownAssistants(plan, ct)).Contains(a)) return Invalid.Field("assistant", "Assistenten er ikke knyttet til ordningen.");
            var result = plan.AddDeviation(Guid.CreateVersion7(), spec, actor);
            return result.IsSuccess ? result.Value! : result.Error!;
        }, ct);

    /// <summary>
    /// Fills a vacant shift (an absent assistant's) with another assistant of the arrangement on that date; the live check
    /// shows what it does to their working time, and the substitute is told.
    /// </summary>
    public Task<Result<PlanEdited>> FillVacancyAsync(Guid arrangementId, Guid planId, Guid deviationId, Guid? assistantId, int? revision, CancellationToken ct)
        => EditAsync(arrangementId, planId, revision, async (plan, actor, _) =>
        {
            if (assistantId is not { } substitute) return Invalid.Field("assistantId", "Velg hvem som tar vakten.");
            var date = plan.Deviations.FirstOrDefault(d => d.Id == deviationId)?.Date;
            // One with no place that day may still come from the office's substitute pool: they get a place for the day.
            if (date is { } day && await Substitutes.SubstitutePool.EnsurePlaceAsync(db, arrangementId, substitute, day, ct) is { IsSuccess: false } place)
                return place.Error!;
            var filled = plan.FillVacancy(deviationId, substitute, actor);
            if (!filled.IsSuccess) return filled.Error!;
            await Substitutes.ShiftOffers.LapseAsync(db, notifications, [deviationId], "vakten er gitt til en annen",
                "Arbeidslederen har gitt vakten til en annen. Du trenger ikke svare.", user.Now, ct);
            var userId = await db.Assistants.Where(a => a.Id == substitute).Select(a => a.UserId).SingleAsync(ct);
            if (userId is { } u)
            {
                db.Notifications.Add(Notification.Create(Guid.CreateVersion7(), u, "vakt-tildelt", $"Du har fått en vakt {Dates.Format(filled.Value!.Date)}",
                    $"{user.DisplayName} har gitt deg en ledig vakt {Dates.Format(filled.Value.Date)}. Se «Min plan».", "/min-plan", $"vikar:{deviationId:N}:{substitute:N}", user.Now));
            }
            return filled.Value!;
        }, ct);

    public Task<Result<PlanEdited>> RemoveDeviationAsync(Guid arrangementId, Guid planId, Guid deviationId, int? revision, CancellationToken ct)
        => EditAsync(arrangementId, planId, revision, (plan, actor, _) => Task.FromResult(Wrap(plan.RemoveDeviation(deviationId, actor))), ct);

    public Task<Result<PlanEdited>> SetCoverageAsync(Guid arrangementId, Guid planId, IReadOnlyList<CoverageSpec> needs, int? revision, CancellationToken ct)
        => EditAsync(arrangementId, planId, revision, (plan, actor, _) => Task.FromResult(Wrap(plan.SetCoverage(needs, Guid.CreateVersion7, actor))), ct);

    /// <summary>Replaces the cover needs with what the decision in force at the plan's start suggests.</summary>
    public Task<Result<PlanEdited>> SuggestCoverageAsync(Guid arrangementId, Guid planId, int? revision, CancellationToken ct)
        => EditAsync(arrangementId, planId, revision, async (plan, actor, _) =>
        {
            var hours = await DecisionWeekHoursAsync(arrangementId, plan.StartsOn, ct);
            if (hours is null) return Invalid.Field("coverage", "Ordningen har ikke noe vedtak når planen begynner; legg inn behovet selv.");
            return Wrap(plan.SetCoverage(PlanCoverage.Suggest(hours.Value), Guid.CreateVersion7, actor));
        }, ct);

    public Task<Result<PlanEdited>> AddMarkAsync(Guid arrangementId, Guid planId, string? name, LocalDate? from, LocalDate? to, int? revision, CancellationToken ct)
        => EditAsync(arrangementId, planId, revision, (plan, actor, _) =>
        {
            if (from is null) return Task.FromResult<Result<object>>(Invalid.Field("from", "Fyll ut når perioden begynner."));
            if (to is null) return Task.FromResult<Result<object>>(Invalid.Field("to", "Fyll ut når perioden slutter."));
            return Task.FromResult(Wrap(plan.AddMark(Guid.CreateVersion7(), name, from.Value, to.Value, actor)));
        }, ct);

    /// <summary>A provider role accepts a breach with a reason (logged on the plan and in the audit log).</summary>
    public async Task<Result<PlanEdited>> OverrideAsync(Guid arrangementId, Guid planId, string key, string? reason, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanSeePlan()) return new NotFound();
        if (!relation.CanOverrideBreach()) return new Forbidden("Bare koordinator og administrator hos arbeidsgiveren kan godta et brudd.");
        return await EditAsync(arrangementId, planId, null, async (plan, actor, arrangement) =>
        {
            var check = await rules.CheckAsync(plan, arrangement, user.Today, null, ct);
            var finding = check.Findings.FirstOrDefault(f => f.Key == key);
            if (finding is null) return Invalid.Field("key", "Funnet finnes ikke lenger; planen kan være endret.");
            if (finding.Finding.Severity != Severity.Breach) return Invalid.Field("key", "Bare brudd trenger å godtas.");
            return Wrap(plan.Override(Guid.CreateVersion7(), finding.Finding.Rule, key, reason, actor));
        }, ct);
    }

    /// <summary>
    /// Publishes from a Monday with the date of the discussion (AML-10-3-1): the check runs with those dates, and any
    /// breach without an override stops the publication. The arrangement's previous published plan ends the day before.
    /// </summary>
    public Task<Result<PlanEdited>> PublishAsync(Guid arrangementId, Guid planId, LocalDate? startsOn, LocalDate? discussedOn, int? revision, CancellationToken ct)
        => EditAsync(arrangementId, planId, revision, async (plan, actor, arrangement) =>
        {
            if (startsOn is null) return Invalid.Field("startsOn", "Fyll ut datoen planen gjelder fra.");
            var draftDates = new PlanInfo(discussedOn, startsOn.Value);
            var rebased = Rebased(plan, startsOn.Value);
            var check = await rules.CheckAsync(rebased, arrangement, user.Today, draftDates, ct);
            // No shift is published for someone who may not work yet (ANSATT-1, BPA-POL-5-4, TAUSHET-1, BPA-NAER; issue 19, part 2).
            var unready = await Hiring.WorkReadiness.PlanGapsAsync(db, rebased, LocalDate.Max(startsOn.Value, user.Today), ct);
            if (unready.Count > 0)
                return Invalid.Field("plan", $"Planen kan ikke publiseres før alle kan arbeide fra sin første vakt. {string.Join(" ", unready.Select(g => g.Sentence))}");
            // Nor for someone on a shift whose competence they lack (issue 19, part 3): the gaps an editor kept visible stop it here.
            var unqualified = await Competences.PlanQualifications.PeopleAsync(db, rebased, LocalDate.Max(startsOn.Value, user.Today), ct);
            if (unqualified.Count > 0)
                return Invalid.Field("plan", $"Planen kan ikke publiseres mens noen står på vakter de mangler kompetanse for. {string.Join(" ", unqualified.Select(g => g.Sentence))}");
            var result = plan.Publish(startsOn.Value, discussedOn, check.OpenBreaches, actor);
            if (!result.IsSuccess) return result.Error!;
            var older = await db.WorkPlans.Where(p => p.ArrangementId == arrangementId && p.Id != plan.Id && p.Status == PlanStatus.Published
                                                      && p.StartsOn < startsOn && (p.EndsOn == null || p.EndsOn >= startsOn)).ToListAsync(ct);
            foreach (var o in older) o.EndBefore(startsOn.Value);
            return plan;
        }, ct);

    /// <summary>The plan as it would be from another start date (for checking a publication before it is made).</summary>
    private static WorkPlan Rebased(WorkPlan plan, LocalDate startsOn)
    {
        if (plan.StartsOn == startsOn || startsOn.DayOfWeek != IsoDayOfWeek.Monday) return plan;
        var copy = WorkPlan.Create(plan.Id, plan.ArrangementId, plan.Name, plan.RotationWeeks, startsOn, plan.EndsOn is { } e && e >= startsOn ? e : null).Value!;
        var actor = new PlanActor(Instant.MinValue, "", startsOn);
        foreach (var s in plan.Shifts) copy.AddShift(s.Id, s.Placement, actor);
        return copy;
    }

    private static Result<object> Wrap<T>(Result<T> r) => r.IsSuccess ? r.Value! : r.Error!;

    private async Task<HashSet<Guid>> KnownAssistants(WorkPlan plan, CancellationToken ct)
        => (await db.Arrangements.AsNoTracking().Where(a => a.Id == plan.ArrangementId).SelectMany(a => a.Assignments.Select(s => s.AssistantId)).ToListAsync(ct)).ToHashSet();

    private PlanActor Actor() => new(user.Now, user.DisplayName, user.Today);

    /// <summary>
    /// The plan to read (everything) or to edit: an edit needs the rotation, its deviations, overrides and cover, but not
    /// the change log or the marks, which it only appends to (EF inserts what is added to an unloaded collection).
    /// </summary>
    private async Task<WorkPlan?> Load(Guid arrangementId, Guid planId, bool tracked, CancellationToken ct)
    {
        var query = db.WorkPlans.Include(p => p.Shifts).Include(p => p.Deviations).Include(p => p.Overrides).Include(p => p.Coverage).AsSplitQuery();
        query = tracked ? query : query.Include(p => p.Changes).Include(p => p.Marks).AsNoTracking();
        return await query.FirstOrDefaultAsync(p => p.Id == planId && p.ArrangementId == arrangementId, ct);
    }

    /// <summary>Loads, checks access and revision, edits, saves (a concurrent save is a conflict), notifies, re-checks.</summary>
    private async Task<Result<PlanEdited>> EditAsync(Guid arrangementId, Guid planId, int? revision, Func<WorkPlan, PlanActor, Arrangement, Task<Result<object>>> edit, CancellationToken ct,
        Func<WorkPlan, object?>? alreadyDone = null)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanSeePlan()) return new NotFound();
        if (!relation.CanEdit()) return new Forbidden("Bare arbeidsleder, medarbeidsleder og leverandøren kan endre arbeidsplanen.");
        var plan = await Load(arrangementId, planId, tracked: true, ct);
        if (plan is null) return new NotFound();
        var arrangement = await db.Arrangements.AsNoTracking().FirstAsync(a => a.Id == arrangementId, ct);
        if (alreadyDone?.Invoke(plan) is { } earlier)
            return new PlanEdited(plan.Id, plan.Revision, await rules.CheckAsync(plan, arrangement, user.Today, null, ct), earlier) { AlreadyExisted = true };
        var expected = plan.Expect(revision);
        if (!expected.IsSuccess) return expected.Error!;
        var changesBefore = plan.Changes.Count;
        var actor = Actor();
        var qualifications = await Competences.PlanQualifications.ForAsync(db, arrangementId, ct);
        var gapsBefore = qualifications is null ? [] : (await qualifications.GapsAsync(plan, user.Today, ct)).Select(g => g.Key).ToHashSet();
        var firstDaysBefore = plan.Status == PlanStatus.Published ? Hiring.WorkReadiness.FirstDays(plan, user.Today) : null;
        var result = await edit(plan, actor, arrangement);
        if (!result.IsSuccess) return result.Error!;
        // A published plan is in force: a change may not put someone on a shift before they may work (the publish check, kept).
        if (firstDaysBefore is not null && plan.Status == PlanStatus.Published
            && await Hiring.WorkReadiness.EarlierUnreadyAsync(db, plan, firstDaysBefore, user.Today, ct) is { } unready)
            return Invalid.Field("assistant", unready.Sentence);
        // Nobody is put on a shift whose competence they lack (issue 19, part 3); gaps that were there before stay visible, not blocking.
        if (qualifications is not null && (await qualifications.GapsAsync(plan, user.Today, ct)).FirstOrDefault(g => !gapsBefore.Contains(g.Key)) is { } gap)
        {
            var name = await db.Assistants.AsNoTracking().Where(a => a.Id == gap.AssistantId).Select(a => a.FullName).FirstAsync(ct);
            return Invalid.Field("assistant", Qualification.Sentence(name, gap.Missing));
        }
        await NotifyAsync(plan, plan.Changes.Skip(changesBefore).ToList(), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("Noen andre lagret en endring i planen samtidig. Endringen din er ikke lagret: se over planen slik den er nå, og lagre på nytt.");
        }
        var check = await rules.CheckAsync(plan, arrangement, user.Today, null, ct);
        return new PlanEdited(plan.Id, plan.Revision, check, result.Value);
    }

    /// <summary>Stored notifications: everyone in the plan when it is published, the assistants a later change touches.</summary>
    private async Task NotifyAsync(WorkPlan plan, List<PlanChange> changes, CancellationToken ct)
    {
        if (changes.Count == 0) return;
        var everyone = plan.Shifts.Where(s => s.AssistantId is not null).Select(s => s.AssistantId!.Value).ToHashSet();
        var touched = changes.SelectMany(c => c.Kind == PlanChangeKind.Published ? everyone : new[] { c.AssistantId, c.OtherAssistantId }.OfType<Guid>()).ToHashSet();
        if (touched.Count == 0) return;
        var users = await db.Assistants.AsNoTracking().Where(a => touched.Contains(a.Id) && a.UserId != null).Select(a => new { a.Id, a.UserId }).ToListAsync(ct);
        foreach (var change in changes)
        {
            foreach (var u in users.Where(u => change.Concerns(u.Id)))
            {
                var (subject, key) = change.Kind == PlanChangeKind.Published
                    ? ($"Ny arbeidsplan: {plan.Name}", $"plan:{plan.Id:N}:v{plan.PublishedVersion}:{u.UserId:N}")
                    : ($"Endring i arbeidsplanen: {plan.Name}", $"plan-change:{change.Id:N}:{u.UserId:N}");
                db.Notifications.Add(Notification.Create(Guid.CreateVersion7(), u.UserId!.Value, "plan", subject, change.Description, "/min-plan", key, change.At));
            }
        }
    }
}
