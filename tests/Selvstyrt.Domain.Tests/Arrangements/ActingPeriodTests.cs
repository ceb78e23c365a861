using NodaTime;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Shouldly;
using Xunit;

namespace Selvstyrt.Domain.Tests.Arrangements;

/// <summary>Issue 16: a deputy acts as work leader in a period the work leader or the provider sets, within the deputy role.</summary>
public sealed class ActingPeriodTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 23, 9, 0);
    private static readonly Guid SetBy = Guid.NewGuid();

    private static (Arrangement Arrangement, ArrangementRole Deputy, ArrangementRole Leader) NewArrangement(LocalDate? deputyUntil = null)
    {
        var arrangement = Arrangement.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Ordningen til Ella",
            EmployerModel.Provider, new LocalDate(2024, 1, 1)).Value!;
        var leader = arrangement.GrantRole(Guid.NewGuid(), Guid.NewGuid(), ArrangementRoleKind.CoWorkLeader, new LocalDate(2024, 1, 1), null).Value!;
        var deputy = arrangement.GrantRole(Guid.NewGuid(), Guid.NewGuid(), ArrangementRoleKind.Deputy, new LocalDate(2024, 1, 1), deputyUntil).Value!;
        return (arrangement, deputy, leader);
    }

    private static Result<ActingPeriod> Set(Arrangement arrangement, Guid role, LocalDate? from, LocalDate? to, params ActingPeriod[] existing)
        => ActingPeriod.Set(Guid.NewGuid(), arrangement, role, from, to, "Ferie", existing, SetBy, At);

    [Fact]
    public void Set_ForTheDeputy_IsInForceOnBothEndDatesOnly_AndRecordsWhoSetIt()
    {
        var (arrangement, deputy, _) = NewArrangement();

        var period = Set(arrangement, deputy.Id, new LocalDate(2026, 12, 1), new LocalDate(2026, 12, 14)).Value!;

        period.UserId.ShouldBe(deputy.UserId);
        period.SetByUserId.ShouldBe(SetBy);
        period.SetAt.ShouldBe(At);
        period.IsActiveOn(new LocalDate(2026, 11, 30)).ShouldBeFalse();
        period.IsActiveOn(new LocalDate(2026, 12, 1)).ShouldBeTrue();
        period.IsActiveOn(new LocalDate(2026, 12, 14)).ShouldBeTrue();
        period.IsActiveOn(new LocalDate(2026, 12, 15)).ShouldBeFalse();
    }

    [Fact]
    public void Set_ForSomeoneWhoIsNotTheDeputy_IsRefusedNamingTheField()
    {
        var (arrangement, _, leader) = NewArrangement();

        var result = Set(arrangement, leader.Id, new LocalDate(2026, 12, 1), new LocalDate(2026, 12, 14));

        result.Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("roleId");
    }

    [Fact]
    public void Set_WithoutAnEnd_BackwardsOrLongerThanAYear_IsRefused()
    {
        var (arrangement, deputy, _) = NewArrangement();

        Set(arrangement, deputy.Id, new LocalDate(2026, 12, 1), null).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("to");
        Set(arrangement, deputy.Id, new LocalDate(2026, 12, 1), new LocalDate(2026, 11, 30)).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("to");
        Set(arrangement, deputy.Id, new LocalDate(2026, 12, 1), new LocalDate(2027, 12, 2)).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("to");
        Set(arrangement, deputy.Id, new LocalDate(2026, 12, 1), new LocalDate(2027, 12, 1)).IsSuccess.ShouldBeTrue("366 days counting both ends, a leap year's worth, is the longest");
    }

    [Fact]
    public void Set_PastTheDeputyRoleOrTheArrangement_IsRefused()
    {
        var (arrangement, deputy, _) = NewArrangement(deputyUntil: new LocalDate(2026, 12, 10));

        Set(arrangement, deputy.Id, new LocalDate(2026, 12, 1), new LocalDate(2026, 12, 14)).Error.ShouldBeOfType<Invalid>().Message.ShouldContain("stedfortreder");
        Set(arrangement, deputy.Id, new LocalDate(2026, 12, 1), new LocalDate(2026, 12, 10)).IsSuccess.ShouldBeTrue("the role's last day is inside");

        var (other, otherDeputy, _) = NewArrangement();
        other.End(new LocalDate(2026, 12, 31));
        Set(other, otherDeputy.Id, new LocalDate(2026, 12, 20), new LocalDate(2027, 1, 5)).IsSuccess.ShouldBeFalse("the deputy role ended with the arrangement");
    }

    [Fact]
    public void Set_OverlappingAnotherPeriodOfTheSameDeputy_IsRefused_ButTheDayAfterIsFine()
    {
        var (arrangement, deputy, _) = NewArrangement();
        var first = Set(arrangement, deputy.Id, new LocalDate(2026, 12, 1), new LocalDate(2026, 12, 14)).Value!;

        Set(arrangement, deputy.Id, new LocalDate(2026, 12, 14), new LocalDate(2026, 12, 20), first).Error.ShouldBeOfType<Invalid>().Message.ShouldContain("allerede");
        Set(arrangement, deputy.Id, new LocalDate(2026, 12, 15), new LocalDate(2026, 12, 20), first).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void EndOn_Early_StopsThePeriod_AndBeforeItsStart_CancelsIt_AndFreesItsDays()
    {
        var (arrangement, deputy, _) = NewArrangement();
        var running = Set(arrangement, deputy.Id, new LocalDate(2026, 12, 1), new LocalDate(2026, 12, 14)).Value!;
        var later = Set(arrangement, deputy.Id, new LocalDate(2027, 1, 1), new LocalDate(2027, 1, 10), running).Value!;
        var by = Guid.NewGuid();

        running.EndOn(new LocalDate(2026, 12, 5), by, At).IsSuccess.ShouldBeTrue();
        later.EndOn(new LocalDate(2026, 12, 5), by, At).IsSuccess.ShouldBeTrue();

        running.To.ShouldBe(new LocalDate(2026, 12, 5));
        running.EndedByUserId.ShouldBe(by);
        running.IsActiveOn(new LocalDate(2026, 12, 6)).ShouldBeFalse();
        later.IsCancelled.ShouldBeTrue();
        later.IsActiveOn(new LocalDate(2027, 1, 1)).ShouldBeFalse();
        running.EndOn(new LocalDate(2026, 12, 4), by, At).IsSuccess.ShouldBeFalse("an ended period is not ended twice");
        Set(arrangement, deputy.Id, new LocalDate(2027, 1, 1), new LocalDate(2027, 1, 10), running, later).IsSuccess.ShouldBeTrue("the cancelled days are free again");
    }
}
