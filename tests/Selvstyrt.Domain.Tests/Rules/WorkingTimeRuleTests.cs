using Selvstyrt.Domain.Rules.Engine;
using Shouldly;

namespace Selvstyrt.Domain.Tests.Rules;

/// <summary>AML-10-4-1: 9 h per 24 h (a shift counts on the day it starts), 40 h per 7 days; the excess is legal overtime.</summary>
public class Aml_10_4_1_Tests
{
    [Fact]
    public void Rule_ExactlyNineHours_NoOvertime()
    {
        var result = Rota.Aml().Shift("a1", "2025-05-05T08:00", "2025-05-05T17:00").Check();
        result.Of("AML-10-4-1").ShouldBeEmpty();
        result.Shift("s1").LegalOvertimeHours.ShouldBe(0);
    }

    [Fact]
    public void Rule_OneMinuteOver_InfoAndOneMinuteOvertime()
    {
        var result = Rota.Aml().Shift("a1", "2025-05-05T08:00", "2025-05-05T17:01").Check();
        var finding = result.Of("AML-10-4-1").ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Info);
        finding.Limit.ShouldBe(9);
        result.Shift("s1").LegalOvertimeHours.ShouldBe(0.02);
    }

    [Fact]
    public void Rule_SpringDstNight_NineElapsedHoursHold()
    {
        // rules.md § 7 example 1: the night into the last Sunday of March is one hour shorter.
        var result = Rota.Aml().Shift("a1", "2025-03-29T22:00", "2025-03-30T08:00").Check();
        result.Shift("s1").Hours.ShouldBe(9);
        result.Shift("s1").NightHours.ShouldBe(7);
        result.Of("AML-10-4-1").ShouldBeEmpty();
    }

    [Fact]
    public void Rule_AutumnDstNight_ElevenHoursTwoOvertime()
    {
        // Example 2: the night into the last Sunday of October is one hour longer.
        var result = Rota.Aml().Shift("a1", "2025-10-25T22:00", "2025-10-26T08:00").Check();
        result.Shift("s1").Hours.ShouldBe(11);
        result.Shift("s1").LegalOvertimeHours.ShouldBe(2);
        result.Of("AML-10-4-1").ShouldHaveSingleItem().Measured.ShouldBe(11);
        result.Of("AML-10-6-8").ShouldBeEmpty();
    }

    [Fact]
    public void Rule_FortyTwoAndAHalfHourWeek_TwoAndAHalfHoursOvertime()
    {
        var result = Rota.Aml().Daily("a1", "2025-05-05T08:00", "2025-05-05T16:30", 5).Check();
        var week = result.Of("AML-10-4-1").ShouldHaveSingleItem();
        week.Measured.ShouldBe(42.5);
        week.Limit.ShouldBe(40);
        result.Shifts.Sum(s => s.LegalOvertimeHours).ShouldBe(2.5);
    }

    [Fact]
    public void Rule_RollingSetting_CountsTheNextMorning()
    {
        // 14-22 and 07-15: per calendar day 8 + 8; rolling 24 h from 14:00 holds 15 h.
        var calendar = Rota.Aml().Shift("a1", "2025-05-05T14:00", "2025-05-05T22:00").Shift("a1", "2025-05-06T07:00", "2025-05-06T15:00").Check();
        calendar.Of("AML-10-4-1").ShouldBeEmpty();
        var rolling = Rota.Aml(settings: s => s with { DayWindow = DayWindowMode.Rolling })
            .Shift("a1", "2025-05-05T14:00", "2025-05-05T22:00").Shift("a1", "2025-05-06T07:00", "2025-05-06T15:00").Check();
        rolling.Of("AML-10-4-1").ShouldHaveSingleItem().Measured.ShouldBe(15);
    }

    [Fact]
    public void Rule_ShiftAcrossWeekAnchor_HoursSplitAtMidnight()
    {
        // Week of 5 May: 40 h Monday-Friday, plus a Sunday-night shift 22:00-06:00 whose last 6 hours fall in the next week.
        var result = Rota.Aml().Daily("a1", "2025-05-05T08:00", "2025-05-05T16:00", 5).Shift("a1", "2025-05-11T22:00", "2025-05-12T06:00").Check();
        var week = result.Of("AML-10-4-1").ShouldHaveSingleItem();
        week.Measured.ShouldBe(42);
        week.From.ShouldBe(Rota.At("2025-05-05T00:00"));
    }
}

/// <summary>AML-10-4-2: mainly passive work extends normal time.</summary>
public class Aml_10_4_2_Tests
{
    [Fact]
    public void Rule_MainlyPassiveNight_NormalTimeExtendedByTwoHours()
    {
        var result = Rota.Aml().Shift("a1", "2025-05-05T20:00", "2025-05-06T09:00", passive: [("2025-05-05T23:00", "2025-05-06T07:00")]).Check();
        result.Of("AML-10-4-2").ShouldHaveSingleItem().Limit.ShouldBe(11);
        result.Shift("s1").LegalOvertimeHours.ShouldBe(2);
        result.Shift("s1").PassiveHours.ShouldBe(8);
    }

    [Fact]
    public void Rule_LittlePassiveTime_NoExtension()
    {
        var result = Rota.Aml().Shift("a1", "2025-05-05T08:00", "2025-05-05T19:00", passive: [("2025-05-05T12:00", "2025-05-05T14:00")]).Check();
        result.Of("AML-10-4-2").ShouldBeEmpty();
        result.Shift("s1").LegalOvertimeHours.ShouldBe(2);
    }
}

/// <summary>AML-10-4-3: on call away from the workplace counts 1/7.</summary>
public class Aml_10_4_3_Tests
{
    [Fact]
    public void Rule_SeventeenHoursOnCall_CountsOneSeventhAndNeverALongShift()
    {
        var result = Rota.Aml().Shift("a1", "2025-05-05T16:00", "2025-05-06T09:00", onCall: true).Check();
        result.Shift("s1").Hours.ShouldBe(2.43);
        result.Of("AML-10-4-3").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Info);
        result.Of("LONGSHIFT-1").ShouldBeEmpty();
        result.Of("AML-10-8-1").ShouldBeEmpty();
    }
}

/// <summary>AML-10-4-4: reduced weekly norms.</summary>
public class Aml_10_4_4_Tests
{
    private static Rota RoundTheClock(Rota rota)
        => rota.Shift("a1", "2025-05-05T08:00", "2025-05-05T16:00").Shift("a1", "2025-05-07T15:00", "2025-05-07T23:00").Shift("a1", "2025-05-09T22:00", "2025-05-10T07:00");

    [Fact]
    public void Rule_RoundTheClockRota_Norm38()
    {
        var finding = RoundTheClock(Rota.Aml()).Check().Of("AML-10-4-4").ShouldHaveSingleItem();
        finding.Limit.ShouldBe(38);
        finding.Message.ShouldContain("døgnet rundt");
    }

    [Fact]
    public void Rule_FullyContinuousArrangement_Norm36()
        => RoundTheClock(Rota.Aml().Continuous()).Check().Of("AML-10-4-4").ShouldHaveSingleItem().Limit.ShouldBe(36);

    [Fact]
    public void Rule_EveryThirdSunday_Norm38()
    {
        var rota = Rota.Aml().Period("2025-03-03", "2025-04-13").Daily("a1", "2025-03-03T08:00", "2025-03-03T15:00", 5)
            .Shift("a1", "2025-03-09T10:00", "2025-03-09T16:00").Shift("a1", "2025-03-30T10:00", "2025-03-30T16:00");
        rota.Check().Of("AML-10-4-4").ShouldHaveSingleItem().Message.ShouldContain("hver tredje søndag");
    }

    [Fact]
    public void Rule_DayWorkOnWeekdays_OrdinaryNorm()
        => Rota.Aml().Daily("a1", "2025-05-05T08:00", "2025-05-05T16:00", 5).Check().Of("AML-10-4-4").ShouldBeEmpty();

    [Fact]
    public void Rule_Norm38_Lowers40HourLimit()
    {
        // Round the clock and 39 hours in the week: one hour is overtime under the 38-hour norm.
        var result = RoundTheClock(Rota.Aml()).Shift("a1", "2025-05-06T08:00", "2025-05-06T16:00").Shift("a1", "2025-05-08T08:00", "2025-05-08T14:00").Check();
        result.Of("AML-10-4-1").ShouldHaveSingleItem().Limit.ShouldBe(38);
    }
}

/// <summary>AML-10-5-1, AML-10-5-2 and AML-10-5-3: averaging.</summary>
public class Aml_10_5_Tests
{
    [Fact]
    public void Aml1052_AutumnDstNightWithTariffBasis_NormalTime()
    {
        var result = Rota.Aml().Basis(LegalBasisKind.AveragingByTariff).Shift("a1", "2025-10-25T22:00", "2025-10-26T08:00").Check();
        result.Shift("s1").LegalOvertimeHours.ShouldBe(0);
        result.Of("AML-10-6-1").ShouldBeEmpty();
    }

    [Fact]
    public void Aml1051_FourHeavyWeeks_AverageAboveNormIsBreach()
    {
        var result = Rota.Aml().Basis(LegalBasisKind.AveragingByAgreement).Period("2025-09-01", "2025-09-28")
            .Daily("a1", "2025-09-01T08:00", "2025-09-01T17:12", 5).Daily("a1", "2025-09-08T08:00", "2025-09-08T17:12", 5)
            .Daily("a1", "2025-09-15T08:00", "2025-09-15T17:12", 5).Daily("a1", "2025-09-22T08:00", "2025-09-22T17:12", 5).Check();
        var finding = result.Of("AML-10-5-1").ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Breach);
        finding.Measured.ShouldBe(46);
        finding.Limit.ShouldBe(40);
        result.Shifts.Sum(s => s.LegalOvertimeHours).ShouldBe(0);
    }

    [Fact]
    public void Aml1051_HeavyAndLightWeeksBalance_Holds()
    {
        var result = Rota.Aml().Basis(LegalBasisKind.AveragingByAgreement).Period("2025-09-01", "2025-09-28")
            .Daily("a1", "2025-09-01T08:00", "2025-09-01T17:12", 5).Daily("a1", "2025-09-08T08:00", "2025-09-08T17:12", 5)
            .Daily("a1", "2025-09-15T08:00", "2025-09-15T14:48", 5).Daily("a1", "2025-09-22T08:00", "2025-09-22T14:48", 5).Check();
        result.Of("AML-10-5-1").ShouldBeEmpty();
    }

    [Fact]
    public void Aml1053_ConsentLongerThan26Weeks_Breach()
        => Rota.Aml().Basis(LegalBasisKind.AveragingByConsent, from: "2025-01-01", to: "2025-12-31").Shift("a1", "2025-05-05T08:00", "2025-05-05T16:00")
            .Check().Of("AML-10-5-3").ShouldHaveSingleItem().Message.ShouldContain("høyst 26 uker");
}
