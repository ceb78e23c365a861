using Selvstyrt.Domain.Rules.Engine;
using Shouldly;

namespace Selvstyrt.Domain.Tests.Rules;

/// <summary>SUPP-1: supplement hours per category.</summary>
public class Supp_1_Tests
{
    [Fact]
    public void Rule_KsNewYearsEve_HolidayEveningNight()
    {
        // Example 16.
        var shift = Rota.Aml("ks").Shift("a1", "2025-12-31T15:00", "2025-12-31T23:00").Check().Shift("s1");
        shift.Supplement("holiday").ShouldBe(8);
        shift.Supplement("evening").ShouldBe(4);
        shift.Supplement("night").ShouldBe(2);
        shift.Supplement("weekend").ShouldBe(0);
        shift.SundayHolidayHours.ShouldBe(5);
    }

    [Fact]
    public void Rule_VirkeWeekdayEvening_FiveHoursEveningNight()
    {
        var shift = Rota.Aml("virke-bpa").Shift("a1", "2025-05-05T14:00", "2025-05-05T22:00").Check().Shift("s1");
        shift.Supplement("eveningNight").ShouldBe(5);
        shift.Supplement("weekend").ShouldBe(0);
    }

    [Fact]
    public void Rule_UlobaSaturday_WeekendAndEvening()
    {
        var shift = Rota.Aml("uloba").Shift("a1", "2025-05-10T12:00", "2025-05-10T20:00").Check().Shift("s1");
        shift.Supplement("weekend").ShouldBe(8);
        shift.Supplement("eveningNight").ShouldBe(3);
    }

    [Fact]
    public void Rule_EasterSundayUnderVirke_HolidayReplacesWeekend()
    {
        var shift = Rota.Aml("virke-bpa").Shift("a1", "2025-04-20T10:00", "2025-04-20T18:00").Check().Shift("s1");
        shift.Supplement("holiday").ShouldBe(8);
        shift.Supplement("weekend").ShouldBe(0);
    }

    [Fact]
    public void Rule_KsSpringDstNight_ElapsedHours()
    {
        var shift = Rota.Aml("ks").Shift("a1", "2025-03-29T22:00", "2025-03-30T08:00").Check().Shift("s1");
        shift.Supplement("night").ShouldBe(7);
        shift.Supplement("weekend").ShouldBe(9);
    }

    [Fact]
    public void Rule_KsWednesdayBeforeMaundyThursday_HolidayFromNoon()
        => Rota.Aml("ks").Shift("a1", "2025-04-16T08:00", "2025-04-16T16:00").Check().Shift("s1").Supplement("holiday").ShouldBe(4);

    [Fact]
    public void Rule_UnverifiedAgreement_InfoWithSource()
    {
        var finding = Rota.Aml("virke-bpa").Shift("a1", "2025-05-05T08:00", "2025-05-05T16:00").Check().Of("SUPP-1").ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Info);
        finding.Message.ShouldContain("Kilde: virke.no");
    }

    [Fact]
    public void Rule_NoAgreement_NoSupplements()
        => Rota.Aml().Shift("a1", "2025-05-05T14:00", "2025-05-05T22:00").Check().Shift("s1").Supplements.ShouldBeNull();
}

/// <summary>PASSIVE-1: passive time counts fully for limits; pay needs the agreement's factor.</summary>
public class Passive_1_Tests
{
    [Fact]
    public void Rule_PassiveTimeWithoutFactor_WarnAndNoPaidHours()
    {
        var result = Rota.Aml("virke-bpa").Shift("a1", "2025-05-05T20:00", "2025-05-06T08:00", passive: [("2025-05-05T23:00", "2025-05-06T07:00")]).Check();
        result.Of("PASSIVE-1").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Warn);
        result.Shift("s1").PaidHours.ShouldBeNull();
        result.Shift("s1").Hours.ShouldBe(12);
    }

    [Fact]
    public void Rule_AgreedFactor_PaidHoursAtFactor()
    {
        var result = Rota.Aml("virke-bpa", s => s with { PassiveFactor = 0.5m }).Shift("a1", "2025-05-05T20:00", "2025-05-06T08:00", passive: [("2025-05-05T23:00", "2025-05-06T07:00")]).Check();
        result.Of("PASSIVE-1").ShouldBeEmpty();
        result.Shift("s1").PaidHours.ShouldBe(8);
    }
}

/// <summary>TRAVEL-1: a night away needs rest or passive time.</summary>
public class Travel_1_Tests
{
    [Fact]
    public void Rule_OvernightTravelAllAwake_Warn()
        => Rota.Aml().Shift("a1", "2025-05-05T18:00", "2025-05-06T04:00", travel: true).Check().Of("TRAVEL-1").ShouldHaveSingleItem();

    [Fact]
    public void Rule_OvernightTravelWithPassiveNight_Holds()
        => Rota.Aml().Shift("a1", "2025-05-05T18:00", "2025-05-06T04:00", travel: true, passive: [("2025-05-05T23:00", "2025-05-06T03:00")]).Check().Of("TRAVEL-1").ShouldBeEmpty();

    [Fact]
    public void Rule_DayTravel_Holds()
        => Rota.Aml().Shift("a1", "2025-05-05T08:00", "2025-05-05T18:00", travel: true).Check().Of("TRAVEL-1").ShouldBeEmpty();
}

/// <summary>MINPAY-1: the agreement's minimum pay by seniority on the date of the work.</summary>
public class MinPay_1_Tests
{
    [Fact]
    public void Rule_VirkeFourYears210On15January2025_Breach()
    {
        // Example 14.
        var finding = Rota.Aml("virke-bpa").Assistant("a1", seniority: 4, pay: 210.00m).Shift("a1", "2025-01-15T08:00", "2025-01-15T15:00").Check().Of("MINPAY-1").ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Breach);
        finding.Message.ShouldContain("211,51");
    }

    [Fact]
    public void Rule_SamePayOn15August2024_Holds()
        => Rota.Aml("virke-bpa").Assistant("a1", seniority: 4, pay: 210.00m).Shift("a1", "2024-08-15T08:00", "2024-08-15T15:00").Check().Of("MINPAY-1").ShouldBeEmpty();

    [Fact]
    public void Rule_VirkeRotaNorm_HigherHourlyMinimum()
        => Rota.Aml("virke-bpa").Assistant("a1", seniority: 0, pay: 217.00m, norm: 35.5m).Shift("a1", "2025-01-15T08:00", "2025-01-15T15:00").Check()
            .Of("MINPAY-1").ShouldHaveSingleItem().Message.ShouldContain("218,01");

    [Fact]
    public void Rule_UlobaTwelveYears_Step()
    {
        Rota.Aml("uloba").Assistant("a1", seniority: 12, pay: 238.79m).Shift("a1", "2025-01-15T08:00", "2025-01-15T15:00").Check().Of("MINPAY-1").ShouldHaveSingleItem();
        Rota.Aml("uloba").Assistant("a1", seniority: 12, pay: 238.80m).Shift("a1", "2025-01-15T08:00", "2025-01-15T15:00").Check().Of("MINPAY-1").ShouldBeEmpty();
    }
}
