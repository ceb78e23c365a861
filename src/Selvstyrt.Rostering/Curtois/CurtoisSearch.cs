using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;

namespace Selvstyrt.Rostering.Curtois;

/// <summary>
/// Large-neighbourhood search for a Curtois instance, beside a CP-SAT search that proves the bound. The search keeps
/// an incumbent roster and, again and again, frees one part of it and lets a one-thread CP-SAT find the best roster
/// with everything else fixed: some employees over the whole horizon (they swap and rebuild their lines), every
/// employee over a window of days (cover is rebalanced where it is short), or a block of both. A neighbourhood that
/// is solved to optimality within its time grows; one that is not shrinks. Equal rosters are accepted, so the
/// search can walk across plateaus of the objective.
/// </summary>
internal static class CurtoisSearch
{
    private enum Neighbourhood
    {
        Employees,
        Days,
        Block,
    }

    /// <summary>Seconds one neighbourhood may take before it counts as too large.</summary>
    private const double NeighbourhoodSeconds = 1.0;

    /// <summary>The neighbourhoods' own search: the LP at every node, which proves the small ones optimal sooner.</summary>
    private const string NeighbourhoodParameters = "linearization_level:2";

    /// <summary>Seconds for one employee's line while the first roster is built (most take a twentieth of that).</summary>
    private const double LineSeconds = 0.25;

    /// <summary>
    /// Horizons up to this many days get a built first roster: four weeks' lines take a twentieth of a second each and
    /// Instance13's built roster is about a fifth of feasibility jump's; twelve weeks' lines run out of their time and
    /// the built roster of Instance19 came later and no better.
    /// </summary>
    private const int ConstructionDays = 28;

    /// <summary>Instances of up to this many assignment variables (employees × days × shift types) keep the prover all the time.</summary>
    private const long WholeProofCells = 1000;

    /// <summary>On larger instances, the share of the time the prover has before its thread joins the neighbourhood search.</summary>
    private const double ProverShare = 0.1;

    /// <summary>For tuning: hears one line per neighbourhood (the benchmark runner's <c>--trace</c>).</summary>
    internal static Action<string>? Trace { get; set; }

    public static CurtoisResult Run(CurtoisInstance instance, SolveOptions options)
    {
        var clock = Stopwatch.StartNew();
        var incumbent = new Incumbent(instance, options.Progress, clock);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(options.Cancellation);
        // The small instances keep the prover on its thread all the way (its LP proves them optimal); on the others
        // it has the first part of the time for a bound and then joins the neighbourhood search.
        var proverSeconds = (long)instance.Staff.Count * instance.Days * instance.Shifts.Count <= WholeProofCells ? options.Seconds : options.Seconds * ProverShare;
        var second = Task.Factory.StartNew(() =>
        {
            var cp = CurtoisCp.Build(instance);
            var proof = CpSat.Solve(cp.Model,
                options with { Seconds = Math.Max(0.01, proverSeconds - clock.Elapsed.TotalSeconds), Workers = options.Workers - 1, Progress = null, Cancellation = stop.Token },
                extraParameters: CurtoisModel.BoundParameters,
                onSolution: solution => incumbent.Offer(cp.Read(solution.BooleanValue), (long)Math.Ceiling(solution.BestObjectiveBound() - 1e-6)));
            if (proof.Status is SolveStatus.Optimal or SolveStatus.Infeasible or SolveStatus.ModelInvalid)
            {
                // A finished proof ends the neighbourhood search too.
                stop.Cancel();
                return proof;
            }
            Search(instance, options, options.Seed + 1000, construct: false, incumbent, clock, stop.Token);
            return proof;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        Search(instance, options, options.Seed, construct: true, incumbent, clock, stop.Token);
        var proof = second.Result;
        var (roster, objective) = incumbent.Best();
        long? bound = proof.Bound is { } final && incumbent.Bound is { } heard ? Math.Max(final, heard) : proof.Bound ?? incumbent.Bound;
        var status = proof.Status switch
        {
            SolveStatus.Infeasible or SolveStatus.ModelInvalid => proof.Status,
            _ when roster is null => SolveStatus.Unknown,
            SolveStatus.Optimal => SolveStatus.Optimal,
            _ when bound is { } b && objective <= b => SolveStatus.Optimal,
            _ => SolveStatus.Feasible,
        };
        var hasSolution = status is SolveStatus.Optimal or SolveStatus.Feasible;
        return new CurtoisResult(
            new SolveSummary(status, hasSolution ? objective : null, status == SolveStatus.Infeasible ? null : bound, clock.Elapsed.TotalSeconds),
            hasSolution ? roster : null);
    }

    private static void Search(CurtoisInstance instance, SolveOptions options, int seed, bool construct, Incumbent incumbent, Stopwatch clock, CancellationToken stop)
    {
        double Remaining() => options.Seconds - clock.Elapsed.TotalSeconds;
        var whole = CurtoisCp.Build(instance);
        var random = new Random(seed);
        int staff = instance.Staff.Count, days = instance.Days;

        // A first roster, unless the other thread has one: the first thread builds it one employee at a time (every
        // hard rule is one employee's, so each line can be made alone), each line the best for the cover left.
        if (construct && instance.Days <= ConstructionDays && incumbent.Best().Roster is null
            && Construct(instance, random, Remaining, stop) is { } built)
        {
            incumbent.Offer(built, null);
        }

        // Otherwise (and on the second thread while the first builds) the whole model: feasibility jump, CP-SAT's local
        // search, finds a roster in under 4 s on Instances 13, 15 and 19, where the complete search finds none in 20 s;
        // the complete search takes turns after it.
        var firstSeconds = 4.0;
        var attempt = 0;
        while (incumbent.Best().Roster is null && !stop.IsCancellationRequested && Remaining() > 0.05)
        {
            var limit = Math.Min(firstSeconds, Remaining());
            var (status, roster, _) = SolveOnce(whole, limit, seed + attempt, attempt++ % 2 == 0 ? "stop_after_first_solution:true use_ls_only:true" : "stop_after_first_solution:true", stop);
            if (roster is not null) incumbent.Offer(roster, null);
            if (status == CpSolverStatus.Infeasible) return;
            firstSeconds *= 2;
        }

        var difficulty = new Dictionary<Neighbourhood, double> { [Neighbourhood.Employees] = 0.1, [Neighbourhood.Days] = 0.1, [Neighbourhood.Block] = 0.2 };
        // What each kind has gained lately per second: kinds are drawn in proportion, with a floor so none starves.
        var gain = new Dictionary<Neighbourhood, double> { [Neighbourhood.Employees] = 1, [Neighbourhood.Days] = 1, [Neighbourhood.Block] = 1 };
        var kinds = Enum.GetValues<Neighbourhood>();
        var free = new bool[staff, days];
        var iteration = 0;
        while (!stop.IsCancellationRequested && Remaining() > 0.05)
        {
            var (current, currentObjective) = incumbent.Best();
            if (current is null) return;
            var kind = Draw(kinds, gain, random);
            var employees = Choose(kind, difficulty[kind], random, free, staff, days, () => HotDay(instance, current, random));
            // Every employee has free days: the whole model with the rest fixed. Some employees: a model of theirs.
            var model = employees is null ? whole : CurtoisCp.Build(instance, employees, current);
            for (var e = 0; e < staff; e++)
            {
                if (!model.Has(e)) continue;
                for (var d = 0; d < days; d++) model.Fix(e, d, current, fix: !free[e, d]);
            }
            model.Hint(current);
            var started = clock.Elapsed.TotalSeconds;
            var (status, roster, objective) = SolveOnce(model, Math.Min(NeighbourhoodSeconds, Remaining()), seed + (++iteration), NeighbourhoodParameters, stop);
            var took = Math.Max(0.01, clock.Elapsed.TotalSeconds - started);
            var gained = roster is not null && objective < currentObjective ? currentObjective - objective : 0;
            if (roster is not null && objective <= currentObjective) incumbent.Offer(roster, null, acceptEqual: true);
            Trace?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds:0.0} s {kind} size {difficulty[kind]:0.000} took {took:0.000} s {status} {objective} from {currentObjective} (seed {seed})"));
            gain[kind] = (0.8 * gain[kind]) + (0.2 * gained / took);
            // Solved to the end: next time a larger part; ran out of time: a smaller one.
            difficulty[kind] = status == CpSolverStatus.Optimal ? Math.Min(1.0, difficulty[kind] * 1.2) : Math.Max(0.02, difficulty[kind] / 1.2);
        }
    }

    /// <summary>
    /// Builds a roster one employee at a time, in random order: each line is solved alone (its hard rules), with the
    /// cover the earlier lines leave as its objective. Null if a line cannot be made in time.
    /// </summary>
    private static CurtoisRoster? Construct(CurtoisInstance instance, Random random, Func<double> remaining, CancellationToken stop)
    {
        var rows = instance.Staff.Select(_ => Enumerable.Repeat(-1, instance.Days).ToArray()).ToArray();
        foreach (var e in Pick(random, instance.Staff.Count, instance.Staff.Count))
        {
            if (stop.IsCancellationRequested || remaining() <= 0.05) return null;
            var line = CurtoisCp.Build(instance, [e], new CurtoisRoster(rows));
            var (_, roster, _) = SolveOnce(line, Math.Min(LineSeconds, remaining()), e, null, stop);
            if (roster is null) return null;
            rows[e] = roster.Assignments[e];
        }
        return new CurtoisRoster(rows);
    }

    /// <summary>Draws a kind in proportion to its recent gain per second, each kind keeping at least a tenth of the draws.</summary>
    private static Neighbourhood Draw(Neighbourhood[] kinds, Dictionary<Neighbourhood, double> gain, Random random)
    {
        var total = kinds.Sum(k => gain[k]);
        var floor = total <= 0 ? 1 : total / 10;
        var weights = kinds.Select(k => gain[k] + floor).ToArray();
        var draw = random.NextDouble() * weights.Sum();
        for (var i = 0; i < kinds.Length; i++)
        {
            if ((draw -= weights[i]) < 0) return kinds[i];
        }
        return kinds[^1];
    }

    /// <summary>
    /// Marks the cells that the neighbourhood frees, the share of the roster growing with the difficulty; returns the
    /// employees with free cells, or null when every employee has some.
    /// </summary>
    private static int[]? Choose(Neighbourhood kind, double difficulty, Random random, bool[,] free, int staff, int days, Func<int> hotDay)
    {
        Array.Clear(free);
        switch (kind)
        {
            case Neighbourhood.Employees:
                {
                    var employees = Pick(random, staff, Math.Clamp((int)Math.Round(difficulty * staff), 2, staff));
                    foreach (var e in employees)
                    {
                        for (var d = 0; d < days; d++) free[e, d] = true;
                    }
                    return employees;
                }
            case Neighbourhood.Days:
                {
                    var width = Math.Clamp((int)Math.Round(difficulty * days), 2, days);
                    var start = Math.Clamp(hotDay() - random.Next(width), 0, days - width);
                    for (var e = 0; e < staff; e++)
                    {
                        for (var d = start; d < start + width; d++) free[e, d] = true;
                    }
                    return null;
                }
            default:
                {
                    var side = Math.Sqrt(difficulty);
                    var width = Math.Clamp((int)Math.Round(side * days), 2, days);
                    var start = Math.Clamp(hotDay() - random.Next(width), 0, days - width);
                    var employees = Pick(random, staff, Math.Clamp((int)Math.Round(side * staff), 2, staff));
                    foreach (var e in employees)
                    {
                        for (var d = start; d < start + width; d++) free[e, d] = true;
                    }
                    return employees;
                }
        }
    }

    /// <summary>
    /// A day drawn in proportion to what the roster pays on it (cover short or over, requests not honoured), plus one so
    /// that every day can be drawn: windows go where the objective is.
    /// </summary>
    private static int HotDay(CurtoisInstance instance, CurtoisRoster roster, Random random)
    {
        var cost = CurtoisEvaluator.CostPerDay(instance, roster);
        var draw = random.NextInt64(cost.Sum() + cost.Length);
        for (var d = 0; d < cost.Length; d++)
        {
            if ((draw -= cost[d] + 1) < 0) return d;
        }
        return cost.Length - 1;
    }

    private static int[] Pick(Random random, int count, int take)
    {
        var all = Enumerable.Range(0, count).ToArray();
        random.Shuffle(all);
        return all[..take];
    }

    private static (CpSolverStatus Status, CurtoisRoster? Roster, long Objective) SolveOnce(CurtoisCp cp, double seconds, int seed, string? extra, CancellationToken stop)
    {
        var solver = new CpSolver
        {
            StringParameters = SolverParameters.Merge(string.Create(CultureInfo.InvariantCulture, $"max_time_in_seconds:{seconds} num_workers:1 random_seed:{seed}"), extra),
        };
        using var registration = stop.Register(solver.StopSearch);
        var status = solver.Solve(cp.Model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible)) return (status, null, 0);
        var roster = cp.Read(solver.BooleanValue);
        return (status, roster, CurtoisEvaluator.Objective(cp.Instance, roster));
    }

    /// <summary>The best roster found by either search, its objective and the best proven bound; tells the caller of every improvement.</summary>
    private sealed class Incumbent(CurtoisInstance instance, Action<SolveProgress>? progress, Stopwatch clock)
    {
        private readonly Lock gate = new();
        private CurtoisRoster? roster;
        private long objective = long.MaxValue;

        public long? Bound { get; private set; }

        public (CurtoisRoster? Roster, long Objective) Best()
        {
            lock (gate) return (roster, objective);
        }

        /// <summary>
        /// Offers a roster, counted by the evaluator: the model's own objective can be higher than the roster's while
        /// a solution still has shortfall and surplus on the same cover row (a first solution from local search does).
        /// </summary>
        public void Offer(CurtoisRoster candidate, long? bound, bool acceptEqual = false)
        {
            var value = CurtoisEvaluator.Objective(instance, candidate);
            // The report is made under the lock, so that the caller hears improvements in order.
            lock (gate)
            {
                if (bound is { } b && (Bound is null || b > Bound)) Bound = b;
                if (value > objective || (value == objective && !acceptEqual)) return;
                var better = value < objective;
                roster = candidate;
                objective = value;
                // The objective is a sum of non-negative weights, so 0 bounds it before the prover has said more.
                if (better) progress?.Invoke(new SolveProgress(value, Bound ?? 0, clock.Elapsed.TotalSeconds));
            }
        }
    }
}
