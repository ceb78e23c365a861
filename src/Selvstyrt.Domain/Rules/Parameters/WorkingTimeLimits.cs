using NodaTime;

namespace Selvstyrt.Domain.Rules.Parameters;

/// <summary>
/// The statutory limits of arbeidsmiljøloven chapter 10 (or of the household regulation), as data. Every number
/// here has a rule id in rules.md § 1; the rules read them from the row in force on the date of the work.
/// </summary>
public sealed record WorkingTimeLimits
{
    /// <summary>AML-10-4-1: normal working time per 24 hours.</summary>
    public double DailyNormalHours { get; init; } = 9;
    /// <summary>AML-10-4-1: normal working time per 7 days.</summary>
    public double WeeklyNormalHours { get; init; } = 40;
    /// <summary>AML-10-4-2: share of passive time that makes work "mainly passive".</summary>
    public double MainlyPassiveShare { get; init; } = 0.5;
    /// <summary>AML-10-4-2: normal time may be extended by this share of the passive time.</summary>
    public double PassiveExtensionShare { get; init; } = 0.5;
    /// <summary>AML-10-4-2: at most this many hours per 24 hours.</summary>
    public double PassiveExtensionDailyHours { get; init; } = 2;
    /// <summary>AML-10-4-2: at most this many hours per 7 days.</summary>
    public double PassiveExtensionWeeklyHours { get; init; } = 10;
    /// <summary>AML-10-4-2: never above this many hours per 7 days.</summary>
    public double PassiveWeeklyCapHours { get; init; } = 48;
    /// <summary>AML-10-4-3: share of on-call time away from the workplace that counts as working time.</summary>
    public double OnCallFactor { get; init; } = 1.0 / 7.0;
    /// <summary>AML-10-4-4: weekly norm for round-the-clock rota, every third Sunday, or mainly night work.</summary>
    public double ReducedWeeklyHours { get; init; } = 38;
    /// <summary>AML-10-4-4: weekly norm for fully continuous rota.</summary>
    public double ContinuousWeeklyHours { get; init; } = 36;
    /// <summary>AML-10-6-4: legal overtime per 7 days, per 4 weeks and per 52 weeks.</summary>
    public (double Week, double FourWeeks, double Year) Overtime { get; init; } = (10, 25, 200);
    /// <summary>AML-10-6-5: the same with a tariff agreement and union representatives.</summary>
    public (double Week, double FourWeeks, double Year) OvertimeByTariff { get; init; } = (20, 50, 300);
    /// <summary>AML-10-6-8: total working time per 24 hours.</summary>
    public double TotalDailyHours { get; init; } = 13;
    /// <summary>AML-10-6-8: total per 7 days, averaged over <see cref="TotalAveragingWeeks"/>.</summary>
    public double TotalWeeklyHours { get; init; } = 48;
    /// <summary>AML-10-6-8: the averaging period for the 48 hours.</summary>
    public int TotalAveragingWeeks { get; init; } = 8;
    /// <summary>AML-10-6-8: no single week above this, even with 10-5 (2) and 10-6 (5).</summary>
    public double TotalSingleWeekHours { get; init; } = 69;
    /// <summary>AML-10-6-9: total per 24 hours with a tariff agreement.</summary>
    public double TotalDailyByTariffHours { get; init; } = 16;
    /// <summary>AML-10-6-11: the least overtime premium.</summary>
    public double OvertimePremium { get; init; } = 0.40;
    /// <summary>AML-10-8-1: daily rest.</summary>
    public double DailyRestHours { get; init; } = 11;
    /// <summary>AML-10-8-2: weekly rest.</summary>
    public double WeeklyRestHours { get; init; } = 35;
    /// <summary>AML-10-8-3: floors with a tariff agreement.</summary>
    public (double Daily, double Weekly) RestFloorsByTariff { get; init; } = (8, 28);
    /// <summary>AML-10-8-4: averaging period and the "every 4th week" rule with a written agreement.</summary>
    public (int AveragingWeeks, int OffEveryWeeks) SundayRotation { get; init; } = (26, 4);
    /// <summary>AML-10-9-1: a pause above this many hours worked, and at least 30 minutes from 8 hours.</summary>
    public (double PauseFromHours, double LongPauseFromHours, double LongPauseMinutes) Pauses { get; init; } = (5.5, 8, 30);
    /// <summary>AML-10-11-1: the night window (local time).</summary>
    public (LocalTime From, LocalTime To) Night { get; init; } = (new LocalTime(21, 0), new LocalTime(6, 0));
    /// <summary>AML-10-11-6: regular night workers: hours at night that make a night shift, and the averaged daily cap.</summary>
    public (double NightShiftHours, double DailyHours, int Weeks) NightWorker { get; init; } = (3, 8, 4);
    /// <summary>AML-10-3-1: days before a plan takes effect that it must be discussed.</summary>
    public int PlanNoticeDays { get; init; } = 14;
    /// <summary>LONGSHIFT-1: longest shift without a basis (16 with AML-10-6-9), and the rest floor.</summary>
    public (double MaxShiftHours, double MaxShiftByTariffHours, double RestFloorHours) LongShift { get; init; } = (13, 16, 8);
    /// <summary>AML-10-5-1: with a written agreement: per 24 h, the 7-day average over 8 weeks, one single week, longest period in weeks.</summary>
    public AveragingLimits AveragingByAgreement { get; init; } = new(10, 48, 8, 50, 52);
    /// <summary>AML-10-5-2: with a tariff agreement and union representatives.</summary>
    public AveragingLimits AveragingByTariff { get; init; } = new(12.5, 54, 1, 54, 52);
    /// <summary>AML-10-5-3: with Arbeidstilsynet's consent.</summary>
    public AveragingLimits AveragingByConsent { get; init; } = new(13, 54, 1, 54, 26);
}

/// <summary>Caps of an averaging arrangement (AML § 10-5): the period's average must stay at the weekly norm.</summary>
public sealed record AveragingLimits(double DailyHours, double WeeklyAverageHours, int WeeklyAverageOverWeeks, double SingleWeekHours, int MaxPeriodWeeks);

/// <summary>Thresholds for the harmful-strain patterns of AML-10-2-1 (settings, not law).</summary>
public sealed record StrainSettings
{
    /// <summary>A shift this long or longer is a "long" shift.</summary>
    public double LongShiftHours { get; init; } = 24;
    /// <summary>This many long shifts within 7 days is a pattern.</summary>
    public int LongShiftsPer7Days { get; init; } = 2;
    /// <summary>More than this many hours in one week across all employers.</summary>
    public double CrossEmployerWeeklyHours { get; init; } = 48;
    /// <summary>This many night shifts in a row is a pattern.</summary>
    public int NightsInRow { get; init; } = 5;
}

/// <summary>The statutory parameter sets, versioned.</summary>
public static class Statutory
{
    private const string Aml = "arbeidsmiljøloven kap. 10 (LOV-2005-06-17-62), Arbeidstilsynets veiledning per paragraf";
    private const string Household = "forskrift om arbeid i arbeidsgivers hjem og husholdning (2022)";

    /// <summary>Arbeidsmiljøloven, in force since 2006-01-01.</summary>
    public static Versioned<WorkingTimeLimits> AmlLimits { get; } = new(
        new ParameterRow<WorkingTimeLimits>(new LocalDate(2006, 1, 1), null, new WorkingTimeLimits(), Aml));

    /// <summary>
    /// The household regulation for a recipient who is the private employer: the same 9/40, averaging 10/48 (at most
    /// 50 in one week) and the night 23:00-06:00. The date it took effect is marked for verification.
    /// </summary>
    public static Versioned<WorkingTimeLimits> HouseholdLimits { get; } = new(
        new ParameterRow<WorkingTimeLimits>(new LocalDate(2022, 1, 1), null, new WorkingTimeLimits
        {
            Night = (new LocalTime(23, 0), new LocalTime(6, 0)),
        }, Household, Verify: true));
}
