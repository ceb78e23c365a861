using Selvstyrt.Domain.Absences;
using Selvstyrt.Domain.Rules.Engine;
using Shouldly;
using Xunit;
using static Selvstyrt.Domain.Tests.Absences.SickLeaveCases;

namespace Selvstyrt.Domain.Tests.Absences;

/// <summary>EGM-8-24-1: self-certification needs two months of employment.</summary>
public sealed class Egm_8_24_1Tests
{
    private static readonly Egm_8_24_1 Rule = new();

    [Fact]
    public void Example9_EmployedTenthOfJanuary_SelfCertifiedThirdOfMarch_IsRefused()
    {
        var findings = SickLeaveRules.Check(Case(D(2025, 1, 10), Self(D(2025, 3, 3), 2)));

        findings.ShouldContain(f => f.Rule == "EGM-8-24-1" && f.Severity == Severity.Breach && f.Message.Contains("10.3.2025"));
        SickLeaveRules.SelfCertificationAllowed(findings).ShouldBeFalse();
    }

    [Fact]
    public void TwoMonthsToTheDay_IsEnough_TheDayBeforeIsNot()
    {
        Rule.Evaluate(Case(D(2025, 1, 10), Self(D(2025, 3, 10), 1))).ShouldBeEmpty();
        Rule.Evaluate(Case(D(2025, 1, 10), Self(D(2025, 3, 9), 1))).ShouldHaveSingleItem();
    }

    [Fact]
    public void EmployedOnTheLastDayOfDecember_TheRightComesOnTheLastDayOfFebruary()
    {
        Rule.Evaluate(Case(D(2024, 12, 31), Self(D(2025, 2, 28), 1))).ShouldBeEmpty();
        Rule.Evaluate(Case(D(2024, 12, 31), Self(D(2025, 2, 27), 1))).ShouldHaveSingleItem();
    }

    [Fact]
    public void ADoctorsNote_IsNotASelfCertification()
        => Rule.Evaluate(Case(D(2025, 3, 1), Doctor(D(2025, 3, 3), 5))).ShouldBeEmpty();
}
