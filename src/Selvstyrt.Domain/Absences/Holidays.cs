using NodaTime;
using Selvstyrt.Domain.Rules;
using Selvstyrt.Domain.Rules.Calendar;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Domain.Rules.Parameters;
using Selvstyrt.Domain.Rules.Pay;

namespace Selvstyrt.Domain.Absences;

/// <summary>Holiday days as ferieloven counts them (virkedager): every day but Sundays and public holidays (HOL-1), Saturdays too.</summary>
public static class HolidayDays
{
    public static IEnumerable<LocalDate> Of(LocalDate from, LocalDate to)
    {
        for (var d = from; d <= to; d = d.PlusDays(1))
        {
            if (!NorwegianCalendar.IsRedDay(NorwegianCalendar.EpochDay(d))) yield return d;
        }
    }

    public static int Count(LocalDate from, LocalDate to) => Of(from, to).Count();

    /// <summary>The holiday days of a period that fall in a calendar year.</summary>
    public static int CountIn(int year, LocalDate from, LocalDate to)
    {
        var first = LocalDate.Max(from, new LocalDate(year, 1, 1));
        var last = LocalDate.Min(to, new LocalDate(year, 12, 31));
        return first > last ? 0 : Count(first, last);
    }
}

/// <summary>FER-5-1: 25 holiday days a year; more planned than the year gives is a warning (the employee cannot demand them).</summary>
internal sealed class Fer_5_1 : Rule
{
    public const int Days = 25;

    public override string Id => "FER-5-1";
    public override string Paragraph => "ferieloven § 5 (1)";
    public override Severity? Severity => Rules.Engine.Severity.Warn;
}

/// <summary>FER-5-2: six more days from the holiday year the employee turns 60; the employee places them.</summary>
internal sealed class Fer_5_2 : Rule
{
    public const int ExtraDays = 6;

    public override string Id => "FER-5-2";
    public override string Paragraph => "ferieloven § 5 (2)";
    public override Severity? Severity => null;

    /// <summary>Whether the employee turns 60 in the year or is older.</summary>
    public static bool Applies(LocalDate? birthDate, int year) => birthDate is { } b && year - b.Year >= 60;
}

/// <summary>FER-TARIFF: an agreement with a fifth week gives 30 days and 12 % holiday pay (the terms are the tariff's data).</summary>
internal sealed class Fer_Tariff : Rule
{
    public override string Id => "FER-TARIFF";
    public override string Paragraph => "tariffavtalens feriebestemmelse";
    public override Severity? Severity => null;
}

/// <summary>FER-6-1: the employee may demand to be told of the holiday's time at least two months ahead.</summary>
internal sealed class Fer_6_1 : Rule
{
    public const int Months = 2;

    public override string Id => "FER-6-1";
    public override string Paragraph => "ferieloven § 6 (2)";
    public override Severity? Severity => Rules.Engine.Severity.Warn;

    /// <summary>The last day to tell the employee of a holiday that starts on <paramref name="start"/>.</summary>
    public static LocalDate TellBy(LocalDate start) => start.PlusMonths(-Months);
}

/// <summary>
/// FER-7-1: the employee may demand 18 consecutive holiday days in the main holiday period, 1 June to 30 September; not
/// one whose employment starts after 15 August of the holiday year.
/// </summary>
internal sealed class Fer_7_1 : Rule
{
    public const int Days = 18;

    public override string Id => "FER-7-1";
    public override string Paragraph => "ferieloven § 7 (1)";
    public override Severity? Severity => Rules.Engine.Severity.Breach;

    public static LocalDate PeriodStart(int year) => new(year, 6, 1);
    public static LocalDate PeriodEnd(int year) => new(year, 9, 30);

    /// <summary>Whether the employee may demand the main holiday in <paramref name="year"/>: employed from 15 August at the latest.</summary>
    public static bool CanDemand(LocalDate employedFrom, int year) => employedFrom <= new LocalDate(year, 8, 15);

    /// <summary>The holiday days of a period inside the main holiday period of its year.</summary>
    public static int DaysInPeriod(LocalDate from, LocalDate to)
    {
        var first = LocalDate.Max(from, PeriodStart(from.Year));
        var last = LocalDate.Min(to, PeriodEnd(from.Year));
        return first > last ? 0 : HolidayDays.Count(first, last);
    }

    /// <summary>Whether a period is a main holiday: 18 holiday days in a row inside 1 June to 30 September.</summary>
    public static bool IsMainHoliday(LocalDate from, LocalDate to) => DaysInPeriod(from, to) >= Days;
}

/// <summary>
/// FER-7-3: up to 12 holiday days may be carried to next year by written agreement; days lost to illness (FER-9-1) or
/// parental leave carry over beside them.
/// </summary>
internal sealed class Fer_7_3 : Rule
{
    public const int MaxAgreedDays = 12;

    public override string Id => "FER-7-3";
    public override string Paragraph => "ferieloven § 7 (3)";
    public override Severity? Severity => Rules.Engine.Severity.Warn;
}

/// <summary>
/// FER-9-1: fully sick (a doctor's note) before the holiday, the employee may demand it moved; fully sick during it, the
/// same number of holiday days later. Sickness in the holiday needs a doctor's note; a self-certification does not move it.
/// </summary>
internal sealed class Fer_9_1 : Rule
{
    public override string Id => "FER-9-1";
    public override string Paragraph => "ferieloven § 9 (1)";
    public override Severity? Severity => Rules.Engine.Severity.Breach;

    /// <summary>Whether a sickness takes holiday days back: a doctor's note at 100 %.</summary>
    public static bool Counts(AbsencePeriod sickness) => sickness.Kind == AbsenceKind.DoctorCertified && sickness.Degree == 100;

    /// <summary>The holiday days from <paramref name="from"/> to <paramref name="to"/> that full sickness took (each day once).</summary>
    public static IReadOnlySet<LocalDate> Returned(LocalDate from, LocalDate to, IEnumerable<AbsencePeriod> sickness)
    {
        var days = new HashSet<LocalDate>();
        foreach (var s in sickness.Where(Counts))
        {
            var first = LocalDate.Max(from, s.From);
            var last = LocalDate.Min(to, s.To);
            if (first <= last) days.UnionWith(HolidayDays.Of(first, last));
        }
        return days;
    }
}

/// <summary>
/// FER-10-1: holiday pay is 10.2 % of last year's pay (the agreement's 12 % with a fifth week); from the holiday year the
/// employee turns 60, 2.3 points more on the part of the basis up to 6 G (G at the holiday year's start, versioned data).
/// </summary>
internal sealed class Fer_10_1 : Rule
{
    public const int GCap = 6;

    public override string Id => "FER-10-1";
    public override string Paragraph => "ferieloven § 10";
    public override Severity? Severity => null;

    public static HolidayPay For(int earningYear, decimal basis, LocalDate? birthDate, HolidayTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var holidayYear = earningYear + 1;
        var g = BaseAmount.At(new LocalDate(holidayYear, 1, 1));
        var ordinary = Round(basis * terms.PayShare);
        var sixty = Fer_5_2.Applies(birthDate, holidayYear);
        var cappedBasis = sixty ? Math.Min(basis, GCap * g.Value) : 0m;
        return new HolidayPay(earningYear, basis, terms.PayShare, ordinary, sixty, cappedBasis, Round(cappedBasis * terms.SixtyPlusShare), g.Value, g.Verify, terms);
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}

/// <summary>The holiday pay earned in a year (paid in the next): the basis, the ordinary share and the 60+ supplement.</summary>
public sealed record HolidayPay(int EarningYear, decimal Basis, decimal Share, decimal Ordinary, bool SixtyPlus, decimal SixtyPlusBasis,
    decimal SixtyPlusAmount, decimal G, bool GVerify, HolidayTerms Terms)
{
    public decimal Total => Ordinary + SixtyPlusAmount;
}

/// <summary>What a year gives: the year's days (FER-5-1 or the agreement's, FER-TARIFF), the 60+ days (FER-5-2) and those carried in (FER-7-3).</summary>
public sealed record HolidayEntitlement(int Year, int Ordinary, int SixtyPlus, int CarriedIn, bool FifthWeek)
{
    public int Total => Ordinary + SixtyPlus + CarriedIn;
}

/// <summary>A holiday granted to an assistant: its days, and the sickness that may take some back (FER-9-1).</summary>
public sealed record GrantedHoliday(LocalDate From, LocalDate To);

/// <summary>One year's holiday account: what the year gives, the days granted, the days sickness gave back, and those left.</summary>
public sealed record HolidayYear(HolidayEntitlement Entitlement, int Granted, int Returned, int Wished)
{
    public int Left => Entitlement.Total - Granted + Returned;
}

/// <summary>
/// The holiday rules of rules.md § 3 for the pages and the batch check: the year's entitlement and account, and the
/// findings on one wish or decision. Rules report; the caller decides (a refused main holiday the employee may demand is
/// refused by the web app).
/// </summary>
public static class HolidayRules
{
    public static IReadOnlyList<Rule> All { get; } = [new Fer_5_1(), new Fer_5_2(), new Fer_Tariff(), new Fer_6_1(), new Fer_7_1(), new Fer_7_3(), new Fer_9_1(), new Fer_10_1()];

    /// <summary>The holiday terms of an agreement (a tariff id) in force at the year's start; the law's without one.</summary>
    public static HolidayTerms Terms(string? tariffId, int year)
        => tariffId is { } t && Tariffs.All.TryGetValue(t, out var tariff) && tariff.Parameters.RowAt(new LocalDate(year, 1, 1)) is { } row ? row.Value.Holiday : HolidayTerms.Statutory;

    /// <summary>The days a year gives before carry-over.</summary>
    public static HolidayEntitlement Entitlement(int year, LocalDate? birthDate, HolidayTerms terms, int carriedIn = 0)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return new HolidayEntitlement(year, terms.Days, Fer_5_2.Applies(birthDate, year) ? Fer_5_2.ExtraDays : 0, carriedIn, terms.FifthWeek);
    }

    /// <summary>
    /// The account of <paramref name="year"/>, with carry-over from the years since employment: each year's unused days go on
    /// as far as the written agreement for that year (at most 12, FER-7-3) and the days sickness gave back (FER-9-1) reach.
    /// </summary>
    public static HolidayYear Account(int year, LocalDate employedFrom, LocalDate? birthDate, HolidayTerms terms, IReadOnlyList<GrantedHoliday> granted,
        IReadOnlyList<AbsencePeriod> sickness, IReadOnlyDictionary<int, int> agreedCarryOver, int wishedDays = 0)
    {
        ArgumentNullException.ThrowIfNull(granted);
        ArgumentNullException.ThrowIfNull(sickness);
        ArgumentNullException.ThrowIfNull(agreedCarryOver);
        var carried = 0;
        HolidayYear? account = null;
        for (var y = Math.Max(employedFrom.Year, year - 5); y <= year; y++)
        {
            var entitlement = Entitlement(y, birthDate, terms, carried);
            var used = granted.Sum(h => HolidayDays.CountIn(y, h.From, h.To));
            var returned = granted.Sum(h => Fer_9_1.Returned(h.From, h.To, sickness).Count(d => d.Year == y));
            account = new HolidayYear(entitlement, used, returned, y == year ? wishedDays : 0);
            carried = Math.Max(0, Math.Min(account.Left, Math.Min(Fer_7_3.MaxAgreedDays, agreedCarryOver.GetValueOrDefault(y)) + returned));
        }
        return account!;
    }

    /// <summary>
    /// The findings on a wish for a holiday: whether it is a main holiday the employee may demand (FER-7-1), whether it is
    /// more than the year has left (FER-5-1), and the day by which the employer must answer (FER-6-1).
    /// </summary>
    public static IReadOnlyList<AbsenceFinding> OnWish(LocalDate from, LocalDate to, bool main, LocalDate employedFrom, int left, LocalDate today)
    {
        var findings = new List<AbsenceFinding>();
        var days = HolidayDays.Count(from, to);
        if (main)
        {
            if (!Fer_7_1.CanDemand(employedFrom, from.Year))
                findings.Add(new("FER-7-1", Severity.Info, RuleText.Format("FER-7-1.NotYet", Dates(employedFrom), from.Year)));
            else if (!Fer_7_1.IsMainHoliday(from, to))
                findings.Add(new("FER-7-1", Severity.Info, RuleText.Format("FER-7-1.Short", Fer_7_1.DaysInPeriod(from, to), Fer_7_1.Days)));
        }
        if (days > left) findings.Add(new("FER-5-1", Severity.Warn, RuleText.Format("FER-5-1.More", days, left)));
        var tellBy = Fer_6_1.TellBy(from);
        findings.Add(today > tellBy
            ? new("FER-6-1", Severity.Warn, RuleText.Format("FER-6-1.Late", Dates(tellBy)))
            : new("FER-6-1", Severity.Info, RuleText.Format("FER-6-1.AnswerBy", Dates(tellBy))));
        return findings;
    }

    /// <summary>
    /// The findings on granting a wish, perhaps at other dates: a main holiday the employee may demand must stay one unless
    /// another is granted that year (FER-7-1, a breach); other dates than wished told less than two months ahead (FER-6-1).
    /// </summary>
    public static IReadOnlyList<AbsenceFinding> OnGrant(LocalDate wishedFrom, LocalDate wishedTo, bool main, LocalDate from, LocalDate to,
        LocalDate employedFrom, bool otherMainHoliday, LocalDate today)
    {
        var findings = new List<AbsenceFinding>();
        if (main && Fer_7_1.CanDemand(employedFrom, wishedFrom.Year) && Fer_7_1.IsMainHoliday(wishedFrom, wishedTo) && !otherMainHoliday && !Fer_7_1.IsMainHoliday(from, to))
            findings.Add(new("FER-7-1", Severity.Breach, RuleText.Format("FER-7-1.Demanded", Fer_7_1.Days)));
        if ((from != wishedFrom || to != wishedTo) && today > Fer_6_1.TellBy(from))
            findings.Add(new("FER-6-1", Severity.Warn, RuleText.Format("FER-6-1.Moved", Dates(Fer_6_1.TellBy(from)))));
        return findings;
    }

    /// <summary>The findings on refusing a wish: refusing a main holiday the employee may demand is a breach unless another is granted (FER-7-1).</summary>
    public static IReadOnlyList<AbsenceFinding> OnRefusal(LocalDate wishedFrom, LocalDate wishedTo, bool main, LocalDate employedFrom, bool otherMainHoliday)
        => main && !otherMainHoliday && Fer_7_1.CanDemand(employedFrom, wishedFrom.Year) && Fer_7_1.IsMainHoliday(wishedFrom, wishedTo)
            ? [new("FER-7-1", Severity.Breach, RuleText.Format("FER-7-1.Demanded", Fer_7_1.Days))]
            : [];

    /// <summary>
    /// The findings on a sickness that touches granted holidays (FER-9-1): a doctor's note at 100 % gives the days back (before the
    /// holiday, the employee may demand it moved); a self-certification or a graded note does not, and is told so.
    /// </summary>
    public static IReadOnlyList<AbsenceFinding> OnSickness(AbsencePeriod sickness, IEnumerable<GrantedHoliday> holidays)
    {
        ArgumentNullException.ThrowIfNull(sickness);
        ArgumentNullException.ThrowIfNull(holidays);
        var findings = new List<AbsenceFinding>();
        foreach (var h in holidays.Where(h => h.From <= sickness.To && sickness.From <= h.To))
        {
            if (!Fer_9_1.Counts(sickness))
            {
                findings.Add(new("FER-9-1", Severity.Breach, RuleText.Get("FER-9-1.NeedsNote")));
                continue;
            }
            var back = Fer_9_1.Returned(h.From, h.To, [sickness]).Count;
            findings.Add(sickness.From < h.From
                ? new("FER-9-1", Severity.Info, RuleText.Format("FER-9-1.Before", Dates(h.From), back))
                : new("FER-9-1", Severity.Info, RuleText.Format("FER-9-1.During", back)));
        }
        return findings;
    }

    /// <summary>
    /// The batch check's findings on one registered holiday: told later than two months ahead (FER-6-1, when the day it was
    /// told is known), and a holiday in the main-holiday period of a year the assistant may not demand one (FER-7-1, example 12).
    /// </summary>
    public static IReadOnlyList<AbsenceFinding> OnHoliday(LocalDate from, LocalDate to, LocalDate? employedFrom, LocalDate? toldOn)
    {
        var findings = new List<AbsenceFinding>();
        var tellBy = Fer_6_1.TellBy(from);
        if (toldOn > tellBy) findings.Add(new("FER-6-1", Severity.Warn, RuleText.Format("FER-6-1.Told", Dates(from), Dates(toldOn.Value), Dates(tellBy))));
        if (employedFrom is { } employed && Fer_7_1.DaysInPeriod(from, to) > 0 && !Fer_7_1.CanDemand(employed, from.Year))
            findings.Add(new("FER-7-1", Severity.Info, RuleText.Format("FER-7-1.NotYet", Dates(employed), from.Year)));
        return findings;
    }

    /// <summary>
    /// The batch check's findings on a holiday year: more days taken than the right (FER-5-1, a warning: more can be agreed,
    /// as leave); when <paramref name="period"/> holds the whole main-holiday period, no main holiday registered for one who
    /// may demand it (FER-7-1, info); when it holds the whole year, more days left than may be carried over (FER-7-3).
    /// </summary>
    public static IReadOnlyList<AbsenceFinding> OnYear(HolidayYear account, int year, LocalDate? employedFrom, IReadOnlyList<GrantedHoliday> granted, DateInterval? period)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(granted);
        var findings = new List<AbsenceFinding>();
        var taken = account.Granted - account.Returned;
        if (taken > account.Entitlement.Total)
            findings.Add(new("FER-5-1", Severity.Warn, RuleText.Format("FER-5-1.Over", taken, year, account.Entitlement.Total)));
        bool Covers(LocalDate first, LocalDate last) => period is { } p && p.Start <= first && last <= p.End;
        if (employedFrom is { } employed && Fer_7_1.CanDemand(employed, year) && Covers(new LocalDate(year, 6, 1), new LocalDate(year, 9, 30))
            && !granted.Any(h => Fer_7_1.IsMainHoliday(h.From, h.To) && h.From.Year == year))
            findings.Add(new("FER-7-1", Severity.Info, RuleText.Format("FER-7-1.None", Fer_7_1.Days, year)));
        if (Covers(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31)) && account.Left > Fer_7_3.MaxAgreedDays)
            findings.Add(new("FER-7-3", Severity.Warn, RuleText.Format("FER-7-3.Left", account.Left, year, Fer_7_3.MaxAgreedDays)));
        return findings;
    }

    /// <summary>Validates an agreed carry-over (FER-7-3): whole days from 0 to 12.</summary>
    public static string? CarryOverProblem(int? days) => days switch
    {
        null => RuleText.Get("FER-7-3.Missing"),
        < 0 or > Fer_7_3.MaxAgreedDays => RuleText.Format("FER-7-3.TooMany", Fer_7_3.MaxAgreedDays),
        _ => null,
    };

    /// <summary>FER-7-1: whether a period is a main holiday (18 holiday days inside 1 June to 30 September).</summary>
    public static bool IsMainHoliday(LocalDate from, LocalDate to) => Fer_7_1.IsMainHoliday(from, to);

    /// <summary>FER-7-1: whether the employee may demand a main holiday in the year.</summary>
    public static bool CanDemandMainHoliday(LocalDate employedFrom, int year) => Fer_7_1.CanDemand(employedFrom, year);

    /// <summary>FER-6-1: the last day to tell the employee of a holiday starting on <paramref name="start"/>.</summary>
    public static LocalDate TellBy(LocalDate start) => Fer_6_1.TellBy(start);

    /// <summary>FER-10-1 for one assistant and earning year.</summary>
    public static HolidayPay Pay(int earningYear, decimal basis, LocalDate? birthDate, HolidayTerms terms) => Fer_10_1.For(earningYear, basis, birthDate, terms);

    private static string Dates(LocalDate date) => date.ToString("d.M.yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
