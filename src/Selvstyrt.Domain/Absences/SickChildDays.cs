using Selvstyrt.Domain.Rules;
using Selvstyrt.Domain.Rules.Engine;

namespace Selvstyrt.Domain.Absences;

/// <summary>A child an assistant cares for: the birth year and whether chronically ill. No names are needed.</summary>
public sealed record CareChild(int BirthYear, bool ChronicallyIll);

/// <summary>OMS-AGE: a child counts until the end of the year it turns 12, or 18 when chronically ill.</summary>
internal sealed class Oms_Age : Rule
{
    public const int Age = 12;
    public const int ChronicAge = 18;

    public override string Id => "OMS-AGE";
    public override string Paragraph => "folketrygdloven § 9-5";
    public override Severity? Severity => null;

    public static bool Counts(CareChild child, int year)
    {
        ArgumentNullException.ThrowIfNull(child);
        return year >= child.BirthYear && year - child.BirthYear <= (child.ChronicallyIll ? ChronicAge : Age);
    }
}

/// <summary>
/// OMS-9-6: sick-child days per calendar year: 10 with one or two children, 15 with three or more; a sole carer 20 and 30;
/// and 10 more per chronically ill child (20 for a sole carer).
/// </summary>
internal sealed class Oms_9_6 : Rule
{
    public override string Id => "OMS-9-6";
    public override string Paragraph => "folketrygdloven § 9-6";
    public override Severity? Severity => null;

    public static int DaysFor(IEnumerable<CareChild> children, bool soleCarer, int year)
    {
        ArgumentNullException.ThrowIfNull(children);
        var counted = children.Where(c => Oms_Age.Counts(c, year)).ToList();
        if (counted.Count == 0) return 0;
        var basic = counted.Count <= 2 ? 10 : 15;
        var chronic = counted.Count(c => c.ChronicallyIll) * 10;
        return soleCarer ? 2 * (basic + chronic) : basic + chronic;
    }
}

/// <summary>How the days of one sick-child absence are paid: by the employer (the first 10 days of the year) or refunded by NAV.</summary>
public sealed record SickChildPay(int EmployerDays, int NavDays, int LeftAfter);

/// <summary>OMS-PAY: the employer pays the first 10 sick-child days of a calendar year; NAV refunds from day 11.</summary>
internal sealed class Oms_Pay : Rule
{
    public const int EmployerDays = 10;

    public override string Id => "OMS-PAY";
    public override string Paragraph => "folketrygdloven § 9-8";
    public override Severity? Severity => null;

    /// <summary>The split of <paramref name="days"/> new days after <paramref name="usedBefore"/> this year, within the year's <paramref name="entitled"/> days.</summary>
    public static SickChildPay Split(int usedBefore, int days, int entitled)
    {
        var within = Math.Max(0, Math.Min(days, entitled - usedBefore));
        var employer = Math.Max(0, Math.Min(within, EmployerDays - usedBefore));
        return new SickChildPay(employer, within - employer, Math.Max(0, entitled - usedBefore - days));
    }
}

/// <summary>What one sick-child absence does to the year's days: the findings to tell, and the employer's and NAV's days.</summary>
public sealed record SickChildJudgement(IReadOnlyList<AbsenceFinding> Findings, int EmployerDays, int NavDays)
{
    /// <summary>Refused: no child gives the right that year (OMS-AGE), or days beyond the right (OMS-9-6).</summary>
    public bool Refused => Findings.Any(f => f.Severity == Severity.Breach);
}

/// <summary>
/// Sick-child days (rules.md § 4: OMS-9-6, OMS-AGE, OMS-PAY) for one absence after the assistant's earlier ones, per calendar
/// year it touches: the days the children give, the days used before it, the employer's first 10 and NAV's part. The web app
/// refuses a report the findings call a breach; the batch check reports them.
/// </summary>
public static class SickChildRules
{
    public static SickChildJudgement Check(AbsencePeriod absence, IEnumerable<AbsencePeriod> earlier, IReadOnlyList<CareChild> children, bool soleCarer)
    {
        ArgumentNullException.ThrowIfNull(absence);
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(children);
        var before = earlier.Where(a => a.Kind == AbsenceKind.SickChild && a.From < absence.From).ToList();
        var findings = new List<AbsenceFinding>();
        int employer = 0, nav = 0;
        foreach (var (year, days) in DaysPerYear(absence))
        {
            var entitled = Oms_9_6.DaysFor(children, soleCarer, year);
            if (entitled == 0)
            {
                findings.Add(new AbsenceFinding("OMS-AGE", Severity.Breach, RuleText.Format("OMS-AGE.None", year)));
                continue;
            }
            var used = before.SelectMany(DaysPerYear).Where(d => d.Year == year).Sum(d => d.Days);
            var split = Oms_Pay.Split(used, days, entitled);
            employer += split.EmployerDays;
            nav += split.NavDays;
            findings.Add(new AbsenceFinding("OMS-PAY", Severity.Info, RuleText.Format("OMS-PAY.Split", split.EmployerDays, split.NavDays, split.LeftAfter, year)));
            var over = days - split.EmployerDays - split.NavDays;
            if (over > 0) findings.Add(new AbsenceFinding("OMS-9-6", Severity.Breach, RuleText.Format("OMS-9-6.Over", over, entitled, year)));
        }
        return new SickChildJudgement(findings, employer, nav);
    }

    /// <summary>The days a year's children give (OMS-9-6 with OMS-AGE).</summary>
    public static int DaysFor(IReadOnlyList<CareChild> children, bool soleCarer, int year) => Oms_9_6.DaysFor(children, soleCarer, year);

    /// <summary>The sick-child days used in a year by these absences.</summary>
    public static int UsedIn(IEnumerable<AbsencePeriod> absences, int year)
        => absences.Where(a => a.Kind == AbsenceKind.SickChild).SelectMany(DaysPerYear).Where(d => d.Year == year).Sum(d => d.Days);

    /// <summary>The days of an absence in each calendar year it touches (an absence over New Year counts in both).</summary>
    private static IEnumerable<(int Year, int Days)> DaysPerYear(AbsencePeriod p)
    {
        for (var year = p.From.Year; year <= p.To.Year; year++)
        {
            var first = NodaTime.LocalDate.Max(p.From, new NodaTime.LocalDate(year, 1, 1));
            var last = NodaTime.LocalDate.Min(p.To, new NodaTime.LocalDate(year, 12, 31));
            yield return (year, NodaTime.Period.Between(first, last, NodaTime.PeriodUnits.Days).Days + 1);
        }
    }
}
