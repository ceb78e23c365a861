using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Absences;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Plans;

namespace Selvstyrt.Web.Features.Substitutes;

/// <summary>A vacant shift: where, when, and whose it was.</summary>
public sealed record Vacancy(Guid ArrangementId, string Arrangement, Guid ProviderId, Guid? OfficeId, Guid PlanId, string Plan, Guid DeviationId, LocalDate Date,
    Instant Start, Instant End, PlanShiftKind Kind, IReadOnlyList<string> Competences, Guid? AbsentAssistantId)
{
    /// <summary>The plan's revision when it was read (a direct fill sends it back).</summary>
    public int Revision { get; init; }
}

/// <summary>
/// One assistant judged for a vacant shift. <see cref="Lawful"/> says they may be given it (employed, not away, and the rules
/// engine finds no breach it would add); <see cref="Reason"/> says why not. Only a lawful candidate with a sign-in can be
/// sent an offer; a lawful one without can be given the shift directly.
/// </summary>
public sealed record Candidate(Guid AssistantId, string Name, bool Lawful, string? Reason, IReadOnlyList<Finding> Breaches, IReadOnlyList<Finding> Warnings,
    bool Known, double WeekHours, double WeekHoursAfter, decimal? PositionPercent, SubstituteCost Cost, bool CanSignIn)
{
    /// <summary>From the office's substitute pool, without a place in the arrangement that day (<see cref="SubstitutePool"/>).</summary>
    public bool FromPool { get; init; }

    public bool CanBeOffered => Lawful && CanSignIn;
}

/// <summary>
/// «Finn vikar» (issue 17, part 5): the candidates for a vacant shift, ranked. The candidates are the assistants with a place
/// in the arrangement that day and the office's substitute pool (<see cref="SubstitutePool"/>); each is judged by the rules engine on their whole situation around the shift (four weeks
/// either side): their shifts in every published plan of the same employer, and the hours they declared for other employers.
/// Nobody is offered whose acceptance would add a breach, and those left out carry the reason. The lawful are ranked: known
/// to the recipient (has worked there), then cost (within the position, additional hours, overtime), then the fewest hours
/// that week.
/// </summary>
public sealed class SubstituteSearch(SelvstyrtDb db, ArrangementAccess access, Agreements.AgreementBases agreements)
{
    private static readonly DateTimeZone Zone = CurrentUser.Zone;

    /// <summary>Weeks either side of the shift's week that the engine sees (rest, weekly limits and the 4-week overtime window).</summary>
    public const int WeeksAround = 4;

    public sealed record Found(Vacancy Vacancy, Relation Relation, IReadOnlyList<Candidate> Candidates);

    public async Task<Result<Found>> SearchAsync(Guid arrangementId, Guid planId, Guid deviationId, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        // Like any object the user may not change the plan of: not found (those who only read the plan never see candidates).
        if (!relation.CanEdit()) return new NotFound();
        var loaded = await VacancyAsync(arrangementId, planId, deviationId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (vacancy, plan, arrangement) = loaded.Value;
        return new Found(vacancy, relation, await JudgeAsync(vacancy, plan, arrangement, null, ct));
    }

    /// <summary>The vacant shift of a published plan (a vacant rotation shift, or an extra shift nobody has), with its plan and arrangement.</summary>
    /// <remarks>With <paramref name="tracked"/> the plan is the one to change (an accept judges and fills the same instance).</remarks>
    internal async Task<Result<(Vacancy Vacancy, WorkPlan Plan, Arrangement Arrangement)>> VacancyAsync(Guid arrangementId, Guid planId, Guid deviationId, CancellationToken ct,
        bool tracked = false)
    {
        var query = db.WorkPlans.Include(p => p.Shifts).Include(p => p.Deviations).Include(p => p.Coverage).AsSplitQuery();
        var plan = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == planId && p.ArrangementId == arrangementId, ct);
        var deviation = plan?.Deviations.FirstOrDefault(d => d.Id == deviationId);
        if (plan is null || deviation is null) return new NotFound("Fant ikke den ledige vakten.");
        if (plan.Status != PlanStatus.Published || deviation.AssistantId is not null || deviation.Kind is not (PlanDeviationKind.Vacant or PlanDeviationKind.Extra))
            return Invalid.Field("deviationId", "Vakten er ikke ledig.");
        var shift = plan.RollOut(deviation.Date, deviation.Date, Zone).FirstOrDefault(s => s.DeviationId == deviation.Id && s.Date == deviation.Date);
        if (shift is null) return Invalid.Field("deviationId", "Vakten går ikke denne datoen.");
        var arrangement = await db.Arrangements.AsNoTracking().FirstAsync(a => a.Id == arrangementId, ct);
        var rotation = plan.Shifts.FirstOrDefault(s => s.Id == deviation.ShiftId);
        var competences = Domain.People.Qualification.Required(arrangement.RequiredCompetences, rotation?.TemplateId is { } t
            ? await db.ShiftTemplates.AsNoTracking().Where(x => x.Id == t).Select(x => x.Competences).FirstOrDefaultAsync(ct)
            : null);
        var vacancy = new Vacancy(arrangement.Id, arrangement.Name, arrangement.ProviderId, arrangement.OfficeId, plan.Id, plan.Name, deviation.Id, deviation.Date,
            shift.Start, shift.End, shift.Kind, competences, deviation.Kind == PlanDeviationKind.Vacant ? rotation?.AssistantId : null) { Revision = plan.Revision };
        return (vacancy, plan, arrangement);
    }

    /// <summary>Judges the arrangement's assistants that day (or only <paramref name="only"/>), ranked as the page shows them.</summary>
    internal async Task<List<Candidate>> JudgeAsync(Vacancy vacancy, WorkPlan plan, Arrangement arrangement, Guid? only, CancellationToken ct)
    {
        var date = vacancy.Date;
        var placed = await db.Assignments.AsNoTracking()
            .Where(s => s.ArrangementId == vacancy.ArrangementId && s.From <= date && (s.To == null || s.To >= date) && s.AssistantId != vacancy.AbsentAssistantId
                        && (only == null || s.AssistantId == only))
            .Select(s => s.AssistantId).Distinct().ToListAsync(ct);
        var pool = (await SubstitutePool.For(db, arrangement).Where(id => id != vacancy.AbsentAssistantId && (only == null || id == only)).ToListAsync(ct))
            .Except(placed).ToHashSet();
        var ids = placed.Concat(pool).ToList();
        var assistants = await PeopleAsync(ids, ct);
        var away = (await db.Absences.AsNoTracking().Where(x => ids.Contains(x.AssistantId) && x.CancelledAt == null && x.From <= date && x.To >= date)
            .Select(x => x.AssistantId).ToListAsync(ct)).ToHashSet();
        var known = (await db.TimeSheets.AsNoTracking().Where(t => t.ArrangementId == vacancy.ArrangementId && ids.Contains(t.AssistantId))
            .Select(t => t.AssistantId).Distinct().ToListAsync(ct)).ToHashSet();

        var employed = assistants.Where(a => a.EmploymentOn(date) is not null && !away.Contains(a.Id)).ToList();
        var input = await RulesInputAsync(arrangement, plan, employed, date, ct);
        foreach (var s in input.Shifts.Where(s => s.Arrangement == arrangement.Id.ToString() && s.Start < vacancy.Start)) known.Add(Guid.Parse(s.Assistant));

        var rotation = plan.Shifts.FirstOrDefault(s => s.Id == plan.Deviations.First(d => d.Id == vacancy.DeviationId).ShiftId);
        var vacant = PlanCheck.ToInput(new PlannedShift(Guid.Empty, date, vacancy.Start, vacancy.End, Guid.Empty, vacancy.Kind)
        {
            Passive = rotation?.Passive ?? [], PaidPauseMinutes = rotation?.PaidPauseMinutes ?? 0,
        }, arrangement.Id.ToString(), input.Employers[0].Id) with { Id = $"ledig:{vacancy.DeviationId:N}" };
        var positions = employed.ToDictionary(a => a.Id.ToString(), a => a.EmploymentOn(date) is { Kind: not EmploymentKind.OnCall } e ? e.PositionPercent : (decimal?)null);
        var verdicts = SubstituteJudge.Judge(input, vacant, positions).ToDictionary(v => v.Assistant, StringComparer.Ordinal);

        var held = vacancy.Competences.Count == 0 ? [] : await Competences.CompetenceRecords.HeldAsync(db, ids, ct);
        var readiness = await Hiring.WorkReadiness.ForAsync(db, ids, vacancy.ArrangementId, ct);
        var result = new List<Candidate>();
        foreach (var a in assistants)
        {
            var canSignIn = a.UserId is not null;
            // The pool's assistants who are away or not employed that day are not candidates at all (the arrangement's own are
            // listed with the reason, so the work leader sees why their own people are left out).
            if (pool.Contains(a.Id) && (away.Contains(a.Id) || a.EmploymentOn(date) is null)) continue;
            if (away.Contains(a.Id)) result.Add(Left(a, "Har meldt fravær denne dagen.", canSignIn, known.Contains(a.Id)));
            else if (a.EmploymentOn(date) is null) result.Add(Left(a, "Er ikke ansatt denne dagen.", canSignIn, known.Contains(a.Id)));
            else
            {
                var v = verdicts[a.Id.ToString()];
                // Unqualified for what the shift requires: left out with the reason, like a breach (issue 19, part 3).
                var missing = Domain.People.Qualification.Missing(vacancy.Competences, held.GetValueOrDefault(a.Id) ?? [], date);
                // Nor anyone who may not work yet: no police certificate, no declaration, an unapproved close relative (issue 19, part 2).
                var unready = readiness.On(a.Id, date);
                var lawful = v.Lawful && missing.Count == 0 && unready.Count == 0;
                var reason = lawful ? null : string.Join(" ", (missing.Count > 0 ? [$"Mangler kompetanse: {string.Join(", ", missing)}."] : Array.Empty<string>())
                    .Concat(unready.Select(f => $"{f.Rule}: {f.Message}")).Concat(v.Breaches.Select(f => $"{f.Rule}: {f.Message}").Distinct()));
                result.Add(new Candidate(a.Id, a.FullName, lawful, reason, v.Breaches, v.Warnings, known.Contains(a.Id), v.WeekHours, v.WeekHoursAfter,
                    positions[a.Id.ToString()], v.Cost, canSignIn) { FromPool = pool.Contains(a.Id) });
            }
        }
        return result.OrderByDescending(c => c.Lawful).ThenByDescending(c => c.Known).ThenBy(c => c.Cost).ThenBy(c => c.WeekHoursAfter)
            .ThenBy(c => c.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nb-NO"), false)).ToList();
    }

    private static Candidate Left(Assistant a, string reason, bool canSignIn, bool known)
        => new(a.Id, a.FullName, false, reason, [], [], known, 0, 0, null, SubstituteCost.WithinPosition, canSignIn);

    /// <summary>The assistants with their employments and declared other-employer hours, as the rules engine needs them.</summary>
    internal Task<List<Assistant>> PeopleAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
        => db.Assistants.AsNoTracking().Include(a => a.Employments).Include(a => a.OtherEmployerHours).AsSplitQuery().Where(a => ids.Contains(a.Id)).ToListAsync(ct);

    /// <summary>
    /// What the rules engine sees for these assistants around <paramref name="date"/>: their profiles at the employer, and their
    /// shifts <see cref="WeeksAround"/> weeks either side of its week in every published plan of the employer (with
    /// <paramref name="plan"/> as it is in memory), and whether the arrangement is staffed around the clock. «Finn vikar» and
    /// shift swaps judge on the same input, so they find what the plan's own check finds.
    /// </summary>
    internal async Task<CheckInput> RulesInputAsync(Arrangement arrangement, WorkPlan plan, IReadOnlyCollection<Assistant> people, LocalDate date, CancellationToken ct)
    {
        var monday = date.PlusDays(-((int)date.DayOfWeek - 1));
        var window = new DateInterval(monday.PlusWeeks(-WeeksAround), monday.PlusWeeks(WeeksAround + 1).PlusDays(-1));
        var employer = PlanRules.EmployerProfileOf(arrangement, await agreements.ForAsync(arrangement, ct), window.Start);
        var shifts = await ShiftsAsync(arrangement, plan, people.Select(a => a.Id).ToHashSet(), window, employer.Id, ct);
        var continuous = plan.Coverage.Any(c => c.Days == WeekDays.All && c.LengthMinutes >= 24 * 60);
        return new CheckInput(Zone, [employer], [.. people.Select(a => PlanRules.Profile(a, employer.Id, date))], shifts)
        {
            Period = window,
            Arrangements = [new ArrangementInfo(arrangement.Id.ToString(), continuous)],
        };
    }

    /// <summary>
    /// The candidates' shifts in the window: every published plan of the same employer in which one of them has a place (for
    /// a recipient who employs, only this arrangement's), rolled out, with the vacant plan as it is now.
    /// </summary>
    private async Task<List<ShiftInput>> ShiftsAsync(Arrangement arrangement, WorkPlan plan, HashSet<Guid> people, DateInterval window, string employer, CancellationToken ct)
    {
        if (people.Count == 0) return [];
        var ids = people.ToList();
        var query = db.WorkPlans.AsNoTracking().Include(p => p.Shifts).Include(p => p.Deviations).AsSplitQuery()
            .Where(p => p.Id != plan.Id && p.Status == PlanStatus.Published && p.StartsOn <= window.End && (p.EndsOn == null || p.EndsOn >= window.Start));
        query = arrangement.EmployerModel == EmployerModel.Recipient
            ? query.Where(p => p.ArrangementId == arrangement.Id)
            : query.Where(p => db.Arrangements.Any(a => a.Id == p.ArrangementId && a.ProviderId == arrangement.ProviderId && a.EmployerModel != EmployerModel.Recipient
                                                        && a.Assignments.Any(s => ids.Contains(s.AssistantId))));
        var plans = await query.ToListAsync(ct);
        plans.Add(plan);
        return plans
            .SelectMany(p => p.RollOut(window.Start, window.End, Zone).Where(s => s.AssistantId is { } a && people.Contains(a) && s.Date >= window.Start)
                .Select(s => PlanCheck.ToInput(s, p.ArrangementId.ToString(), employer)))
            .GroupBy(s => s.Id, StringComparer.Ordinal).Select(g => g.First()).ToList();
    }
}
