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
