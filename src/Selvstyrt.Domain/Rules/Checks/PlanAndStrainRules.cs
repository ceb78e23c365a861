using NodaTime;
using Selvstyrt.Domain.Rules.Calendar;
using Selvstyrt.Domain.Rules.Engine;
using static Selvstyrt.Domain.Rules.Engine.RuleText;

namespace Selvstyrt.Domain.Rules.Checks;

/// <summary>AML-10-3-1: rota work needs a work plan, discussed with the union representatives (or the assistants) at the latest 14 days before it takes effect (arbeidsmiljøloven § 10-3).</summary>
internal sealed class Aml_10_3_1 : CheckRule
{
    public override string Id => "AML-10-3-1";
    public override string Paragraph => "arbeidsmiljøloven § 10-3";
    public override Severity? Severity => Engine.Severity.Breach;

    public override void Evaluate(PreparedCheck check, FindingSink sink)
    {
        if (check.Input.Plan is not { } plan) return;
        var startDay = NorwegianCalendar.EpochDay(plan.StartsOn);
        var notice = check.Employers.Length == 0
            ? Parameters.Statutory.AmlLimits.Rows[0].Value.PlanNoticeDays
            : check.Employers.Min(e => e.Profile.Settings.PlanNoticeDays ?? e.LimitsOn(startDay).PlanNoticeDays);
        var start = Instant.FromUnixTimeSeconds(check.Timeline.StartOfDay(startDay));
        if (plan.DiscussedOn is not { } discussed)
        {
            sink.Add(new Finding(Id, Engine.Severity.Warn, null, null, [], start, start, null, notice, "d",
                Format("AML-10-3-1.NotDiscussed", Date(plan.StartsOn), notice)));
            return;
        }
        var days = Period.Between(discussed, plan.StartsOn, PeriodUnits.Days).Days;
        if (days >= notice) return;
        var discussedAt = Instant.FromUnixTimeSeconds(check.Timeline.StartOfDay(NorwegianCalendar.EpochDay(discussed)));
        sink.Add(new Finding(Id, Engine.Severity.Breach, null, null, [], discussedAt, start, days, notice, "d",
            Format("AML-10-3-1.Late", Date(discussed), Date(plan.StartsOn), days, notice)));
    }
}

/// <summary>
/// AML-10-2-1: working time must not cause harmful physical or mental strain (arbeidsmiljøloven § 10-2 (1)). Warns
/// on patterns (thresholds are settings): repeated shifts of 24 hours or more, many night shifts in a row, and more
/// than 48 hours in a week across all employers, declared hours for other employers included. Declared hours give
/// info.
/// </summary>
internal sealed class Aml_10_2_1 : ScopeRule
{
    public override string Id => "AML-10-2-1";
    public override string Paragraph => "arbeidsmiljøloven § 10-2 (1)";
    public override Severity? Severity => Engine.Severity.Warn;
    public override bool AcrossEmployers => true;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        var strain = scope.Employer.Profile.Settings.Strain;
        if (scope.CrossEmployer)
        {
            AllEmployers(scope, sink, strain.CrossEmployerWeeklyHours);
            return;
        }
        LongShifts(scope, sink, strain.LongShiftHours, strain.LongShiftsPer7Days);
        NightsInRow(scope, sink, strain.NightsInRow);
    }

    private void LongShifts(Scope scope, FindingSink sink, double hours, int count)
    {
        var longOnes = new List<BusyPeriod>();
        foreach (var period in scope.Busy) if (period.End - period.Start >= hours * 3600) longOnes.Add(period);
        var reportedUntil = long.MinValue;
        for (var i = 0; i + count - 1 < longOnes.Count; i++)
        {
            var last = longOnes[i + count - 1];
            if (last.Start - longOnes[i].Start >= 7 * 86400 || longOnes[i].Start < reportedUntil) continue;
            var ids = new List<string>();
            for (var p = longOnes[i].FirstPosition; p <= last.LastPosition; p++) ids.Add(scope.ShiftId(p));
            sink.Add(scope, Id, Engine.Severity.Warn, ids, longOnes[i].Start, last.End, null, null,
                Format("AML-10-2-1.LongShifts", count, Number(hours)));
            reportedUntil = last.End;
        }
    }

    private void NightsInRow(Scope scope, FindingSink sink, int threshold)
    {
        var nightHours = scope.Employer.LimitsOn(scope.Check.Period.FromDay).NightWorker.NightShiftHours * 3600;
        int runStart = -1, runEnd = -1, lastDay = int.MinValue, runLength = 0;
        void Flush()
        {
            if (runLength < threshold) return;
            var ids = new List<string>();
            for (var p = runStart; p <= runEnd; p++) if (scope.Night[p] >= nightHours) ids.Add(scope.ShiftId(p));
            sink.Add(scope, Id, Engine.Severity.Warn, ids, scope.Row(runStart).Start, scope.Row(runEnd).End, runLength * 3600.0, threshold * 3600.0,
                Format("AML-10-2-1.Nights", runLength));
        }
        for (var p = 0; p < scope.Shifts.Length; p++)
        {
            if (scope.Night[p] < nightHours) continue;
            var day = scope.LocalDay(scope.Row(p).Start);
            if (day == lastDay) { runEnd = p; continue; }
            if (day == lastDay + 1) { runLength++; runEnd = p; }
            else
            {
                Flush();
                runStart = runEnd = p;
                runLength = 1;
            }
            lastDay = day;
        }
        Flush();
    }

    private void AllEmployers(Scope scope, FindingSink sink, double weeklyHours)
    {
        var declared = scope.Assistant.OtherEmployerHours;
        foreach (var d in declared)
        {
            var from = scope.Check.Timeline.StartOfDay(NorwegianCalendar.EpochDay(d.From));
            var to = d.To is { } end ? scope.Check.Timeline.StartOfDay(NorwegianCalendar.EpochDay(end) + 1) : scope.WeekStart(scope.Weeks);
            if (to <= scope.WeekStart(0) || from >= scope.WeekStart(scope.Weeks)) continue;
            sink.Add(scope, Id, Engine.Severity.Info, [], from, to, d.HoursPerWeek * 3600, null,
                Format("AML-10-2-1.Declared", Number(d.HoursPerWeek), d.Employer ?? Get("AML-10-2-1.OtherEmployer")));
        }
        for (var w = 0; w < scope.Weeks; w++)
        {
            var startDay = scope.Employer.WeekStartDay(w + scope.FirstWeek);
            var date = NorwegianCalendar.Date(startDay);
            var other = 0.0;
            foreach (var d in declared)
            {
                if (date.PlusDays(6) >= d.From && (d.To is null || date <= d.To)) other += d.HoursPerWeek * 3600;
            }
            var total = scope.WeekWork[w] + other;
            if (total <= weeklyHours * 3600 + 1e-6) continue;
            if (other == 0 && !scope.ManyEmployersIn(scope.WeekStart(w), scope.WeekStart(w + 1))) continue;
            sink.Add(scope, Id, Engine.Severity.Warn, scope.ShiftIdsInWeeks(w, w), scope.WeekStart(w), scope.WeekStart(w + 1), total, weeklyHours * 3600,
                Format("AML-10-2-1.Total", Hours(total), Date(date), Hours(weeklyHours * 3600)));
        }
    }

}
