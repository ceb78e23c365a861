using System.Globalization;
using Google.OrTools.Sat;

namespace Selvstyrt.Rostering;

/// <summary>How long and how wide the solver may search, and who hears about progress.</summary>
public sealed record SolveOptions
{
    /// <summary>The wall-clock limit in seconds.</summary>
    public double Seconds { get; init; } = 10;

    /// <summary>Search workers (threads); the benchmark's reference is 2.</summary>
    public int Workers { get; init; } = 2;

    /// <summary>A fixed seed makes a run repeatable for the same worker count.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>More CP-SAT parameters in its text format (for experiments and the benchmark runner), e.g. <c>log_search_progress:true</c>.</summary>
    public string? Parameters { get; init; }

    /// <summary>Called on every better solution (from a solver thread).</summary>
    public Action<SolveProgress>? Progress { get; init; }

    /// <summary>Stops the search; the best solution so far is kept.</summary>
    public CancellationToken Cancellation { get; init; }
}

/// <summary>A better solution was found: its objective, the proven lower bound, and the seconds since the start.</summary>
public sealed record SolveProgress(long Objective, long Bound, double Seconds);

/// <summary>How a search ended.</summary>
public enum SolveStatus
{
    /// <summary>The best possible solution, proven.</summary>
    Optimal,
    /// <summary>A solution, not proven best.</summary>
    Feasible,
    /// <summary>Proven to have no solution: the hard constraints contradict each other.</summary>
    Infeasible,
    /// <summary>No solution found within the time.</summary>
    Unknown,
    /// <summary>The model itself is wrong (a bug).</summary>
    ModelInvalid,
}

/// <summary>The end of a search: status, best objective and proven bound (when there is a solution), seconds.</summary>
public sealed record SolveSummary(SolveStatus Status, long? Objective, long? Bound, double Seconds)
{
    public bool HasSolution => Status is SolveStatus.Optimal or SolveStatus.Feasible;

    /// <summary>The gap between objective and bound in per cent of the objective.</summary>
    public double? GapPercent => Objective is { } o && Bound is { } b ? o == 0 ? 0 : 100.0 * (o - b) / Math.Abs(o) : null;
}

/// <summary>
/// Runs CP-SAT on a model with the options, reading back values through the read action while the solver still holds
/// them; the onSolution action hears every better solution with the callback, which can read its values (from a
/// solver thread).
/// </summary>
internal static class CpSat
{
    public static SolveSummary Solve(CpModel model, SolveOptions options, Action<CpSolver>? read = null, string? extraParameters = null, Action<CpSolverSolutionCallback>? onSolution = null)
    {
        var solver = new CpSolver
        {
            StringParameters = SolverParameters.Merge(
                string.Create(CultureInfo.InvariantCulture, $"max_time_in_seconds:{options.Seconds} num_workers:{Math.Max(1, options.Workers)} random_seed:{options.Seed}"),
                extraParameters, options.Parameters),
        };
        using var callback = new ProgressCallback(options.Progress, onSolution);
        using var registration = options.Cancellation.Register(solver.StopSearch);
        var status = options.Cancellation.IsCancellationRequested ? CpSolverStatus.Unknown : solver.Solve(model, callback);
        var mapped = status switch
        {
            CpSolverStatus.Optimal => SolveStatus.Optimal,
            CpSolverStatus.Feasible => SolveStatus.Feasible,
            CpSolverStatus.Infeasible => SolveStatus.Infeasible,
            CpSolverStatus.ModelInvalid => SolveStatus.ModelInvalid,
            _ => SolveStatus.Unknown,
        };
        var solved = mapped is SolveStatus.Optimal or SolveStatus.Feasible;
        if (solved) read?.Invoke(solver);
        var hasObjective = model.Model.Objective is not null;
        return new SolveSummary(mapped,
            solved && hasObjective ? (long)Math.Round(solver.ObjectiveValue) : null,
            hasObjective && mapped != SolveStatus.Infeasible ? (long)Math.Ceiling(solver.BestObjectiveBound - 1e-6) : null,
            solver.WallTime());
    }

    private sealed class ProgressCallback(Action<SolveProgress>? progress, Action<CpSolverSolutionCallback>? onSolution) : CpSolverSolutionCallback
    {
        public override void OnSolutionCallback()
        {
            onSolution?.Invoke(this);
            progress?.Invoke(new SolveProgress((long)Math.Round(ObjectiveValue()), (long)Math.Ceiling(BestObjectiveBound() - 1e-6), WallTime()));
        }
    }
}
