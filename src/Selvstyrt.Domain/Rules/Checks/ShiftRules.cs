using Selvstyrt.Domain.Rules.Calendar;
using Selvstyrt.Domain.Rules.Engine;
using static Selvstyrt.Domain.Rules.Engine.RuleText;

namespace Selvstyrt.Domain.Rules.Checks;

/// <summary>AML-10-9-1: above 5.5 hours worked at least one pause, from 8 hours at least 30 minutes in total; a pause the assistant cannot leave is paid working time (arbeidsmiljøloven § 10-9 (1)).</summary>
internal sealed class Aml_10_9_1 : ScopeRule
{
    public override string Id => "AML-10-9-1";
    public override string Paragraph => "arbeidsmiljøloven § 10-9 (1)";
    public override Severity? Severity => Engine.Severity.Warn;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        var view = new LocalTimelineView(scope.Check.Input.Zone);
        for (var p = 0; p < scope.Shifts.Length; p++)
        {
            ref readonly var row = ref scope.Row(p);
            if ((row.Flags & ShiftTraits.OnCall) != 0) continue;
            var (from, longFrom, minutes) = scope.LimitsAt(row.Start).Pauses;
            var worked = scope.Work[p];
            if (worked <= from * 3600) continue;
            if (row.PauseCount == 0)
            {
                sink.Add(scope, Id, Engine.Severity.Warn, [scope.ShiftId(p)], row.Start, row.End, 0, worked >= longFrom * 3600 ? minutes * 60 : null,
                    Format("AML-10-9-1.None", Hours(worked), When(view, row.Start), Number(from)));
            }
            else if (worked >= longFrom * 3600 && scope.PauseTotal[p] < minutes * 60)
            {
                sink.Add(scope, Id, Engine.Severity.Warn, [scope.ShiftId(p)], row.Start, row.End, scope.PauseTotal[p], minutes * 60,
                    Format("AML-10-9-1.Short", Number(scope.PauseTotal[p] / 60), Hours(worked), Number(minutes), Number(longFrom)));
            }
        }
    }
}

/// <summary>AML-10-10-1: the Sunday and holiday window: from 18:00 the day before a Sunday or holiday (15:00 on Christmas, Easter and Whitsun eves; 22:00 on the eves of 1 and 17 May) until 22:00 on the day before the next working day (arbeidsmiljøloven § 10-10 (1)). Classifies hours; see <see cref="NorwegianCalendar.SundayHolidayWindow"/>.</summary>
internal sealed class Aml_10_10_1 : ClassificationRule
{
    public override string Id => "AML-10-10-1";
    public override string Paragraph => "arbeidsmiljøloven § 10-10 (1)";
}

/// <summary>AML-10-11-1: night work is work between 21:00 and 06:00 (a tariff may set another window of at least 8 hours that contains 00:00-06:00; the household regulation uses 23:00-06:00) (arbeidsmiljøloven § 10-11 (1)). Classifies hours.</summary>
internal sealed class Aml_10_11_1 : ClassificationRule
{
    public override string Id => "AML-10-11-1";
    public override string Paragraph => "arbeidsmiljøloven § 10-11 (1)";
}

/// <summary>
/// AML-10-11-6: regular night workers (more than 3 hours at night on at least half their shifts) have normal time
/// of at most 8 hours per 24 hours on average over 4 weeks, with the weekly rest taken out of the denominator
/// (arbeidsmiljøloven § 10-11 (6)), unless a § 10-11 (9) basis covers them.
/// </summary>
internal sealed class Aml_10_11_6 : ScopeRule
{
    public override string Id => "AML-10-11-6";
    public override string Paragraph => "arbeidsmiljøloven § 10-11 (6)";
    public override Severity? Severity => Engine.Severity.Breach;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        var limits = scope.Employer.LimitsOn(scope.Check.Period.FromDay);
        var (nightShiftHours, dailyHours, weeks) = limits.NightWorker;
        var shiftsByWeek = new double[scope.Weeks];
        var nightsByWeek = new double[scope.Weeks];
        for (var p = 0; p < scope.Shifts.Length; p++)
        {
            var week = scope.Employer.WeekOf(scope.LocalDay(scope.Row(p).Start)) - scope.FirstWeek;
            if ((uint)week >= (uint)scope.Weeks) continue;
            shiftsByWeek[week]++;
            if (scope.Night[p] > nightShiftHours * 3600) nightsByWeek[week]++;
        }
        WindowRuns.Find(scope.Weeks, weeks,
            (from, span) =>
            {
                var nights = WindowRuns.Sum(nightsByWeek, from, span);
                if (nights == 0 || nights * 2 < WindowRuns.Sum(shiftsByWeek, from, span)) return 0;
                var days = (span * 7 * 24 - (span * limits.WeeklyRestHours)) / 24.0;
                return WindowRuns.Sum(scope.WeekNormal, from, span) / days;
            },
            from => scope.Basis(LegalBasisKind.NightWorkByTariff, scope.WeekStart(from)) is null ? dailyHours * 3600 : double.MaxValue,
            (a, b, worst, limit) => sink.Add(scope, Id, Engine.Severity.Breach, scope.ShiftIdsInWeeks(a, b), scope.WeekStart(a), scope.WeekStart(b + 1), worst, limit,
                Format("AML-10-11-6.Average", Hours(worst), Math.Min(weeks, scope.Weeks), Hours(limit))));
    }
}

/// <summary>AML-10-7-1: a continuous record of the hours actually worked, planned and actual kept apart; one assistant cannot be recorded in two places at once (arbeidsmiljøloven § 10-7).</summary>
internal sealed class Aml_10_7_1 : ScopeRule
{
    public override string Id => "AML-10-7-1";
    public override string Paragraph => "arbeidsmiljøloven § 10-7";
    public override Severity? Severity => Engine.Severity.Warn;
    public override bool AcrossEmployers => true;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        // Each employer sees its own double bookings; the scope of all employers adds those across employers, as info.
        var view = new LocalTimelineView(scope.Check.Input.Zone);
        var latestEnd = long.MinValue;
        var latest = -1;
        for (var p = 0; p < scope.Shifts.Length; p++)
        {
            ref readonly var row = ref scope.Row(p);
            if (latest >= 0 && row.Start < latestEnd && (!scope.CrossEmployer || scope.Row(latest).Employer != row.Employer))
            {
                var to = Math.Min(latestEnd, row.End);
                var key = scope.CrossEmployer ? "AML-10-7-1.OverlapAcross" : scope.Actual ? "AML-10-7-1.OverlapActual" : "AML-10-7-1.OverlapPlanned";
                sink.Add(scope, Id, scope.CrossEmployer ? Engine.Severity.Info : Engine.Severity.Warn, [scope.ShiftId(latest), scope.ShiftId(p)], row.Start, to, to - row.Start, 0,
                    Format(key, scope.ShiftId(latest), scope.ShiftId(p), When(view, row.Start), Hours(to - row.Start)));
            }
            if (row.End > latestEnd) { latestEnd = row.End; latest = p; }
        }
    }
}

/// <summary>AML-10-12-4: a tariff deviation by a union with at least 10,000 members is the legal route for long BPA shifts (døgnvakt, langvakt), and it needs compensatory rest after each long shift (arbeidsmiljøloven § 10-12 (4)).</summary>
internal sealed class Aml_10_12_4 : ScopeRule
{
    public override string Id => "AML-10-12-4";
    public override string Paragraph => "arbeidsmiljøloven § 10-12 (4)";
    public override Severity? Severity => Engine.Severity.Warn;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        var busy = scope.Busy;
        for (var i = 0; i < busy.Count; i++)
        {
            var length = busy[i].End - busy[i].Start;
            if (length <= 13 * 3600) continue; // cheap pre-filter; the limit itself is read below
            var limits = scope.LimitsAt(busy[i].Start);
            if (length <= limits.LongShift.MaxShiftHours * 3600) continue;
            var basis = scope.Basis(LegalBasisKind.TariffDeviation, busy[i].Start) ?? scope.Basis(LegalBasisKind.Arbeidstilsynet, busy[i].Start);
            if (basis is null) continue;
            var rest = i + 1 < busy.Count ? busy[i + 1].Start - busy[i].End : long.MaxValue;
            var needed = basis.LongShift.CompensatoryRestHours * 3600;
            if (rest >= needed || rest < basis.LongShift.MinRestHours * 3600) continue;
            var ids = new List<string>();
            for (var p = busy[i].FirstPosition; p <= busy[i + 1].LastPosition; p++) ids.Add(scope.ShiftId(p));
            sink.Add(scope, Id, Engine.Severity.Warn, ids, busy[i].End, busy[i + 1].Start, rest, needed,
                Format("AML-10-12-4.Compensate", Hours(length), Hours(rest), Hours(needed)));
        }
    }
}

/// <summary>
/// LONGSHIFT-1: a shift (a continuous busy period) above 13 hours (16 with an AML-10-6-9 basis) is a breach unless
/// an AML-10-12-4 or Arbeidstilsynet basis covers the assistant and date; then that basis's own caps apply: its
/// longest shift, and its shortest rest before and after.
/// </summary>
internal sealed class LongShift1 : ScopeRule
{
    public override string Id => "LONGSHIFT-1";
    public override string Paragraph => "arbeidsmiljøloven §§ 10-6 (8), 10-8 og 10-12 (4)";
    public override Severity? Severity => Engine.Severity.Breach;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        var view = new LocalTimelineView(scope.Check.Input.Zone);
        var busy = scope.Busy;
        for (var i = 0; i < busy.Count; i++)
        {
            var length = busy[i].End - busy[i].Start;
            var limits = scope.LimitsAt(busy[i].Start);
            // Only long shifts concern this rule; rest after ordinary shifts is AML-10-8-1's.
            if (length <= limits.LongShift.MaxShiftHours * 3600) continue;
            var basis = scope.Basis(LegalBasisKind.TariffDeviation, busy[i].Start) ?? scope.Basis(LegalBasisKind.Arbeidstilsynet, busy[i].Start);
            var ids = Ids(scope, busy[i]);
            if (basis is null)
            {
                var max = (scope.Basis(LegalBasisKind.LongerDayByTariff, busy[i].Start) is not null ? limits.LongShift.MaxShiftByTariffHours : limits.LongShift.MaxShiftHours) * 3600;
                if (length > max + 1e-6)
                {
                    sink.Add(scope, Id, Engine.Severity.Breach, ids, busy[i].Start, busy[i].End, length, max,
                        Format("LONGSHIFT-1.NoBasis", Hours(length), When(view, busy[i].Start), Hours(max)));
                }
                continue;
            }
            var cap = basis.LongShift.MaxShiftHours * 3600;
            if (length > cap + 1e-6)
            {
                sink.Add(scope, Id, Engine.Severity.Breach, ids, busy[i].Start, busy[i].End, length, cap,
                    Format("LONGSHIFT-1.OverBasis", Hours(length), When(view, busy[i].Start), Hours(cap), LegalBasis.Code(basis.Kind)));
            }
            if (i + 1 < busy.Count)
            {
                var rest = busy[i + 1].Start - busy[i].End;
                var floor = basis.LongShift.MinRestHours * 3600;
                if (rest < floor)
                {
                    sink.Add(scope, Id, Engine.Severity.Breach, [.. ids, .. Ids(scope, busy[i + 1])], busy[i].End, busy[i + 1].Start, rest, floor,
                        Format("LONGSHIFT-1.Rest", Hours(rest), Hours(floor), LegalBasis.Code(basis.Kind)));
                }
            }
        }
    }

    private static List<string> Ids(Scope scope, BusyPeriod period)
    {
        var ids = new List<string>(period.LastPosition - period.FirstPosition + 1);
        for (var p = period.FirstPosition; p <= period.LastPosition; p++) ids.Add(scope.ShiftId(p));
        return ids;
    }
}
