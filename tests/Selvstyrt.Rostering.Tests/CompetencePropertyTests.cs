using CsCheck;
using NodaTime;
using Selvstyrt.Rostering.Bpa;
using Shouldly;

namespace Selvstyrt.Rostering.Tests;

/// <summary>
/// Issue 19, part 3: over random instances (one to three shift types each requiring a random set of competences, two to five
/// assistants each holding a random set), the generator never proposes anyone for a shift whose competences they do not all
/// hold, whatever else it trades. Each instance is small and solved in a short time; the property is on every proposal made.
/// </summary>
public sealed class CompetencePropertyTests
{
    private static readonly string[] Kinds = ["Respirator (LTMV)", "Forflytning", "Legemidler"];
    private static readonly IsoDayOfWeek[] Week = [.. Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d)];

    private static string[] Subset(int mask) => [.. Kinds.Where((_, i) => (mask & (1 << i)) != 0)];

    private static readonly Gen<BpaProblem> Problems = Gen.Select(
            Gen.Select(Gen.Int[6, 20], Gen.Int[3, 9], Gen.Int[1, 2], Gen.Int[0, 7], Gen.Int[1, 127]).Array[1, 3],
            Gen.Select(Gen.Int[10, 100], Gen.Int[0, 7]).Array[2, 5])
        .Select((templates, assistants) => new BpaProblem("o", "e", new LocalDate(2027, 1, 4), 1,
            [.. templates.Select((t, i) => new BpaTemplate($"t{i}", $"Vakt {i}", new LocalTime(t.Item1, 0), t.Item2 * 60, t.Item3,
                [.. Week.Where((_, d) => (t.Item5 & (1 << d)) != 0)]) { Competences = Subset(t.Item4) })],
            [.. assistants.Select((a, i) => new BpaAssistant($"a{i}", $"Assistent {i}", a.Item1) { Competences = Subset(a.Item2) })]));

    [Fact]
    public void TheGenerator_NeverProposesAnyoneForAShift_WhoseCompetenceTheyLack()
    {
        var proposed = 0;
        Problems.Sample(problem =>
        {
            var result = BpaSolver.Solve(problem, new SolveOptions { Seconds = 2, Workers = 1 });
            foreach (var shift in result.Shifts)
            {
                var template = problem.Templates.Single(t => t.Id == shift.Template);
                var holds = problem.Assistants.Single(a => a.Id == shift.Assistant).Competences;
                template.Competences.ShouldBeSubsetOf(holds, $"{shift.Assistant} på {template.Name} {shift.Date}");
            }
            Interlocked.Add(ref proposed, result.Shifts.Count);
        }, iter: 25, threads: 1);
        // Not a property of empty answers: the instances do get staffed.
        proposed.ShouldBeGreaterThan(0);
    }
}
