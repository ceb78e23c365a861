using Selvstyrt.Domain.Rules.Engine;
using Shouldly;

namespace Selvstyrt.Domain.Tests.Rules;

/// <summary>AML-10-6-1: planned overtime and overtime without a reason.</summary>
public class Aml_10_6_1_Tests
{
    [Fact]
    public void Rule_PlannedOvertime_Warn()
        => Rota.Aml().Shift("a1", "2025-10-25T22:00", "2025-10-26T08:00").Check().Of("AML-10-6-1").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Warn);

    [Fact]
    public void Rule_ActualOvertimeWithoutReason_Warn()
        => Rota.Aml().Shift("a1", "2025-05-05T08:00", "2025-05-05T19:00", kind: ShiftKind.Actual).Check()
            .Of("AML-10-6-1").ShouldHaveSingleItem().Message.ShouldContain("uten begrunnelse");

    [Fact]
    public void Rule_ActualOvertimeWithReason_Holds()
        => Rota.Aml().Shift("a1", "2025-05-05T08:00", "2025-05-05T19:00", kind: ShiftKind.Actual, overtimeReason: "Vikaren kom ikke").Check()
            .Of("AML-10-6-1").ShouldBeEmpty();

    [Fact]
    public void Rule_PlannedAndActualKeptApart()
    {
        // AML-10-7-1: an actual entry next to the planned one is checked on its own, not summed with it.
        var result = Rota.Aml().Shift("a1", "2025-05-05T08:00", "2025-05-05T16:00").Shift("a1", "2025-05-05T08:00", "2025-05-05T16:00", kind: ShiftKind.Actual).Check();
        result.Of("AML-10-6-1").ShouldBeEmpty();
        result.Of("AML-10-7-1").ShouldBeEmpty();
    }
}

/// <summary>AML-10-6-4 and AML-10-6-5: overtime per week, 4 weeks and 52 weeks.</summary>
public class Aml_10_6_4_Tests
{
    private static Rota Weeks(Rota rota, int weeks, string saturdayEnd)
    {
        for (var w = 0; w < weeks; w++)
        {
            var monday = Rota.Date("2025-09-01").PlusWeeks(w);
            rota.Daily("a1", $"{monday:yyyy-MM-dd}T07:00", $"{monday:yyyy-MM-dd}T16:00", 5);
            rota.Shift("a1", $"{monday.PlusDays(5):yyyy-MM-dd}T08:00", $"{monday.PlusDays(5):yyyy-MM-dd}T{saturdayEnd}");
        }
        return rota;
    }

    [Fact]
    public void Rule_SevenHoursEachOfFourWeeks_TwentyEightOverTwentyFive()
    {
        // rules.md § 7 example 5.
        var result = Weeks(Rota.Aml().Period("2025-09-01", "2025-09-28"), 4, "10:00").Check();
        var finding = result.Of("AML-10-6-4").ShouldHaveSingleItem();
        finding.Measured.ShouldBe(28);
        finding.Limit.ShouldBe(25);
        finding.Severity.ShouldBe(Severity.Breach);
    }

    [Fact]
    public void Rule_SameWithTariffBasis_Holds()
    {
        var result = Weeks(Rota.Aml().Basis(LegalBasisKind.OvertimeByTariff).Period("2025-09-01", "2025-09-28"), 4, "10:00").Check();
        result.Of("AML-10-6-4").ShouldBeEmpty();
        result.Of("AML-10-6-5").ShouldBeEmpty();
    }

    [Fact]
    public void Rule_ExactlyTenHoursInAWeek_Holds()
        => Weeks(Rota.Aml().Period("2025-09-01", "2025-09-07"), 1, "13:00").Check().Of("AML-10-6-4").ShouldBeEmpty();

    [Fact]
    public void Rule_ElevenHoursInAWeek_Breach()
        => Weeks(Rota.Aml().Period("2025-09-01", "2025-09-07"), 1, "14:00").Check().Of("AML-10-6-4").ShouldHaveSingleItem().Measured.ShouldBe(11);

    [Fact]
    public void Aml1065_TwentySixHoursWithBasis_BreachOfTariffCap()
    {
        var result = Rota.Aml().Basis(LegalBasisKind.OvertimeByTariff).Period("2025-09-01", "2025-09-07")
            .Daily("a1", "2025-09-01T07:00", "2025-09-01T19:00", 5).Shift("a1", "2025-09-06T08:00", "2025-09-06T14:00").Check();
        // 5 x 12 h + 6 h: 15 h beyond 9 h a day, then 51 - 40 = 11 h beyond the week.
        result.Of("AML-10-6-5").ShouldContain(f => f.Measured == 26 && f.Limit == 20);
        result.Of("AML-10-6-4").ShouldBeEmpty();
    }
}

/// <summary>AML-10-6-8: total working time.</summary>
public class Aml_10_6_8_Tests
{
    [Fact]
    public void Rule_TwoArrangementsOfOneEmployer_FourteenHoursBreach()
    {
        // Example 6, same employer.
        var result = Rota.Aml().Shift("a1", "2025-05-05T08:00", "2025-05-05T16:00", arrangement: "o1").Shift("a1", "2025-05-05T17:00", "2025-05-05T23:00", arrangement: "o2").Check();
        var total = result.Of("AML-10-6-8").ShouldHaveSingleItem();
        total.Severity.ShouldBe(Severity.Breach);
        total.Measured.ShouldBe(14);
        result.Of("AML-10-8-1").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Breach);
    }

    [Fact]
    public void Rule_TwoEmployers_InfoOnly()
    {
        // Example 6, two employers: the limits apply per employer.
        var result = Rota.Aml().Employer("e2").Assistant("a1")
            .Shift("a1", "2025-05-05T08:00", "2025-05-05T16:00").Shift("a1", "2025-05-05T17:00", "2025-05-05T23:00", employer: "e2").Check();
        result.Findings.Where(f => f.Rule != "AML-10-9-1").ShouldAllBe(f => f.Severity == Severity.Info);
        result.Of("AML-10-6-8").ShouldHaveSingleItem().Employer.ShouldBeNull();
        result.Of("AML-10-8-1").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Info);
    }

    [Fact]
    public void Rule_ExactlyThirteenHours_Holds()
        => Rota.Aml().Shift("a1", "2025-05-05T08:00", "2025-05-05T21:00").Check().Of("AML-10-6-8").ShouldBeEmpty();

    [Fact]
    public void Rule_ThirteenHoursAndAMinute_Breach()
        => Rota.Aml().Shift("a1", "2025-05-05T08:00", "2025-05-05T21:01").Check().Of("AML-10-6-8").ShouldHaveSingleItem().Measured.ShouldBe(13.02);

    [Fact]
    public void Rule_FiftyHoursAWeekForEightWeeks_AverageBreach()
    {
        var rota = Rota.Aml().Period("2025-09-01", "2025-10-26");
        for (var w = 0; w < 8; w++) rota.Daily("a1", $"{Rota.Date("2025-09-01").PlusWeeks(w):yyyy-MM-dd}T07:00", $"{Rota.Date("2025-09-01").PlusWeeks(w):yyyy-MM-dd}T17:00", 5);
        var finding = rota.Check().Of("AML-10-6-8").ShouldHaveSingleItem();
        finding.Measured.ShouldBe(50);
        finding.Limit.ShouldBe(48);
    }
}

/// <summary>AML-10-6-9: 16 hours with a tariff agreement.</summary>
public class Aml_10_6_9_Tests
{
    [Fact]
    public void Rule_FifteenHoursWithBasis_WarnCompensatoryRest()
    {
        var result = Rota.Aml().Basis(LegalBasisKind.LongerDayByTariff).Shift("a1", "2025-05-05T07:00", "2025-05-05T22:00").Check();
        result.Of("AML-10-6-9").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Warn);
        result.Of("AML-10-6-8").ShouldBeEmpty();
        result.Of("LONGSHIFT-1").ShouldBeEmpty();
    }

    [Fact]
    public void Rule_SeventeenHoursWithBasis_Breach()
    {
        var result = Rota.Aml().Basis(LegalBasisKind.LongerDayByTariff).Shift("a1", "2025-05-05T06:00", "2025-05-05T23:00").Check();
        result.Of("AML-10-6-9").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Breach);
        result.Of("LONGSHIFT-1").ShouldHaveSingleItem().Limit.ShouldBe(16);
    }
}

/// <summary>AML-10-6-11: at least 40 % overtime premium.</summary>
public class Aml_10_6_11_Tests
{
    [Fact]
    public void Rule_ThirtyPercent_Breach()
        => Rota.Aml(settings: s => s with { OvertimePremium = 0.3m }).Shift("a1", "2025-05-05T08:00", "2025-05-05T16:00").Check()
            .Of("AML-10-6-11").ShouldHaveSingleItem().Measured.ShouldBe(30);

    [Fact]
    public void Rule_FortyPercent_Holds()
        => Rota.Aml(settings: s => s with { OvertimePremium = 0.4m }).Shift("a1", "2025-05-05T08:00", "2025-05-05T16:00").Check().Of("AML-10-6-11").ShouldBeEmpty();

    [Fact]
    public void Rule_VirkeAgreementFiftyPercent_Holds()
        => Rota.Aml("virke-bpa").Shift("a1", "2025-05-05T08:00", "2025-05-05T16:00").Check().Of("AML-10-6-11").ShouldBeEmpty();
}

/// <summary>AML-10-7-1: planned and actual apart; no one in two places at once.</summary>
public class Aml_10_7_1_Tests
{
    [Fact]
    public void Rule_OverlapInTwoArrangements_Warn()
        => Rota.Aml().Shift("a1", "2025-05-05T08:00", "2025-05-05T16:00", arrangement: "o1").Shift("a1", "2025-05-05T15:00", "2025-05-05T20:00", arrangement: "o2").Check()
            .Of("AML-10-7-1").ShouldHaveSingleItem().Measured.ShouldBe(1);

    [Fact]
    public void Rule_OverlapAcrossEmployers_Info()
        => Rota.Aml().Employer("e2").Assistant("a1").Shift("a1", "2025-05-05T08:00", "2025-05-05T16:00").Shift("a1", "2025-05-05T15:00", "2025-05-05T20:00", employer: "e2").Check()
            .Of("AML-10-7-1").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Info);

    [Fact]
    public void Rule_BackToBack_NoOverlap()
        => Rota.Aml().Shift("a1", "2025-05-05T08:00", "2025-05-05T12:00", arrangement: "o1").Shift("a1", "2025-05-05T12:00", "2025-05-05T16:00", arrangement: "o2").Check()
            .Of("AML-10-7-1").ShouldBeEmpty();
}
