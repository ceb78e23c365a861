using Google.OrTools.Sat;

namespace Selvstyrt.Rostering.Curtois;

/// <summary>A roster for a Curtois instance: per employee and day the shift type's index, or -1 for a day off.</summary>
public sealed record CurtoisRoster(int[][] Assignments);

/// <summary>A solved Curtois instance: the summary and the roster (null without a solution).</summary>
public sealed record CurtoisResult(SolveSummary Summary, CurtoisRoster? Roster);

/// <summary>
/// Solves a Curtois instance as the published results define the problem (the benchmark's README). The model is
/// <see cref="CurtoisCp"/>; the search on two or more workers is <see cref="CurtoisSearch"/> (ADR 0009).
/// </summary>
public static class CurtoisModel
{
    /// <summary>
    /// Solves an instance. With one worker CP-SAT searches the whole model alone. With two or more, one thread runs the
    /// neighbourhood search while CP-SAT proves the bound on the others: all the time on the small instances, the first
    /// tenth on the larger ones, after which that thread searches neighbourhoods too. Both share the best roster.
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
