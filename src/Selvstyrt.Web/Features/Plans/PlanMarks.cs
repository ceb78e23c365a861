using System.Globalization;
using Microsoft.Extensions.Localization;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.Rules.Engine;

namespace Selvstyrt.Web.Features.Plans;

/// <summary>
/// How the calendar shows a shift: a short code for its kind (beside the colour, so the kind never rests on colour
/// alone), one compact mark for its findings, and the rule and paragraph behind the mark for the tooltip and the
/// screen reader.
/// </summary>
public static class PlanMarks
{
    public static readonly IReadOnlyList<PlanShiftKind> Kinds = Enum.GetValues<PlanShiftKind>();

    /// <summary>The CSS modifier of a kind's colour («app-kind--day»).</summary>
    public static string KindClass(PlanShiftKind kind) => "app-kind--" + kind.ToString().ToLowerInvariant();

    /// <summary>The short code printed on the shift (from the resources: «D», «K», «VN» …).</summary>
    public static string KindCode(IStringLocalizer t, PlanShiftKind kind)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t[$"ShiftKind.Code.{kind}"];
    }

    /// <summary>Findings by the rotation shift they are about.</summary>
    public static Dictionary<Guid, List<PlanFinding>> ByShift(IEnumerable<PlanFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var result = new Dictionary<Guid, List<PlanFinding>>();
        foreach (var f in findings)
            foreach (var id in f.PlanShiftIds)
                (result.TryGetValue(id, out var list) ? list : result[id] = []).Add(f);
        return result;
    }

    /// <summary>The mark's level: an open breach, else the worst severity (an accepted breach counts as a warning).</summary>
    public static string Level(IReadOnlyCollection<PlanFinding> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        if (marks.Any(m => m.IsOpenBreach)) return "breach";
        return marks.Any(m => m.Finding.Severity >= Severity.Warn) ? "warn" : "info";
    }

    /// <summary>The symbol on the mark: it differs per level, so the level does not rest on colour.</summary>
    public static string Symbol(string level) => level switch { "breach" => "!", "warn" => "?", _ => "i" };

    /// <summary>«2 brudd (3 funn)» or «1 funn».</summary>
    public static string Text(IStringLocalizer t, IReadOnlyCollection<PlanFinding> marks)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(marks);
        var breaches = marks.Count(m => m.IsOpenBreach);
        return breaches > 0 ? string.Format(CultureInfo.CurrentCulture, t["Plans.MarkBreach"], breaches, marks.Count) : string.Format(CultureInfo.CurrentCulture, t["Plans.MarkFindings"], marks.Count);
    }

    /// <summary>Each rule once with its paragraph, worst first: «AML-10-8-1 (aml. § 10-8 (1))».</summary>
    public static IReadOnlyList<string> Rules(IEnumerable<PlanFinding> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        return marks.GroupBy(m => m.Finding.Rule).OrderByDescending(g => g.Max(m => m.Finding.Severity)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ({PlanRules.Paragraph(g.Key)})").ToList();
    }
}
