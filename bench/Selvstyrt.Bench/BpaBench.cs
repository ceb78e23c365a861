using System.Globalization;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Rostering;
using Selvstyrt.Rostering.Bpa;

namespace Selvstyrt.Bench;

/// <summary>The three generated BPA instances (issue 7): proposal, penalties, and the rules engine's verdict on it.</summary>
internal static class BpaBench
{
    public static void Run(double seconds, int workers)
    {
        Console.WriteLine();
        Console.WriteLine($"BPA instances, {seconds.ToString(CultureInfo.InvariantCulture)} s, {workers} workers (target for 24/7 2:1: rule-clean in < 10 s)");
        Console.WriteLine("| instance | assistants | weeks | places | uncovered | objective | bound | breaches | warnings | judge rounds | seconds | first solution (s) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, problem) in BpaInstances.All().Append(("bpa-247-2til1-24 + søndagsavtale", BpaInstances.TwoToOneWithSundayAgreement())))
        {
            double? first = null;
            var result = BpaSolver.Solve(problem, new SolveOptions { Seconds = seconds, Workers = workers, Progress = p => first ??= p.Seconds });
            var places = result.Shifts.Count + (result.Penalties.FirstOrDefault(p => p.Name == "uncovered")?.Units ?? 0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {problem.Assistants.Count} | {problem.Weeks} | {places} | {result.Penalties.FirstOrDefault(p => p.Name == "uncovered")?.Units} | {result.Summary.Objective} | {result.Summary.Bound} | {result.Findings.Count(f => f.Severity == Severity.Breach)} | {result.Findings.Count(f => f.Severity == Severity.Warn)} | {result.JudgeRounds} | {result.Summary.Seconds:0.0} | {first:0.0} |"));
            foreach (var line in result.Penalties.Where(l => l.Units > 0)) Console.WriteLine($"  - {line.Label}: {line.Units} × {line.Weight} = {line.Cost}. {line.Explanation}");
            foreach (var group in result.Findings.Where(f => f.Severity >= Severity.Warn).GroupBy(f => (f.Rule, f.Severity))) Console.WriteLine($"  - engine {group.Key.Severity} {group.Key.Rule}: {group.Count()}, e.g. {group.First().Message}");
        }
    }
}
