using NodaTime;
using Selvstyrt.Domain.Rules.Calendar;

namespace Selvstyrt.Rostering.Bpa;

/// <summary>One template on one rotation day: where it lies in clock time in the first cycle.</summary>
internal sealed record Occurrence(int Index, int Day, int Template, LocalDate Date, Instant Start, Instant End)
{
    public long Minutes => (long)(End - Start).TotalMinutes;
}

/// <summary>
/// A <see cref="BpaProblem"/> rolled out: every occurrence of every template in clock time (Europe/Oslo, DST as
/// worked), and the cycle length, so that constraints can look across the rotation's end into its start again.
/// </summary>
internal sealed class RosterInstance
{
    public RosterInstance(BpaProblem problem)
    {
        Problem = problem;
        Days = problem.Weeks * 7;
        var list = new List<Occurrence>();
        for (var d = 0; d < Days; d++)
        {
            var date = problem.StartsOn.PlusDays(d);
            for (var t = 0; t < problem.Templates.Count; t++)
            {
                var template = problem.Templates[t];
                if (!template.Days.Contains(date.DayOfWeek)) continue;
                var (start, end) = Span(date, template);
                list.Add(new Occurrence(list.Count, d, t, date, start, end));
            }
        }
        Occurrences = list;
        // The spans in the cycle before and after, computed once: constraints ask for them in every pair and window.
        _neighbours = [.. new[] { -1, 1 }.Select(cycle => list.Select(o => Span(o.Date.PlusDays(cycle * Days), problem.Templates[o.Template])).ToArray())];
    }

    private readonly (Instant Start, Instant End)[][] _neighbours;

    public BpaProblem Problem { get; }
    public int Days { get; }
    public IReadOnlyList<Occurrence> Occurrences { get; }
    public DateTimeZone Zone => Problem.Zone;

    /// <summary>The shift's instants on a date: local start, and the local end a nominal length later (as WorkPlan rolls out).</summary>
    public (Instant Start, Instant End) Span(LocalDate date, BpaTemplate template)
    {
        var localStart = date.At(template.Start);
        var start = localStart.InZoneLeniently(Zone).ToInstant();
        var end = localStart.PlusMinutes(template.Minutes).InZoneLeniently(Zone).ToInstant();
        return (start, end);
    }

    /// <summary>The occurrence's instants in cycle <paramref name="cycle"/> (0 is the first; -1 the one before).</summary>
    public (Instant Start, Instant End) At(Occurrence o, int cycle) => cycle switch
    {
        0 => (o.Start, o.End),
        -1 => _neighbours[0][o.Index],
        1 => _neighbours[1][o.Index],
        _ => Span(o.Date.PlusDays(cycle * Days), Problem.Templates[o.Template]),
    };

    /// <summary>Local midnight of a rotation day (may be outside 0..Days-1: then it is in a neighbouring cycle).</summary>
    public Instant Midnight(int day) => Problem.StartsOn.PlusDays(day).AtStartOfDayInZone(Zone).ToInstant();

    /// <summary>Occurrences (with the cycle they are taken from) that overlap [from, to).</summary>
    public IEnumerable<(Occurrence Occurrence, int Cycle)> Overlapping(Instant from, Instant to)
    {
        for (var cycle = -1; cycle <= 1; cycle++)
        {
            foreach (var o in Occurrences)
            {
                var (s, e) = At(o, cycle);
                if (s < to && e > from) yield return (o, cycle);
            }
        }
    }

    /// <summary>Minutes of [s, e) that fall inside [from, to).</summary>
    public static long MinutesInside(Instant s, Instant e, Instant from, Instant to)
    {
        var a = s > from ? s : from;
        var b = e < to ? e : to;
        return b > a ? (long)(b - a).TotalMinutes : 0;
    }

    /// <summary>Whether the occurrence is a night shift for AML-10-11 (more than 3 h in 21:00-06:00).</summary>
    public bool IsNight(Occurrence o)
    {
        long night = 0;
        for (var d = -1; d <= 1; d++)
        {
            var date = o.Date.PlusDays(d);
            var from = date.At(new LocalTime(21, 0)).InZoneLeniently(Zone).ToInstant();
            var to = date.PlusDays(1).At(new LocalTime(6, 0)).InZoneLeniently(Zone).ToInstant();
            night += MinutesInside(o.Start, o.End, from, to);
        }
        return night > 180;
    }

    /// <summary>
    /// The Sunday and holiday "occasions" for AML-10-8-4, as the engine counts them: a red day is worked when work falls
    /// in its part of the AML § 10-10 window, or in the part on the day before when that day is not red (18:00, or
    /// 15:00 on the high eves). They are taken over the window the plan is judged in (one rotation and one more week,
    /// whose dates, and so holidays, differ from the first week's), with each red day's day index in that window.
    /// </summary>
    public IReadOnlyList<(int Day, List<(Instant From, Instant To)> Parts)> SundayOccasions()
    {
        var result = new List<(int, List<(Instant, Instant)>)>();
        for (var d = 0; d < Days + 7; d++)
        {
            var epoch = NorwegianCalendar.EpochDay(Problem.StartsOn.PlusDays(d));
            if (!NorwegianCalendar.IsRedDay(epoch)) continue;
            var parts = new List<(Instant, Instant)>();
            AddPart(parts, d, epoch);
            if (!NorwegianCalendar.IsRedDay(epoch - 1)) AddPart(parts, d - 1, epoch - 1);
            result.Add((d, parts));
        }
        return result;
    }

    private void AddPart(List<(Instant, Instant)> parts, int day, int epoch)
    {
        var (from, to) = NorwegianCalendar.SundayHolidayWindow(epoch);
        if (to <= from) return;
        var date = Problem.StartsOn.PlusDays(day);
        parts.Add((date.At(LocalTime.Midnight).PlusMinutes(from).InZoneLeniently(Zone).ToInstant(),
            date.At(LocalTime.Midnight).PlusMinutes(to).InZoneLeniently(Zone).ToInstant()));
    }

    /// <summary>Local midnight starting rotation week <paramref name="week"/> (0-based; Monday anchor).</summary>
    public Instant WeekStart(int week) => Midnight(week * 7);
}
