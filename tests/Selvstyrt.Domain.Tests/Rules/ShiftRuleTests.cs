using Selvstyrt.Domain.Rules.Engine;
using Shouldly;

namespace Selvstyrt.Domain.Tests.Rules;

/// <summary>AML-10-9-1: pauses.</summary>
public class Aml_10_9_1_Tests
{
    [Fact]
    public void Rule_EightHoursNoPause_WarnEightHoursPaid()
    {
        // Example 7.
        var result = Rota.Aml("virke-bpa", s => s with { PassiveFactor = 0.5m }).Shift("a1", "2025-05-05T08:00", "2025-05-05T16:00").Check();
        result.Of("AML-10-9-1").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Warn);
        result.Shift("s1").PaidHours.ShouldBe(8);
    }

    [Fact]
    public void Rule_PaidPauseOfThirtyMinutes_HoldsAndCountsAsWork()
    {
        var result = Rota.Aml().Shift("a1", "2025-05-05T08:00", "2025-05-05T16:00", pauses: [("2025-05-05T12:00", "2025-05-05T12:30", false)]).Check();
        result.Of("AML-10-9-1").ShouldBeEmpty();
        result.Shift("s1").Hours.ShouldBe(8);
    }

    [Fact]
    public void Rule_FreePause_NotWorkingTime()
        => Rota.Aml().Shift("a1", "2025-05-05T08:00", "2025-05-05T16:00", pauses: [("2025-05-05T12:00", "2025-05-05T12:30", true)]).Check().Shift("s1").Hours.ShouldBe(7.5);

    [Fact]
    public void Rule_ExactlyFiveAndAHalfHours_NoPauseNeeded()
        => Rota.Aml().Shift("a1", "2025-05-05T08:00", "2025-05-05T13:30").Check().Of("AML-10-9-1").ShouldBeEmpty();

    [Fact]
    public void Rule_OneMinuteMore_PauseNeeded()
        => Rota.Aml().Shift("a1", "2025-05-05T08:00", "2025-05-05T13:31").Check().Of("AML-10-9-1").ShouldHaveSingleItem();

    [Fact]
    public void Rule_EightHoursTwentyMinutePause_Warn()
        => Rota.Aml().Shift("a1", "2025-05-05T08:00", "2025-05-05T16:00", pauses: [("2025-05-05T12:00", "2025-05-05T12:20", false)]).Check()
            .Of("AML-10-9-1").ShouldHaveSingleItem().Measured.ShouldBe(0.33);
}

/// <summary>AML-10-10-1: the Sunday and holiday window classifies hours.</summary>
public class Aml_10_10_1_Tests
{
    [Theory]
    [InlineData("2025-03-01T16:00", "2025-03-01T23:00", 5)] // Saturday from 18:00
    [InlineData("2025-12-24T12:00", "2025-12-24T20:00", 5)] // Christmas Eve from 15:00
    [InlineData("2025-12-31T15:00", "2025-12-31T23:00", 5)] // New Year's Eve from 18:00 (example 16)
    [InlineData("2025-04-30T20:00", "2025-04-30T23:00", 1)] // eve of 1 May from 22:00
    [InlineData("2026-05-16T20:00", "2026-05-16T23:00", 3)] // 17 May 2026 on a Sunday: from 18:00 the day before
    [InlineData("2025-03-02T20:00", "2025-03-03T02:00", 2)] // Sunday night: until 22:00 before Monday
    [InlineData("2025-03-29T22:00", "2025-03-30T08:00", 9)] // Saturday into the short DST Sunday
    public void Rule_Window_ClassifiesHours(string start, string end, double expected)
        => Rota.Aml().Shift("a1", start, end).Check().Shift("s1").SundayHolidayHours.ShouldBe(expected);
}

/// <summary>AML-10-11-1: night hours.</summary>
public class Aml_10_11_1_Tests
{
    [Fact]
    public void Rule_AmlNight_TwentyOneToSix()
        => Rota.Aml().Shift("a1", "2025-05-05T20:00", "2025-05-06T08:00").Check().Shift("s1").NightHours.ShouldBe(9);

    [Fact]
    public void Rule_HouseholdRegime_TwentyThreeToSix()
        => Rota.Household().Shift("a1", "2025-05-05T20:00", "2025-05-06T08:00").Check().Shift("s1").NightHours.ShouldBe(7);

    [Fact]
    public void Rule_TariffNightWindow_Used()
        => Rota.Aml(settings: s => s with { NightWindow = (new NodaTime.LocalTime(22, 0), new NodaTime.LocalTime(7, 0)) })
            .Shift("a1", "2025-05-05T20:00", "2025-05-06T08:00").Check().Shift("s1").NightHours.ShouldBe(9);

    [Fact]
    public void Rule_AutumnDstNight_TenNightHours()
        => Rota.Aml().Shift("a1", "2025-10-25T20:00", "2025-10-26T08:00").Check().Shift("s1").NightHours.ShouldBe(10);
}

/// <summary>AML-10-11-6: regular night workers.</summary>
public class Aml_10_11_6_Tests
{
    private static Rota Nights(Rota rota)
    {
        rota.Period("2025-09-01", "2025-09-28");
        for (var w = 0; w < 4; w++) rota.Daily("a1", $"{Rota.Date("2025-09-01").PlusWeeks(w):yyyy-MM-dd}T20:00", $"{Rota.Date("2025-09-02").PlusWeeks(w):yyyy-MM-dd}T08:00", 5);
        return rota;
    }

    [Fact]
    public void Rule_LongNightsUnderAveragingAgreement_Breach()
        => Nights(Rota.Aml().Basis(LegalBasisKind.AveragingByTariff)).Check().Of("AML-10-11-6").ShouldHaveSingleItem().Limit.ShouldBe(8);

    [Fact]
    public void Rule_WithNightWorkBasis_Holds()
        => Nights(Rota.Aml().Basis(LegalBasisKind.AveragingByTariff).Basis(LegalBasisKind.NightWorkByTariff)).Check().Of("AML-10-11-6").ShouldBeEmpty();
}

/// <summary>LONGSHIFT-1 and AML-10-12-4: long shifts.</summary>
public class LongShift_1_Tests
{
    [Fact]
    public void Rule_TwentyFourHoursWithoutBasis_Breach()
    {
        var result = Rota.Aml().Shift("a1", "2025-05-05T08:00", "2025-05-06T08:00").Check();
        var finding = result.Of("LONGSHIFT-1").ShouldHaveSingleItem();
        finding.Measured.ShouldBe(24);
        finding.Limit.ShouldBe(13);
    }

    [Fact]
    public void Rule_FortyEightHoursWithoutBasis_Breach()
        => Rota.Aml().Shift("a1", "2025-05-05T08:00", "2025-05-07T08:00").Check().Of("LONGSHIFT-1").ShouldHaveSingleItem().Measured.ShouldBe(48);

    [Fact]
    public void Rule_ExactlyThirteenHours_Holds()
        => Rota.Aml().Shift("a1", "2025-05-05T08:00", "2025-05-05T21:00").Check().Of("LONGSHIFT-1").ShouldBeEmpty();

    [Fact]
    public void Rule_TwentyFourHoursWithTariffDeviation_OnlyTheBasisCaps()
    {
        var result = Rota.Aml().Basis(LegalBasisKind.TariffDeviation).Shift("a1", "2025-05-05T08:00", "2025-05-06T08:00").Shift("a1", "2025-05-07T08:00", "2025-05-07T16:00").Check();
        result.Of("LONGSHIFT-1").ShouldBeEmpty();
        result.Of("AML-10-6-8").ShouldBeEmpty();
        result.Of("AML-10-8-1").ShouldBeEmpty();
        result.Of("AML-10-12-4").ShouldBeEmpty();
    }

    [Fact]
    public void Rule_TwentySixHoursOverBasisCap_Breach()
        => Rota.Aml().Basis(LegalBasisKind.TariffDeviation).Shift("a1", "2025-05-05T08:00", "2025-05-06T10:00").Check()
            .Of("LONGSHIFT-1").ShouldHaveSingleItem().Message.ShouldContain("AML-10-12-4");

    [Fact]
    public void Rule_ShortRestAfterLongShift_Aml10124WarnOrLongShiftBreach()
    {
        var nine = Rota.Aml().Basis(LegalBasisKind.TariffDeviation).Shift("a1", "2025-05-05T08:00", "2025-05-06T08:00").Shift("a1", "2025-05-06T17:00", "2025-05-06T22:00").Check();
        nine.Of("AML-10-12-4").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Warn);
        nine.Of("LONGSHIFT-1").ShouldBeEmpty();
        var six = Rota.Aml().Basis(LegalBasisKind.TariffDeviation).Shift("a1", "2025-05-05T08:00", "2025-05-06T08:00").Shift("a1", "2025-05-06T14:00", "2025-05-06T22:00").Check();
        six.Of("LONGSHIFT-1").ShouldHaveSingleItem().Measured.ShouldBe(6);
    }

    [Fact]
    public void Rule_BasisForAnotherDate_Breach()
        => Rota.Aml().Basis(LegalBasisKind.TariffDeviation, from: "2025-06-01").Shift("a1", "2025-05-05T08:00", "2025-05-06T08:00").Check().Of("LONGSHIFT-1").ShouldHaveSingleItem();
}

/// <summary>AML-10-2-1: harmful strain patterns.</summary>
public class Aml_10_2_1_Tests
{
    [Fact]
    public void Rule_TwoDayShiftsWithinAWeek_Warn()
        => Rota.Aml().Basis(LegalBasisKind.TariffDeviation).Shift("a1", "2025-05-05T08:00", "2025-05-06T08:00").Shift("a1", "2025-05-09T08:00", "2025-05-10T08:00").Check()
            .Of("AML-10-2-1").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Warn);

    [Fact]
    public void Rule_DayShiftsEightDaysApart_Holds()
        => Rota.Aml().Basis(LegalBasisKind.TariffDeviation).Shift("a1", "2025-05-05T08:00", "2025-05-06T08:00").Shift("a1", "2025-05-13T08:00", "2025-05-14T08:00").Check()
            .Of("AML-10-2-1").ShouldBeEmpty();

    [Fact]
    public void Rule_FiveNightsInARow_WarnFourHold()
    {
        Rota.Aml().Daily("a1", "2025-05-05T22:00", "2025-05-06T06:00", 5).Check().Of("AML-10-2-1").ShouldHaveSingleItem().Message.ShouldContain("5 nattevakter");
        Rota.Aml().Daily("a1", "2025-05-05T22:00", "2025-05-06T06:00", 4).Check().Of("AML-10-2-1").ShouldBeEmpty();
    }

    [Fact]
    public void Rule_TwoEmployersAboveFortyEightHours_WarnNeverBreach()
    {
        var result = Rota.Aml().Employer("e2").Assistant("a1").Daily("a1", "2025-05-05T07:00", "2025-05-05T13:00", 5).Daily("a1", "2025-05-05T14:00", "2025-05-05T19:00", 5, employer: "e2").Check();
        var finding = result.Of("AML-10-2-1").ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Warn);
        finding.Measured.ShouldBe(55);
        finding.Employer.ShouldBeNull();
    }

    [Fact]
    public void Rule_DeclaredOtherEmployerHours_InfoAndCountedInTotal()
    {
        var result = Rota.Aml().Assistant("a1", other: new OtherEmployerHoursDeclared("Kafé AS", 20, Rota.Date("2025-01-01"), null))
            .Daily("a1", "2025-05-05T08:00", "2025-05-05T15:00", 5).Check();
        result.Of("AML-10-2-1").ShouldContain(f => f.Severity == Severity.Info && f.Message.Contains("Kafé AS", StringComparison.Ordinal));
        result.Of("AML-10-2-1").ShouldContain(f => f.Severity == Severity.Warn && f.Measured == 55);
        result.Findings.ShouldNotContain(f => f.Severity == Severity.Breach);
    }
}

/// <summary>AML-10-3-1: the plan discussed 14 days before.</summary>
public class Aml_10_3_1_Tests
{
    [Fact]
    public void Rule_DiscussedSevenDaysBefore_Breach()
    {
        // Example 8.
        var finding = Rota.Aml().Plan("2025-08-25", "2025-09-01").Check().Of("AML-10-3-1").ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Breach);
        finding.Measured.ShouldBe(7);
        finding.Limit.ShouldBe(14);
    }

    [Fact]
    public void Rule_ExactlyFourteenDays_Holds()
        => Rota.Aml().Plan("2025-08-18", "2025-09-01").Check().Of("AML-10-3-1").ShouldBeEmpty();

    [Fact]
    public void Rule_ThirteenDays_Breach()
        => Rota.Aml().Plan("2025-08-19", "2025-09-01").Check().Of("AML-10-3-1").ShouldHaveSingleItem();

    [Fact]
    public void Rule_NotRecorded_Warn()
        => Rota.Aml().Plan(null, "2025-09-01").Check().Of("AML-10-3-1").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Warn);
}
