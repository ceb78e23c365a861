using NodaTime;
using Selvstyrt.Domain.Rules.Calendar;

namespace Selvstyrt.Domain.Plans;

/// <summary>A stretch of a rotation week with fewer assistants than needed.</summary>
public sealed record CoverageGap(int Week, IsoDayOfWeek Day, int StartMinute, int LengthMinutes, int Needed, int Planned);

/// <summary>One rotation week's cover: hours with nobody, hours with one where two are needed (2:1), and the gaps.</summary>
public sealed record WeekCoverage(int Week, decimal NeededHours, decimal UncoveredHours, decimal TwoToOneGapHours, IReadOnlyList<CoverageGap> Gaps);

/// <summary>
/// One time-of-day band of a day in a rotation week (the calendar's cover row): the most assistants needed at once in the
/// band, and the largest shortfall at any moment of it (0 when the band is covered all through).
/// </summary>
public sealed record CoverBand(IsoDayOfWeek Day, int StartMinute, int LengthMinutes, int Needed, int Shortfall)
{
    /// <summary>How many are planned at the band's worst moment, against <see cref="Needed"/>.</summary>
    public int PlannedAtWorst => Needed - Shortfall;
}

/// <summary>
/// Compares a rotation with what the arrangement needs, per rotation week, on a five-minute grid of nominal local
/// time (the rotation's view; DST is for the rolled-out plan). A shift that runs past Sunday midnight covers the
/// next rotation week's Monday (week N runs into week 1); a need that does, the same week's Monday.
/// </summary>
public static class PlanCoverage
{
    private const int Slot = 5;
    private const int SlotsPerDay = 24 * 60 / Slot;
    private const int SlotsPerWeek = 7 * SlotsPerDay;

    public static IReadOnlyList<WeekCoverage> Of(WorkPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Of(plan.RotationWeeks, plan.Shifts.Select(s => (s.Week, s.Day, s.StartMinute, s.LengthMinutes)), plan.Coverage.Select(c => c.Spec));
    }

    public static IReadOnlyList<WeekCoverage> Of(int weeks, IEnumerable<(int Week, IsoDayOfWeek Day, int StartMinute, int LengthMinutes)> shifts, IEnumerable<CoverageSpec> needs)
    {
        var (need, have) = Slots(weeks, shifts, needs);
        var result = new List<WeekCoverage>(weeks);
        for (var w = 0; w < weeks; w++)
        {
            int needed = 0, uncovered = 0, twoToOne = 0;
            var gaps = new List<CoverageGap>();
            CoverageGap? open = null;
            for (var s = 0; s < SlotsPerWeek; s++)
            {
                var n = need[s];
                var h = have[w, s];
                needed += n;
                if (n > 0 && h == 0) uncovered++;
                if (n >= 2 && h == 1) twoToOne++;
                var short_ = h < n;
                if (open is not null && (!short_ || open.Needed != n || open.Planned != h || s % SlotsPerDay == 0))
                {
                    gaps.Add(open);
                    open = null;
                }
                if (short_)
                {
                    open = open is null
                        ? new CoverageGap(w + 1, (IsoDayOfWeek)((s / SlotsPerDay) + 1), s % SlotsPerDay * Slot, Slot, n, h)
                        : open with { LengthMinutes = open.LengthMinutes + Slot };
                }
            }
            if (open is not null) gaps.Add(open);
            result.Add(new WeekCoverage(w + 1, Hours(needed), Hours(uncovered), Hours(twoToOne), gaps));
        }
        return result;
    }

    /// <summary>
    /// The calendar's cover rows for one rotation week: each day cut into bands of <paramref name="bandMinutes"/> from
    /// midnight, with the most needed at once and the worst shortfall in each.
    /// </summary>
    public static IReadOnlyList<CoverBand> Bands(WorkPlan plan, int week, int bandMinutes = 6 * 60)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThan(bandMinutes, Slot);
        var (need, have) = Slots(plan.RotationWeeks, plan.Shifts.Select(s => (s.Week, s.Day, s.StartMinute, s.LengthMinutes)), plan.Coverage.Select(c => c.Spec));
        var w = Math.Clamp(week, 1, plan.RotationWeeks) - 1;
        var result = new List<CoverBand>();
        for (var d = 0; d < 7; d++)
        {
            for (var start = 0; start < 24 * 60; start += bandMinutes)
            {
                var length = Math.Min(bandMinutes, (24 * 60) - start);
                int needed = 0, shortfall = 0;
                for (var s = (d * SlotsPerDay) + (start / Slot); s < (d * SlotsPerDay) + ((start + length) / Slot); s++)
                {
                    needed = Math.Max(needed, need[s]);
                    shortfall = Math.Max(shortfall, need[s] - have[w, s]);
                }
                result.Add(new CoverBand((IsoDayOfWeek)(d + 1), start, length, needed, shortfall));
            }
        }
        return result;
    }

    /// <summary>How many are needed, and how many planned in each rotation week, on the five-minute grid.</summary>
    private static (int[] Need, int[,] Have) Slots(int weeks, IEnumerable<(int Week, IsoDayOfWeek Day, int StartMinute, int LengthMinutes)> shifts, IEnumerable<CoverageSpec> needs)
    {
        var need = new int[SlotsPerWeek];
        foreach (var n in needs)
        {
            for (var d = 1; d <= 7; d++)
            {
                if (((int)n.Days & (1 << (d - 1))) == 0) continue;
                var from = ((d - 1) * SlotsPerDay) + (n.StartMinute / Slot);
                for (var i = 0; i < n.LengthMinutes / Slot; i++) need[(from + i) % SlotsPerWeek] += n.Assistants;
            }
        }
        var have = new int[weeks, SlotsPerWeek];
        foreach (var (week, day, start, length) in shifts)
        {
            if (week < 1 || week > weeks) continue;
            var from = (((int)day - 1) * SlotsPerDay) + (start / Slot);
            var slots = (int)Math.Ceiling(length / (double)Slot);
            for (var i = 0; i < slots; i++)
            {
                var at = from + i;
                have[(week - 1 + (at / SlotsPerWeek)) % weeks, at % SlotsPerWeek]++;
            }
        }
        return (need, have);
    }

    /// <summary>
    /// What the decision implies when nobody has said more: round the clock with as many at once as the weekly hours
    /// allow (336 h is 2:1 all week), otherwise the same hours every day from 08:00.
    /// </summary>
    public static IReadOnlyList<CoverageSpec> Suggest(decimal hoursPerWeek)
    {
        if (hoursPerWeek <= 0) return [];
        if (hoursPerWeek >= 168m) return [new CoverageSpec(WeekDays.All, 0, 24 * 60, Math.Min(2, (int)(hoursPerWeek / 168m)))];
        var perDay = (int)Math.Round(hoursPerWeek / 7m * 60m / Slot) * Slot;
        return [new CoverageSpec(WeekDays.All, 8 * 60, Math.Clamp(perDay, Slot, 16 * 60), 1)];
    }

    private static decimal Hours(int slots) => slots * Slot / 60m;
}

/// <summary>An assistant's planned hours per rotation week against the hours their position gives.</summary>
public sealed record AssistantHours(Guid? AssistantId, IReadOnlyList<decimal> PerWeek, decimal Average, decimal? PositionHours);

/// <summary>The hours of a rotation: per assistant and week (nominal), and per week against the decision.</summary>
public static class PlanHours
{
    /// <summary>A full-time week in the BPA agreements for round-the-clock rotas (AML-10-4-4 gives 35.5 h).</summary>
    public const decimal FullTimeRota = 35.5m;

    /// <summary>A full-time week for day work.</summary>
    public const decimal FullTimeDay = 37.5m;

    public static decimal FullTimeWeek(WorkPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Shifts.Any(s => s.Kind is PlanShiftKind.AwakeNight or PlanShiftKind.SleepingNight or PlanShiftKind.TwentyFourHour
            || s.Day == IsoDayOfWeek.Sunday) ? FullTimeRota : FullTimeDay;
    }

    /// <summary>Per assistant (null for shifts not given to anyone), hours in each rotation week, the average, and the position's hours.</summary>
    public static IReadOnlyList<AssistantHours> PerAssistant(WorkPlan plan, IReadOnlyDictionary<Guid, decimal> positionPercent)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(positionPercent);
        var fullTime = FullTimeWeek(plan);
        return plan.Shifts.GroupBy(s => s.AssistantId).Select(g =>
        {
            var weeks = Enumerable.Range(1, plan.RotationWeeks).Select(w => g.Where(s => s.Week == w).Sum(s => s.LengthMinutes) / 60m).ToList();
            decimal? position = g.Key is { } id && positionPercent.TryGetValue(id, out var pct) && pct > 0 ? Math.Round(fullTime * pct / 100m, 2) : null;
            return new AssistantHours(g.Key, weeks, Math.Round(weeks.Sum() / plan.RotationWeeks, 2), position);
        }).OrderBy(a => a.AssistantId is null).ToList();
    }

    /// <summary>Planned hours per rotation week (nominal, every shift counted once however many work at once).</summary>
    public static IReadOnlyList<decimal> PerWeek(WorkPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Enumerable.Range(1, plan.RotationWeeks).Select(w => plan.Shifts.Where(s => s.Week == w).Sum(s => s.LengthMinutes) / 60m).ToList();
    }
}

/// <summary>One ISO week of the year view.</summary>
public sealed record YearWeek(int WeekNo, LocalDate Monday, int? RotationWeek, decimal PlannedHours, IReadOnlyList<(LocalDate Date, string Name)> Holidays,
    bool MainHoliday, IReadOnlyList<string> Marks, int Deviations);

/// <summary>
/// The year view (årsplan): the ISO weeks of a year with the rotation week in force, the hours as rolled out (DST
/// counted), public holidays, the main holiday period (ferieloven § 7: 1 June to 30 September) and the user's marks.
/// </summary>
public static class PlanYear
{
    public static IReadOnlyList<YearWeek> Of(WorkPlan plan, int year, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var rules = NodaTime.Calendars.WeekYearRules.Iso;
        var weeks = rules.GetWeeksInWeekYear(year, CalendarSystem.Iso);
        var firstMonday = rules.GetLocalDate(year, 1, IsoDayOfWeek.Monday, CalendarSystem.Iso);
        var last = firstMonday.PlusWeeks(weeks).PlusDays(-1);
        var holidays = NorwegianCalendar.PublicHolidays(year - 1).Concat(NorwegianCalendar.PublicHolidays(year)).Concat(NorwegianCalendar.PublicHolidays(year + 1)).ToList();
        var shifts = plan.RollOut(firstMonday, last, zone).ToList();
        var result = new List<YearWeek>(weeks);
        for (var w = 0; w < weeks; w++)
        {
            var monday = firstMonday.PlusWeeks(w);
            var sunday = monday.PlusDays(6);
            var active = sunday >= plan.StartsOn && (plan.EndsOn is null || monday <= plan.EndsOn);
            var hours = shifts.Where(s => s.Date >= monday && s.Date <= sunday).Sum(s => (decimal)(s.End - s.Start).TotalMinutes) / 60m;
            result.Add(new YearWeek(w + 1, monday, active ? plan.RotationWeekOf(LocalDate.Max(monday, plan.StartsOn)) : null, hours,
                holidays.Where(h => h.Date >= monday && h.Date <= sunday).ToList(),
                sunday >= new LocalDate(monday.Year, 6, 1) && monday <= new LocalDate(monday.Year, 9, 30),
                plan.Marks.Where(m => m.From <= sunday && m.To >= monday).Select(m => m.Name).ToList(),
                plan.Deviations.Count(d => d.Date >= monday && d.Date <= sunday)));
        }
        return result;
    }
}
