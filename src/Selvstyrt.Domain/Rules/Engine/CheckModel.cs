using NodaTime;
using Selvstyrt.Domain.Rules.Parameters;

namespace Selvstyrt.Domain.Rules.Engine;

/// <summary>How bad a finding is (rules.md): the engine never blocks by itself, the caller decides.</summary>
public enum Severity
{
    /// <summary>Worth knowing.</summary>
    Info = 0,
    /// <summary>Allowed only with a reason, a record or consent; or a risk.</summary>
    Warn = 1,
    /// <summary>Unlawful as it stands.</summary>
    Breach = 2,
}

/// <summary>Which working-time rules apply to an employer (rules.md § 0).</summary>
public enum Regime
{
    /// <summary>A company, municipality or organisation: arbeidsmiljøloven.</summary>
    Aml,
    /// <summary>The recipient as private employer: the household regulation.</summary>
    Household,
}

/// <summary>Where 7-day windows start.</summary>
public enum WeekAnchor
{
    /// <summary>Monday 00:00 local time.</summary>
    Monday,
    /// <summary>00:00 on the plan's start date, every 7 days from there.</summary>
    PlanStart,
}

/// <summary>How "per 24 hours" is measured for AML-10-4-1, AML-10-6-8 and AML-10-6-9.</summary>
public enum DayWindowMode
{
    /// <summary>Local calendar days; a shift counts in full on the day it starts (a night shift belongs to the evening it begins). The default.</summary>
    CalendarDay,
    /// <summary>24 hours from the start of work: a window starts at a shift start, the next at the first shift start after it ends (or at its end while work goes on).</summary>
    Rolling,
}

/// <summary>How daily rest (AML-10-8-1) is measured.</summary>
public enum DailyRestMode
{
    /// <summary>The longest free period within 24 hours from each shift start.</summary>
    Rolling,
    /// <summary>The gap between consecutive shifts.</summary>
    Gap,
}

/// <summary>Planned or actually worked (AML-10-7-1 keeps them apart; the engine checks each on its own).</summary>
public enum ShiftKind
{
    /// <summary>From a work plan.</summary>
    Planned,
    /// <summary>From a time sheet.</summary>
    Actual,
}

/// <summary>A relaxation the employer can rely on (rules.md § 0), named by the paragraph it relaxes.</summary>
public enum LegalBasisKind
{
    /// <summary>§ 10-5 (1): averaging by written agreement with the employee.</summary>
    AveragingByAgreement,
    /// <summary>§ 10-5 (2): averaging by tariff agreement with union representatives.</summary>
    AveragingByTariff,
    /// <summary>§ 10-5 (3): averaging by Arbeidstilsynet's consent.</summary>
    AveragingByConsent,
    /// <summary>§ 10-6 (5): more overtime by tariff agreement.</summary>
    OvertimeByTariff,
    /// <summary>§ 10-6 (9): total up to 16 h per 24 h by tariff agreement.</summary>
    LongerDayByTariff,
    /// <summary>§ 10-8 (3): shorter rest by tariff agreement.</summary>
    ShorterRestByTariff,
    /// <summary>§ 10-8 (4): Sunday work every other Sunday on average, by written agreement.</summary>
    SundayAgreement,
    /// <summary>§ 10-11 (9): night work beyond § 10-11 (6) by tariff agreement.</summary>
    NightWorkByTariff,
    /// <summary>§ 10-12 (4): tariff deviation by a union with at least 10,000 members (long BPA shifts).</summary>
    TariffDeviation,
    /// <summary>A consent from Arbeidstilsynet for long shifts.</summary>
    Arbeidstilsynet,
}


/// <summary>Parameters of a long-shift basis (AML-10-12-4 or Arbeidstilsynet); the defaults are marked for verification.</summary>
public sealed record LongShiftTerms(double MaxShiftHours = 24, double MinRestHours = 8, double CompensatoryRestHours = 11);

/// <summary>A stored legal basis: which relaxation, for whom, when.</summary>
public sealed record LegalBasis(LegalBasisKind Kind, string? Id, IReadOnlySet<string>? Assistants, LocalDate? From, LocalDate? To)
{
    /// <summary>Caps for an AML-10-5-3 consent when they differ from the defaults.</summary>
    public AveragingLimits? Averaging { get; init; }

    /// <summary>Caps of a long-shift basis.</summary>
    public LongShiftTerms LongShift { get; init; } = new();

    /// <summary>Whether the basis covers an assistant on a date.</summary>
    public bool Covers(string assistant, LocalDate date)
        => (Assistants is null || Assistants.Contains(assistant)) && (From is null || date >= From) && (To is null || date <= To);


    /// <summary>The id used in the batch check, e.g. <c>AML-10-5-2</c>.</summary>
    public static string Code(LegalBasisKind kind) => kind switch
    {
        LegalBasisKind.AveragingByAgreement => "AML-10-5-1",
        LegalBasisKind.AveragingByTariff => "AML-10-5-2",
        LegalBasisKind.AveragingByConsent => "AML-10-5-3",
        LegalBasisKind.OvertimeByTariff => "AML-10-6-5",
        LegalBasisKind.LongerDayByTariff => "AML-10-6-9",
        LegalBasisKind.ShorterRestByTariff => "AML-10-8-3",
        LegalBasisKind.SundayAgreement => "AML-10-8-4",
        LegalBasisKind.NightWorkByTariff => "AML-10-11-9",
        LegalBasisKind.TariffDeviation => "AML-10-12-4",
        _ => "ARBEIDSTILSYNET",
    };

    /// <summary>The kind for a code of the batch check, or null.</summary>
    public static LegalBasisKind? FromCode(string code) => Enum.GetValues<LegalBasisKind>().Cast<LegalBasisKind?>().FirstOrDefault(k => Code(k!.Value) == code);
}

/// <summary>An employer's settings; the defaults follow rules.md.</summary>
public sealed record EmployerSettings
{
    /// <summary>The employer's wider right to self-certify (EGM-8-24-3: 8 days each time, 24 in 12 months); the law's 3 days otherwise.</summary>
    public bool WiderSelfCertification { get; init; }

    /// <summary>How "per 24 hours" is measured.</summary>
    public DayWindowMode DayWindow { get; init; } = DayWindowMode.CalendarDay;
    /// <summary>How daily rest is measured.</summary>
    public DailyRestMode DailyRest { get; init; } = DailyRestMode.Rolling;
    /// <summary>A tariff night window (at least 8 hours, containing 00:00-06:00), or null for the regime's.</summary>
    public (LocalTime From, LocalTime To)? NightWindow { get; init; }
    /// <summary>AML-10-3-1 notice in days, when a tariff sets another.</summary>
    public int? PlanNoticeDays { get; init; }
    /// <summary>The overtime premium the employer pays (AML-10-6-11), when known.</summary>
    public decimal? OvertimePremium { get; init; }
    /// <summary>PASSIVE-1: the agreed pay factor for passive time, overriding the agreement's.</summary>
    public decimal? PassiveFactor { get; init; }
    /// <summary>AML-10-2-1 thresholds.</summary>
    public StrainSettings Strain { get; init; } = new();
}

/// <summary>An employer: its regime, agreement, week anchor, legal bases and settings.</summary>
public sealed record EmployerProfile(string Id, Regime Regime, string? Tariff, WeekAnchor WeekAnchor, LocalDate? PlanStart, IReadOnlyList<LegalBasis> LegalBases, EmployerSettings Settings);

/// <summary>Hours an assistant has declared for another employer (feeds AML-10-2-1, gives info).</summary>
public sealed record OtherEmployerHoursDeclared(string? Employer, double HoursPerWeek, LocalDate From, LocalDate? To);

/// <summary>An assistant as the rules see them.</summary>
public sealed record AssistantProfile(string Id, string Employer, LocalDate? BirthDate, LocalDate? EmployedFrom, int? SeniorityYears, decimal? HourlyPay, decimal WeeklyNorm, IReadOnlyList<OtherEmployerHoursDeclared> OtherEmployerHours);

/// <summary>A pause within a shift; <see cref="Free"/> when the assistant may leave (then it is not working time).</summary>
public sealed record Pause(Instant Start, Instant End, bool Free);

/// <summary>A shift, planned or actual.</summary>
public sealed record ShiftInput(string Id, string Assistant, string Employer, string? Arrangement, Instant Start, Instant End, ShiftKind Kind)
{
    /// <summary>Passive (inactive, e.g. sleeping) periods inside the shift; they count in full for limits (rules.md § 0).</summary>
    public IReadOnlyList<Interval> Passive { get; init; } = [];
    /// <summary>Pauses inside the shift.</summary>
    public IReadOnlyList<Pause> Pauses { get; init; } = [];
    /// <summary>On call away from the workplace (hjemmevakt, AML-10-4-3).</summary>
    public bool OnCall { get; init; }
    /// <summary>Travel with the recipient (TRAVEL-1).</summary>
    public bool Travel { get; init; }
    /// <summary>Why there is overtime (AML-10-6-1), when there is.</summary>
    public string? OvertimeReason { get; init; }
}

/// <summary>A work plan's dates for AML-10-3-1.</summary>
public sealed record PlanInfo(LocalDate? DiscussedOn, LocalDate StartsOn);

/// <summary>An arrangement's rota facts that the rules need.</summary>
public sealed record ArrangementInfo(string Id, bool FullyContinuous);

/// <summary>Everything one check looks at.</summary>
public sealed record CheckInput(DateTimeZone Zone, IReadOnlyList<EmployerProfile> Employers, IReadOnlyList<AssistantProfile> Assistants, IReadOnlyList<ShiftInput> Shifts)
{
    /// <summary>The plan, for AML-10-3-1.</summary>
    public PlanInfo? Plan { get; init; }
    /// <summary>Arrangements with rota facts.</summary>
    public IReadOnlyList<ArrangementInfo> Arrangements { get; init; } = [];
    /// <summary>
    /// The period the shifts describe (inclusive local dates), e.g. a plan's 12 weeks: weeks inside it without work
    /// count as weeks off in averages. Without it, the period runs from the first to the last shift.
    /// </summary>
    public DateInterval? Period { get; init; }

    /// <summary>Registered absences and the care facts behind sick-child days, for the batch check of absence (rules.md § 4).</summary>
    public Absences.AbsenceRecords? Absences { get; init; }
}

/// <summary>One finding: which rule, how bad, whose, when, what was measured against which limit, and why in Norwegian.</summary>
public sealed record Finding(string Rule, Severity Severity, string? Assistant, string? Employer, IReadOnlyList<string> Shifts, Instant From, Instant To, double? Measured, double? Limit, string? Unit, string Message);

/// <summary>What the engine computed for one shift (hours as elapsed time).</summary>
public sealed record ShiftResult(string Id, double Hours, double NightHours, double SundayHolidayHours, double LegalOvertimeHours, double PassiveHours, double? PaidHours, IReadOnlyList<KeyValuePair<string, double>>? Supplements);

/// <summary>The result of a check.</summary>
public sealed record CheckResult(IReadOnlyList<Finding> Findings, IReadOnlyList<ShiftResult> Shifts);
