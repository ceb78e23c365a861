using Google.OrTools.Sat;

namespace Selvstyrt.Rostering.Curtois;

/// <summary>A roster for a Curtois instance: per employee and day the shift type's index, or -1 for a day off.</summary>
public sealed record CurtoisRoster(int[][] Assignments);

/// <summary>A solved Curtois instance: the summary and the roster (null without a solution).</summary>
public sealed record CurtoisResult(SolveSummary Summary, CurtoisRoster? Roster);

/// <summary>
/// The CP-SAT model of a Curtois instance, as the published results define the problem (the benchmark's README):
/// one Boolean per employee, day and shift type; the hard rules as clauses and sums; the requests and cover as the
/// weighted objective. Minimum stretches (of work and of days off) are forbidden patterns inside the horizon.
/// </summary>
public static class CurtoisModel
{
    /// <summary>
    /// Solves an instance. With one worker CP-SAT searches the whole model alone; with two or more, one thread runs the
    /// large-neighbourhood search of <see cref="CurtoisSearch"/> on the incumbent while CP-SAT proves the bound (and
    /// searches too) on the others. Both share the best roster, so the result is the better of the two.
    /// </summary>
    public static CurtoisResult Solve(CurtoisInstance instance, SolveOptions options)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Workers <= 1)
        {
            var cp = CurtoisCp.Build(instance);
            CurtoisRoster? roster = null;
            var summary = CpSat.Solve(cp.Model, options, read: solver => roster = cp.Read(solver.BooleanValue), extraParameters: BoundParameters);
            // The roster's own objective: a solution cut short can still carry shortfall and surplus on one cover row.
            return new CurtoisResult(roster is null ? summary : summary with { Objective = CurtoisEvaluator.Objective(instance, roster) }, roster);
        }
        return CurtoisSearch.Run(instance, options);
    }

    /// <summary>
    /// The proving search: the LP relaxation at every node (the hard rules are linear rows, so it is tight) and enough
    /// simplex iterations at the root to finish the first LP on the larger instances; CP-SAT's default LP stalls
    /// near a quarter of the optimum on Instances 2-4. With more than one worker the core-based search joins it.
    /// </summary>
    internal const string BoundParameters = "linearization_level:2 root_lp_iterations:200000 subsolvers:\"max_lp\" subsolvers:\"core\"";
}
