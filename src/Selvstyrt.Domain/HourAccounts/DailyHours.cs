using NodaTime;
using Selvstyrt.Domain.Plans;

namespace Selvstyrt.Domain.HourAccounts;

/// <summary>
/// One arrangement's hours on one local date. <see cref="Planned"/> counts every assistant hour (2:1 counts
/// twice); <see cref="TwoToOne"/> is the part worked by a second (or third) assistant at the same time;
/// the night figures are the awake and sleeping night shifts. <see cref="Unused"/> is registered
/// absence without a substitute; <see cref="Covered"/> says whether a published plan covers the date.
/// </summary>
public readonly record struct DayHours(decimal Planned, decimal AwakeNight, decimal SleepingNight, decimal TwoToOne, decimal Unused, bool Covered)
{
    /// <summary>Hours worked on the day according to approved time sheets (approved, attested or exported).</summary>
    public decimal Actual { get; init; }

    /// <summary>Planned hours of the assistants whose time sheet for the month is approved: the actual hours replace them.</summary>
    public decimal PlannedApproved { get; init; }

    /// <summary>Planned hours that approved sheets mark as not worked with no substitute (unused hours of the account).</summary>
    public decimal UnusedFromSheets { get; init; }

    /// <summary>
    /// Hours used on a past day: what approved time sheets say was worked, plus, for the shifts no approved sheet covers
    /// yet, the planned hours less registered unused hours.
    /// </summary>
    public decimal Used => Actual + Math.Max(0m, Planned - PlannedApproved - Unused);

    /// <summary>Unused hours: registered ones and the shifts approved sheets mark as not worked without a substitute.</summary>
    public decimal UnusedTotal => Unused + UnusedFromSheets;
}

/// <summary>Splits rolled-out shifts over local dates in elapsed time (a DST night is 1 h shorter or longer).</summary>
public static class DailyHours
{
    public static Dictionary<LocalDate, DayHours> From(IEnumerable<PlannedShift> shifts, LocalDate from, LocalDate to, DateTimeZone zone, Func<LocalDate, bool> covered)
    {
        ArgumentNullException.ThrowIfNull(shifts);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(covered);
        var pieces = new Dictionary<LocalDate, List<(Instant Start, Instant End, PlanShiftKind Kind)>>();
        foreach (var s in shifts)
        {
            var date = s.Start.InZone(zone).Date;
            while (true)
            {
                var dayStart = zone.AtStartOfDay(date).ToInstant();
                var dayEnd = zone.AtStartOfDay(date.PlusDays(1)).ToInstant();
                if (dayStart >= s.End) break;
                var start = s.Start > dayStart ? s.Start : dayStart;
                var end = s.End < dayEnd ? s.End : dayEnd;
                if (end > start && date >= from && date <= to)
                {
                    if (!pieces.TryGetValue(date, out var list)) pieces[date] = list = [];
                    list.Add((start, end, s.Kind));
                }
                date = date.PlusDays(1);
            }
        }

        var result = new Dictionary<LocalDate, DayHours>();
        for (var date = from; date <= to; date = date.PlusDays(1))
        {
            if (!pieces.TryGetValue(date, out var list))
            {
                result[date] = new DayHours(0, 0, 0, 0, 0, covered(date));
                continue;
            }
            decimal planned = 0, awake = 0, sleeping = 0;
            foreach (var (start, end, kind) in list)
            {
                var hours = Hours(end - start);
                planned += hours;
                if (kind == PlanShiftKind.AwakeNight) awake += hours;
                else if (kind == PlanShiftKind.SleepingNight) sleeping += hours;
            }
            result[date] = new DayHours(planned, awake, sleeping, Overlap(list), 0, covered(date));
        }
        return result;
    }

    /// <summary>Adds registered unused hours to the days they belong to.</summary>
    public static void AddUnused(Dictionary<LocalDate, DayHours> days, IEnumerable<(LocalDate Date, decimal Hours)> unused)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(unused);
        foreach (var (date, hours) in unused)
        {
            if (days.TryGetValue(date, out var day)) days[date] = day with { Unused = day.Unused + hours };
        }
    }

    public static decimal Hours(Duration d) => (decimal)d.TotalTicks / NodaConstants.TicksPerHour;

    /// <summary>Elapsed hours of an interval on each local date it touches.</summary>
    public static IEnumerable<(LocalDate Date, decimal Hours)> Split(Instant start, Instant end, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var date = start.InZone(zone).Date;
        while (true)
        {
            var dayStart = zone.AtStartOfDay(date).ToInstant();
            var dayEnd = zone.AtStartOfDay(date.PlusDays(1)).ToInstant();
            if (dayStart >= end) yield break;
            var from = start > dayStart ? start : dayStart;
            var to = end < dayEnd ? end : dayEnd;
            if (to > from) yield return (date, Hours(to - from));
            date = date.PlusDays(1);
        }
    }

    /// <summary>What approved time sheets add to the days: worked, planned that they replace, and not worked without a substitute.</summary>
    public enum SheetPart
    {
        Worked,
        PlannedReplaced,
        NotWorked,
    }

    /// <summary>Adds hours from approved time sheets to the days they fall on (dates outside the dictionary are ignored).</summary>
    public static void AddFromSheets(Dictionary<LocalDate, DayHours> days, IEnumerable<(Instant Start, Instant End, SheetPart Part)> pieces, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(pieces);
        foreach (var (start, end, part) in pieces)
        {
            foreach (var (date, hours) in Split(start, end, zone))
            {
                if (!days.TryGetValue(date, out var day)) continue;
                days[date] = part switch
                {
                    SheetPart.Worked => day with { Actual = day.Actual + hours },
                    SheetPart.PlannedReplaced => day with { PlannedApproved = day.PlannedApproved + hours },
                    _ => day with { UnusedFromSheets = day.UnusedFromSheets + hours },
                };
            }
        }
    }

    /// <summary>The time worked by more than one assistant at once, counted once per extra assistant.</summary>
    private static decimal Overlap(List<(Instant Start, Instant End, PlanShiftKind Kind)> list)
    {
        if (list.Count < 2) return 0;
        var events = new List<(Instant At, int Delta)>(list.Count * 2);
        foreach (var (start, end, _) in list)
        {
            events.Add((start, 1));
            events.Add((end, -1));
        }
        events.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Delta.CompareTo(b.Delta));
        decimal extra = 0;
        var open = 0;
        var last = events[0].At;
        foreach (var (at, delta) in events)
        {
            if (open > 1) extra += Hours(at - last) * (open - 1);
            open += delta;
            last = at;
        }
        return extra;
    }
}
