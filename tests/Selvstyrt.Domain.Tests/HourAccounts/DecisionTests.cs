using NodaTime;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Shouldly;

namespace Selvstyrt.Domain.Tests.HourAccounts;

/// <summary>The decision as a versioned record (issue 4 § 1) and BPA-2-1D's notes.</summary>
public sealed class DecisionTests
{
    private static DecisionTerms Terms(decimal hours = 40m, GrantUnit unit = GrantUnit.Week, LocalDate? from = null, LocalDate? to = null, NeedHours[]? needs = null)
        => new(hours, unit, from ?? new LocalDate(2025, 1, 1), to, needs ?? [new NeedHours(DecisionPurposes.PersonalHelpAtHome, null)],
            false, AveragingPeriod.Week, UnusedHoursPolicy.ReturnedToMunicipality, " 2025/77 ");

    [Theory]
    [InlineData(0, GrantUnit.Week)]
    [InlineData(336.5, GrantUnit.Week)]
    [InlineData(1537, GrantUnit.Month)]
    public void ImpossibleHours_AreRefusedNamingTheField(double hours, GrantUnit unit)
        => Decision.Create(Guid.NewGuid(), Guid.NewGuid(), Terms((decimal)hours, unit)).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("hours");

    [Fact]
    public void TwoToOneRoundTheClock_Is336HoursAndValid()
    {
        var decision = Decision.Create(Guid.NewGuid(), Guid.NewGuid(), Terms(336m, to: new LocalDate(2025, 12, 31),
            needs: [new(DecisionPurposes.TwoToOne, null), new(DecisionPurposes.AwakeNight, null)])).Value!;

        decision.CaseNumber.ShouldBe("2025/77");
        decision.Purposes.ShouldBe(DecisionPurposes.TwoToOne | DecisionPurposes.AwakeNight);
        decision.IsValidOn(new LocalDate(2025, 12, 31)).ShouldBeTrue();
        decision.IsValidOn(new LocalDate(2026, 1, 1)).ShouldBeFalse();
    }

    [Fact]
    public void WithoutNeeds_IsRefused()
        => Decision.Create(Guid.NewGuid(), Guid.NewGuid(), Terms(needs: [])).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("needs");

    [Fact]
    public void HoursPerNeed_MustAddUpToTheTotal()
    {
        var wrong = Terms(40m, needs: [new(DecisionPurposes.PersonalHelpAtHome, 30m), new(DecisionPurposes.HelpOutsideHome, 5m)]);
        var right = Terms(40m, needs: [new(DecisionPurposes.PersonalHelpAtHome, 30m), new(DecisionPurposes.HelpOutsideHome, 10m)]);
        var partly = Terms(40m, needs: [new(DecisionPurposes.PersonalHelpAtHome, 40m), new(DecisionPurposes.HelpOutsideHome, null)]);

        Decision.Create(Guid.NewGuid(), Guid.NewGuid(), wrong).Error.ShouldBeOfType<Invalid>().Fields["needs"].ShouldContain("35");
        Decision.Create(Guid.NewGuid(), Guid.NewGuid(), right).IsSuccess.ShouldBeTrue();
        Decision.Create(Guid.NewGuid(), Guid.NewGuid(), partly).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("needs");
    }

    [Fact]
    public void MonthlyAndYearlyHours_GiveAWeeklyEquivalent()
    {
        Terms(173.88m, GrantUnit.Month).HoursPerWeek.ShouldBe(39.99m);
        Terms(2087.1m, GrantUnit.Year).HoursPerWeek.ShouldBe(40m);
    }

    [Fact]
    public void ChangeFromADate_EndsTheOldVersionTheDayBefore_AndKeepsIt()
    {
        var v1 = Decision.Create(Guid.NewGuid(), Guid.NewGuid(), Terms(40m, to: new LocalDate(2026, 12, 31))).Value!;

        var v2 = v1.ChangeFrom(Guid.NewGuid(), Terms(50m, from: new LocalDate(2026, 3, 18), to: new LocalDate(2026, 12, 31))).Value!;

        v1.ValidTo.ShouldBe(new LocalDate(2026, 3, 17));
        v1.HoursPerWeek.ShouldBe(40m);
        v2.PreviousVersionId.ShouldBe(v1.Id);
        v2.VersionNo.ShouldBe(2);
        v2.ArrangementId.ShouldBe(v1.ArrangementId);
    }

    [Fact]
    public void ChangeFromItsFirstDay_LeavesAnEmptyPeriodThatIsNeverInForce()
    {
        var v1 = Decision.Create(Guid.NewGuid(), Guid.NewGuid(), Terms(40m)).Value!;

        v1.ChangeFrom(Guid.NewGuid(), Terms(45m)).IsSuccess.ShouldBeTrue();

        v1.IsReplacedEntirely.ShouldBeTrue();
        v1.IsValidOn(new LocalDate(2025, 1, 1)).ShouldBeFalse();
    }

    [Fact]
    public void ChangeBeforeTheVersionOrAfterItEnded_IsRefused()
    {
        var v1 = Decision.Create(Guid.NewGuid(), Guid.NewGuid(), Terms(40m, from: new LocalDate(2025, 6, 1), to: new LocalDate(2025, 12, 31))).Value!;

        v1.ChangeFrom(Guid.NewGuid(), Terms(from: new LocalDate(2025, 5, 31))).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("validFrom");
        v1.ChangeFrom(Guid.NewGuid(), Terms(from: new LocalDate(2026, 1, 1))).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("validFrom");
        v1.ValidTo.ShouldBe(new LocalDate(2025, 12, 31));
    }

    [Fact]
    public void Document_MustBeAPdfOfAtMost8Megabytes()
    {
        var pdf = "%PDF-1.7\n"u8.ToArray();
        DecisionDocument.Create(Guid.NewGuid(), Guid.NewGuid(), "../../vedtak.pdf", pdf, Instant.FromUtc(2026, 1, 1, 0, 0)).Value!.FileName.ShouldBe("vedtak.pdf");
        DecisionDocument.Create(Guid.NewGuid(), Guid.NewGuid(), "x.pdf", "hello"u8.ToArray(), Instant.MinValue).Error.ShouldBeOfType<Invalid>();
        DecisionDocument.Create(Guid.NewGuid(), Guid.NewGuid(), "x.pdf", new byte[DecisionDocument.MaxBytes + 1], Instant.MinValue).Error.ShouldBeOfType<Invalid>();
    }

    // BPA-2-1D: hours thresholds 25 and 32 a week, age 67 (kept if granted before), need over two years.
    [Theory]
    [InlineData(32, DecisionNoteCode.RightByHours)]
    [InlineData(31.99, DecisionNoteCode.RightUnlessCostlier)]
    [InlineData(25, DecisionNoteCode.RightUnlessCostlier)]
    [InlineData(24.5, DecisionNoteCode.NoRightByHours)]
    public void Bpa21D_HourThresholds(double hours, DecisionNoteCode expected)
        => DecisionNotes.For(Terms((decimal)hours), new LocalDate(1980, 1, 1), new LocalDate(2025, 1, 1)).Select(n => n.Code).ShouldContain(expected);

    [Fact]
    public void Bpa21D_Age67_IsKeptOnlyWhenGrantedBefore()
    {
        var birth = new LocalDate(1958, 1, 2); // 67 on 2 January 2025
        var terms = Terms(from: new LocalDate(2025, 6, 1));

        DecisionNotes.For(terms, birth, new LocalDate(2025, 6, 1)).Select(n => n.Code).ShouldContain(DecisionNoteCode.OverAgeLimit);
        DecisionNotes.For(terms, birth, new LocalDate(2025, 1, 1)).Select(n => n.Code).ShouldContain(DecisionNoteCode.KeptAfterAgeLimit);
        DecisionNotes.For(terms, birth.PlusYears(1), new LocalDate(2025, 1, 1)).Select(n => n.Code).ShouldNotContain(DecisionNoteCode.OverAgeLimit);
        DecisionNotes.For(terms, birth, terms.ValidFrom).All(n => n.Rule == "BPA-2-1D").ShouldBeTrue();
    }

    [Fact]
    public void Bpa21D_PeriodUnderTwoYears_IsNoted()
    {
        DecisionNotes.For(Terms(to: new LocalDate(2026, 12, 30)), new LocalDate(1980, 1, 1), new LocalDate(2025, 1, 1)).Select(n => n.Code)
            .ShouldContain(DecisionNoteCode.PeriodUnderTwoYears);
        DecisionNotes.For(Terms(to: new LocalDate(2026, 12, 31)), new LocalDate(1980, 1, 1), new LocalDate(2025, 1, 1)).Select(n => n.Code)
            .ShouldNotContain(DecisionNoteCode.PeriodUnderTwoYears);
    }

    [Fact]
    public void CoveredUntil_FollowsLaterVersions()
    {
        var v1 = Decision.Create(Guid.NewGuid(), Guid.NewGuid(), Terms(40m, to: new LocalDate(2026, 12, 31))).Value!;
        var v2 = v1.ChangeFrom(Guid.NewGuid(), Terms(50m, from: new LocalDate(2026, 6, 1), to: new LocalDate(2027, 3, 31))).Value!;

        DecisionHistory.CoveredUntil([v1, v2], new LocalDate(2026, 2, 1)).ShouldBe(new LocalDate(2027, 3, 31));
        DecisionHistory.CoveredUntil([v1, v2], new LocalDate(2027, 4, 1)).ShouldBeNull();
    }
}
