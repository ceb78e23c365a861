using Selvstyrt.Domain.Rules.Engine;
using Shouldly;

namespace Selvstyrt.Domain.Tests.Rules;

/// <summary>AML-10-8-1: 11 hours' daily rest.</summary>
public class Aml_10_8_1_Tests
{
    [Fact]
    public void Rule_NineHoursBetweenEveningAndDay_Breach()
    {
        // Example 3.
        var finding = Rota.Aml().Shift("a1", "2025-05-05T14:00", "2025-05-05T22:00").Shift("a1", "2025-05-06T07:00", "2025-05-06T15:00").Check()
            .Of("AML-10-8-1").ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Breach);
        finding.Measured.ShouldBe(9);
        finding.Limit.ShouldBe(11);
        finding.Shifts.ShouldBe(["s1", "s2"]);
        finding.From.ShouldBe(Rota.At("2025-05-05T22:00"));
        finding.To.ShouldBe(Rota.At("2025-05-06T07:00"));
        finding.Message.ShouldBe("Daglig hviletid 9 t er under 11 t (arbeidsmiljøloven § 10-8 (1)).");
    }

    [Fact]
    public void Rule_ExactlyElevenHours_Holds()
        => Rota.Aml().Shift("a1", "2025-05-05T14:00", "2025-05-05T22:00").Shift("a1", "2025-05-06T09:00", "2025-05-06T17:00").Check().Of("AML-10-8-1").ShouldBeEmpty();

    [Fact]
    public void Rule_TenHoursFiftyNine_Breach()
        => Rota.Aml().Shift("a1", "2025-05-05T14:00", "2025-05-05T22:01").Shift("a1", "2025-05-06T09:00", "2025-05-06T17:00").Check().Of("AML-10-8-1").ShouldHaveSingleItem();

    [Fact]
    public void Rule_NineHoursWithTariffBasis_WarnAndTwoHoursCompensatoryRest()
    {
        var result = Rota.Aml().Basis(LegalBasisKind.ShorterRestByTariff).Shift("a1", "2025-05-05T14:00", "2025-05-05T22:00").Shift("a1", "2025-05-06T07:00", "2025-05-06T15:00").Check();
        result.Of("AML-10-8-1").ShouldBeEmpty();
        var warn = result.Of("AML-10-8-3").ShouldHaveSingleItem();
        warn.Severity.ShouldBe(Severity.Warn);
        warn.Message.ShouldContain("Gi 2 t tilsvarende kompenserende hvile");
    }

    [Fact]
    public void Rule_SevenHoursWithTariffBasis_StaysBreach()
    {
        var result = Rota.Aml().Basis(LegalBasisKind.ShorterRestByTariff).Shift("a1", "2025-05-05T14:00", "2025-05-05T22:00").Shift("a1", "2025-05-06T05:00", "2025-05-06T13:00").Check();
        result.Of("AML-10-8-1").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Breach);
        result.Of("AML-10-8-3").ShouldBeEmpty();
    }

    [Fact]
    public void Rule_AutumnDstNight_ElevenElapsedHoursHold()
        // 01:00 to 11:00 on the clock, 11 hours elapsed.
        => Rota.Aml().Shift("a1", "2025-10-25T17:00", "2025-10-26T01:00").Shift("a1", "2025-10-26T11:00", "2025-10-26T19:00").Check().Of("AML-10-8-1").ShouldBeEmpty();

    [Fact]
    public void Rule_SpringDstNight_TenElapsedHoursBreach()
        // 01:00 to 12:00 on the clock, 10 hours elapsed.
        => Rota.Aml().Shift("a1", "2025-03-29T17:00", "2025-03-30T01:00").Shift("a1", "2025-03-30T12:00", "2025-03-30T20:00").Check()
            .Of("AML-10-8-1").ShouldHaveSingleItem().Measured.ShouldBe(10);

    [Fact]
    public void Rule_SplitShift_RollingHoldsGapModeBreaches()
    {
        static Rota Split(Rota rota) => rota.Shift("a1", "2025-05-05T07:00", "2025-05-05T10:00").Shift("a1", "2025-05-05T15:00", "2025-05-05T18:00").Shift("a1", "2025-05-06T07:00", "2025-05-06T10:00");
        Split(Rota.Aml()).Check().Of("AML-10-8-1").ShouldBeEmpty();
        Split(Rota.Aml(settings: s => s with { DailyRest = DailyRestMode.Gap })).Check().Of("AML-10-8-1").ShouldHaveSingleItem().Measured.ShouldBe(5);
    }
}

/// <summary>AML-10-8-2: 35 hours' weekly rest.</summary>
public class Aml_10_8_2_Tests
{
    [Fact]
    public void Rule_SevenDaysInARow_Breach()
        => Rota.Aml().Daily("a1", "2025-05-05T08:00", "2025-05-05T16:00", 7).Check().Of("AML-10-8-2").ShouldHaveSingleItem().Measured.ShouldBe(16);

    [Fact]
    public void Rule_WeekdaysOnly_Holds()
        => Rota.Aml().Daily("a1", "2025-05-05T08:00", "2025-05-05T16:00", 5).Check().Of("AML-10-8-2").ShouldBeEmpty();

    [Fact]
    public void Rule_ThirtyHoursWithTariffBasis_Warn()
    {
        var result = Rota.Aml().Basis(LegalBasisKind.ShorterRestByTariff).Daily("a1", "2025-05-05T08:00", "2025-05-05T16:00", 6).Shift("a1", "2025-05-11T22:00", "2025-05-11T23:59").Check();
        result.Of("AML-10-8-2").ShouldBeEmpty();
        result.Of("AML-10-8-3").ShouldContain(f => f.Measured == 30 && f.Severity == Severity.Warn);
    }

    [Fact]
    public void Rule_TwentyHoursWithTariffBasis_Breach()
        => Rota.Aml().Basis(LegalBasisKind.ShorterRestByTariff).Daily("a1", "2025-05-05T08:00", "2025-05-05T16:00", 6).Shift("a1", "2025-05-11T12:00", "2025-05-11T20:00").Check()
            .Of("AML-10-8-2").ShouldHaveSingleItem().Measured.ShouldBe(20);
}

/// <summary>AML-10-8-3: shorter rest with a tariff agreement (see also AML-10-8-1 and AML-10-8-2 tests).</summary>
public class Aml_10_8_3_Tests
{
    [Fact]
    public void Rule_BasisForAnotherAssistant_NoRelaxation()
    {
        var result = Rota.Aml().Assistant("a1").Assistant("a2").Basis(LegalBasisKind.ShorterRestByTariff, assistants: ["a2"])
            .Shift("a1", "2025-05-05T14:00", "2025-05-05T22:00").Shift("a1", "2025-05-06T07:00", "2025-05-06T15:00").Check();
        result.Of("AML-10-8-1").ShouldHaveSingleItem();
        result.Of("AML-10-8-3").ShouldBeEmpty();
    }

    [Fact]
    public void Rule_BasisExpired_NoRelaxation()
        => Rota.Aml().Basis(LegalBasisKind.ShorterRestByTariff, to: "2025-04-30")
            .Shift("a1", "2025-05-05T14:00", "2025-05-05T22:00").Shift("a1", "2025-05-06T07:00", "2025-05-06T15:00").Check().Of("AML-10-8-1").ShouldHaveSingleItem();
}

/// <summary>AML-10-8-4: the next Sunday or holiday off.</summary>
public class Aml_10_8_4_Tests
{
    [Fact]
    public void Rule_TwoSundaysInARow_Breach()
        // Example 4.
        => Rota.Aml().Shift("a1", "2025-03-02T10:00", "2025-03-02T18:00").Shift("a1", "2025-03-09T10:00", "2025-03-09T18:00").Check()
            .Of("AML-10-8-4").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Breach);

    [Fact]
    public void Rule_TwoSundaysInARow_BlamesTheShiftsOfTheTwoSundays_NotTheWeekBetween()
    {
        // Saturday evening (in the Sunday window from 18:00), a Wednesday and a Sunday night from 23:00 (after the window):
        // only the Saturday evening and the second Sunday's day shift are what the breach is about.
        var finding = Rota.Aml()
            .Shift("a1", "2025-03-01T15:00", "2025-03-01T23:00", id: "sat-evening")
            .Shift("a1", "2025-03-05T07:00", "2025-03-05T15:00", id: "wednesday")
            .Shift("a1", "2025-03-09T07:00", "2025-03-09T15:00", id: "sunday")
            .Shift("a1", "2025-03-09T23:00", "2025-03-10T07:00", id: "sunday-night")
            .Check().Of("AML-10-8-4").ShouldHaveSingleItem();
        finding.Shifts.ShouldBe(["sat-evening", "sunday"], ignoreOrder: true);
    }

    [Fact]
    public void Rule_EveryOtherSunday_Holds()
        => Rota.Aml().Shift("a1", "2025-03-02T10:00", "2025-03-02T18:00").Shift("a1", "2025-03-16T10:00", "2025-03-16T18:00").Check().Of("AML-10-8-4").ShouldBeEmpty();

    [Fact]
    public void Rule_SaturdayEveningBeforeSunday17May2026_CountsAsThatSunday()
        // Ascension (14 May) worked, then Saturday evening 16 May, which is in the window of Sunday 17 May.
        => Rota.Aml().Shift("a1", "2026-05-14T10:00", "2026-05-14T18:00").Shift("a1", "2026-05-16T19:00", "2026-05-16T23:00").Check().Of("AML-10-8-4").ShouldHaveSingleItem();

    [Fact]
    public void Rule_WhitSundayAndWhitMonday17May2027_Breach()
        => Rota.Aml().Shift("a1", "2027-05-16T10:00", "2027-05-16T18:00").Shift("a1", "2027-05-17T10:00", "2027-05-17T18:00").Check().Of("AML-10-8-4").ShouldHaveSingleItem();

    [Fact]
    public void Rule_Off17May2027CountedOnce_SundayBeforeAndAfterHold()
        // 9 May (Sunday) worked, 16 May off, 17 May (Whit Monday and Constitution Day, one red day) worked, 23 May off.
        => Rota.Aml().Shift("a1", "2027-05-09T10:00", "2027-05-09T18:00").Shift("a1", "2027-05-17T10:00", "2027-05-17T18:00").Check().Of("AML-10-8-4").ShouldBeEmpty();

    [Fact]
    public void Rule_WithAgreementEverySunday_AverageAndFourWeekBreach()
    {
        var rota = Rota.Aml().Basis(LegalBasisKind.SundayAgreement).Period("2025-09-01", "2025-10-19");
        for (var w = 0; w < 7; w++) rota.Shift("a1", $"{Rota.Date("2025-09-07").PlusWeeks(w):yyyy-MM-dd}T10:00", $"{Rota.Date("2025-09-07").PlusWeeks(w):yyyy-MM-dd}T18:00");
        var findings = rota.Check().Of("AML-10-8-4");
        findings.ShouldContain(f => f.Message.Contains("hver annen", StringComparison.Ordinal));
        findings.ShouldContain(f => f.Message.Contains("4 uker", StringComparison.Ordinal));
        findings.ShouldNotContain(f => f.Message.Contains("skal ha fri den neste", StringComparison.Ordinal));
    }

    [Fact]
    public void Rule_WithAgreement_APatternTheLawAllowsWithoutIt_NeverBreaches()
    {
        // Sundays 1, 3 and 5 of a 5-week period: three of five is above half, but no two in a row, so the law's own rule
        // holds and the agreement is not needed; an agreement must never make a lawful plan unlawful (found in issue 18,
        // when the demo's Sunday agreement turned an alternating weekend rota red).
        var rota = Rota.Aml().Basis(LegalBasisKind.SundayAgreement).Period("2025-09-01", "2025-10-05");
        for (var w = 0; w < 5; w += 2) rota.Shift("a1", $"{Rota.Date("2025-09-07").PlusWeeks(w):yyyy-MM-dd}T10:00", $"{Rota.Date("2025-09-07").PlusWeeks(w):yyyy-MM-dd}T18:00");
        rota.Check().Of("AML-10-8-4").ShouldBeEmpty();
        Rota.Aml().Period("2025-09-01", "2025-10-05").Shift("a1", "2025-09-07T10:00", "2025-09-07T18:00").Shift("a1", "2025-09-21T10:00", "2025-09-21T18:00")
            .Shift("a1", "2025-10-05T10:00", "2025-10-05T18:00").Check().Of("AML-10-8-4").ShouldBeEmpty();
    }

    [Fact]
    public void Rule_WithAgreementEveryOtherSunday_Holds()
    {
        var rota = Rota.Aml().Basis(LegalBasisKind.SundayAgreement).Period("2025-09-01", "2025-10-26");
        for (var w = 0; w < 8; w += 2) rota.Shift("a1", $"{Rota.Date("2025-09-07").PlusWeeks(w):yyyy-MM-dd}T10:00", $"{Rota.Date("2025-09-07").PlusWeeks(w):yyyy-MM-dd}T18:00");
        rota.Check().Of("AML-10-8-4").ShouldBeEmpty();
    }
}
