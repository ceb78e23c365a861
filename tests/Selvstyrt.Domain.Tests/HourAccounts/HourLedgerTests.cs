using NodaTime;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.HourAccounts;
using Shouldly;

namespace Selvstyrt.Domain.Tests.HourAccounts;

/// <summary>VEDTAK-1: allotment per day from the decision in force, balances in the averaging period, forecast and warning.</summary>
public sealed class HourLedgerTests
{
    private static GrantVersion Grant(decimal hours, LocalDate from, LocalDate? to = null, GrantUnit unit = GrantUnit.Week, bool saving = false,
        AveragingPeriod averaging = AveragingPeriod.Week, UnusedHoursPolicy unused = UnusedHoursPolicy.ReturnedToMunicipality)
        => new(from, to, hours, unit, saving, averaging, unused, from, to, [new NeedHours(DecisionPurposes.PersonalHelpAtHome, null)]);

    /// <summary>Every day from <paramref name="from"/> to <paramref name="to"/> with the same planned hours, covered by a published plan.</summary>
    private static Dictionary<LocalDate, DayHours> Every(LocalDate from, LocalDate to, decimal planned)
    {
        var days = new Dictionary<LocalDate, DayHours>();
        for (var d = from; d <= to; d = d.PlusDays(1)) days[d] = new DayHours(planned, 0, 0, 0, 0, true);
        return days;
    }

    private static HourLedger Ledger(IReadOnlyList<GrantVersion> grants, Dictionary<LocalDate, DayHours> days, LocalDate today, decimal threshold = 5m,
        params (LocalDate, decimal)[] openings)
        => new(new LedgerInput(grants, days, openings, today, threshold));

    [Fact]
    public void RulesExample13_January2025_40HoursAWeek_195Used_Is177_14Allotted_10_1PercentOver_Warns()
    {
        // rules.md § 7 example 13: 195 h over 31 days, the month is over.
        var days = Every(new LocalDate(2025, 1, 1), new LocalDate(2025, 1, 31), 195m / 31m);
        var ledger = Ledger([Grant(40m, new LocalDate(2024, 1, 1))], days, new LocalDate(2025, 2, 1));

        var january = ledger.Summary(AccountPeriodKind.Month, new LocalDate(2025, 1, 1), new LocalDate(2025, 1, 31));

        Math.Round(january.Allotted, 2).ShouldBe(177.14m);
        Math.Round(january.UsedToDate, 2).ShouldBe(195m);
        Math.Round(january.UsedToDate - january.Allotted, 2).ShouldBe(17.86m);
        january.ForecastDeviationPercent.ShouldBe(10.1m);
        january.Warn.ShouldBeTrue();
    }

    [Theory]
    [InlineData(2024, 2, 29, 40 * 29 / 7.0)]
    [InlineData(2025, 2, 28, 40 * 28 / 7.0)]
    public void Allotment_PerWeek_IsHoursTimesDaysOverSeven_InLeapAndCommonFebruaries(int year, int month, int days, double expected)
    {
        var ledger = Ledger([Grant(40m, new LocalDate(2020, 1, 1))], [], new LocalDate(2030, 1, 1));

        var summary = ledger.Summary(AccountPeriodKind.Month, new LocalDate(year, month, 1), new LocalDate(year, month, days));

        Math.Round(summary.Allotted, 6).ShouldBe(Math.Round((decimal)expected, 6));
    }

    [Fact]
    public void Allotment_PerMonth_IsTheMonthsHoursWhateverItsLength_AndPerYearSumsToTheYear()
    {
        var monthly = Ledger([Grant(160m, new LocalDate(2024, 1, 1), unit: GrantUnit.Month)], [], new LocalDate(2030, 1, 1));
        var yearly = Ledger([Grant(2000m, new LocalDate(2024, 1, 1), unit: GrantUnit.Year)], [], new LocalDate(2030, 1, 1));

        Math.Round(monthly.Summary(AccountPeriodKind.Month, new LocalDate(2024, 2, 1), new LocalDate(2024, 2, 29)).Allotted, 6).ShouldBe(160m);
        Math.Round(monthly.Summary(AccountPeriodKind.Month, new LocalDate(2024, 3, 1), new LocalDate(2024, 3, 31)).Allotted, 6).ShouldBe(160m);
        Math.Round(yearly.Summary(AccountPeriodKind.Year, new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31)).Allotted, 6).ShouldBe(2000m);
    }

    [Fact]
    public void DecisionStartingOnAWednesday_AllotsOnlyFromThatDay()
    {
        // 1 October 2025 is a Wednesday: the first ISO week has five days of the decision.
        var ledger = Ledger([Grant(35m, new LocalDate(2025, 10, 1))], [], new LocalDate(2026, 1, 1));

        var weeks = ledger.Weeks(new LocalDate(2025, 9, 29), new LocalDate(2025, 10, 12));

        weeks[0].Granted.ShouldBe(25m);
        weeks[1].Granted.ShouldBe(35m);
    }

    [Fact]
    public void DecisionChangedMidMonth_EachDayCountsTheVersionInForce()
    {
        // 40 h/week to 17 March 2026, 70 h/week from 18 March: 17 days × 40/7 + 14 days × 70/7.
        var ledger = Ledger([Grant(40m, new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 17)), Grant(70m, new LocalDate(2026, 3, 18))], [], new LocalDate(2026, 4, 1));

        var march = ledger.Summary(AccountPeriodKind.Month, new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31));

        Math.Round(march.Allotted, 10).ShouldBe(Math.Round(17 * 40m / 7m + 14 * 70m / 7m, 10));
    }

    [Fact]
    public void NoSaving_BalanceStartsAgainEveryWeek()
    {
        var ledger = Ledger([Grant(35m, new LocalDate(2026, 1, 5))], Every(new LocalDate(2026, 1, 5), new LocalDate(2026, 1, 18), 4m), new LocalDate(2026, 1, 19));

        var weeks = ledger.Weeks(new LocalDate(2026, 1, 5), new LocalDate(2026, 1, 18));

        weeks[0].Difference.ShouldBe(7m);
        weeks[0].Balance.ShouldBe(7m);
        weeks[1].Balance.ShouldBe(7m, "the first week's unused hours went back to the municipality");
    }

    [Fact]
    public void SavingOverTheYear_BalanceAccumulates_AndIsReturnedAtYearEnd()
    {
        var grant = Grant(35m, new LocalDate(2025, 12, 1), saving: true, averaging: AveragingPeriod.CalendarYear);
        var ledger = Ledger([grant], Every(new LocalDate(2025, 12, 1), new LocalDate(2026, 1, 11), 4m), new LocalDate(2026, 1, 12));

        ledger.BalanceAtEndOf(new LocalDate(2025, 12, 31)).ShouldBe(31m);
        ledger.BalanceAtEndOf(new LocalDate(2026, 1, 11)).ShouldBe(11m);
    }

    [Fact]
    public void SavingWithCarryOver_KeepsTheBalanceIntoTheNextPeriod()
    {
        var grant = Grant(35m, new LocalDate(2025, 12, 1), saving: true, averaging: AveragingPeriod.Month, unused: UnusedHoursPolicy.CarriedOver);
        var ledger = Ledger([grant], Every(new LocalDate(2025, 12, 1), new LocalDate(2026, 1, 11), 4m), new LocalDate(2026, 1, 12));

        ledger.BalanceAtEndOf(new LocalDate(2026, 1, 11)).ShouldBe(42m);
    }

    [Theory]
    [InlineData(2026, 1, 15, 2025, 12, 1, 2026, 2, 28)]
    [InlineData(2026, 12, 1, 2026, 12, 1, 2027, 2, 28)]
    [InlineData(2024, 2, 29, 2023, 12, 1, 2024, 2, 29)]
    [InlineData(2026, 4, 30, 2026, 3, 1, 2026, 5, 31)]
    [InlineData(2026, 11, 30, 2026, 9, 1, 2026, 11, 30)]
    public void Seasons_AreMeteorological_WinterCrossesTheYear(int y, int m, int d, int fy, int fm, int fd, int ty, int tm, int td)
    {
        var ledger = Ledger([], [], new LocalDate(2030, 1, 1));

        ledger.PeriodOf(AveragingPeriod.Season, new LocalDate(y, m, d)).ShouldBe((new LocalDate(fy, fm, fd), new LocalDate(ty, tm, td)));
    }

    [Fact]
    public void OpeningBalance_CountsInItsPeriodFromItsDate()
    {
        // An arrangement arrives mid-year with 50 h saved; saving over the calendar year.
        var grant = Grant(35m, new LocalDate(2026, 1, 1), saving: true, averaging: AveragingPeriod.CalendarYear);
        var days = Every(new LocalDate(2026, 6, 1), new LocalDate(2026, 6, 30), 5m);
        var ledger = Ledger([grant], days, new LocalDate(2026, 7, 1), 5m, (new LocalDate(2026, 6, 1), 50m));

        ledger.BalanceAtEndOf(new LocalDate(2026, 6, 1)).ShouldBe(50m + 151 * 5m, "allotment Jan-May unused, plus the opening balance");
        var june = ledger.Summary(AccountPeriodKind.Month, new LocalDate(2026, 6, 1), new LocalDate(2026, 6, 30));
        june.Opening.ShouldBe(50m);
        june.BalanceToDate.ShouldBe(50m);
    }

    [Fact]
    public void Forecast_UsesThePlanWhereItCovers_AndTheRunRateBeyond()
    {
        // 35 h/week; 6 h a day used and planned until 20 November; no plan after.
        var today = new LocalDate(2026, 11, 16);
        var days = Every(new LocalDate(2026, 10, 1), new LocalDate(2026, 11, 20), 6m);
        var ledger = Ledger([Grant(35m, new LocalDate(2026, 1, 1))], days, today);

        var november = ledger.Summary(AccountPeriodKind.Month, new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 30));

        ledger.RunRatePerDay.ShouldBe(6m);
        november.UsedToDate.ShouldBe(15 * 6m);
        november.PlannedRest.ShouldBe(5 * 6m);
        november.RunRateRest.ShouldBe(10 * 6m);
        november.Forecast.ShouldBe(180m);
        november.ForecastDeviationPercent.ShouldBe(20m);
        november.Warn.ShouldBeTrue();
    }

    [Fact]
    public void Warning_IsAboveTheMunicipalitysThreshold_NotAtIt()
    {
        var days = Every(new LocalDate(2026, 1, 5), new LocalDate(2026, 1, 11), 5.25m);
        var atThreshold = Ledger([Grant(35m, new LocalDate(2026, 1, 1))], days, new LocalDate(2026, 1, 12), 5m);
        var lower = Ledger([Grant(35m, new LocalDate(2026, 1, 1))], days, new LocalDate(2026, 1, 12), 3m);

        atThreshold.Summary(AccountPeriodKind.Week, new LocalDate(2026, 1, 5), new LocalDate(2026, 1, 11)).Warn.ShouldBeFalse();
        lower.Summary(AccountPeriodKind.Week, new LocalDate(2026, 1, 5), new LocalDate(2026, 1, 11)).Warn.ShouldBeTrue();
    }

    [Fact]
    public void UnusedHours_ComeOffTheUsedHours()
    {
        var days = Every(new LocalDate(2026, 1, 5), new LocalDate(2026, 1, 11), 8m);
        DailyHours.AddUnused(days, [(new LocalDate(2026, 1, 7), 8m), (new LocalDate(2026, 1, 8), 3m)]);
        var ledger = Ledger([Grant(56m, new LocalDate(2026, 1, 1))], days, new LocalDate(2026, 1, 12));

        var week = ledger.Weeks(new LocalDate(2026, 1, 5), new LocalDate(2026, 1, 11)).Single();

        week.Planned.ShouldBe(56m);
        week.Unused.ShouldBe(11m);
        week.Used.ShouldBe(45m);
        week.Difference.ShouldBe(11m);
    }

    [Fact]
    public void Weeks_SumToTheYear_AndCutAtTheYearEnd()
    {
        var days = Every(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31), 5m);
        var ledger = Ledger([Grant(35m, new LocalDate(2025, 1, 1))], days, new LocalDate(2027, 1, 1));

        var weeks = ledger.Weeks(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));
        var year = ledger.Summary(AccountPeriodKind.Year, new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));

        weeks[0].From.ShouldBe(new LocalDate(2026, 1, 1));
        weeks[0].Week.ShouldBe(1);
        weeks[^1].To.ShouldBe(new LocalDate(2026, 12, 31));
        weeks[^1].Week.ShouldBe(53, "2026 has an ISO week 53");
        weeks.Sum(w => w.Granted).ShouldBe(year.Allotted);
        weeks.Sum(w => w.Used).ShouldBe(year.UsedToDate);
        weeks[^1].CumulativeUsed.ShouldBe(year.UsedToDate);
    }
}
