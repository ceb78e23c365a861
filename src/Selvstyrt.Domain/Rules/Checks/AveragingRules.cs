using NodaTime;
using Selvstyrt.Domain.Rules.Calendar;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Domain.Rules.Parameters;
using static Selvstyrt.Domain.Rules.Engine.RuleText;

namespace Selvstyrt.Domain.Rules.Checks;

/// <summary>
/// AML-10-5-1/2/3: averaged normal working time. With a basis, the daily and single-week caps rise (the scope's
/// limits already use them); this rule checks what the basis demands in return: the period is not longer than the
/// act allows, the average over the agreed period does not exceed the weekly norm, and for § 10-5 (1) the 7-day
/// average over 8 weeks stays at 48 h.
/// </summary>
internal abstract class AveragingRule : ScopeRule
{
    protected abstract LegalBasisKind Kind { get; }

    protected abstract AveragingLimits Caps(WorkingTimeLimits limits, LegalBasis basis);

    public override Severity? Severity => Engine.Severity.Breach;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        foreach (var basis in scope.Employer.Profile.LegalBases)
        {
            if (basis.Kind != Kind || (basis.Assistants is not null && !basis.Assistants.Contains(scope.Assistant.Id))) continue;
            var weeks = new List<int>();
            for (var w = 0; w < scope.Weeks; w++)
            {
                var date = NorwegianCalendar.Date(scope.Employer.WeekStartDay(w + scope.FirstWeek));
                if (basis.Covers(scope.Assistant.Id, date)) weeks.Add(w);
            }
            if (weeks.Count == 0) continue;
            var limits = scope.Employer.LimitsOn(scope.Employer.WeekStartDay(weeks[0] + scope.FirstWeek));
            var caps = Caps(limits, basis);
            var start = scope.WeekStart(weeks[0]);
            var end = scope.WeekStart(weeks[^1] + 1);
            if (basis.From is { } from && basis.To is { } to && Period.Between(from, to, PeriodUnits.Days).Days + 1 > caps.MaxPeriodWeeks * 7)
            {
                sink.Add(scope, Id, Engine.Severity.Breach, [], start, end, (Period.Between(from, to, PeriodUnits.Days).Days + 1) / 7.0 * 3600, caps.MaxPeriodWeeks * 3600.0,
                    Format("AML-10-5.PeriodTooLong", Paragraph, Number((Period.Between(from, to, PeriodUnits.Days).Days + 1) / 7.0), caps.MaxPeriodWeeks));
            }
            var normal = 0.0;
            foreach (var w in weeks) normal += scope.WeekNormal[w];
            var average = normal / weeks.Count;
            var norm = scope.WeeklyNorm * 3600;
            if (average > norm + 1e-6)
            {
                sink.Add(scope, Id, Engine.Severity.Breach, scope.ShiftIdsInWeeks(weeks[0], weeks[^1]), start, end, average, norm,
                    Format("AML-10-5.Average", Hours(average), weeks.Count, Hours(norm), Paragraph));
            }
            if (caps.WeeklyAverageOverWeeks > 1)
            {
                var first = weeks[0];
                WindowRuns.Find(weeks.Count, caps.WeeklyAverageOverWeeks,
                    (from, length) => WindowRuns.Sum(scope.WeekNormal, first + from, length) / length,
                    _ => caps.WeeklyAverageHours * 3600,
                    (a, b, worst, limit) => sink.Add(scope, Id, Engine.Severity.Breach, scope.ShiftIdsInWeeks(first + a, first + b), scope.WeekStart(first + a), scope.WeekStart(first + b + 1), worst, limit,
                        Format("AML-10-5.RollingAverage", Hours(worst), Math.Min(caps.WeeklyAverageOverWeeks, weeks.Count), Hours(limit), Paragraph)));
            }
        }
    }
}

/// <summary>AML-10-5-1: averaging by written agreement with the employee: at most 10 h per 24 h, 48 h per 7 days on average over 8 weeks, 50 h in one week, a period of at most 52 weeks (arbeidsmiljøloven § 10-5 (1)).</summary>
internal sealed class Aml_10_5_1 : AveragingRule
{
    public override string Id => "AML-10-5-1";
    public override string Paragraph => "arbeidsmiljøloven § 10-5 (1)";
    protected override LegalBasisKind Kind => LegalBasisKind.AveragingByAgreement;
    protected override AveragingLimits Caps(WorkingTimeLimits limits, LegalBasis basis) => limits.AveragingByAgreement;
}

/// <summary>AML-10-5-2: averaging by tariff agreement with union representatives: at most 12.5 h per 24 h and 54 h in one week (arbeidsmiljøloven § 10-5 (2)).</summary>
internal sealed class Aml_10_5_2 : AveragingRule
{
    public override string Id => "AML-10-5-2";
    public override string Paragraph => "arbeidsmiljøloven § 10-5 (2)";
    protected override LegalBasisKind Kind => LegalBasisKind.AveragingByTariff;
    protected override AveragingLimits Caps(WorkingTimeLimits limits, LegalBasis basis) => limits.AveragingByTariff;
}

/// <summary>AML-10-5-3: averaging by Arbeidstilsynet's consent: at most 13 h per 24 h, a period of at most 26 weeks (arbeidsmiljøloven § 10-5 (3)).</summary>
internal sealed class Aml_10_5_3 : AveragingRule
{
    public override string Id => "AML-10-5-3";
    public override string Paragraph => "arbeidsmiljøloven § 10-5 (3)";
    protected override LegalBasisKind Kind => LegalBasisKind.AveragingByConsent;
    protected override AveragingLimits Caps(WorkingTimeLimits limits, LegalBasis basis) => basis.Averaging ?? limits.AveragingByConsent;
}
