using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Quality;
using Shouldly;
using Xunit;

namespace Selvstyrt.Domain.Tests.Quality;

/// <summary>
/// The annual wheel (issue 20, part 6; the handbook's appendix 6): the catalogue's four periods and the deadlines that leave the
/// notice the law asks for (AML § 10-3: a plan known two weeks ahead; ferieloven § 6: holidays told two months ahead), Easter moving
/// with the year, an arrangement that starts or ends mid-year, generating twice making the same tasks, and the leader's own tasks.
/// </summary>
public sealed class AnnualWheelTests
{
    private static readonly LocalDate Today = new(2026, 11, 23);

    [Theory]
    [InlineData(2026, 3, 5)] // Easter Sunday 5 April 2026: Maundy Thursday 2 April, four weeks before is 5 March.
    [InlineData(2027, 2, 25)] // Easter Sunday 28 March 2027: Maundy Thursday 25 March.
    [InlineData(2038, 3, 25)] // Easter Sunday 25 April 2038, the latest possible: Maundy Thursday 22 April.
    public void TheEasterPlan_IsDue_FourWeeksBeforeMaundyThursday_SoThePlanIsKnownTwoWeeksBeforeItApplies(int year, int month, int day)
    {
        var easter = WheelCatalogue.For(year).Single(t => t.Kind == WheelTaskKind.EasterPlan);

        easter.DueOn.ShouldBe(new LocalDate(year, month, day));
        easter.Why.ShouldContain("§ 10-3");
    }

    [Fact]
    public void TheCatalogue_HasTheAppendixTasks_InItsFourPeriods()
    {
        var tasks = WheelCatalogue.For(2026);

        tasks.Select(t => (t.Kind, WheelCatalogue.Period(t.DueOn.Month))).ShouldBe(
        [
            (WheelTaskKind.EasterPlan, 1), (WheelTaskKind.AdvertiseSpring, 1), (WheelTaskKind.SummerPlan, 2), (WheelTaskKind.SummerConfirm, 2),
            (WheelTaskKind.SummerSubstitutes, 3), (WheelTaskKind.SummerTraining, 3), (WheelTaskKind.AdvertiseAutumn, 4), (WheelTaskKind.ChristmasPlan, 4),
        ]);
        // Holidays from July are told by 1 May (ferieloven § 6: two months ahead); the Christmas plan leaves weeks before 24 December.
        tasks.Single(t => t.Kind == WheelTaskKind.SummerConfirm).DueOn.ShouldBe(new LocalDate(2026, 5, 1));
        tasks.Single(t => t.Kind == WheelTaskKind.ChristmasPlan).DueOn.ShouldBe(new LocalDate(2026, 11, 15));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    [InlineData(5, 2)]
    [InlineData(6, 3)]
    [InlineData(8, 3)]
    [InlineData(9, 4)]
    [InlineData(12, 4)]
    public void EveryMonth_BelongsToTheAppendixPeriod(int month, int period) => WheelCatalogue.Period(month).ShouldBe(period);

    [Fact]
    public void AnArrangementStartingInMay_GetsOnlyTheTasksDueFromThen_AndOneEndingInSeptember_NoneAfter()
    {
        var starts = WheelTask.Generate(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 2026, new LocalDate(2026, 5, 1), null);
        var ends = WheelTask.Generate(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 2026, new LocalDate(2020, 1, 1), new LocalDate(2026, 9, 1));

        starts.Select(t => t.Kind).ShouldBe([WheelTaskKind.SummerConfirm, WheelTaskKind.SummerSubstitutes, WheelTaskKind.SummerTraining, WheelTaskKind.AdvertiseAutumn,
            WheelTaskKind.ChristmasPlan]);
        ends.ShouldAllBe(t => t.DueOn <= new LocalDate(2026, 9, 1));
        ends.Count.ShouldBe(6);
    }

    [Fact]
    public void GeneratingTwice_MakesTheSameIds_PerArrangementYearAndKind()
    {
        var arrangement = Guid.NewGuid();
        var first = WheelTask.Generate(Guid.NewGuid(), Guid.NewGuid(), arrangement, 2026, new LocalDate(2020, 1, 1), null).Select(t => t.Id).ToList();
        var again = WheelTask.Generate(Guid.NewGuid(), Guid.NewGuid(), arrangement, 2026, new LocalDate(2020, 1, 1), null).Select(t => t.Id).ToList();
        var nextYear = WheelTask.Generate(Guid.NewGuid(), Guid.NewGuid(), arrangement, 2027, new LocalDate(2020, 1, 1), null).Select(t => t.Id).ToList();

        again.ShouldBe(first);
        first.Intersect(nextYear).ShouldBeEmpty();
        first.Distinct().Count().ShouldBe(8);
    }

    [Fact]
    public void AnOwnTask_NamesEveryMissingField_AndItsYearFollowsTheDeadline()
    {
        var fields = WheelTask.Own(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), " ", new string('x', 2001), null, Today).Error.ShouldBeOfType<Invalid>().Fields;
        fields["title"].ShouldBe("Skriv hva som skal gjøres.");
        fields["why"].ShouldBe("Beskrivelsen kan være høyst 2000 tegn.");
        fields["dueOn"].ShouldBe("Fyll ut fristen.");
        WheelTask.Own(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Brannøvelse", null, new LocalDate(2029, 1, 1), Today).Error.ShouldBeOfType<Invalid>()
            .Fields["dueOn"].ShouldBe("Fristen må være mellom 2025 og 2027.");

        var own = WheelTask.Own(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), " Brannøvelse ", null, new LocalDate(2027, 1, 20), Today).Value!;
        own.Year.ShouldBe(2027);
        own.Title.ShouldBe("Brannøvelse");
        own.Period.ShouldBe(1);
    }

    [Fact]
    public void ATask_IsDoneOnceByName_IsLateOnlyAfterItsDay_AndCanBeReopened()
    {
        var task = WheelTask.Generate(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 2026, new LocalDate(2020, 1, 1), null).Single(t => t.Kind == WheelTaskKind.ChristmasPlan);

        task.Overdue(new LocalDate(2026, 11, 15)).ShouldBeFalse();
        task.Overdue(new LocalDate(2026, 11, 16)).ShouldBeTrue();
        task.Complete("Even", new LocalDate(2026, 11, 20), "Publisert i turnusen").IsSuccess.ShouldBeTrue();
        task.Complete("Noen andre", new LocalDate(2026, 11, 21), null).IsSuccess.ShouldBeTrue();
        (task.DoneOn, task.DoneBy, task.Note).ShouldBe((new LocalDate(2026, 11, 20), "Even", "Publisert i turnusen"));
        task.Overdue(new LocalDate(2026, 12, 1)).ShouldBeFalse();

        task.Reopen();
        task.DoneOn.ShouldBeNull();
        task.Overdue(new LocalDate(2026, 12, 1)).ShouldBeTrue();
    }
}
