using NodaTime;
using Selvstyrt.Domain.Rules.Calendar;
using Selvstyrt.Domain.Rules.Parameters;

namespace Selvstyrt.Domain.Rules.Pay;

/// <summary>Which days a supplement window starts on. Weekday bits are ISO (Monday = bit 0).</summary>
[Flags]
public enum WindowDays
{
    None = 0,
    Monday = 1, Tuesday = 2, Wednesday = 4, Thursday = 8, Friday = 16, Saturday = 32, Sunday = 64,
    Weekdays = Monday | Tuesday | Wednesday | Thursday | Friday,
    Weekend = Saturday | Sunday,
    EveryDay = Weekdays | Weekend,
    /// <summary>Public holidays (HOL-1, incl. 1 and 17 May).</summary>
    PublicHoliday = 128,
    /// <summary>Easter Saturday.</summary>
    EasterSaturday = 256,
    /// <summary>Wednesday before Maundy Thursday, Whitsun Eve, Christmas Eve and New Year's Eve.</summary>
    HalfHolidayEve = 512,
}

/// <summary>A civil-time window: starts on the matching days at <see cref="From"/>; when <see cref="To"/> is not after it, it ends the next day.</summary>
public sealed record SupplementWindow(WindowDays Days, LocalTime From, LocalTime To)
{
    /// <summary>Whether the window starts on a day of this kind.</summary>
    public bool StartsOn(int isoDayOfWeek, DayKind flags)
    {
        if ((Days & (WindowDays)(1 << (isoDayOfWeek - 1))) != 0) return true;
        if ((Days & WindowDays.PublicHoliday) != 0 && (flags & DayKind.PublicHoliday) != 0) return true;
        if ((Days & WindowDays.EasterSaturday) != 0 && (flags & DayKind.EasterSaturday) != 0) return true;
        const DayKind halfEves = DayKind.WednesdayBeforeEaster | DayKind.HighEve | DayKind.NewYearsEve;
        return (Days & WindowDays.HalfHolidayEve) != 0 && (flags & halfEves) != 0 && (flags & DayKind.EasterSaturday) == 0;
    }
}

/// <summary>What a supplement pays per hour: a fixed amount, or a share of the hourly wage with a floor.</summary>
public sealed record SupplementRate(decimal? AmountPerHour, decimal? ShareOfWage, decimal? MinimumPerHour)
{
    /// <summary>Kroner per hour.</summary>
    public static SupplementRate Amount(decimal perHour) => new(perHour, null, null);

    /// <summary>A share of the hourly wage, at least a minimum.</summary>
    public static SupplementRate Share(decimal share, decimal? minimum = null) => new(null, share, minimum);

    /// <summary>Kroner per hour for an hourly wage.</summary>
    public decimal PerHour(decimal hourlyWage)
        => AmountPerHour ?? Math.Max((ShareOfWage ?? 0) * hourlyWage, MinimumPerHour ?? 0);
}

/// <summary>
/// One supplement category of an agreement (SUPP-1): its windows, its rate, and the categories it replaces when
/// both apply to the same hour (stacking).
/// </summary>
public sealed record SupplementCategory(string Key, string Name, IReadOnlyList<SupplementWindow> Windows, SupplementRate Rate, IReadOnlyList<string> Replaces, bool Verify);

/// <summary>An agreement's minimum hourly pay by seniority, at the 37.5-hour norm (MINPAY-1).</summary>
public sealed record MinimumPay(IReadOnlyList<(int FromYears, decimal Hourly)> Steps)
{
    /// <summary>The least hourly pay for a seniority at a weekly norm (35.5 h gives the same yearly pay over fewer hours).</summary>
    public decimal For(int seniorityYears, decimal weeklyNorm)
    {
        var step = Steps.Where(s => s.FromYears <= seniorityYears).MaxBy(s => s.FromYears);
        var at375 = step.Hourly;
        return weeklyNorm == 37.5m ? at375 : Math.Round(at375 * 37.5m / weeklyNorm, 2, MidpointRounding.AwayFromZero);
    }
}

/// <summary>An agreement's pay parameters in force for a period.</summary>
public sealed record TariffParameters
{
    /// <summary>Supplement categories, in output order.</summary>
    public required IReadOnlyList<SupplementCategory> Supplements { get; init; }
    /// <summary>Minimum pay, when the agreement sets one that we know.</summary>
    public MinimumPay? MinimumPay { get; init; }
    /// <summary>Overtime premium (share of the hourly wage) and the higher premium for nights, Sundays and holidays.</summary>
    public (decimal Ordinary, decimal High)? OvertimePremium { get; init; }
    /// <summary>Whether supplements are paid on top of overtime hours.</summary>
    public bool SupplementsOnOvertime { get; init; } = true;
    /// <summary>PASSIVE-1: share of passive time that is paid; no default, null when the agreement text is not known.</summary>
    public decimal? PassiveFactor { get; init; }
    /// <summary>Full-time weekly norm for day work and for rota work (AML-10-4-4).</summary>
    public (decimal Day, decimal Rota) Norms { get; init; } = (37.5m, 35.5m);
    /// <summary>Holiday days and holiday pay (FER-5-1, FER-TARIFF, FER-10-1): the law's, or the agreement's fifth week.</summary>
    public HolidayTerms Holiday { get; init; } = HolidayTerms.Statutory;
}

/// <summary>
/// Holiday days a year and the holiday-pay share, and the 60+ supplement on top (FER-5-2, FER-10-1): the law gives 25 days
/// and 10.2 %; an agreement with a fifth week 30 days and 12 % (FER-TARIFF). <see cref="Verify"/> marks terms not yet
/// confirmed against the agreement's text.
/// </summary>
public sealed record HolidayTerms(int Days, decimal PayShare, decimal SixtyPlusShare, bool FifthWeek, bool Verify)
{
    /// <summary>Ferieloven: 25 working days, 10.2 %, +2.3 points from the year the employee turns 60.</summary>
    public static HolidayTerms Statutory { get; } = new(25, 0.102m, 0.023m, FifthWeek: false, Verify: false);

    /// <summary>An agreement's fifth week: 30 working days, 12 % (14.3 % from the year of 60).</summary>
    public static HolidayTerms WithFifthWeek(bool verify) => new(30, 0.12m, 0.023m, FifthWeek: true, verify);
}

/// <summary>A collective agreement's pay parameter set.</summary>
public sealed record Tariff(string Id, string Name, Versioned<TariffParameters> Parameters);

/// <summary>The agreements of rules.md § 2, as versioned data with their sources and verify marks.</summary>
public static class Tariffs
{
    private static readonly LocalTime T00 = new(0, 0);
    private static readonly LocalTime T06 = new(6, 0);
    private static readonly LocalTime T12 = new(12, 0);
    private static readonly LocalTime T17 = new(17, 0);
    private static readonly LocalTime T21 = new(21, 0);

    private static SupplementCategory EveningNight(decimal perHour, bool verify) => new(
        "eveningNight", "Kveld/natt", [new SupplementWindow(WindowDays.EveryDay, T17, T06)], SupplementRate.Amount(perHour), [], verify);

    private static SupplementCategory Weekend(SupplementRate rate, bool verify) => new(
        "weekend", "Lørdag/søndag", [new SupplementWindow(WindowDays.Weekend, T00, T00)], rate, [], verify);

    private static SupplementCategory Holiday(SupplementRate rate, bool verify, params SupplementWindow[] extra) => new(
        "holiday", "Helligdag", [new SupplementWindow(WindowDays.PublicHoliday, T00, T00), .. extra], rate, ["weekend"], verify);

    /// <summary>Virke - Landsoverenskomst for BPA (Fagforbundet).</summary>
    public static Tariff VirkeBpa { get; } = new("virke-bpa", "Virke - Landsoverenskomst for BPA", new Versioned<TariffParameters>(
        new ParameterRow<TariffParameters>(new LocalDate(2022, 8, 1), new LocalDate(2024, 3, 31), VirkeSupplements(null),
            "virke.no, fagforbundet.no: kveld/natt ≥ 60 kr/t, lørdag/søndag ≥ 57 kr/t fra 2022-08-01; vinduer, helligdag og overtid ikke bekreftet", Verify: true),
        new ParameterRow<TariffParameters>(new LocalDate(2024, 4, 1), new LocalDate(2024, 8, 31), VirkeSupplements(new MinimumPay([(0, 206.38m)])),
            "virke.no: minstelønn 206,38 kr/t (37,5 t) fra 2024-04-01; tilleggsvinduer, helligdag og overtid ikke bekreftet", Verify: true),
        new ParameterRow<TariffParameters>(new LocalDate(2024, 9, 1), null, VirkeSupplements(new MinimumPay([(0, 206.38m), (3, 211.51m), (6, 219.20m), (9, 226.89m)])),
            "virke.no: ansiennitetsstiger 0/3/6/9 år fra 2024-09-01; tilleggsvinduer, helligdag og overtid ikke bekreftet", Verify: true)));

    private static TariffParameters VirkeSupplements(MinimumPay? minimum) => new()
    {
        Supplements =
        [
            EveningNight(60m, verify: true),
            Weekend(SupplementRate.Amount(57m), verify: false),
            Holiday(SupplementRate.Share(1.3333m), verify: true),
        ],
        MinimumPay = minimum,
        OvertimePremium = (0.5m, 1.0m),
        Holiday = HolidayTerms.WithFifthWeek(verify: true),
    };

    /// <summary>NHO Geneo BPA agreement (NHO 595).</summary>
    public static Tariff NhoBpa { get; } = new("nho-bpa", "NHO Geneo - BPA-overenskomsten (595)", new Versioned<TariffParameters>(
        new ParameterRow<TariffParameters>(new LocalDate(2022, 8, 1), null, new TariffParameters
        {
            Supplements =
            [
                EveningNight(60m, verify: true),
                Weekend(SupplementRate.Amount(57m), verify: true),
                Holiday(SupplementRate.Share(1.3333m), verify: true),
            ],
            OvertimePremium = (0.5m, 1.0m),
            Holiday = HolidayTerms.WithFifthWeek(verify: true),
        }, "nhogeneo.no, fagforbundet.no: kveld/natt ≥ 60 kr/t, helg ≥ 57 kr/t; ikke bekreftet mot avtaleteksten", Verify: true)));

    /// <summary>Uloba SA agreement.</summary>
    public static Tariff Uloba { get; } = new("uloba", "Uloba - tariffavtale for personlige assistenter", new Versioned<TariffParameters>(
        new ParameterRow<TariffParameters>(new LocalDate(2023, 4, 1), null, new TariffParameters
        {
            Supplements =
            [
                EveningNight(68m, verify: false),
                Weekend(SupplementRate.Amount(65m), verify: false),
                Holiday(SupplementRate.Share(1.33m), verify: false),
            ],
            MinimumPay = new MinimumPay([(0, 205.86m), (3, 214.09m), (6, 222.33m), (9, 230.56m), (12, 238.80m), (15, 247.03m)]),
            OvertimePremium = (0.5m, 1.0m),
            Holiday = HolidayTerms.WithFifthWeek(verify: true),
        }, "uloba.no: 205,86 kr/t fra 2023-04-01, ansiennitet +4/8/12/16/20 % etter 3/6/9/12/15 år; overtid 50/100 % ikke bekreftet", Verify: true)));

    /// <summary>KS (a municipality as employer), HTA § 5.</summary>
    public static Tariff Ks { get; } = new("ks", "KS - Hovedtariffavtalen", new Versioned<TariffParameters>(
        new ParameterRow<TariffParameters>(new LocalDate(2024, 5, 1), null, new TariffParameters
        {
            Supplements =
            [
                new SupplementCategory("evening", "Kveld", [new SupplementWindow(WindowDays.EveryDay, T17, T21)], SupplementRate.Amount(56m), [], false),
                new SupplementCategory("night", "Natt", [new SupplementWindow(WindowDays.EveryDay, T21, T06)], SupplementRate.Share(0.25m, 70m), [], false),
                Weekend(SupplementRate.Share(0.22m, 70m), verify: false),
                Holiday(SupplementRate.Share(1.3333m), verify: false,
                    new SupplementWindow(WindowDays.EasterSaturday, T00, T00),
                    new SupplementWindow(WindowDays.HalfHolidayEve, T12, T00)),
            ],
            OvertimePremium = (0.5m, 1.0m),
            Holiday = HolidayTerms.WithFifthWeek(verify: false),
        }, "KS Hovedtariffavtalen § 5; ikrafttredelse for satsene ikke bekreftet", Verify: true)));

    /// <summary>All known agreements by id.</summary>
    public static IReadOnlyDictionary<string, Tariff> All { get; } = new[] { VirkeBpa, NhoBpa, Uloba, Ks }.ToDictionary(t => t.Id, StringComparer.Ordinal);
}
