using System.Diagnostics;
using Selvstyrt.Domain.Rules.Engine;

namespace Selvstyrt.Bench;

/// <summary>Where a full check spends its time, per phase and rule (<c>-- profile</c>): a developer's tool, not a benchmark.</summary>
internal static class Profile
{
    public static void Run(CheckInput input)
    {
        var prepared = PreparedCheck.From(input);
        var times = new Dictionary<string, double>();
        var sink = new FindingSink();
        for (var round = 0; round < 3; round++)
        {
            times.Clear();
            for (var a = 0; a < input.Assistants.Count; a++)
            {
                var positions = Enumerable.Range(0, prepared.Shifts.Length).Where(i => prepared.Shifts[i].Assistant == a).ToArray();
                if (positions.Length == 0) continue;
                var watch = Stopwatch.StartNew();
                var scope = new Scope(prepared, a, prepared.Employers[0], false, [.. positions.OrderBy(i => prepared.Shifts[i].Start)], false);
                scope.Compute();
                Add(times, "compute", watch);
                foreach (var rule in RuleEngine.ScopeRules)
                {
                    watch.Restart();
                    rule.Evaluate(scope, sink);
                    Add(times, rule.Id, watch);
                }
            }
        }
        foreach (var (name, ms) in times.OrderByDescending(t => t.Value)) Console.WriteLine($"{name,-14} {ms,10:F2} ms");
        Console.WriteLine($"findings: {sink.Findings.Count / 3}");
    }

    private static void Add(Dictionary<string, double> times, string name, Stopwatch watch)
        => times[name] = times.GetValueOrDefault(name) + watch.Elapsed.TotalMilliseconds;
}
