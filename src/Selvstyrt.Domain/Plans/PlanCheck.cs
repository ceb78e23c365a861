using System.Globalization;
using NodaTime;
using Selvstyrt.Domain.Rules.Engine;

namespace Selvstyrt.Domain.Plans;

/// <summary>
/// What the rules see besides the plan: the employer, the plan's assistants (with declared other-employer hours), and
/// the same assistants' fixed shifts in the employer's other arrangements.
/// </summary>
public sealed record PlanCheckContext(EmployerProfile Employer, IReadOnlyList<AssistantProfile> Assistants, IReadOnlyList<ShiftInput> OtherShifts, bool FullyContinuous);

/// <summary>A finding as the editor shows it: the engine's finding, its identity, the plan's shifts it names, and an override if one was logged.</summary>
public sealed record PlanFinding(Finding Finding, string Key, IReadOnlyList<Guid> PlanShiftIds, FindingOverride? Override)
{
    public bool IsOpenBreach => Finding.Severity == Severity.Breach && Override is null;
}

/// <summary>
/// Turns a rotation into the rules engine's input and the engine's findings back into the editor's terms. The check
/// window is one whole rotation (the one in force today for a plan already running, else the first) plus one more
/// week, so that rest from the last week into the first is judged too.
/// </summary>
public static class PlanCheck
{
    public static DateInterval Window(WorkPlan plan, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var start = plan.StartsOn;
        if (today > start)
        {
            var cycles = Period.Between(plan.StartsOn, today, PeriodUnits.Days).Days / (7 * plan.RotationWeeks);
            start = plan.StartsOn.PlusWeeks(cycles * plan.RotationWeeks);
        }
        var end = start.PlusWeeks(plan.RotationWeeks + 1).PlusDays(-1);
        if (plan.EndsOn is { } last && last < end) end = LocalDate.Max(last, start);
        return new DateInterval(start, end);
    }

    /// <summary>The id of a rolled-out shift: the rotation shift and its date.</summary>
    public static string ShiftId(Guid rotationShift, LocalDate date) => $"{rotationShift:N}@{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>The rotation shift of a rolled-out shift's id, if it is one.</summary>
    public static Guid? RotationShiftOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var at = id.IndexOf('@', StringComparison.Ordinal);
        return at == 32 && Guid.TryParseExact(id.AsSpan(0, 32), "N", out var g) ? g : null;
    }

    /// <summary>The plan's shifts given to someone, rolled out over the window, as the engine's input.</summary>
    public static List<ShiftInput> Shifts(WorkPlan plan, Guid arrangementId, DateInterval window, string employer, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(window);
        var arrangement = arrangementId.ToString();
        return plan.RollOut(window.Start, window.End, zone).Where(s => s.AssistantId is not null && s.Date >= window.Start)
            .Select(s => ToInput(s, arrangement, employer)).ToList();
    }

    public static ShiftInput ToInput(PlannedShift s, string arrangement, string employer)
    {
        ArgumentNullException.ThrowIfNull(s);
        var pauses = new List<Pause>();
        if (s.PaidPauseMinutes > 0)
        {
            var middle = s.Start + ((s.End - s.Start) / 2) - Duration.FromMinutes(s.PaidPauseMinutes / 2);
            pauses.Add(new Pause(middle, middle + Duration.FromMinutes(s.PaidPauseMinutes), false));
        }
        return new ShiftInput(ShiftId(s.TemplateId, s.Date), s.AssistantId!.Value.ToString(), employer, arrangement, s.Start, s.End, ShiftKind.Planned)
        {
            Passive = s.Passive.Select(p => new Interval(s.Start + Duration.FromMinutes(p.OffsetMinutes), Instant.Min(s.End, s.Start + Duration.FromMinutes(p.OffsetMinutes + p.LengthMinutes)))).ToList(),
            Pauses = pauses,
            OnCall = s.Kind == PlanShiftKind.OnCall,
            Travel = s.Kind == PlanShiftKind.Travel,
        };
    }

    /// <summary>The engine's input for the plan: its shifts, the other arrangements' shifts, the plan's dates for AML-10-3-1.</summary>
    public static CheckInput Input(WorkPlan plan, PlanCheckContext context, DateInterval window, DateTimeZone zone, PlanInfo? info)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(context);
        var shifts = Shifts(plan, plan.ArrangementId, window, context.Employer.Id, zone);
        shifts.AddRange(context.OtherShifts);
        return new CheckInput(zone, [context.Employer], context.Assistants, shifts)
        {
            Period = window,
            Plan = info ?? new PlanInfo(plan.DiscussedOn, plan.StartsOn),
            Arrangements = [new ArrangementInfo(plan.ArrangementId.ToString(), context.FullyContinuous)],
        };
    }

    /// <summary>
    /// The findings that concern this plan (those naming one of its shifts, and those about the plan or one of its
    /// assistants without shifts), once each, with the override logged for it.
    /// </summary>
    public static IReadOnlyList<PlanFinding> Relevant(WorkPlan plan, IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(findings);
        var own = plan.Shifts.Select(s => s.Id).ToHashSet();
        var assistants = plan.Shifts.Where(s => s.AssistantId is not null).Select(s => s.AssistantId!.Value.ToString()).ToHashSet(StringComparer.Ordinal);
        var overrides = plan.Overrides.ToDictionary(o => o.Key, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<PlanFinding>();
        foreach (var f in findings)
        {
            var mine = f.Shifts.Select(RotationShiftOf).Where(g => g is { } id && own.Contains(id)).Select(g => g!.Value).Distinct().Order().ToList();
            if (mine.Count == 0 && (f.Shifts.Count > 0 || (f.Assistant is not null && !assistants.Contains(f.Assistant)))) continue;
            var key = string.Join('|', f.Rule, f.Assistant ?? "", string.Join(',', mine.Select(g => g.ToString("N"))));
            if (!seen.Add(key)) continue;
            result.Add(new PlanFinding(f, key, mine, overrides.GetValueOrDefault(key)));
        }
        return result;
    }
}
