using NodaTime;
using Selvstyrt.Domain.HourAccounts;
using Selvstyrt.Domain.Plans;
using Shouldly;

namespace Selvstyrt.Domain.Tests.HourAccounts;

/// <summary>Rolling a rotation out to real hours per local date: DST nights, year end, leap days, 2:1 overlap.</summary>
public sealed class PlanHoursTests
{
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    private static WorkPlan Nights(LocalDate startsOn, int weeks = 1)
    {
        var plan = WorkPlan.Create(Guid.NewGuid(), Guid.NewGuid(), "Natt", weeks, startsOn, null).Value!;
        for (var w = 1; w <= weeks; w++)
            foreach (var day in Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d))
                plan.AddShift(Guid.NewGuid(), w, day, new LocalTime(22, 0), 10 * 60, null, PlanShiftKind.AwakeNight);
        return plan;
    }

    private static Dictionary<LocalDate, DayHours> Days(WorkPlan plan, LocalDate from, LocalDate to)
        => DailyHours.From(plan.RollOut(from, to, Oslo), from, to, Oslo, _ => true);

    [Fact]
    public void NightOverSpringDst_Is9Hours_AndAutumnDst_Is11Hours()
    {
        // rules.md § 7 examples 1 and 2: 22-08 on 29/30 March 2025 and 25/26 October 2025.
        var plan = Nights(new LocalDate(2025, 3, 24));

        var spring = plan.RollOut(new LocalDate(2025, 3, 29), new LocalDate(2025, 3, 29), Oslo).Single(s => s.Date == new LocalDate(2025, 3, 29));
        var autumn = plan.RollOut(new LocalDate(2025, 10, 25), new LocalDate(2025, 10, 25), Oslo).Single(s => s.Date == new LocalDate(2025, 10, 25));

        (spring.End - spring.Start).ShouldBe(Duration.FromHours(9));
        (autumn.End - autumn.Start).ShouldBe(Duration.FromHours(11));
    }

    [Fact]
    public void NightsSplitAtMidnight_AndTheDstDayHasItsHourMoreOrLess()
    {
        var plan = Nights(new LocalDate(2025, 10, 20));

        var days = Days(plan, new LocalDate(2025, 10, 25), new LocalDate(2025, 10, 27));

        days[new LocalDate(2025, 10, 25)].Planned.ShouldBe(2m + 8m, "00-08 from the night before and 22-24");
        days[new LocalDate(2025, 10, 26)].Planned.ShouldBe(9m + 2m, "00-08 is 9 hours on the autumn DST night");
        days[new LocalDate(2025, 10, 27)].Planned.ShouldBe(10m);
        days.Values.All(d => d.AwakeNight == d.Planned).ShouldBeTrue();
    }

    [Fact]
    public void Rotation_RepeatsByWeek_AcrossTheYearEndAndALeapDay()
    {
        // Two weeks: week 1 has a Monday day shift, week 2 none. Starts Monday 18 December 2023.
        var plan = WorkPlan.Create(Guid.NewGuid(), Guid.NewGuid(), "Dag", 2, new LocalDate(2023, 12, 18), null).Value!;
        plan.AddShift(Guid.NewGuid(), 1, IsoDayOfWeek.Monday, new LocalTime(8, 0), 8 * 60, null, PlanShiftKind.Day);
        plan.AddShift(Guid.NewGuid(), 2, IsoDayOfWeek.Thursday, new LocalTime(8, 0), 7 * 60, null, PlanShiftKind.Day);

        var mondays = plan.RollOut(new LocalDate(2023, 12, 18), new LocalDate(2024, 3, 10), Oslo).Where(s => s.Date.DayOfWeek == IsoDayOfWeek.Monday).Select(s => s.Date).ToList();
        var thursdays = plan.RollOut(new LocalDate(2024, 2, 19), new LocalDate(2024, 3, 10), Oslo).Where(s => s.Date.DayOfWeek == IsoDayOfWeek.Thursday).Select(s => s.Date).ToList();

        mondays.ShouldBe([new LocalDate(2023, 12, 18), new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 15), new LocalDate(2024, 1, 29),
            new LocalDate(2024, 2, 12), new LocalDate(2024, 2, 26)]);
        // Day 73 after the start: ten whole weeks, so the leap day is in rotation week 1 and has no Thursday shift.
        plan.RotationWeekOf(new LocalDate(2024, 2, 29)).ShouldBe(1);
        thursdays.ShouldBe([new LocalDate(2024, 2, 22), new LocalDate(2024, 3, 7)]);
    }

    [Fact]
    public void PlanEnds_NoShiftsAfter_AndNoneBeforeItStarts()
    {
        var plan = WorkPlan.Create(Guid.NewGuid(), Guid.NewGuid(), "Kort", 1, new LocalDate(2026, 1, 5), new LocalDate(2026, 1, 7)).Value!;
        plan.AddShift(Guid.NewGuid(), 1, IsoDayOfWeek.Sunday, new LocalTime(8, 0), 60, null, PlanShiftKind.Day);
        plan.AddShift(Guid.NewGuid(), 1, IsoDayOfWeek.Tuesday, new LocalTime(8, 0), 60, null, PlanShiftKind.Day);

        plan.RollOut(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 31), Oslo).Select(s => s.Date).ShouldBe([new LocalDate(2026, 1, 6)]);
    }

    [Fact]
    public void TwoAssistantsAtOnce_CountTwice_AndTheSecondIsTheTwoToOneHours()
    {
        var plan = WorkPlan.Create(Guid.NewGuid(), Guid.NewGuid(), "2:1", 1, new LocalDate(2026, 1, 5), null).Value!;
        plan.AddShift(Guid.NewGuid(), 1, IsoDayOfWeek.Monday, new LocalTime(8, 0), 8 * 60, Guid.NewGuid(), PlanShiftKind.Day);
        plan.AddShift(Guid.NewGuid(), 1, IsoDayOfWeek.Monday, new LocalTime(12, 0), 8 * 60, Guid.NewGuid(), PlanShiftKind.Day);
        plan.AddShift(Guid.NewGuid(), 1, IsoDayOfWeek.Monday, new LocalTime(13, 0), 60, Guid.NewGuid(), PlanShiftKind.Day);

        var monday = Days(plan, new LocalDate(2026, 1, 5), new LocalDate(2026, 1, 5))[new LocalDate(2026, 1, 5)];

        monday.Planned.ShouldBe(17m);
        monday.TwoToOne.ShouldBe(5m, "12-16 two at once (4 h), and 13-14 a third (1 h more)");
    }

    [Fact]
    public void InvalidRotation_IsRefusedNamingTheField()
    {
        WorkPlan.Create(Guid.NewGuid(), Guid.NewGuid(), "x", 13, new LocalDate(2026, 1, 5), null).Error.ShouldNotBeNull();
        WorkPlan.Create(Guid.NewGuid(), Guid.NewGuid(), "x", 4, new LocalDate(2026, 1, 6), null).Error!.ShouldBeOfType<Common.Invalid>().Fields.Keys.ShouldContain("startsOn");
        var plan = WorkPlan.Create(Guid.NewGuid(), Guid.NewGuid(), "x", 4, new LocalDate(2026, 1, 5), null).Value!;
        plan.AddShift(Guid.NewGuid(), 5, IsoDayOfWeek.Monday, LocalTime.Noon, 60, null, PlanShiftKind.Day).Error!.ShouldBeOfType<Common.Invalid>().Fields.Keys.ShouldContain("week");
    }
}
