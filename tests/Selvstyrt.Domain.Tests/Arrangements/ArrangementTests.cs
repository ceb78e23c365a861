using NodaTime;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Shouldly;
using Xunit;

namespace Selvstyrt.Domain.Tests.Arrangements;

public sealed class ArrangementTests
{
    private static Arrangement NewArrangement()
        => Arrangement.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Ordningen til Ella", EmployerModel.Provider, new LocalDate(2024, 1, 1)).Value!;

    [Fact]
    public void Assign_SameAssistantOverlappingPeriod_IsRefused()
    {
        var arrangement = NewArrangement();
        var assistant = Guid.NewGuid();
        arrangement.Assign(Guid.NewGuid(), assistant, new LocalDate(2025, 1, 1), new LocalDate(2025, 6, 30));

        arrangement.Assign(Guid.NewGuid(), assistant, new LocalDate(2025, 6, 30), null).Error.ShouldBeOfType<Invalid>();
        arrangement.Assign(Guid.NewGuid(), assistant, new LocalDate(2025, 7, 1), null).IsSuccess.ShouldBeTrue();
        arrangement.Assignments.Count.ShouldBe(2);
    }

    [Fact]
    public void Assignment_IsActiveOn_IncludesBothEndDates()
    {
        var assignment = NewArrangement().Assign(Guid.NewGuid(), Guid.NewGuid(), new LocalDate(2025, 1, 1), new LocalDate(2025, 1, 31)).Value!;

        assignment.IsActiveOn(new LocalDate(2025, 1, 1)).ShouldBeTrue();
        assignment.IsActiveOn(new LocalDate(2025, 1, 31)).ShouldBeTrue();
        assignment.IsActiveOn(new LocalDate(2025, 2, 1)).ShouldBeFalse();
        assignment.IsActiveOn(new LocalDate(2024, 12, 31)).ShouldBeFalse();
    }

    [Fact]
    public void NeedsDeputy_CoWorkLeaderWithoutDeputy_IsTrueUntilADeputyIsNamed()
    {
        var arrangement = NewArrangement();
        var today = new LocalDate(2026, 11, 23);
        arrangement.GrantRole(Guid.NewGuid(), Guid.NewGuid(), ArrangementRoleKind.CoWorkLeader, new LocalDate(2024, 1, 1), null);

        arrangement.NeedsDeputy(today).ShouldBeTrue();
        arrangement.GrantRole(Guid.NewGuid(), Guid.NewGuid(), ArrangementRoleKind.Deputy, new LocalDate(2024, 1, 1), new LocalDate(2026, 11, 22));
        arrangement.NeedsDeputy(today).ShouldBeTrue("the deputy's period ended yesterday");
        arrangement.GrantRole(Guid.NewGuid(), Guid.NewGuid(), ArrangementRoleKind.Deputy, new LocalDate(2026, 11, 23), null);
        arrangement.NeedsDeputy(today).ShouldBeFalse();
    }

    [Fact]
    public void NeedsDeputy_RecipientAsWorkLeader_IsFalse()
    {
        var arrangement = NewArrangement();
        arrangement.GrantRole(Guid.NewGuid(), Guid.NewGuid(), ArrangementRoleKind.WorkLeader, new LocalDate(2024, 1, 1), null);

        arrangement.NeedsDeputy(new LocalDate(2026, 11, 23)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(ProviderRole.OfficeCoordinator, "office")]
    [InlineData(ProviderRole.CaseWorker, "municipality")]
    public void ProviderGrant_ScopedRoleWithoutScope_IsRefused(ProviderRole role, string field)
        => ProviderGrant.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), role, null, null)
            .Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain(field);

    [Fact]
    public void ProviderGrant_AdminWithStrayScope_DropsIt()
    {
        var grant = ProviderGrant.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), ProviderRole.ProviderAdmin, Guid.NewGuid(), Guid.NewGuid()).Value!;

        grant.OfficeId.ShouldBeNull();
        grant.MunicipalityId.ShouldBeNull();
    }

    [Fact]
    public void End_EndsOpenRolesAndAssignmentsOnTheLastDay_DropsThoseNotYetBegun_AndKeepsEarlierEnds()
    {
        var arrangement = NewArrangement();
        var lastDay = new LocalDate(2026, 11, 30);
        var open = arrangement.Assign(Guid.NewGuid(), Guid.NewGuid(), new LocalDate(2025, 1, 1), null).Value!;
        var endedEarlier = arrangement.Assign(Guid.NewGuid(), Guid.NewGuid(), new LocalDate(2025, 1, 1), new LocalDate(2025, 6, 30)).Value!;
        arrangement.Assign(Guid.NewGuid(), Guid.NewGuid(), new LocalDate(2026, 12, 1), null);
        var leader = arrangement.GrantRole(Guid.NewGuid(), Guid.NewGuid(), ArrangementRoleKind.WorkLeader, new LocalDate(2024, 1, 1), null).Value!;

        arrangement.End(lastDay).IsSuccess.ShouldBeTrue();

        arrangement.EndDate.ShouldBe(lastDay);
        open.To.ShouldBe(lastDay);
        endedEarlier.To.ShouldBe(new LocalDate(2025, 6, 30));
        leader.To.ShouldBe(lastDay);
        arrangement.Assignments.Count.ShouldBe(2, "the assignment from 1 December never began");
        arrangement.HasEnded(lastDay).ShouldBeFalse("the last day is still a day of the arrangement");
        arrangement.HasEnded(lastDay.PlusDays(1)).ShouldBeTrue();
    }

    [Fact]
    public void End_BeforeTheStart_IsRefusedNamingTheDate()
    {
        var arrangement = NewArrangement();

        var result = arrangement.End(new LocalDate(2023, 12, 31));

        ((Invalid)result.Error!).Fields.Keys.ShouldBe(["endDate"]);
        arrangement.EndDate.ShouldBeNull();
    }
}
