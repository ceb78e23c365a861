using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Shouldly;
using Xunit;

namespace Selvstyrt.Domain.Tests.People;

public sealed class EmploymentTests
{
    private static Assistant NewAssistant() => Assistant.Create(Guid.NewGuid(), Guid.NewGuid(), null, "Ingrid Haugen", null, null, null).Value!;

    [Fact]
    public void SeniorityYearsOn_DayBeforeAnniversary_CountsWholeYearsOnly()
    {
        var assistant = NewAssistant();
        var employment = assistant.AddEmployment(Guid.NewGuid(), EmploymentKind.Permanent, 80m, new LocalDate(2021, 3, 1), null, new LocalDate(2021, 3, 1)).Value!;

        employment.SeniorityYearsOn(new LocalDate(2024, 2, 29)).ShouldBe(2);
        employment.SeniorityYearsOn(new LocalDate(2024, 3, 1)).ShouldBe(3);
    }

    [Fact]
    public void SeniorityYearsOn_BeforeSeniorityDate_IsZero()
    {
        var employment = NewAssistant().AddEmployment(Guid.NewGuid(), EmploymentKind.OnCall, 0m, new LocalDate(2025, 1, 1), null, new LocalDate(2025, 1, 1)).Value!;

        employment.SeniorityYearsOn(new LocalDate(2024, 12, 31)).ShouldBe(0);
    }

    [Fact]
    public void AddEmployment_OverlappingPeriod_IsRefusedNamingStart()
    {
        var assistant = NewAssistant();
        assistant.AddEmployment(Guid.NewGuid(), EmploymentKind.Permanent, 50m, new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31), new LocalDate(2024, 1, 1)).IsSuccess.ShouldBeTrue();

        var second = assistant.AddEmployment(Guid.NewGuid(), EmploymentKind.Permanent, 50m, new LocalDate(2024, 12, 31), null, new LocalDate(2024, 1, 1));

        second.Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("start");
        assistant.Employments.Count.ShouldBe(1);
    }

    [Fact]
    public void AddEmployment_FollowingDay_IsAccepted()
    {
        var assistant = NewAssistant();
        assistant.AddEmployment(Guid.NewGuid(), EmploymentKind.Permanent, 50m, new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31), new LocalDate(2024, 1, 1));

        assistant.AddEmployment(Guid.NewGuid(), EmploymentKind.Permanent, 60m, new LocalDate(2025, 1, 1), null, new LocalDate(2024, 1, 1)).IsSuccess.ShouldBeTrue();
        assistant.EmploymentOn(new LocalDate(2025, 6, 1))!.PositionPercent.ShouldBe(60m);
    }

    [Theory]
    [InlineData(EmploymentKind.Permanent, 0, "positionPercent")]
    [InlineData(EmploymentKind.Permanent, 100.5, "positionPercent")]
    [InlineData(EmploymentKind.OnCall, 20, "positionPercent")]
    public void AddEmployment_ImpossiblePositionSize_NamesTheField(EmploymentKind kind, double percent, string field)
    {
        var result = NewAssistant().AddEmployment(Guid.NewGuid(), kind, (decimal)percent, new LocalDate(2025, 1, 1), null, new LocalDate(2025, 1, 1));

        var invalid = result.Error.ShouldBeOfType<Invalid>();
        invalid.Fields.Keys.ShouldContain(field);
        invalid.Fields[field].ShouldContain("stillingsprosent", Case.Insensitive);
    }

    [Fact]
    public void AddEmployment_EndBeforeStart_IsRefused()
    {
        var result = NewAssistant().AddEmployment(Guid.NewGuid(), EmploymentKind.Permanent, 50m, new LocalDate(2025, 2, 1), new LocalDate(2025, 1, 31), new LocalDate(2025, 2, 1));

        result.Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("end");
    }
}
