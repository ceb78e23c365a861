using Selvstyrt.Domain.Absences;
using Shouldly;
using Xunit;
using static Selvstyrt.Domain.Tests.Absences.SickLeaveCases;

namespace Selvstyrt.Domain.Tests.Absences;

/// <summary>EGM-8-24-3: the employer's wider right, a per-employer setting with its own cap of days in 12 months.</summary>
public sealed class Egm_8_24_3Tests
{
    private static readonly Egm_8_24_3 Rule = new();
    private static readonly NodaTime.LocalDate Employed = D(2020, 1, 1);

    private static AbsencePeriod[] EightDayBlocks(params NodaTime.LocalDate[] starts) => [.. starts.Select(s => Self(s, 8))];

    [Fact]
    public void TwentyFourDaysIn12Months_AreAllowed_TheTwentyFifthIsNot()
    {
        var earlier = EightDayBlocks(D(2025, 2, 1), D(2025, 5, 1), D(2025, 8, 1));
        Rule.Evaluate(Case(Employed, Self(D(2025, 12, 1), 1), SelfCertificationPolicy.Wider, earlier)).ShouldHaveSingleItem().Message.ShouldContain("24 dager");
        Rule.Evaluate(Case(Employed, Self(D(2025, 12, 1), 1), SelfCertificationPolicy.Wider, earlier[1..])).ShouldBeEmpty();
    }

    [Fact]
    public void TheTwelveMonths_ReachBackAcrossTheYearEnd_AndNoFurther()
    {
        var earlier = EightDayBlocks(D(2025, 1, 3), D(2025, 5, 1), D(2025, 8, 1));
        // From 3 Jan 2026 the window starts after 3 Jan 2025: the block of 3-10 January 2025 counts 7 days.
        Rule.Evaluate(Case(Employed, Self(D(2026, 1, 3), 1), SelfCertificationPolicy.Wider, earlier)).ShouldBeEmpty();
        Rule.Evaluate(Case(Employed, Self(D(2026, 1, 3), 2), SelfCertificationPolicy.Wider, earlier)).ShouldHaveSingleItem();
    }

    [Fact]
    public void WithoutAWiderRight_ThereIsNoCap()
        => Rule.Evaluate(Case(Employed, Self(D(2025, 12, 1), 1), SelfCertificationPolicy.Statutory, EightDayBlocks(D(2025, 2, 1), D(2025, 5, 1), D(2025, 8, 1)))).ShouldBeEmpty();
}
