using Selvstyrt.Domain.Absences;
using Shouldly;
using Xunit;
using static Selvstyrt.Domain.Tests.Absences.SickLeaveCases;

namespace Selvstyrt.Domain.Tests.Absences;

/// <summary>EGM-8-24-2: at most three calendar days each time; self-certified days less than 16 days apart add up.</summary>
public sealed class Egm_8_24_2Tests
{
    private static readonly Egm_8_24_2 Rule = new();
    private static readonly NodaTime.LocalDate Employed = D(2020, 1, 1);

    [Fact]
    public void ThreeDays_AreAllowed_FourAreNot()
    {
        Rule.Evaluate(Case(Employed, Self(D(2025, 5, 5), 3))).ShouldBeEmpty();
        Rule.Evaluate(Case(Employed, Self(D(2025, 5, 5), 4))).ShouldHaveSingleItem().Message.ShouldContain("4 dager");
    }

    [Fact]
    public void AnEarlierSelfCertification_FifteenDaysBack_AddsUp_SixteenDaysBackDoesNot()
    {
        // Two days ending 4 May; back at work 5-19 May is 15 days, so sick again on 20 May joins.
        var earlier = Self(D(2025, 5, 3), 2);
        Rule.Evaluate(Case(Employed, Self(D(2025, 5, 20), 2), null, earlier)).ShouldHaveSingleItem().Message.ShouldContain("legges sammen");
        // Back 5-20 May is 16 days: a new count.
        Rule.Evaluate(Case(Employed, Self(D(2025, 5, 21), 2), null, earlier)).ShouldBeEmpty();
    }

    [Fact]
    public void TheChainRunsAcrossTheYearEnd()
    {
        var december = Self(D(2025, 12, 30), 2);
        Rule.Evaluate(Case(Employed, Self(D(2026, 1, 5), 2), null, december)).ShouldHaveSingleItem();
    }

    [Fact]
    public void TheEmployersWiderRight_AllowsEightDaysEachTime()
    {
        Rule.Evaluate(Case(Employed, Self(D(2025, 5, 5), 8), SelfCertificationPolicy.Wider)).ShouldBeEmpty();
        Rule.Evaluate(Case(Employed, Self(D(2025, 5, 5), 9), SelfCertificationPolicy.Wider)).ShouldHaveSingleItem();
    }

    [Fact]
    public void ADoctorsNoteBetween_DoesNotAddToTheSelfCertifiedDays()
    {
        var doctor = Doctor(D(2025, 5, 1), 10);
        Rule.Evaluate(Case(Employed, Self(D(2025, 5, 20), 3), null, doctor)).ShouldBeEmpty();
    }
}
