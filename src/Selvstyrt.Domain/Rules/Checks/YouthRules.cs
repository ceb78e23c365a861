using NodaTime;
using Selvstyrt.Domain.Rules.Calendar;
using Selvstyrt.Domain.Rules.Engine;
using static Selvstyrt.Domain.Rules.Engine.RuleText;

namespace Selvstyrt.Domain.Rules.Checks;

/// <summary>
/// Who arbeidsmiljøloven chapter 11 covers on a day, from the assistant's date of birth: a child (under 15, or still of
/// compulsory school age: school ends in the June of the year one turns 16), a young person (15 to 18 and no longer of school
/// age), or an adult. Without a date of birth the engine cannot tell, and treats the assistant as an adult.
/// </summary>
internal static class Youth
{
    public enum Group
    {
        Adult,
        Young,
        Child,
    }

    public static Group On(LocalDate? birth, LocalDate day)
    {
        if (birth is not { } b || day >= b.PlusYears(18)) return Group.Adult;
        return day < new LocalDate(b.Year + 16, 7, 1) ? Group.Child : Group.Young;
    }

    public static int Age(LocalDate birth, LocalDate day) => Period.Between(birth, day, PeriodUnits.Years).Years;

    /// <summary>The group on the local day an instant falls on.</summary>
    public static Group At(Scope scope, long unixSeconds) => On(scope.Assistant.BirthDate, NorwegianCalendar.Date(scope.LocalDay(unixSeconds)));

    /// <summary>Whether the assistant is under 18 on some day of the check (the youth rules skip everyone else at once).</summary>
    public static bool Any(Scope scope) => scope.Assistant.BirthDate is { } b && NorwegianCalendar.Date(scope.Check.Period.FromDay) < b.PlusYears(18);
}

/// <summary>
/// UNG-11-1: a child under 15 or of compulsory school age may only do cultural work, light work from 13, or work as part of
/// school (arbeidsmiljøloven § 11-1 (1)); personal assistance in shifts is none of these, so each shift is a breach the employer
/// must answer for.
/// </summary>
internal sealed class Ung_11_1 : ScopeRule
{
    public override string Id => "UNG-11-1";
    public override string Paragraph => "arbeidsmiljøloven § 11-1 (1)";
    public override Severity? Severity => Engine.Severity.Breach;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        if (!Youth.Any(scope)) return;
        var view = new LocalTimelineView(scope.Check.Input.Zone);
        for (var p = 0; p < scope.Shifts.Length; p++)
        {
            ref readonly var row = ref scope.Row(p);
            if (Youth.At(scope, row.Start) != Youth.Group.Child) continue;
            var day = NorwegianCalendar.Date(scope.LocalDay(row.Start));
            sink.Add(scope, Id, Engine.Severity.Breach, [scope.ShiftId(p)], row.Start, row.End, null, null,
                Format("UNG-11-1.Child", Youth.Age(scope.Assistant.BirthDate!.Value, day), When(view, row.Start)));
        }
    }
}

/// <summary>UNG-11-2: a young person's working time is at most 8 hours a day and 40 a week (arbeidsmiljøloven § 11-2 (3)), counted for all employers together (§ 11-2 (4)).</summary>
internal sealed class Ung_11_2 : ScopeRule
{
    private const double Day = 8 * 3600;
    private const double Week = 40 * 3600;

    public override string Id => "UNG-11-2";
    public override string Paragraph => "arbeidsmiljøloven § 11-2 (3) og (4)";
    public override Severity? Severity => Engine.Severity.Breach;
    public override bool AcrossEmployers => true;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        if (!Youth.Any(scope)) return;
        var timeline = scope.Check.Timeline;
        var severity = scope.CrossEmployer ? Engine.Severity.Info : Engine.Severity.Breach;
        for (var d = 0; d < scope.DayWork.Length; d++)
        {
            var work = scope.DayWork[d];
            var epochDay = d + scope.DayBase;
            if (work <= Day || Youth.On(scope.Assistant.BirthDate, NorwegianCalendar.Date(epochDay)) != Youth.Group.Young) continue;
            var (from, to) = (timeline.StartOfDay(epochDay), timeline.StartOfDay(epochDay + 1));
            if (scope.CrossEmployer && !scope.ManyEmployersIn(from, to)) continue;
            sink.Add(scope, Id, severity, scope.ShiftIdsIn(from, to), from, to, work, Day, Format("UNG-11-2.Day", Hours(work), Date(NorwegianCalendar.Date(epochDay))));
        }
        for (var w = 0; w < scope.Weeks; w++)
        {
            var work = scope.WeekWork[w];
            var start = scope.WeekStart(w);
            if (work <= Week || Youth.At(scope, start) != Youth.Group.Young) continue;
            if (scope.CrossEmployer && !scope.ManyEmployers(w, w)) continue;
            sink.Add(scope, Id, severity, scope.ShiftIdsInWeeks(w, w), start, scope.WeekStart(w + 1), work, Week,
                Format("UNG-11-2.Week", Hours(work), Date(NorwegianCalendar.Date(scope.Employer.WeekStartDay(w + scope.FirstWeek)))));
        }
    }
}

/// <summary>
/// UNG-11-3: a young person has the night off from 23:00 to 06:00, and works between 21:00 and 23:00 only when the nature of the
/// work makes it necessary or for a special, time-limited need (arbeidsmiljøloven § 11-3). Any part of a shift, passive time
/// included, counts: the assistant is at work.
/// </summary>
internal sealed class Ung_11_3 : ScopeRule
{
    public override string Id => "UNG-11-3";
    public override string Paragraph => "arbeidsmiljøloven § 11-3";
    public override Severity? Severity => Engine.Severity.Breach;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        if (!Youth.Any(scope)) return;
        var zone = scope.Check.Input.Zone;
        var view = new LocalTimelineView(zone);
        long At(LocalDate day, int hour) => zone.AtLeniently(day.At(new LocalTime(hour, 0))).ToInstant().ToUnixTimeSeconds();
        for (var p = 0; p < scope.Shifts.Length; p++)
        {
            ref readonly var row = ref scope.Row(p);
            if (Youth.At(scope, row.Start) != Youth.Group.Young) continue;
            // The windows in real time, so a night across a change to or from summer time counts the hours that pass.
            long night = 0, evening = 0;
            var last = NorwegianCalendar.Date(scope.LocalDay(row.End));
            for (var day = NorwegianCalendar.Date(scope.LocalDay(row.Start)).PlusDays(-1); day <= last; day = day.PlusDays(1))
            {
                night += Overlap(row.Start, row.End, At(day, 23), At(day.PlusDays(1), 6));
                evening += Overlap(row.Start, row.End, At(day, 21), At(day, 23));
            }
            if (night > 0)
                sink.Add(scope, Id, Engine.Severity.Breach, [scope.ShiftId(p)], row.Start, row.End, night, 0, Format("UNG-11-3.Night", When(view, row.Start), Hours(night)));
            else if (evening > 0)
                sink.Add(scope, Id, Engine.Severity.Warn, [scope.ShiftId(p)], row.Start, row.End, evening, 0, Format("UNG-11-3.Evening", When(view, row.Start), Hours(evening)));
        }
    }

    private static long Overlap(long from, long to, long windowFrom, long windowTo) => Math.Max(0, Math.Min(to, windowTo) - Math.Max(from, windowFrom));
}

/// <summary>
/// UNG-11-5: a young person has a pause of at least half an hour when the day's work is over 4.5 hours (§ 11-5 (1)), at least 12
/// hours' continuous rest in every 24 (§ 11-5 (2) b) and at least 48 hours' continuous rest in every seven days (§ 11-5 (3)), in
/// the same windows as AML-10-8-1 and AML-10-8-2.
/// </summary>
internal sealed class Ung_11_5 : ScopeRule
{
    private const double PauseAfter = 4.5 * 3600;
    private const double Pause = 30 * 60;
    private const double DailyRest = 12 * 3600;
    private const double WeeklyRest = 48 * 3600;

    public override string Id => "UNG-11-5";
    public override string Paragraph => "arbeidsmiljøloven § 11-5";
    public override Severity? Severity => Engine.Severity.Breach;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        if (!Youth.Any(scope)) return;
        var view = new LocalTimelineView(scope.Check.Input.Zone);
        for (var p = 0; p < scope.Shifts.Length; p++)
        {
            ref readonly var row = ref scope.Row(p);
            if (scope.Work[p] <= PauseAfter || scope.PauseTotal[p] >= Pause || Youth.At(scope, row.Start) != Youth.Group.Young) continue;
            sink.Add(scope, Id, Engine.Severity.Breach, [scope.ShiftId(p)], row.Start, row.End, scope.PauseTotal[p], Pause,
                Format("UNG-11-5.Pause", Hours(scope.Work[p]), When(view, row.Start), Number(scope.PauseTotal[p] / 60)));
        }
        foreach (var gap in Rest.Daily(scope, DailyRest))
        {
            if (Youth.At(scope, gap.From) != Youth.Group.Young) continue;
            sink.Add(scope, Id, Engine.Severity.Breach, Rest.Around(scope, gap), gap.From, gap.To, gap.To - gap.From, DailyRest,
                Format("UNG-11-5.Daily", Hours(gap.To - gap.From), When(view, gap.From)));
        }
        for (var w = 0; w < scope.Weeks; w++)
        {
            var (from, to) = scope.WeeklyRests[w];
            if (to - from >= WeeklyRest || Youth.At(scope, scope.WeekStart(w)) != Youth.Group.Young) continue;
            sink.Add(scope, Id, Engine.Severity.Breach, scope.ShiftIdsInWeeks(w, w), scope.WeekStart(w), scope.WeekStart(w + 1), to - from, WeeklyRest,
                Format("UNG-11-5.Weekly", Hours(to - from), Date(NorwegianCalendar.Date(scope.Employer.WeekStartDay(w + scope.FirstWeek)))));
        }
    }
}
