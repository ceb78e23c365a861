using System.Collections.Concurrent;
using NodaTime;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Rostering;
using Selvstyrt.Rostering.Bpa;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Plans;

/// <summary>What a proposal run is doing.</summary>
public enum ProposalState
{
    Running,
    Done,
    Failed,
}

/// <summary>
/// One run of the roster generator for a plan: what it was asked (the problem, and which of the arrangement's templates
/// each generated template stands for), how far it has come, and its result. Lives in memory on this web instance.
/// </summary>
public sealed class ProposalRun : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal ProposalRun(Guid planId, BpaProblem problem, IReadOnlyDictionary<string, ShiftTemplate> templates, double seconds, Instant startedAt, string startedBy)
    {
        PlanId = planId;
        Problem = problem;
        Templates = templates;
        Seconds = seconds;
        StartedAt = startedAt;
        StartedBy = startedBy;
    }

    public Guid PlanId { get; }
    public BpaProblem Problem { get; }
    public IReadOnlyDictionary<string, ShiftTemplate> Templates { get; }
    public double Seconds { get; }
    public Instant StartedAt { get; }
    public string StartedBy { get; }
    public ProposalState State { get; private set; } = ProposalState.Running;
    public bool Stopped { get; private set; }
    public SolveProgress? Progress { get; private set; }
    public BpaResult? Result { get; private set; }
    public System.Diagnostics.Stopwatch Clock { get; } = System.Diagnostics.Stopwatch.StartNew();

    internal CancellationToken Token => _stop.Token;

    internal void Report(SolveProgress progress) => Progress = progress;

    internal void Finish(BpaResult? result)
    {
        Result = result;
        State = result is null ? ProposalState.Failed : ProposalState.Done;
        Clock.Stop();
        _finished.TrySetResult();
    }

    /// <summary>Waits for the run to end, at most <paramref name="timeout"/> (a stopped run ends within a moment).</summary>
    public async Task WaitAsync(TimeSpan timeout)
    {
        try
        {
            await _finished.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            // Still running: the page shows its progress instead.
        }
    }

    internal void Stop()
    {
        Stopped = true;
        if (State == ProposalState.Running) _stop.Cancel();
    }

    public void Dispose() => _stop.Dispose();
}

/// <summary>
/// The runs of the roster generator (issue 7), at most one per plan and <see cref="MaxRunning"/> at once on this
/// instance (CP-SAT uses two threads each). Runs are kept in memory: a restart forgets them, and a proposal is only a
/// proposal until its weeks are taken into the plan.
/// </summary>
public sealed class RosterRuns(ILogger<RosterRuns> log)
{
    public const int MaxRunning = 2;
    private readonly ConcurrentDictionary<Guid, ProposalRun> _runs = new();

    public ProposalRun? For(Guid planId) => _runs.GetValueOrDefault(planId);

    internal Result<ProposalRun> Start(ProposalRun run)
    {
        lock (_runs)
        {
            if (_runs.TryGetValue(run.PlanId, out var existing) && existing.State == ProposalState.Running)
            {
                run.Dispose();
                return existing;
            }
            if (_runs.Values.Count(r => r.State == ProposalState.Running) >= MaxRunning)
            {
                run.Dispose();
                return new Conflict("Turnusgeneratoren lager forslag for andre planer akkurat nå. Prøv igjen om litt.");
            }
            existing?.Dispose();
            _runs[run.PlanId] = run;
        }
        // A failed run ends as failed (and is logged) through the continuation, never left "running".
        _ = Task.Run(() => BpaSolver.Solve(run.Problem, new SolveOptions { Seconds = run.Seconds, Workers = 2, Progress = run.Report, Cancellation = run.Token }))
            .ContinueWith(done =>
            {
                if (done.IsFaulted) log.LogError(done.Exception, "Turnusgeneratoren feilet for plan {PlanId}", run.PlanId);
                run.Finish(done.IsCompletedSuccessfully ? done.Result : null);
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return run;
    }
}

/// <summary>
/// «Foreslå plan»: builds the generator's problem from the plan (the arrangement's templates, the plan's cover needs,
/// the arrangement's assistants with their positions, their shifts in the employer's other arrangements and their
/// declared hours for other employers), starts and stops runs, and takes chosen weeks of a proposal into the plan
/// through the same edit path as every other edit (revision, change log, notifications, re-check).
/// </summary>
public sealed class PlanProposals(CurrentUser user, PlanRules rules, PlanService plans, RosterRuns runs, Selvstyrt.Data.SelvstyrtDb db)
{
    public static readonly int[] SecondChoices = [5, 10, 30, 60];

    /// <summary>The editor's view of the plan and the run for it, for a user who may edit the plan.</summary>
    public async Task<Result<(PlanEditor Editor, ProposalRun? Run)>> ViewAsync(Guid arrangementId, Guid planId, CancellationToken ct)
    {
        var editor = await plans.EditorAsync(arrangementId, planId, ct);
        if (!editor.IsSuccess) return editor.Error!;
        if (!editor.Value!.Relation.CanEdit()) return new Forbidden("Bare arbeidsleder, medarbeidsleder og leverandøren kan lage turnusforslag.");
        return (editor.Value!, runs.For(planId));
    }

    public async Task<Result<ProposalRun>> StartAsync(Guid arrangementId, Guid planId, int? seconds, CancellationToken ct)
    {
        var view = await ViewAsync(arrangementId, planId, ct);
        if (!view.IsSuccess) return view.Error!;
        if (seconds is null || !SecondChoices.Contains(seconds.Value)) return Invalid.Field("seconds", "Velg hvor lenge generatoren skal lete: 5, 10, 30 eller 60 sekunder.");
        var editor = view.Value.Editor;
        var problem = await ProblemAsync(editor, ct);
        if (!problem.IsSuccess) return problem.Error!;
        return runs.Start(new ProposalRun(planId, problem.Value.Problem, problem.Value.Templates, seconds.Value, user.Now, user.DisplayName));
    }

    public async Task<Result<ProposalRun>> StopAsync(Guid arrangementId, Guid planId, CancellationToken ct)
    {
        var view = await ViewAsync(arrangementId, planId, ct);
        if (!view.IsSuccess) return view.Error!;
        if (view.Value.Run is not { } run) return new NotFound("Det er ikke noe forslag under arbeid for denne planen.");
        run.Stop();
        return run;
    }

    /// <summary>Replaces the chosen rotation weeks of the plan with the proposal's shifts for them.</summary>
    public async Task<Result<PlanEdited>> AcceptAsync(Guid arrangementId, Guid planId, IReadOnlyList<int> weeks, int? revision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        var view = await ViewAsync(arrangementId, planId, ct);
        if (!view.IsSuccess) return view.Error!;
        if (view.Value.Run is not { State: ProposalState.Done, Result: { } result } run) return new NotFound("Det er ikke noe ferdig forslag å ta inn. Lag et nytt forslag.");
        if (weeks.Count == 0) return Invalid.Field("weeks", "Velg minst én uke som skal tas inn.");
        if (weeks.Any(w => w < 1 || w > run.Problem.Weeks)) return Invalid.Field("weeks", $"Ukene må være mellom 1 og {run.Problem.Weeks}.");
        var chosen = weeks.ToHashSet();
        var people = result.Shifts.Select(s => Guid.Parse(s.Assistant)).ToHashSet();
        return await plans.ReplaceWeeksAsync(arrangementId, planId, revision, chosen, result.Shifts.Where(s => chosen.Contains(s.Week)).Select(s =>
        {
            var template = run.Templates[s.Template];
            return new ShiftPlacement(s.Week, s.Day, template.Start, template.LengthMinutes, Guid.Parse(s.Assistant), template.Kind)
            {
                Passive = template.Passive, PaidPauseMinutes = template.PaidPauseMinutes, TemplateId = template.Id,
            };
        }).ToList(), people, ct);
    }

    /// <summary>The generator's problem for the plan, or a Norwegian message saying what is missing.</summary>
    private async Task<Result<(BpaProblem Problem, IReadOnlyDictionary<string, ShiftTemplate> Templates)>> ProblemAsync(PlanEditor editor, CancellationToken ct)
    {
        var plan = editor.Plan;
        if (editor.Templates.Count == 0) return Invalid.Field("seconds", "Ordningen har ingen vakttyper. Lag vakttyper først, så kan generatoren bruke dem.");
        if (plan.Coverage.Count == 0) return Invalid.Field("seconds", "Planen har ingen dekningsbehov. Legg inn når det trengs assistanse under «Dekning» først.");
        var people = editor.People.Where(p => p.PositionPercent > 0 || p.OnCall).ToList();
        if (people.Count == 0) return Invalid.Field("seconds", "Ordningen har ingen assistenter med stilling å sette opp.");
        // The same window the editor judges the plan in: the rotation in force today (or the first) and one more week,
        // so that the holidays the generator plans around are the ones the editor will check against.
        var start = PlanCheck.Window(plan, user.Today).Start;
        var window = new DateInterval(start, start.PlusWeeks(plan.RotationWeeks + 1).PlusDays(-1));
        var context = await rules.ContextForAsync(plan, editor.Arrangement, people.Select(p => p.Id).ToList(), window, ct);
        var profiles = context.Assistants.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var (templates, map) = ProposalMapping.Templates(editor.Templates, plan.Coverage.Select(c => c.Spec).ToList(), editor.Arrangement.RequiredCompetences);
        if (templates.Count == 0) return Invalid.Field("seconds", "Ingen av vakttypene ligger innenfor dekningsbehovene. Se over vakttypene og dekningen.");
        var fixedShifts = context.OtherShifts.Where(s => s.Arrangement != editor.Arrangement.Id.ToString()).ToLookup(s => s.Assistant, StringComparer.Ordinal);
        // What each holds through the window: the generator only puts someone on a template whose competences they all have
        // (issue 19, part 3); one that runs out inside the window does not count, as the plan repeats past it.
        var held = await Competences.CompetenceRecords.HeldAsync(db, people.Select(p => p.Id).ToList(), ct);
        bool Covered(string id, LegalBasisKind kind) => context.Employer.LegalBases.Any(b => b.Kind == kind && b.Covers(id, window.Start) && b.Covers(id, window.End));
        var assistants = people.Select(p =>
        {
            var id = p.Id.ToString();
            var declared = profiles.GetValueOrDefault(id)?.OtherEmployerHours.Where(h => h.From <= window.End && (h.To is null || h.To >= window.Start)).Sum(h => h.HoursPerWeek) ?? 0;
            return new BpaAssistant(id, p.Name, (double)(p.OnCall ? Math.Max(p.PositionPercent, 10m) : p.PositionPercent))
            {
                FixedShifts = fixedShifts[id].Select(s => new BpaFixedShift(s.Start, s.End, s.Arrangement)).ToList(),
                OtherEmployerHoursPerWeek = declared,
                Competences = (held.GetValueOrDefault(p.Id) ?? []).Where(h => h.HoldsOn(window.Start) && h.HoldsOn(window.End)).Select(h => h.Name)
                    .Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                // The employer's agreements (issue 18): long shifts and the Sunday agreement where one covers the whole window.
                LongShifts = Covered(id, LegalBasisKind.TariffDeviation) || Covered(id, LegalBasisKind.Arbeidstilsynet),
                SundayAgreement = Covered(id, LegalBasisKind.SundayAgreement),
            };
        }).ToList();
        var (employer, _) = PlanRules.Employer(editor.Arrangement);
        var problem = new BpaProblem(editor.Arrangement.Id.ToString(), employer, start, plan.RotationWeeks, templates, assistants) { Zone = CurrentUser.Zone, LegalBases = context.Employer.LegalBases };
        return (problem, map);
    }
}

/// <summary>How the plan's cover needs become the generator's templates.</summary>
public static class ProposalMapping
{
    private static readonly (WeekDays Flag, IsoDayOfWeek Day)[] Days =
    [
        (WeekDays.Monday, IsoDayOfWeek.Monday), (WeekDays.Tuesday, IsoDayOfWeek.Tuesday), (WeekDays.Wednesday, IsoDayOfWeek.Wednesday),
        (WeekDays.Thursday, IsoDayOfWeek.Thursday), (WeekDays.Friday, IsoDayOfWeek.Friday), (WeekDays.Saturday, IsoDayOfWeek.Saturday), (WeekDays.Sunday, IsoDayOfWeek.Sunday),
    ];

    /// <summary>
    /// Each cover need is tiled with the arrangement's templates: of the templates lying at least half inside it, the set
    /// that covers most of the need without two of them overlapping (on the 24-hour circle; fewer templates on a tie),
    /// so a round-the-clock need takes day, evening and night, not also the sleeping night that overlaps them. A chosen
    /// template is needed on the need's weekdays by as many at once as the need says (at most 2, as 2:1). Each
    /// (template, staffing) pair becomes one generator template; the map leads back to the arrangement's template.
    /// </summary>
    public static (List<BpaTemplate> Templates, Dictionary<string, ShiftTemplate> Map) Templates(IReadOnlyList<ShiftTemplate> templates, IReadOnlyList<CoverageSpec> needs,
        IReadOnlyList<string>? everyone = null)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(needs);
        var staffingByDay = new Dictionary<(Guid Template, IsoDayOfWeek Day), int>();
        foreach (var need in needs)
        {
            foreach (var template in Tiling(templates, need))
            {
                foreach (var (flag, day) in Days)
                {
                    if ((need.Days & flag) == 0) continue;
                    var key = (template.Id, day);
                    staffingByDay[key] = Math.Max(staffingByDay.GetValueOrDefault(key), Math.Min(2, need.Assistants));
                }
            }
        }
        var result = new List<BpaTemplate>();
        var map = new Dictionary<string, ShiftTemplate>(StringComparer.Ordinal);
        foreach (var template in templates)
        {
            foreach (var group in Days.Select(d => (d.Day, Staffing: staffingByDay.GetValueOrDefault((template.Id, d.Day)))).Where(x => x.Staffing > 0).GroupBy(x => x.Staffing))
            {
                var id = $"{template.Id:N}-{group.Key}";
                result.Add(new BpaTemplate(id, template.Name, template.Start, template.LengthMinutes, group.Key, group.Select(x => x.Day).ToList())
                {
                    Passive = template.Passive, PaidPauseMinutes = template.PaidPauseMinutes, Competences = Selvstyrt.Domain.People.Qualification.Required(everyone ?? [], template.Competences),
                });
                map[id] = template;
            }
        }
        return (result, map);
    }

    /// <summary>The templates that tile a need best (see <see cref="Templates"/>); an exhaustive search over at most 12 candidates.</summary>
    public static IReadOnlyList<ShiftTemplate> Tiling(IReadOnlyList<ShiftTemplate> templates, CoverageSpec need)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(need);
        var candidates = templates.Where(t => Inside(t, need) * 2 >= t.LengthMinutes).OrderBy(t => t.StartMinute).ThenBy(t => t.Name, StringComparer.Ordinal).Take(12).ToList();
        var best = (Mask: 0, Covered: -1, Count: 0);
        for (var mask = 1; mask < 1 << candidates.Count; mask++)
        {
            var chosen = Enumerable.Range(0, candidates.Count).Where(i => (mask & (1 << i)) != 0).Select(i => candidates[i]).ToList();
            if (chosen.SelectMany((x, i) => chosen.Skip(i + 1).Select(y => (x, y))).Any(p => Overlap(p.x, p.y))) continue;
            var covered = chosen.Sum(t => Inside(t, need));
            if (covered > best.Covered || (covered == best.Covered && chosen.Count < best.Count)) best = (mask, covered, chosen.Count);
        }
        return Enumerable.Range(0, candidates.Count).Where(i => (best.Mask & (1 << i)) != 0).Select(i => candidates[i]).ToList();
    }

    private static bool Overlap(ShiftTemplate a, ShiftTemplate b)
        => new[] { -1440, 0, 1440 }.Any(shift => a.StartMinute + shift < b.StartMinute + b.LengthMinutes && b.StartMinute < a.StartMinute + shift + a.LengthMinutes);

    /// <summary>Minutes of the template (from its start on a day) inside the need (from its start on the same day, or the day before).</summary>
    private static int Inside(ShiftTemplate template, CoverageSpec need)
    {
        var best = 0;
        foreach (var shift in new[] { -1440, 0, 1440 })
        {
            int from = need.StartMinute + shift, to = need.StartMinute + shift + need.LengthMinutes;
            var overlap = Math.Min(to, template.StartMinute + template.LengthMinutes) - Math.Max(from, template.StartMinute);
            best = Math.Max(best, overlap);
        }
        return Math.Max(0, best);
    }
}
