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
