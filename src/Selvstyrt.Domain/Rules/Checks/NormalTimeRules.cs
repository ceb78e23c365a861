using Selvstyrt.Domain.Rules.Engine;
using static Selvstyrt.Domain.Rules.Engine.RuleText;

namespace Selvstyrt.Domain.Rules.Checks;

/// <summary>AML-10-4-1: normal working time at most 9 h per 24 h and 40 h per 7 days; the excess is legal overtime (arbeidsmiljøloven § 10-4 (1)).</summary>
internal sealed class Aml_10_4_1 : ScopeRule
{
    public override string Id => "AML-10-4-1";
    public override string Paragraph => "arbeidsmiljøloven § 10-4 (1)";
    public override Severity? Severity => Engine.Severity.Info;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        var view = new LocalTimelineView(scope.Check.Input.Zone);
        foreach (var window in scope.Windows)
        {
            if (window.Overtime <= 0 || window.LongShiftBasis is not null) continue;
            sink.Add(scope, Id, Engine.Severity.Info, scope.ShiftIdsOf(window), window.Start, window.End, window.Work, window.NormalLimit,
                Format("AML-10-4-1.Day", Hours(window.Work), When(view, window.Start), Hours(window.NormalLimit), Hours(window.Overtime)));
        }
        for (var w = 0; w < scope.Weeks; w++)
        {
            var weekly = scope.WeekNormal[w] + scope.WeekOvertime[w];
            var normalBeforeWeekly = weekly - scope.WeekDailyOvertime[w];
            var excess = normalBeforeWeekly - scope.WeekNormalLimit[w];
            if (excess <= 1e-6) continue;
            var start = scope.WeekStart(w);
            var end = scope.WeekStart(w + 1);
            sink.Add(scope, Id, Engine.Severity.Info, scope.ShiftIdsInWeeks(w, w), start, end, normalBeforeWeekly, scope.WeekNormalLimit[w],
                Format("AML-10-4-1.Week", Hours(normalBeforeWeekly), Date(scope.Employer.WeekStartDay(w + scope.FirstWeek)), Hours(scope.WeekNormalLimit[w]), Hours(excess)));
        }
    }

    private static string Date(int epochDay) => RuleText.Date(Calendar.NorwegianCalendar.Date(epochDay));
}

/// <summary>AML-10-4-2: mainly passive work: normal time may be extended by half the passive time, at most 2 h per 24 h and 10 h per 7 days, never above 48 h per 7 days (arbeidsmiljøloven § 10-4 (2)).</summary>
internal sealed class Aml_10_4_2 : ScopeRule
{
    public override string Id => "AML-10-4-2";
    public override string Paragraph => "arbeidsmiljøloven § 10-4 (2)";
    public override Severity? Severity => Engine.Severity.Info;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        var view = new LocalTimelineView(scope.Check.Input.Zone);
        foreach (var window in scope.Windows)
        {
            if (window.LongShiftBasis is not null || window.Work <= 0) continue;
            var limits = scope.LimitsAt(window.Start);
            if (window.Passive / window.Work < limits.MainlyPassiveShare) continue;
            var extension = Math.Min(limits.PassiveExtensionDailyHours * 3600, window.Passive * limits.PassiveExtensionShare);
            var baseLimit = window.NormalLimit - extension;
            if (window.Work <= baseLimit) continue;
            sink.Add(scope, Id, Engine.Severity.Info, scope.ShiftIdsOf(window), window.Start, window.End, window.Work, window.NormalLimit,
                Format("AML-10-4-2.Extended", When(view, window.Start), Hours(window.Passive), Hours(extension), Hours(window.NormalLimit)));
        }
    }
}

/// <summary>AML-10-4-3: on call away from the workplace (hjemmevakt): at least 1/7 of the time counts as working time (arbeidsmiljøloven § 10-4 (3)).</summary>
internal sealed class Aml_10_4_3 : ScopeRule
{
    public override string Id => "AML-10-4-3";
    public override string Paragraph => "arbeidsmiljøloven § 10-4 (3)";
    public override Severity? Severity => Engine.Severity.Info;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        for (var p = 0; p < scope.Shifts.Length; p++)
        {
            ref readonly var row = ref scope.Row(p);
            if ((row.Flags & ShiftTraits.OnCall) == 0) continue;
            var factor = scope.LimitsAt(row.Start).OnCallFactor;
            sink.Add(scope, Id, Engine.Severity.Info, [scope.ShiftId(p)], row.Start, row.End, scope.Work[p], null,
                Format("AML-10-4-3.Counted", Hours(scope.Elapsed[p]), Number(Math.Round(1 / factor)), Hours(scope.Work[p])));
        }
    }
}

/// <summary>AML-10-4-4: a reduced weekly norm: 38 h for round-the-clock rota, work at least every third Sunday, or mainly night work; 36 h for fully continuous rota (arbeidsmiljøloven § 10-4 (4)).</summary>
internal sealed class Aml_10_4_4 : ScopeRule
{
    public override string Id => "AML-10-4-4";
    public override string Paragraph => "arbeidsmiljøloven § 10-4 (4)";
    public override Severity? Severity => Engine.Severity.Info;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        if (scope.NormReason is null || scope.Shifts.Length == 0) return;
        var first = scope.Row(0).Start;
        var last = first;
        for (var p = 0; p < scope.Shifts.Length; p++) last = Math.Max(last, scope.Row(p).End);
        sink.Add(scope, Id, Engine.Severity.Info, [], first, last, null, scope.WeeklyNorm * 3600,
            Format("AML-10-4-4.Norm", Number(scope.WeeklyNorm), scope.NormReason));
    }
}
