using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Domain.Rules.Pay;
using static Selvstyrt.Domain.Rules.Engine.RuleText;

namespace Selvstyrt.Domain.Rules.Checks;

/// <summary>AML-10-6-1: overtime only for a special, time-limited need: planned overtime is a structural problem, and each overtime entry needs a reason (arbeidsmiljøloven § 10-6 (1)).</summary>
internal sealed class Aml_10_6_1 : ScopeRule
{
    public override string Id => "AML-10-6-1";
    public override string Paragraph => "arbeidsmiljøloven § 10-6 (1)";
    public override Severity? Severity => Engine.Severity.Warn;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        var view = new LocalTimelineView(scope.Check.Input.Zone);
        for (var p = 0; p < scope.Shifts.Length; p++)
        {
            if (scope.Overtime[p] <= 1e-6) continue;
            ref readonly var row = ref scope.Row(p);
            if (scope.Actual)
            {
                if ((row.Flags & ShiftTraits.OvertimeReason) != 0) continue;
                sink.Add(scope, Id, Engine.Severity.Warn, [scope.ShiftId(p)], row.Start, row.End, scope.Overtime[p], 0,
                    Format("AML-10-6-1.NoReason", Hours(scope.Overtime[p]), When(view, row.Start)));
            }
            else
            {
                sink.Add(scope, Id, Engine.Severity.Warn, [scope.ShiftId(p)], row.Start, row.End, scope.Overtime[p], 0,
                    Format("AML-10-6-1.Planned", Hours(scope.Overtime[p]), When(view, row.Start)));
            }
        }
    }
}

/// <summary>Overtime limits per 7 days, 4 weeks and 52 weeks (shared by AML-10-6-4 and AML-10-6-5).</summary>
internal abstract class OvertimeLimitRule : ScopeRule
{
    protected abstract bool WithTariff { get; }

    public override Severity? Severity => Engine.Severity.Breach;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        bool Applies(int week) => (scope.Basis(LegalBasisKind.OvertimeByTariff, scope.WeekStart(week)) is not null) == WithTariff;
        (double Week, double FourWeeks, double Year) Caps(int week)
        {
            var limits = scope.Employer.LimitsOn(scope.Employer.WeekStartDay(week + scope.FirstWeek));
            return WithTariff ? limits.OvertimeByTariff : limits.Overtime;
        }

        for (var w = 0; w < scope.Weeks; w++)
        {
            if (!Applies(w)) continue;
            var cap = Caps(w).Week * 3600;
            if (scope.WeekOvertime[w] > cap + 1e-6)
            {
                sink.Add(scope, Id, Engine.Severity.Breach, scope.ShiftIdsInWeeks(w, w), scope.WeekStart(w), scope.WeekStart(w + 1), scope.WeekOvertime[w], cap,
                    Format("AML-10-6-4.Week", Hours(scope.WeekOvertime[w]), Hours(cap), Paragraph));
            }
        }
        Rolling(scope, sink, 4, w => Applies(w) ? Caps(w).FourWeeks * 3600 : double.MaxValue, "AML-10-6-4.FourWeeks");
        Rolling(scope, sink, 52, w => Applies(w) ? Caps(w).Year * 3600 : double.MaxValue, "AML-10-6-4.Year");
    }

    private void Rolling(Scope scope, FindingSink sink, int length, Func<int, double> cap, string text)
        => WindowRuns.Find(scope.Weeks, length, (from, span) => WindowRuns.Sum(scope.WeekOvertime, from, span), cap,
            (a, b, worst, limit) => sink.Add(scope, Id, Engine.Severity.Breach, scope.ShiftIdsInWeeks(a, b), scope.WeekStart(a), scope.WeekStart(b + 1), worst, limit,
                Format(text, Hours(worst), Math.Min(length, scope.Weeks), Hours(limit), Paragraph)));
}

/// <summary>AML-10-6-4: legal overtime at most 10 h per 7 days, 25 h per 4 weeks and 200 h per 52 weeks (arbeidsmiljøloven § 10-6 (4)).</summary>
internal sealed class Aml_10_6_4 : OvertimeLimitRule
{
    public override string Id => "AML-10-6-4";
    public override string Paragraph => "arbeidsmiljøloven § 10-6 (4)";
    protected override bool WithTariff => false;
}

/// <summary>AML-10-6-5: with a written tariff agreement and union representatives: 20 h per 7 days, 50 h per 4 weeks, 300 h per 52 weeks (arbeidsmiljøloven § 10-6 (5)).</summary>
internal sealed class Aml_10_6_5 : OvertimeLimitRule
{
    public override string Id => "AML-10-6-5";
    public override string Paragraph => "arbeidsmiljøloven § 10-6 (5)";
    protected override bool WithTariff => true;
}

/// <summary>AML-10-6-8: total working time incl. overtime at most 13 h per 24 h and 48 h per 7 days on average over 8 weeks, never above 69 h in one week (arbeidsmiljøloven § 10-6 (8)).</summary>
internal sealed class Aml_10_6_8 : ScopeRule
{
    public override string Id => "AML-10-6-8";
    public override string Paragraph => "arbeidsmiljøloven § 10-6 (8)";
    public override Severity? Severity => Engine.Severity.Breach;
    public override bool AcrossEmployers => true;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        var view = new LocalTimelineView(scope.Check.Input.Zone);
        foreach (var window in scope.Windows)
        {
            if (window.LongShiftBasis is not null || window.TotalBasis is not null) continue;
            if (window.Work <= window.TotalLimit + 1e-6) continue;
            if (scope.CrossEmployer)
            {
                if (!scope.ManyEmployers(window.FirstPosition, window.LastPosition)) continue;
                sink.Add(scope, Id, Engine.Severity.Info, scope.ShiftIdsOf(window), window.Start, window.End, window.Work, window.TotalLimit,
                    Format("AML-10-6-8.DayAcross", Hours(window.Work), When(view, window.Start), Hours(window.TotalLimit)));
                continue;
            }
            sink.Add(scope, Id, Engine.Severity.Breach, scope.ShiftIdsOf(window), window.Start, window.End, window.Work, window.TotalLimit,
                Format("AML-10-6-8.Day", Hours(window.Work), When(view, window.Start), Hours(window.TotalLimit)));
        }
        if (scope.CrossEmployer) return;
        var limits = scope.Employer.LimitsOn(scope.Check.Period.FromDay);
        WindowRuns.Find(scope.Weeks, limits.TotalAveragingWeeks, (from, span) => WindowRuns.Sum(scope.WeekWork, from, span) / span, _ => limits.TotalWeeklyHours * 3600,
            (a, b, worst, limit) => sink.Add(scope, Id, Engine.Severity.Breach, scope.ShiftIdsInWeeks(a, b), scope.WeekStart(a), scope.WeekStart(b + 1), worst, limit,
                Format("AML-10-6-8.Average", Hours(worst), Math.Min(limits.TotalAveragingWeeks, scope.Weeks), Hours(limit))));
        for (var w = 0; w < scope.Weeks; w++)
        {
            var cap = limits.TotalSingleWeekHours * 3600;
            if (scope.WeekWork[w] <= cap + 1e-6) continue;
            sink.Add(scope, Id, Engine.Severity.Breach, scope.ShiftIdsInWeeks(w, w), scope.WeekStart(w), scope.WeekStart(w + 1), scope.WeekWork[w], cap,
                Format("AML-10-6-8.Week", Hours(scope.WeekWork[w]), Hours(cap)));
        }
    }

}

/// <summary>AML-10-6-9: with a tariff agreement and union representatives, total working time up to 16 h per 24 h with equivalent compensatory rest (arbeidsmiljøloven § 10-6 (9)).</summary>
internal sealed class Aml_10_6_9 : ScopeRule
{
    public override string Id => "AML-10-6-9";
    public override string Paragraph => "arbeidsmiljøloven § 10-6 (9)";
    public override Severity? Severity => Engine.Severity.Breach;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        var view = new LocalTimelineView(scope.Check.Input.Zone);
        foreach (var window in scope.Windows)
        {
            if (window.TotalBasis is null || window.LongShiftBasis is not null) continue;
            var ordinary = scope.LimitsAt(window.Start).TotalDailyHours * 3600;
            if (window.Work > window.TotalLimit + 1e-6)
            {
                sink.Add(scope, Id, Engine.Severity.Breach, scope.ShiftIdsOf(window), window.Start, window.End, window.Work, window.TotalLimit,
                    Format("AML-10-6-9.Over", Hours(window.Work), When(view, window.Start), Hours(window.TotalLimit)));
            }
            else if (window.Work > ordinary + 1e-6)
            {
                sink.Add(scope, Id, Engine.Severity.Warn, scope.ShiftIdsOf(window), window.Start, window.End, window.Work, window.TotalLimit,
                    Format("AML-10-6-9.Compensate", Hours(window.Work), When(view, window.Start), Hours(window.Work - ordinary)));
            }
        }
    }
}

/// <summary>AML-10-6-11: an overtime premium of at least 40 % (arbeidsmiljøloven § 10-6 (11)).</summary>
internal sealed class Aml_10_6_11 : CheckRule
{
    public override string Id => "AML-10-6-11";
    public override string Paragraph => "arbeidsmiljøloven § 10-6 (11)";
    public override Severity? Severity => Engine.Severity.Breach;

    public override void Evaluate(PreparedCheck check, FindingSink sink)
    {
        foreach (var employer in check.Employers)
        {
            var limits = employer.LimitsOn(check.Period.FromDay);
            var date = Calendar.NorwegianCalendar.Date(check.Period.FromDay);
            decimal? premium = employer.Profile.Settings.OvertimePremium
                ?? employer.Tariff?.Parameters.RowAt(date)?.Value.OvertimePremium?.Ordinary;
            if (premium is null || (double)premium.Value >= limits.OvertimePremium - 1e-9) continue;
            var from = check.Timeline.StartOfDay(check.Period.FromDay);
            var to = check.Timeline.StartOfDay(check.Period.ToDay + 1);
            sink.Add(new Finding(Id, Engine.Severity.Breach, null, employer.Profile.Id, [], NodaTime.Instant.FromUnixTimeSeconds(from), NodaTime.Instant.FromUnixTimeSeconds(to),
                Math.Round((double)premium.Value * 100, 2), Math.Round(limits.OvertimePremium * 100, 2), "%",
                Format("AML-10-6-11.Low", Number((double)premium.Value * 100), Number(limits.OvertimePremium * 100))));
        }
    }
}
