using Selvstyrt.Domain.Rules.Calendar;
using Selvstyrt.Domain.Rules.Engine;
using static Selvstyrt.Domain.Rules.Engine.RuleText;

namespace Selvstyrt.Domain.Rules.Checks;

/// <summary>A free period between busy periods, with the shifts on each side, and the shortest rest required there.</summary>
internal readonly record struct RestGap(long From, long To, int Before, int After, long WindowStart);

/// <summary>Finds the rest periods the rest rules judge.</summary>
internal static class Rest
{
    /// <summary>
    /// Daily rest: in rolling mode, the longest free period within 24 hours from each busy period's start (each gap
    /// once); in gap mode, every gap between busy periods shorter than a day.
    /// </summary>
    public static List<RestGap> Daily(Scope scope, double belowSeconds)
    {
        var busy = scope.Busy;
        var found = new List<RestGap>();
        if (busy.Count == 0) return found;
        if (scope.Employer.Profile.Settings.DailyRest == DailyRestMode.Gap)
        {
            for (var i = 0; i + 1 < busy.Count; i++)
            {
                if (busy[i + 1].Start - busy[i].End < belowSeconds) found.Add(new RestGap(busy[i].End, busy[i + 1].Start, i, i + 1, busy[i].Start));
            }
            return found;
        }
        var lastReported = long.MinValue;
        for (var i = 0; i < busy.Count; i++)
        {
            var start = busy[i].Start;
            var end = start + 86400;
            long bestFrom = start, bestTo = start;
            int before = i, after = i;
            for (var k = i; k < busy.Count && busy[k].End < end; k++)
            {
                var gapEnd = k + 1 < busy.Count ? Math.Min(busy[k + 1].Start, end) : end;
                if (gapEnd - busy[k].End > bestTo - bestFrom)
                {
                    bestFrom = busy[k].End;
                    bestTo = gapEnd;
                    before = k;
                    after = Math.Min(k + 1, busy.Count - 1);
                }
            }
            if (bestTo - bestFrom >= belowSeconds) continue;
            // A window fully busy reports the window itself.
            if (bestTo == bestFrom) { bestTo = end; before = i; after = i; }
            if (bestFrom == lastReported) continue;
            lastReported = bestFrom;
            found.Add(new RestGap(bestFrom, bestTo, before, after, start));
        }
        return found;
    }

    /// <summary>The longest free period inside one week of the scope; the cursor walks the busy periods once over all weeks.</summary>
    public static (long From, long To) LongestInWeek(Scope scope, int week, ref int cursor)
    {
        var start = scope.WeekStart(week);
        var end = scope.WeekStart(week + 1);
        var busy = scope.Busy;
        while (cursor < busy.Count && busy[cursor].End <= start) cursor++;
        long free = start, bestFrom = start, bestTo = start;
        for (var k = cursor; k < busy.Count && busy[k].Start < end; k++)
        {
            if (busy[k].Start - free > bestTo - bestFrom) { bestFrom = free; bestTo = busy[k].Start; }
            free = Math.Max(free, busy[k].End);
        }
        if (end - free > bestTo - bestFrom) { bestFrom = free; bestTo = end; }
        return (bestFrom, Math.Max(bestFrom, bestTo));
    }

    /// <summary>
    /// Whether the rest follows (or the window lies inside) a long shift that an AML-10-12-4 or Arbeidstilsynet basis
    /// covers: then LONGSHIFT-1 and AML-10-12-4 judge it with the basis's own rest rules.
    /// </summary>
    public static bool AfterCoveredLongShift(Scope scope, RestGap gap)
    {
        var before = scope.Busy[gap.Before];
        if (before.End - before.Start <= scope.LimitsAt(before.Start).LongShift.MaxShiftHours * 3600) return false;
        return scope.Basis(LegalBasisKind.TariffDeviation, before.Start) is not null || scope.Basis(LegalBasisKind.Arbeidstilsynet, before.Start) is not null;
    }

    public static List<string> Around(Scope scope, RestGap gap)
    {
        var ids = new List<string>();
        var busy = scope.Busy;
        for (var p = busy[gap.Before].FirstPosition; p <= busy[gap.After].LastPosition; p++)
        {
            ref readonly var row = ref scope.Row(p);
            if (row.End == gap.From || row.Start == gap.To || (row.Start < gap.To && row.End > gap.From)
                || (gap.From == gap.To && row.Start <= gap.From)) ids.Add(scope.ShiftId(p));
        }
        if (ids.Count == 0) ids.Add(scope.ShiftId(busy[gap.Before].LastPosition));
        return ids.Distinct().ToList();
    }

}

/// <summary>AML-10-8-1: at least 11 hours' continuous rest per 24 hours (arbeidsmiljøloven § 10-8 (1)). Below 8 hours it stays a breach even with an AML-10-8-3 basis; only a long-shift basis (LONGSHIFT-1) goes lower.</summary>
internal sealed class Aml_10_8_1 : ScopeRule
{
    public override string Id => "AML-10-8-1";
    public override string Paragraph => "arbeidsmiljøloven § 10-8 (1)";
    public override Severity? Severity => Engine.Severity.Breach;
    public override bool AcrossEmployers => true;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        var limits = scope.Employer.LimitsOn(scope.Check.Period.FromDay);
        foreach (var gap in scope.ShortDailyRests)
        {
            var rest = gap.To - gap.From;
            if (scope.CrossEmployer)
            {
                // The shifts in the gap's 24-hour window (which holds the gap).
                if (!scope.ManyEmployersIn(gap.WindowStart, Math.Max(gap.To, gap.WindowStart + 86400))) continue;
                sink.Add(scope, Id, Engine.Severity.Info, Rest.Around(scope, gap), gap.From, gap.To, rest, limits.DailyRestHours * 3600,
                    Format("AML-10-8-1.Across", Hours(rest), Hours(limits.DailyRestHours * 3600)));
                continue;
            }
            if (Rest.AfterCoveredLongShift(scope, gap)) continue;
            var floor = scope.Basis(LegalBasisKind.ShorterRestByTariff, gap.WindowStart) is not null ? limits.RestFloorsByTariff.Daily : limits.DailyRestHours;
            if (rest >= floor * 3600) continue;
            sink.Add(scope, Id, Engine.Severity.Breach, Rest.Around(scope, gap), gap.From, gap.To, rest, limits.DailyRestHours * 3600,
                Format(floor < limits.DailyRestHours ? "AML-10-8-1.BelowFloor" : "AML-10-8-1.Short", Hours(rest), Hours(limits.DailyRestHours * 3600), Hours(floor * 3600)));
        }
    }
}

/// <summary>AML-10-8-2: at least 35 hours' continuous rest per 7 days (arbeidsmiljøloven § 10-8 (2)), in the same 7-day windows as AML-10-4-1.</summary>
internal sealed class Aml_10_8_2 : ScopeRule
{
    public override string Id => "AML-10-8-2";
    public override string Paragraph => "arbeidsmiljøloven § 10-8 (2)";
    public override Severity? Severity => Engine.Severity.Breach;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        for (var w = 0; w < scope.Weeks; w++)
        {
            var (from, to) = scope.WeeklyRests[w];
            var limits = scope.Employer.LimitsOn(scope.Employer.WeekStartDay(w + scope.FirstWeek));
            var floor = scope.Basis(LegalBasisKind.ShorterRestByTariff, scope.WeekStart(w)) is not null ? limits.RestFloorsByTariff.Weekly : limits.WeeklyRestHours;
            if (to - from >= floor * 3600) continue;
            sink.Add(scope, Id, Engine.Severity.Breach, scope.ShiftIdsInWeeks(w, w), scope.WeekStart(w), scope.WeekStart(w + 1), to - from, limits.WeeklyRestHours * 3600,
                Format(floor < limits.WeeklyRestHours ? "AML-10-8-2.BelowFloor" : "AML-10-8-2.Short", Hours(to - from), Date(NorwegianCalendar.Date(scope.Employer.WeekStartDay(w + scope.FirstWeek))), Hours(limits.WeeklyRestHours * 3600), Hours(floor * 3600)));
        }
    }
}

/// <summary>AML-10-8-3: with a tariff agreement and union representatives, daily rest down to 8 h and weekly rest down to 28 h, with equivalent compensatory rest (arbeidsmiljøloven § 10-8 (3)).</summary>
internal sealed class Aml_10_8_3 : ScopeRule
{
    public override string Id => "AML-10-8-3";
    public override string Paragraph => "arbeidsmiljøloven § 10-8 (3)";
    public override Severity? Severity => Engine.Severity.Warn;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        if (!scope.Employer.HasAny(LegalBasisKind.ShorterRestByTariff)) return;
        var limits = scope.Employer.LimitsOn(scope.Check.Period.FromDay);
        foreach (var gap in scope.ShortDailyRests)
        {
            var rest = gap.To - gap.From;
            if (scope.Basis(LegalBasisKind.ShorterRestByTariff, gap.WindowStart) is null || rest < limits.RestFloorsByTariff.Daily * 3600) continue;
            if (Rest.AfterCoveredLongShift(scope, gap)) continue;
            var compensate = limits.DailyRestHours * 3600 - rest;
            sink.Add(scope, Id, Engine.Severity.Warn, Rest.Around(scope, gap), gap.From, gap.To, rest, limits.DailyRestHours * 3600,
                Format("AML-10-8-3.Daily", Hours(rest), Hours(limits.DailyRestHours * 3600), Hours(compensate)));
        }
        for (var w = 0; w < scope.Weeks; w++)
        {
            var (from, to) = scope.WeeklyRests[w];
            var rest = to - from;
            var weekLimits = scope.Employer.LimitsOn(scope.Employer.WeekStartDay(w + scope.FirstWeek));
            if (scope.Basis(LegalBasisKind.ShorterRestByTariff, scope.WeekStart(w)) is null) continue;
            if (rest >= weekLimits.WeeklyRestHours * 3600 || rest < weekLimits.RestFloorsByTariff.Weekly * 3600) continue;
            sink.Add(scope, Id, Engine.Severity.Warn, scope.ShiftIdsInWeeks(w, w), scope.WeekStart(w), scope.WeekStart(w + 1), rest, weekLimits.WeeklyRestHours * 3600,
                Format("AML-10-8-3.Weekly", Hours(rest), Hours(weekLimits.WeeklyRestHours * 3600), Hours(weekLimits.WeeklyRestHours * 3600 - rest)));
        }
    }
}

/// <summary>
/// AML-10-8-4: who worked a Sunday or public holiday has the next one off; with a written agreement, every other
/// one off on average over 26 weeks, and weekly rest on a Sunday or holiday at least every 4th week
/// (arbeidsmiljøloven § 10-8 (4)). "Worked" means work inside the AML-10-10-1 window of that day (its eve included).
/// </summary>
internal sealed class Aml_10_8_4 : ScopeRule
{
    public override string Id => "AML-10-8-4";
    public override string Paragraph => "arbeidsmiljøloven § 10-8 (4)";
    public override Severity? Severity => Engine.Severity.Breach;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        var redDays = scope.Check.RedDays;
        var red = new List<(int Day, bool Worked)>(redDays.Length);
        foreach (var day in redDays) red.Add((day, scope.SundayOccasionWorked(day)));
        var timeline = scope.Check.Timeline;
        for (var i = 0; i + 1 < red.Count; i++)
        {
            if (!red[i].Worked || !red[i + 1].Worked) continue;
            var startDay = red[i + 1].Day;
            var agreement = scope.Basis(LegalBasisKind.SundayAgreement, timeline.StartOfDay(startDay));
            if (agreement is not null) continue;
            var from = timeline.StartOfDay(red[i].Day) - (6 * 3600);
            var to = timeline.StartOfDay(startDay + 1);
            // The shifts to blame are those in the two red days' windows (from 18:00 the day before to 22:00), not every
            // shift of the week between them: the plan marks only the Sunday shifts.
            var shifts = scope.ShiftIdsIn(from, timeline.StartOfDay(red[i].Day) + (22 * 3600));
            shifts.AddRange(scope.ShiftIdsIn(timeline.StartOfDay(startDay) - (6 * 3600), timeline.StartOfDay(startDay) + (22 * 3600)));
            if (startDay - red[i].Day == 1) shifts = [.. shifts.Distinct(StringComparer.Ordinal)];
            sink.Add(scope, Id, Engine.Severity.Breach, shifts, from, to, null, null,
                Format("AML-10-8-4.Consecutive", Date(NorwegianCalendar.Date(red[i].Day)), Date(NorwegianCalendar.Date(startDay))));
        }
        if (!scope.Employer.HasAny(LegalBasisKind.SundayAgreement)) return;
        // The agreement is an alternative to the next red day off, never an extra demand: only an assistant who works two
        // red days in a row under it is held to its average and its day off in every 4 weeks.
        var reliesOnAgreement = false;
        for (var i = 0; i + 1 < red.Count && !reliesOnAgreement; i++) reliesOnAgreement = red[i].Worked && red[i + 1].Worked;
        if (reliesOnAgreement) EvaluateAgreement(scope, sink, red);
    }

    private void EvaluateAgreement(Scope scope, FindingSink sink, List<(int Day, bool Worked)> red)
    {
        var limits = scope.Employer.LimitsOn(scope.Check.Period.FromDay);
        var (averaging, offEvery) = limits.SundayRotation;
        var workedByWeek = new double[scope.Weeks];
        var redByWeek = new double[scope.Weeks];
        var offByWeek = new bool[scope.Weeks];
        foreach (var (day, worked) in red)
        {
            var week = scope.Employer.WeekOf(day) - scope.FirstWeek;
            if ((uint)week >= (uint)scope.Weeks) continue;
            redByWeek[week]++;
            if (worked) workedByWeek[week]++;
            else offByWeek[week] = true;
        }
        bool Covered(int week) => scope.Basis(LegalBasisKind.SundayAgreement, scope.WeekStart(week)) is not null;
        WindowRuns.Find(scope.Weeks, averaging,
            (from, span) => WindowRuns.Sum(workedByWeek, from, span) - (WindowRuns.Sum(redByWeek, from, span) / 2),
            from => Covered(from) ? 0 : double.MaxValue,
            (a, b, worst, _) => sink.Add(scope, Id, Engine.Severity.Breach, scope.ShiftIdsInWeeks(a, b), scope.WeekStart(a), scope.WeekStart(b + 1), null, null,
                Format("AML-10-8-4.Average", Math.Min(averaging, scope.Weeks))));
        if (scope.Weeks < offEvery) return;
        for (var from = 0; from + offEvery <= scope.Weeks; from++)
        {
            if (!Covered(from)) continue;
            var anyOff = false;
            for (var w = from; w < from + offEvery; w++) anyOff |= offByWeek[w];
            if (anyOff) continue;
            sink.Add(scope, Id, Engine.Severity.Breach, scope.ShiftIdsInWeeks(from, from + offEvery - 1), scope.WeekStart(from), scope.WeekStart(from + offEvery), null, null,
                Format("AML-10-8-4.EveryFourth", offEvery));
            from += offEvery - 1;
        }
    }
}
