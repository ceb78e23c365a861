using Selvstyrt.Domain.Absences;
using Shouldly;
using Xunit;

namespace Selvstyrt.Domain.Tests.Absences;

/// <summary>OMS-9-6: sick-child days per calendar year.</summary>
public sealed class Oms_9_6Tests
{
    [Fact]
    public void Example11_SoleCarerOfTwoUnder12_OneChronicallyIll_Has40Days()
        => Oms_9_6.DaysFor([new CareChild(2018, false), new CareChild(2020, true)], soleCarer: true, 2025).ShouldBe(40);

    [Theory]
    [InlineData(1, false, 10)]
    [InlineData(2, false, 10)]
    [InlineData(3, false, 15)]
    [InlineData(2, true, 20)]
    [InlineData(4, true, 30)]
    public void ByNumberOfChildren_AndSoleCare(int children, bool soleCarer, int days)
        => Oms_9_6.DaysFor(Enumerable.Range(0, children).Select(i => new CareChild(2016 + i, false)), soleCarer, 2025).ShouldBe(days);

    [Fact]
    public void NoChildThatCounts_NoDays()
        => Oms_9_6.DaysFor([new CareChild(2010, false)], soleCarer: false, 2025).ShouldBe(0);
}

/// <summary>OMS-AGE: until the end of the year the child turns 12, or 18 if chronically ill.</summary>
public sealed class Oms_AgeTests
{
    [Fact]
    public void TheYearTheChildTurns12_Counts_The13thDoesNot()
    {
        Oms_Age.Counts(new CareChild(2013, false), 2025).ShouldBeTrue();
        Oms_Age.Counts(new CareChild(2012, false), 2025).ShouldBeFalse();
    }

    [Fact]
    public void AChronicallyIllChild_CountsUntilTheYearOf18()
    {
        Oms_Age.Counts(new CareChild(2007, true), 2025).ShouldBeTrue();
        Oms_Age.Counts(new CareChild(2006, true), 2025).ShouldBeFalse();
    }

    [Fact]
    public void AChildNotYetBorn_DoesNotCount() => Oms_Age.Counts(new CareChild(2026, false), 2025).ShouldBeFalse();
}

/// <summary>OMS-PAY: the employer pays the first 10 days of the year; NAV refunds from day 11.</summary>
public sealed class Oms_PayTests
{
    [Fact]
    public void DaysEightToEleven_ThreeFromTheEmployer_OneFromNav()
        => Oms_Pay.Split(usedBefore: 7, days: 4, entitled: 20).ShouldBe(new SickChildPay(3, 1, 9));

    [Fact]
    public void PastTheYearsDays_NothingIsPaid()
        => Oms_Pay.Split(usedBefore: 9, days: 3, entitled: 10).ShouldBe(new SickChildPay(1, 0, 0));
}

/// <summary>One sick-child absence after the earlier ones, per calendar year: the share, the days over the right, no right at all.</summary>
public sealed class SickChildRulesTests
{
    private static readonly CareChild[] Two = [new(2016, false), new(2019, false)];

    private static AbsencePeriod Days(int fromMonth, int fromDay, int toMonth, int toDay, int year = 2026, int toYear = 2026)
        => new(new NodaTime.LocalDate(year, fromMonth, fromDay), new NodaTime.LocalDate(toYear, toMonth, toDay), AbsenceKind.SickChild);

    [Fact]
    public void OverNewYear_EachYearCountsItsOwnDays_AndTheEmployerPaysTenInEach()
    {
        var earlier = new[] { Days(3, 2, 3, 9) };
        var judged = SickChildRules.Check(Days(12, 30, 1, 2, 2026, 2027), earlier, Two, false);

        judged.Refused.ShouldBeFalse();
        judged.EmployerDays.ShouldBe(4, "2026: days 9 and 10 of 10 (8 used before); 2027: two new days");
        judged.NavDays.ShouldBe(0);
        judged.Findings.Select(f => f.Rule).ShouldBe(["OMS-PAY", "OMS-PAY"]);
    }

    [Fact]
    public void DaysBeyondTheRight_AreABreach_AndNoChildThatCountsIsABreach()
    {
        SickChildRules.Check(Days(3, 2, 3, 12), [], Two, false).Findings.Single(f => f.Rule == "OMS-9-6").Severity.ShouldBe(Selvstyrt.Domain.Rules.Engine.Severity.Breach);
        SickChildRules.Check(Days(3, 2, 3, 2), [], [new CareChild(2010, false)], false).Findings.ShouldHaveSingleItem().Rule.ShouldBe("OMS-AGE");
        SickChildRules.UsedIn([Days(3, 2, 3, 4), new AbsencePeriod(new NodaTime.LocalDate(2026, 5, 4), new NodaTime.LocalDate(2026, 5, 5), AbsenceKind.SelfCertified)], 2026).ShouldBe(3);
    }
}
