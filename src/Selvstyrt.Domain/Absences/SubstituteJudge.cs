using NodaTime;
using Selvstyrt.Domain.Rules.Engine;

namespace Selvstyrt.Domain.Absences;

/// <summary>What a substitute costs beyond their ordinary pay for the shift.</summary>
public enum SubstituteCost
{
    /// <summary>The week stays within their position (or they are employed on call).</summary>
    WithinPosition = 1,

    /// <summary>Beyond their part-time position but within full time: additional hours (merarbeid).</summary>
    AdditionalHours = 2,

    /// <summary>Beyond full time in the week: overtime with its premium (AML § 10-6 and the tariffs).</summary>
    Overtime = 3,
}

/// <summary>One candidate as the rules judge them: lawful or not (with the breaches the shift would cause), their week before and after.</summary>
public sealed record SubstituteVerdict(string Assistant, IReadOnlyList<Finding> Breaches, IReadOnlyList<Finding> Warnings, double WeekHours, double WeekHoursAfter, SubstituteCost Cost)
{
    /// <summary>Lawful: taking the shift adds no breach of the working-time rules for this assistant.</summary>
    public bool Lawful => Breaches.Count == 0;
}

/// <summary>
/// «Finn vikar» (issue 17, part 5): judges each candidate for a vacant shift with the rules engine, across everything the
/// input holds for them (the employer's other arrangements, declared hours for other employers). The shift is added to
/// the candidate on trial in one <see cref="IncrementalChecker"/>, so only that assistant's windows are checked again, and
/// taken away before the next. A candidate is lawful when the trial causes no breach for them (<see cref="Caused"/>): accepting
/// leaves their breaches as they were, never more or larger, which is the promise the offer makes. Warnings the shift adds
/// are told, not refused.
/// </summary>
public static class SubstituteJudge
{
    /// <summary>Full time in hours per week for the cost: the tariffs' 37.5 hours of day work (a cost estimate; the plan's own hours per assistant are on the plan).</summary>
    public const double FullTimeHours = 37.5;

    /// <summary>
    /// Judges each candidate of <paramref name="positions"/> (their position in per cent of full time, null for on call) for the
    /// <paramref name="vacant"/> shift (its assistant is replaced by each in turn); <paramref name="input"/> holds the
    /// candidates' profiles and all their shifts around it, the vacant shift not given to anyone.
    /// </summary>
    public static IReadOnlyList<SubstituteVerdict> Judge(CheckInput input, ShiftInput vacant, IReadOnlyDictionary<string, decimal?> positions)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(vacant);
        ArgumentNullException.ThrowIfNull(positions);
        var checker = new IncrementalChecker(input);
        var week = WeekOf(vacant.Start, input.Zone);
        var length = (vacant.End - vacant.Start).TotalHours;
        var verdicts = new List<SubstituteVerdict>(positions.Count);
        foreach (var (candidate, percent) in positions)
        {
            var trial = vacant with { Id = $"{vacant.Id}#vikar", Assistant = candidate };
            var changes = checker.Add(trial);
            checker.Remove(trial.Id);
            var added = changes.Added.Where(f => f.Assistant == candidate || f.Shifts.Contains(trial.Id)).ToList();
            var caused = added.Where(f => f.Severity == Severity.Breach && Caused(f, changes.Removed)).ToList();
            var hours = input.Shifts.Where(s => s.Assistant == candidate).Sum(s => Overlap(s, week));
            var after = hours + length;
            verdicts.Add(new SubstituteVerdict(candidate, caused,
                added.Where(f => f.Severity == Severity.Warn).ToList(), hours, after, Cost(after, percent)));
        }
        return verdicts;
    }

    /// <summary>
    /// Whether a breach that appeared with the trial shift is the shift's doing: no breach of the same rule for the same assistant
    /// over the same time was there before, at least as far beyond its limit. (A breach of a whole period, such as two Sundays
    /// running, lists every shift in it, the trial one too, and is found again unchanged: that one the assistant already had.)
    /// </summary>
    public static bool Caused(Finding breach, IReadOnlyList<Finding> removed)
    {
        ArgumentNullException.ThrowIfNull(breach);
        ArgumentNullException.ThrowIfNull(removed);
        return !removed.Any(r => r.Severity == Severity.Breach && r.Rule == breach.Rule && r.Assistant == breach.Assistant && r.From == breach.From && r.To == breach.To
                                 && Beyond(r) >= Beyond(breach));
    }

    /// <summary>How far a finding is from its limit, whichever way the limit goes (hours over a maximum, rest under a minimum).</summary>
    private static double Beyond(Finding f) => Math.Abs((f.Measured ?? 0) - (f.Limit ?? 0));

    /// <summary>The cost class of a week of <paramref name="hours"/> for a position of <paramref name="percent"/> (null: on call).</summary>
    public static SubstituteCost Cost(double hours, decimal? percent)
    {
        if (hours > FullTimeHours + 0.001) return SubstituteCost.Overtime;
        if (percent is not { } p) return SubstituteCost.WithinPosition;
        return hours > FullTimeHours * (double)p / 100 + 0.001 ? SubstituteCost.AdditionalHours : SubstituteCost.WithinPosition;
    }

    /// <summary>The Monday-to-Monday week (in the zone) that holds the instant.</summary>
    private static Interval WeekOf(Instant at, DateTimeZone zone)
    {
        var date = at.InZone(zone).Date;
        var monday = date.PlusDays(-((int)date.DayOfWeek - 1));
        return new Interval(zone.AtStartOfDay(monday).ToInstant(), zone.AtStartOfDay(monday.PlusWeeks(1)).ToInstant());
    }

    private static double Overlap(ShiftInput s, Interval week)
    {
        var start = Instant.Max(s.Start, week.Start);
        var end = Instant.Min(s.End, week.End);
        return end > start ? (end - start).TotalHours : 0;
    }
}
