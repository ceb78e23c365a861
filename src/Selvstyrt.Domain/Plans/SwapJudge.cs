using Selvstyrt.Domain.Absences;
using Selvstyrt.Domain.Rules.Engine;

namespace Selvstyrt.Domain.Plans;

/// <summary>What the rules engine says about a swap: the breaches it would cause and the warnings it would add, per assistant who takes a shift.</summary>
public sealed record SwapVerdict(IReadOnlyList<Finding> Breaches, IReadOnlyList<Finding> Warnings)
{
    public bool Lawful => Breaches.Count == 0;

    /// <summary>Clean: nothing new at all, not even a warning (may take effect without approval where the arrangement allows it).</summary>
    public bool Clean => Breaches.Count == 0 && Warnings.Count == 0;
}

/// <summary>
/// Judges a shift swap or a shift given away (issue 17, part 6) with the rules engine: every moved shift is given to its new
/// assistant at once in one <see cref="IncrementalChecker"/> (so a same-day swap of a morning for an evening is judged as the
/// swap it is, not as two shifts on one person), and the findings of the assistants who take shifts are compared with before.
/// A breach counts against the swap when it is new or larger for the assistant who has it (<see cref="SubstituteJudge.Caused"/>);
/// a warning when no one had it over the same time before (one that moved with its shift is not new).
/// </summary>
public static class SwapJudge
{
    /// <param name="input">The assistants' profiles and their shifts around the swap, as the plan is now (the moved shifts with their present assistant).</param>
    /// <param name="moves">Each moved shift with its new assistant (same id as in <paramref name="input"/>).</param>
    public static SwapVerdict Judge(CheckInput input, IReadOnlyList<ShiftInput> moves)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(moves);
        var checker = new IncrementalChecker(input);
        var takers = moves.Select(m => m.Assistant).ToHashSet(StringComparer.Ordinal);
        var ids = moves.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var givers = input.Shifts.Where(s => ids.Contains(s.Id)).Select(s => s.Assistant).ToHashSet(StringComparer.Ordinal);
        var before = checker.Findings.Where(f => f.Assistant is { } a && (takers.Contains(a) || givers.Contains(a))).ToList();
        foreach (var move in moves) checker.Replace(move);
        var after = checker.Findings.Where(f => f.Assistant is { } a && takers.Contains(a)).ToList();
        var breaches = after.Where(f => f.Severity == Severity.Breach && SubstituteJudge.Caused(f, before.Where(b => b.Assistant == f.Assistant).ToList())).ToList();
        // A warning that only moved with its shift (the same rule over the same time, such as a shift without a registered pause)
        // is not new: the swap is still clean.
        var warnings = after.Where(f => f.Severity == Severity.Warn && !before.Any(b => b.Rule == f.Rule && b.From == f.From && b.To == f.To)).ToList();
        return new SwapVerdict(breaches, warnings);
    }
}
