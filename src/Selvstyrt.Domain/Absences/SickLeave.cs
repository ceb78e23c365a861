using NodaTime;
using Selvstyrt.Domain.Rules.Engine;

namespace Selvstyrt.Domain.Absences;

/// <summary>Why an assistant is away. Sickness is self-certified (egenmelding) or certified by a doctor (sykmelding).</summary>
public enum AbsenceKind
{
    SelfCertified = 1,
    DoctorCertified = 2,
    SickChild = 3,
    Holiday = 4,
    Welfare = 5,
    Parental = 6,
    Unpaid = 7,
}

/// <summary>
/// One absence: calendar days from the first full day to the last (inclusive), and for a doctor's note its degree in per
/// cent. Never a diagnosis.
/// </summary>
public sealed record AbsencePeriod(LocalDate From, LocalDate To, AbsenceKind Kind, int Degree = 100)
{
    public int Days => Period.Between(From, To, PeriodUnits.Days).Days + 1;

    public bool IsSickness => Kind is AbsenceKind.SelfCertified or AbsenceKind.DoctorCertified;
}

/// <summary>
/// The employer's rule for self-certification (EGM-8-24-3): the law's 3 days each time, or a wider right the employer
/// grants (the former IA pattern: 8 days each time and at most 24 days in 12 months). A setting per employer.
/// </summary>
public sealed record SelfCertificationPolicy(int MaxDaysEachTime, int? MaxDaysPer12Months)
{
    public static readonly SelfCertificationPolicy Statutory = new(3, null);

    /// <summary>The former inclusive working life agreement's pattern.</summary>
    public static readonly SelfCertificationPolicy Wider = new(8, 24);
}

/// <summary>An assistant's sick absence to judge, with the employment and the earlier absences at the same employer.</summary>
public sealed record SickLeaveCase(LocalDate EmployedFrom, AbsencePeriod Absence, IReadOnlyList<AbsencePeriod> Earlier, SelfCertificationPolicy Policy)
{
    /// <summary>The earlier sick absences that ended before this one starts, oldest first.</summary>
    public IEnumerable<AbsencePeriod> EarlierSickness => Earlier.Where(a => a.IsSickness && a.To < Absence.From).OrderBy(a => a.From);
}

/// <summary>What an absence rule found: the rule, how serious, and why in Norwegian.</summary>
public sealed record AbsenceFinding(string Rule, Severity Severity, string Message);

/// <summary>A rule of rules.md § 4 about one sick absence. Rules report; the caller decides (a breach refuses a self-certification).</summary>
public abstract class AbsenceRule : Rule
{
    public abstract IEnumerable<AbsenceFinding> Evaluate(SickLeaveCase c);

    protected AbsenceFinding Found(Severity severity, string key, params object[] args) => new(Id, severity, RuleText.Format(Id + "." + key, args));

    protected static string Date(LocalDate date) => date.ToString("d.M.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Where a sick absence falls in the employer period, after the earlier ones; null for other absences.</summary>
    protected static EmployerPeriodShare? ShareOf(SickLeaveCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Absence.IsSickness ? EmployerPeriod.Walk(c.EmployedFrom, c.EarlierSickness.Append(c.Absence))[^1] : null;
    }
}

/// <summary>EGM-8-24-1: self-certification needs two months of employment.</summary>
internal sealed class Egm_8_24_1 : AbsenceRule
{
    public override string Id => "EGM-8-24-1";
    public override string Paragraph => "folketrygdloven § 8-24";
    public override Severity? Severity => Rules.Engine.Severity.Breach;

    public override IEnumerable<AbsenceFinding> Evaluate(SickLeaveCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Absence.Kind != AbsenceKind.SelfCertified) yield break;
        var entitled = c.EmployedFrom.PlusMonths(2);
        if (c.Absence.From < entitled) yield return Found(Rules.Engine.Severity.Breach, "TooSoon", Date(c.EmployedFrom), Date(entitled));
    }
}

/// <summary>
/// EGM-8-24-2: self-certification for at most 3 calendar days each time (or the employer's wider right); self-certified
/// days with less than 16 days between them add up.
/// </summary>
internal sealed class Egm_8_24_2 : AbsenceRule
{
    public const int JoinDays = 16;

    public override string Id => "EGM-8-24-2";
    public override string Paragraph => "folketrygdloven § 8-24";
    public override Severity? Severity => Rules.Engine.Severity.Breach;

    public override IEnumerable<AbsenceFinding> Evaluate(SickLeaveCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Absence.Kind != AbsenceKind.SelfCertified) yield break;
        // Walk back through the self-certified absences that follow each other with less than 16 days between.
        var days = c.Absence.Days;
        var next = c.Absence.From;
        foreach (var earlier in c.Earlier.Where(a => a.Kind == AbsenceKind.SelfCertified && a.To < c.Absence.From).OrderByDescending(a => a.To))
        {
            if (Period.Between(earlier.To, next, PeriodUnits.Days).Days - 1 >= JoinDays) break;
            days += earlier.Days;
            next = earlier.From;
        }
        if (days > c.Policy.MaxDaysEachTime)
            yield return days == c.Absence.Days
                ? Found(Rules.Engine.Severity.Breach, "TooLong", days, c.Policy.MaxDaysEachTime)
                : Found(Rules.Engine.Severity.Breach, "Joined", days, c.Policy.MaxDaysEachTime, JoinDays);
    }
}

/// <summary>EGM-8-24-3: the employer's wider right has its own cap over 12 months (24 days in the IA pattern).</summary>
internal sealed class Egm_8_24_3 : AbsenceRule
{
    public override string Id => "EGM-8-24-3";
    public override string Paragraph => "folketrygdloven § 8-24, arbeidsgiverens utvidede rett";
    public override Severity? Severity => Rules.Engine.Severity.Breach;

    public override IEnumerable<AbsenceFinding> Evaluate(SickLeaveCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Absence.Kind != AbsenceKind.SelfCertified || c.Policy.MaxDaysPer12Months is not { } cap) yield break;
        var since = c.Absence.From.PlusMonths(-12);
        var used = c.Earlier.Where(a => a.Kind == AbsenceKind.SelfCertified && a.To < c.Absence.From && a.To > since)
            .Sum(a => Period.Between(LocalDate.Max(a.From, since.PlusDays(1)), a.To, PeriodUnits.Days).Days + 1);
        if (used + c.Absence.Days > cap) yield return Found(Rules.Engine.Severity.Breach, "OverCap", used, c.Absence.Days, cap);
    }
}

/// <summary>EGM-8-27: after four self-certified absences in 12 months the employer may withdraw the right: a flag, never a block.</summary>
internal sealed class Egm_8_27 : AbsenceRule
{
    public const int Times = 4;

    public override string Id => "EGM-8-27";
    public override string Paragraph => "folketrygdloven § 8-27";
    public override Severity? Severity => Rules.Engine.Severity.Warn;

    public override IEnumerable<AbsenceFinding> Evaluate(SickLeaveCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Absence.Kind != AbsenceKind.SelfCertified) yield break;
        var since = c.Absence.From.PlusMonths(-12);
        var count = 1 + c.Earlier.Count(a => a.Kind == AbsenceKind.SelfCertified && a.From > since && a.From < c.Absence.From);
        if (count > Times) yield return Found(Rules.Engine.Severity.Warn, "Many", count);
    }
}

/// <summary>SYK-8-2: sick pay needs four weeks of work immediately before; the employer period applies only then.</summary>
internal sealed class Syk_8_2 : AbsenceRule
{
    public const int QualifyingDays = 28;

    public override string Id => "SYK-8-2";
    public override string Paragraph => "folketrygdloven § 8-2";
    public override Severity? Severity => Rules.Engine.Severity.Info;

    public static bool Qualifies(LocalDate employedFrom, LocalDate firstDay) => employedFrom.PlusDays(QualifyingDays) <= firstDay;

    public override IEnumerable<AbsenceFinding> Evaluate(SickLeaveCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (!c.Absence.IsSickness || Qualifies(c.EmployedFrom, c.Absence.From)) yield break;
        yield return Found(Rules.Engine.Severity.Info, "NotQualified", Date(c.EmployedFrom), Date(c.EmployedFrom.PlusDays(QualifyingDays)));
    }
}

/// <summary>Where one sick absence falls in the employer period: the days the employer pays, and the day NAV takes over.</summary>
public sealed record EmployerPeriodShare(AbsencePeriod Absence, bool Qualifies, LocalDate? PeriodStart, int UsedBefore, int EmployerDays, LocalDate? NavFrom,
    bool Joined, bool NoNewPeriod);

/// <summary>
/// The employer period (SYK-8-19-1/3/4): 16 calendar days from the first full day of absence; an absence less than 16
/// days after the previous joins its period; after a full period a new one starts only after 16 days back at work, and
/// until then NAV pays from the first day. Sick absences of one employer, in any order.
/// </summary>
public static class EmployerPeriod
{
    public const int Days = 16;

    public static IReadOnlyList<EmployerPeriodShare> Walk(LocalDate employedFrom, IEnumerable<AbsencePeriod> absences)
    {
        ArgumentNullException.ThrowIfNull(absences);
        var shares = new List<EmployerPeriodShare>();
        LocalDate? start = null;
        LocalDate? lastEnd = null;
        var used = 0;
        foreach (var a in absences.Where(a => a.IsSickness).OrderBy(a => a.From))
        {
            var qualifies = Syk_8_2.Qualifies(employedFrom, a.From);
            var atWork = lastEnd is { } end ? Period.Between(end, a.From, PeriodUnits.Days).Days - 1 : int.MaxValue;
            var joined = start is not null && used < Days && atWork < Days;
            var noNewPeriod = start is not null && used >= Days && atWork < Days;
            if (!joined && !noNewPeriod)
            {
                start = a.From;
                used = 0;
            }
            var usedBefore = used;
            var employerDays = qualifies && !noNewPeriod ? Math.Min(a.Days, Days - used) : 0;
            used += employerDays;
            if (noNewPeriod) used = Days;
            LocalDate? navFrom = qualifies && employerDays < a.Days ? a.From.PlusDays(employerDays) : null;
            shares.Add(new EmployerPeriodShare(a, qualifies, noNewPeriod ? null : start, usedBefore, employerDays, navFrom, joined, noNewPeriod));
            lastEnd = lastEnd is { } previous && previous > a.To ? previous : a.To;
        }
        return shares;
    }
}

/// <summary>SYK-8-19-1: the employer pays the first 16 calendar days; from day 17 NAV pays.</summary>
internal sealed class Syk_8_19_1 : AbsenceRule
{
    public override string Id => "SYK-8-19-1";
    public override string Paragraph => "folketrygdloven § 8-19 (1)";
    public override Severity? Severity => Rules.Engine.Severity.Info;

    public override IEnumerable<AbsenceFinding> Evaluate(SickLeaveCase c)
    {
        if (ShareOf(c) is not { Qualifies: true, NoNewPeriod: false } share) yield break;
        yield return share.NavFrom is { } nav
            ? Found(Rules.Engine.Severity.Info, "NavTakesOver", share.EmployerDays, EmployerPeriod.Days, Date(nav))
            : Found(Rules.Engine.Severity.Info, "Employer", share.EmployerDays, share.UsedBefore + share.EmployerDays, EmployerPeriod.Days);
    }
}

/// <summary>SYK-8-19-3: a new absence less than 16 days after the previous one continues the same employer period.</summary>
internal sealed class Syk_8_19_3 : AbsenceRule
{
    public override string Id => "SYK-8-19-3";
    public override string Paragraph => "folketrygdloven § 8-19 (3)";
    public override Severity? Severity => Rules.Engine.Severity.Info;

    public override IEnumerable<AbsenceFinding> Evaluate(SickLeaveCase c)
    {
        if (ShareOf(c) is { Joined: true } share) yield return Found(Rules.Engine.Severity.Info, "Joined", Date(share.PeriodStart!.Value), share.UsedBefore);
    }
}

/// <summary>SYK-8-19-4: after a full employer period, a new one starts only after 16 days back at work; before that NAV pays from day one.</summary>
internal sealed class Syk_8_19_4 : AbsenceRule
{
    public override string Id => "SYK-8-19-4";
    public override string Paragraph => "folketrygdloven § 8-19 (4)";
    public override Severity? Severity => Rules.Engine.Severity.Info;

    public override IEnumerable<AbsenceFinding> Evaluate(SickLeaveCase c)
    {
        if (ShareOf(c) is { NoNewPeriod: true, Qualifies: true }) yield return Found(Rules.Engine.Severity.Info, "NavFromDayOne", EmployerPeriod.Days);
    }
}

/// <summary>The sick-leave rules of rules.md § 4, and the judgement of one absence.</summary>
public static class SickLeaveRules
{
    public static IReadOnlyList<AbsenceRule> All { get; } =
        [new Syk_8_2(), new Syk_8_19_1(), new Syk_8_19_3(), new Syk_8_19_4(), new Egm_8_24_1(), new Egm_8_24_2(), new Egm_8_24_3(), new Egm_8_27()];

    public static IReadOnlyList<AbsenceFinding> Check(SickLeaveCase c) => [.. All.SelectMany(r => r.Evaluate(c))];

    /// <summary>Whether the self-certification may be used: no breach of EGM-8-24-1/2/3 (EGM-8-27 only flags).</summary>
    public static bool SelfCertificationAllowed(IEnumerable<AbsenceFinding> findings) => !findings.Any(f => f.Severity == Severity.Breach && f.Rule.StartsWith("EGM-", StringComparison.Ordinal));
}
