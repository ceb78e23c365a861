using System.Globalization;
using Selvstyrt.Rostering;
using Selvstyrt.Rostering.Curtois;

namespace Selvstyrt.Bench;

/// <summary>
/// The roster benchmark runner (issue 7, quality.md P3): Curtois instances at a fixed time limit and worker count,
/// next to the best known results, and the three generated BPA instances. Every objective printed is recomputed from
/// the roster by an evaluator that does not use the model, and a roster that breaks a hard rule is reported as such.
/// <c>roster [--seconds 60] [--workers 2] [--instances 1-19] [--dir PATH] [--solver-parameters TEXT] [--no-bpa] [--trace]</c>
/// (<c>--trace</c> writes one line per neighbourhood of the Curtois search to standard error)
/// </summary>
internal static class RosterBench
{
    public static void Run(string[] args)
    {
        var seconds = double.Parse(Arg(args, "--seconds") ?? "60", CultureInfo.InvariantCulture);
        var workers = int.Parse(Arg(args, "--workers") ?? "2", CultureInfo.InvariantCulture);
        var dir = Arg(args, "--dir") ?? Path.Combine(Selvstyrt.Testing.Repository.Root, "tests", "Selvstyrt.Rostering.Tests", "Benchmark");
        var parameters = Arg(args, "--solver-parameters");
        var numbers = Range(Arg(args, "--instances") ?? "1-19");
        if (args.Contains("--trace")) CurtoisSearch.Trace = line => Console.Error.WriteLine(line);
        var best = File.ReadLines(Path.Combine(dir, "best_known.csv")).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(f => f[0], f => (Lower: long.Parse(f[1], CultureInfo.InvariantCulture), Best: long.Parse(f[2], CultureInfo.InvariantCulture)));

        Console.WriteLine($"Curtois instances, {seconds.ToString(CultureInfo.InvariantCulture)} s, {workers} workers, {Environment.ProcessorCount} cores{(parameters is null ? "" : $", parameters: {parameters}")}");
        Console.WriteLine("| instance | best known | ours | proven bound | gap to best % | status | seconds | first within 2 % (s) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|---:|---:|");
        foreach (var n in numbers)
        {
            var name = $"Instance{n}";
            var instance = CurtoisInstance.Load(Path.Combine(dir, "instances", name + ".txt"));
            var target = best[name].Best;
            double? within = null;
            var result = CurtoisModel.Solve(instance, new SolveOptions
            {
                Seconds = seconds, Workers = workers, Parameters = parameters,
                Progress = p => { if (within is null && p.Objective <= target * 1.02) within = p.Seconds; },
            });
            var ours = result.Roster is null ? (long?)null : CurtoisEvaluator.Objective(instance, result.Roster);
            var broken = result.Roster is null ? 0 : CurtoisEvaluator.Violations(instance, result.Roster).Count;
            var gap = ours is { } o ? 100.0 * (o - target) / target : (double?)null;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {target} | {(ours?.ToString(CultureInfo.InvariantCulture) ?? "-")}{(broken > 0 ? $" (BREAKS {broken} HARD RULES)" : "")} | {(result.Summary.Bound?.ToString(CultureInfo.InvariantCulture) ?? "-")} | {(gap is { } g ? g.ToString("0.00", CultureInfo.InvariantCulture) : "-")} | {result.Summary.Status} | {result.Summary.Seconds:0.0} | {(within is { } w ? w.ToString("0.0", CultureInfo.InvariantCulture) : "-")} |"));
        }
        if (!args.Contains("--no-bpa")) BpaBench.Run(seconds, workers);
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static IEnumerable<int> Range(string text)
        => text.Split(',').SelectMany(part =>
        {
            var ends = part.Split('-').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            return Enumerable.Range(ends[0], ends[^1] - ends[0] + 1);
        });
}
