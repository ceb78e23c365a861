using Google.OrTools.Sat;
using NodaTime;
using Selvstyrt.Domain.Rules.Engine;

namespace Selvstyrt.Rostering.Bpa;

/// <summary>
/// Proposes a rotating plan for a <see cref="BpaProblem"/>: builds the CP-SAT model from the named constraints and
/// penalties, solves, and lets the rules engine judge the proposal over one rotation and one more week (as the plan
/// editor does). The engine is the judge: a breach it still finds becomes a cut (that combination of assignments is
/// never given again) and the model is solved again, warm-started, within the time left.
/// </summary>
public static class BpaSolver
{
    /// <summary>The hard rules, in the order they are added.</summary>
    internal static IReadOnlyList<IRosterConstraint> DefaultConstraints() =>
    [
        new Coverage(), new DailyRest(), new WeeklyRest(), new WeeklyHours(), new Overtime(), new LongShifts(),
        new SundayRotation(), new Availability(), new Competences(),
    ];

    /// <summary>The soft goals besides the two the constraints register (uncovered places and overtime).</summary>
    internal static IReadOnlyList<IRosterPenalty> DefaultPenalties() =>
    [
        new PositionPenalty(), new RecipientPenalty(), new WishPenalty(), new NightFairnessPenalty(), new WeekendFairnessPenalty(),
        new PatternChangePenalty(), new SingleDayPenalty(), new FacesPenalty(),
    ];

    /// <summary>The most rounds of judging and re-solving.</summary>
    public const int MaxJudgeRounds = 6;

    public static BpaResult Solve(BpaProblem problem, SolveOptions options)
        => Solve(problem, options, DefaultConstraints(), DefaultPenalties());

    /// <summary>Solves with the given rules and goals; <paramref name="judge"/> off leaves the engine out (tests of one constraint).</summary>
    internal static BpaResult Solve(BpaProblem problem, SolveOptions options, IReadOnlyList<IRosterConstraint> constraints, IReadOnlyList<IRosterPenalty> penalties, bool judge = true)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var instance = new RosterInstance(problem);
        var model = new RosterModel(instance);
        foreach (var c in constraints) c.Apply(model);
        foreach (var p in penalties) p.Apply(model);
        model.SetObjective();

        var (best, provenMinimum) = CoverFirst(model, options);
        long[] units = [];
        SolveSummary summary = new(SolveStatus.Unknown, null, null, 0);
        IReadOnlyList<Finding> findings = [];
        List<PenaltyLine>? fallback = null;
        var rounds = 0;
        while (rounds < MaxJudgeRounds)
        {
            rounds++;
            var left = options.Seconds - started.Elapsed.TotalSeconds;
            if (left <= 0.05 || options.Cancellation.IsCancellationRequested) break;
            var budget = rounds == 1 ? left * 0.7 : left * 0.6;
            if (best is not null)
            {
                model.Model.ClearHints();
                for (var a = 0; a < model.X.Length; a++)
                {
                    for (var o = 0; o < model.X[a].Length; o++) model.Model.AddHint(model.X[a][o], best[a][o]);
                }
            }
            bool[][]? found = null;
            var round = CpSat.Solve(model.Model, options with { Seconds = Math.Max(0.1, budget) }, solver =>
            {
                found = model.X.Select(row => row.Select(solver.BooleanValue).ToArray()).ToArray();
                units = model.Penalties.Select(p => solver.Value(p.Units)).ToArray();
            });
            if (found is null)
            {
                // No better solution in this round: keep the previous one. A plan from the cover phase alone has not
                // been judged yet and its goals were not measured: judge it and say only what is known (its gaps).
                if (best is null) summary = round;
                else if (rounds == 1)
                {
                    findings = judge ? Judge(instance, best) : [];
                    var gaps = instance.Occurrences.Sum(o => problem.Templates[o.Template].Staffing - best.Count(row => row[o.Index]));
                    var uncoveredPenalty = new UncoveredPenalty();
                    fallback = [new PenaltyLine(uncoveredPenalty.Name, uncoveredPenalty.Label, gaps, uncoveredPenalty.Weight(problem.Weights), gaps * (long)uncoveredPenalty.Weight(problem.Weights), uncoveredPenalty.Explain(gaps))];
                    summary = new SolveSummary(SolveStatus.Feasible, null, round.Bound, 0);
                }
                break;
            }
            best = found;
            summary = round;
            if (!judge) break;
            findings = Judge(instance, best);
            var cuts = 0;
            foreach (var f in findings.Where(f => f.Severity == Severity.Breach))
            {
                var assigned = f.Shifts.Select(ParseId).Where(p => p is not null).Select(p => p!.Value).Distinct().ToList();
                if (assigned.Count == 0) continue;
                model.Model.AddBoolOr(assigned.Select(p => (ILiteral)model.X[p.Assistant][p.Occurrence].Not()));
                cuts++;
            }
            if (cuts == 0) break;
        }

        var shifts = new List<BpaShift>();
        if (best is not null)
        {
            foreach (var o in instance.Occurrences)
            {
                for (var a = 0; a < best.Length; a++)
                {
                    if (!best[a][o.Index]) continue;
                    shifts.Add(new BpaShift((o.Day / 7) + 1, o.Date.DayOfWeek, o.Date, problem.Templates[o.Template].Id, problem.Assistants[a].Id, o.Start, o.End));
                }
            }
        }
        var lines = best is null
            ? []
            : fallback is not null ? fallback
            : model.Penalties.Select((p, i) => new PenaltyLine(p.Penalty.Name, p.Penalty.Label, units[i], p.Penalty.Weight(problem.Weights), units[i] * p.Penalty.Weight(problem.Weights), p.Penalty.Explain(units[i]))).ToList();
        return new BpaResult(summary with { Seconds = started.Elapsed.TotalSeconds }, shifts, lines, findings, rounds) { ProvenMinimumUncovered = provenMinimum };
    }

    /// <summary>
    /// Phase one: the hard rules with only the uncovered places as the objective, for a share of the time. Covering a
    /// 24/7 2:1 rota is the hard part; with the other goals in view from the start the search spends its time on them
    /// before every shift has someone. The answer warm-starts phase two (the whole objective). With the LP relaxation
    /// on, this phase usually also proves the fewest uncovered places possible (for the 24/7 2:1 instance: the Easter
    /// nights that AML § 10-8 (4) leaves without anyone allowed), which the result reports.
    /// </summary>
    private static (bool[][]? Found, long? ProvenMinimum) CoverFirst(RosterModel model, SolveOptions options)
    {
        var uncovered = model.Penalties.FirstOrDefault(p => p.Penalty is UncoveredPenalty);
        if (uncovered.Penalty is null) return (null, null);
        model.Model.Minimize(uncovered.Units);
        bool[][]? found = null;
        var summary = CpSat.Solve(model.Model, options with { Seconds = Math.Max(0.1, options.Seconds * 0.35), Progress = null }, solver =>
            found = model.X.Select(row => row.Select(solver.BooleanValue).ToArray()).ToArray(), CoverParameters);
        model.SetObjective();
        return (found, summary.Status == SolveStatus.Optimal ? summary.Objective : null);
    }

    /// <summary>
    /// Only phase one, to the end: the fewest uncovered places within the hard rules (proven when the status is optimal)
    /// and which places they are. For explaining a proposal's gaps and for tests.
    /// </summary>
    internal static (SolveSummary Summary, IReadOnlyList<(LocalDate Date, string Template, int Missing)> Gaps) MinimumCover(BpaProblem problem, SolveOptions options)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        var instance = new RosterInstance(problem);
        var model = new RosterModel(instance);
        foreach (var c in DefaultConstraints()) c.Apply(model);
        new UncoveredPenalty().Apply(model);
        var uncovered = model.Penalties.Single(p => p.Penalty is UncoveredPenalty);
        model.Model.Minimize(uncovered.Units);
        bool[][]? found = null;
        var summary = CpSat.Solve(model.Model, options with { Progress = null }, solver =>
            found = model.X.Select(row => row.Select(solver.BooleanValue).ToArray()).ToArray(), CoverParameters);
        if (found is null) return (summary, []);
        var gaps = instance.Occurrences
            .Select(o => (o.Date, Template: problem.Templates[o.Template].Id, Missing: problem.Templates[o.Template].Staffing - found.Count(row => row[o.Index])))
            .Where(g => g.Missing > 0).ToList();
        return (summary, gaps);
    }

    /// <summary>
    /// Phase one's parameters: the LP relaxation at level 2 finds coverings as fast as plain search here and proves the
    /// minimum (on the 24/7 2:1 instance at 10 s: 4 uncovered places and proven, where level 0 left 4 to 8 unproven).
    /// </summary>
    private const string CoverParameters = "linearization_level:2";

    /// <summary>The engine's input for a proposal: one rotation plus one more week of it, and the fixed shifts elsewhere.</summary>
    internal static CheckInput CheckInputFor(RosterInstance instance, bool[][] assigned)
    {
        var problem = instance.Problem;
        var longShift = problem.Assistants.Where(a => a.LongShifts).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var sunday = problem.Assistants.Where(a => a.SundayAgreement).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<LegalBasis> bases = problem.LegalBases.Count > 0 ? problem.LegalBases :
        [
            .. longShift.Count == 0 ? [] : new[] { new LegalBasis(LegalBasisKind.TariffDeviation, "turnusgenerator", longShift, null, null) },
            .. sunday.Count == 0 ? [] : new[] { new LegalBasis(LegalBasisKind.SundayAgreement, "turnusgenerator-søndag", sunday, null, null) },
        ];
        var employer = new EmployerProfile(problem.Employer, Regime.Aml, null, WeekAnchor.Monday, null, bases, new EmployerSettings());
        var assistants = problem.Assistants.Select(a => new AssistantProfile(a.Id, problem.Employer, null, null, null, null, (decimal)problem.FullTimeHours,
            a.OtherEmployerHoursPerWeek > 0 ? [new OtherEmployerHoursDeclared(null, a.OtherEmployerHoursPerWeek, problem.StartsOn, null)] : [])).ToList();
        var shifts = new List<ShiftInput>();
        foreach (var o in instance.Occurrences)
        {
            var template = problem.Templates[o.Template];
            for (var cycle = 0; cycle <= 1; cycle++)
            {
                if (cycle == 1 && o.Day >= 7) break;
                var (start, end) = instance.At(o, cycle);
                for (var a = 0; a < assigned.Length; a++)
                {
                    if (!assigned[a][o.Index]) continue;
                    shifts.Add(ToInput($"{a}:{o.Index}:{cycle}", problem.Assistants[a].Id, problem.Employer, problem.Arrangement, start, end, template));
                }
            }
        }
        for (var a = 0; a < problem.Assistants.Count; a++)
        {
            var k = 0;
            foreach (var f in problem.Assistants[a].FixedShifts)
            {
                shifts.Add(new ShiftInput($"fast:{a}:{k++}", problem.Assistants[a].Id, problem.Employer, f.Arrangement ?? "annen ordning", f.Start, f.End, ShiftKind.Planned));
            }
        }
        return new CheckInput(instance.Zone, [employer], assistants, shifts)
        {
            Period = new DateInterval(problem.StartsOn, problem.StartsOn.PlusDays((7 * (problem.Weeks + 1)) - 1)),
            Arrangements = [new ArrangementInfo(problem.Arrangement, false)],
        };
    }

    private static ShiftInput ToInput(string id, string assistant, string employer, string arrangement, Instant start, Instant end, BpaTemplate template)
    {
        var pauses = new List<Pause>();
        if (template.PaidPauseMinutes > 0)
        {
            var middle = start + ((end - start) / 2) - Duration.FromMinutes(template.PaidPauseMinutes / 2);
            pauses.Add(new Pause(middle, middle + Duration.FromMinutes(template.PaidPauseMinutes), false));
        }
        return new ShiftInput(id, assistant, employer, arrangement, start, end, ShiftKind.Planned)
        {
            Passive = template.Passive.Select(p => new Interval(start + Duration.FromMinutes(p.OffsetMinutes), Instant.Min(end, start + Duration.FromMinutes(p.OffsetMinutes + p.LengthMinutes)))).ToList(),
            Pauses = pauses,
        };
    }

    /// <summary>The rules engine's findings on a proposal.</summary>
    internal static IReadOnlyList<Finding> Judge(RosterInstance instance, bool[][] assigned) => RuleEngine.Check(CheckInputFor(instance, assigned)).Findings;

    private static (int Assistant, int Occurrence)? ParseId(string id)
    {
        var parts = id.Split(':');
        return parts.Length == 3 && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var a) && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var o)
            ? (a, o)
            : null;
    }
}
