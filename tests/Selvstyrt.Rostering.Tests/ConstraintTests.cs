using NodaTime;
using Selvstyrt.Rostering.Bpa;
using Shouldly;

namespace Selvstyrt.Rostering.Tests;

/// <summary>
/// One test class per constraint on tiny models: coverage plus the constraint alone (no engine in the loop), so that
/// each test shows the constraint forbids what its rule forbids, and lets through the case just inside the limit.
/// The rotation starts on Monday 4 January 2027 (no holidays that week).
/// </summary>
internal static class Tiny
{
    public static readonly LocalDate Monday = new(2027, 1, 4);
    public static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    public static BpaTemplate Template(string id, int hour, int minutes, params IsoDayOfWeek[] days) => new(id, id, new LocalTime(hour, 0), minutes, 1, days);

    public static BpaProblem Problem(BpaTemplate[] templates, BpaAssistant[] assistants, int weeks = 1) => new("o", "e", Monday, weeks, templates, assistants);

    public static BpaAssistant One(string id = "a") => new(id, id, 100);

    /// <summary>Solves with coverage and the given constraints only; returns the places left uncovered.</summary>
    public static (long Uncovered, BpaResult Result) Solve(BpaProblem problem, params IRosterConstraint[] constraints)
    {
        var result = BpaSolver.Solve(problem, new SolveOptions { Seconds = 10, Workers = 1 }, [new Coverage(), .. constraints], [], judge: false);
        result.Summary.Status.ShouldBe(SolveStatus.Optimal);
        return (result.Penalties.Single(p => p.Name == "uncovered").Units, result);
    }

    public static Instant At(LocalDate date, int hour) => date.At(new LocalTime(hour, 0)).InZoneStrictly(Oslo).ToInstant();
}

public sealed class CoverageTests
{
    [Fact]
    public void Coverage_TwoToOne_PutsTwoAssistantsOnEveryPlace()
    {
        var template = Tiny.Template("dag", 8, 480, IsoDayOfWeek.Monday) with { Staffing = 2 };
        var (uncovered, result) = Tiny.Solve(Tiny.Problem([template], [Tiny.One("a"), Tiny.One("b"), Tiny.One("c")]));

        uncovered.ShouldBe(0);
        result.Shifts.Select(s => s.Assistant).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public void Coverage_TwoToOneWithOneAssistant_LeavesOnePlaceOpenAndNeverDoubleBooks()
    {
        var template = Tiny.Template("dag", 8, 480, IsoDayOfWeek.Monday) with { Staffing = 2 };
        var (uncovered, result) = Tiny.Solve(Tiny.Problem([template], [Tiny.One()]));

        uncovered.ShouldBe(1);
        result.Shifts.Count.ShouldBe(1);
    }
}

/// <summary>AML-10-8-1: 11 hours between shifts, across the rotation's end and next to fixed shifts elsewhere.</summary>
public sealed class DailyRestTests
{
    [Fact]
    public void DailyRest_TenHoursBetween_OnlyOneIsGiven()
        => Tiny.Solve(Tiny.Problem([Tiny.Template("kveld", 14, 480, IsoDayOfWeek.Monday), Tiny.Template("dag", 8, 480, IsoDayOfWeek.Tuesday)], [Tiny.One()]), new DailyRest()).Uncovered.ShouldBe(1);

    [Fact]
    public void DailyRest_ExactlyElevenHoursBetween_BothAreGiven()
        => Tiny.Solve(Tiny.Problem([Tiny.Template("kveld", 14, 480, IsoDayOfWeek.Monday), Tiny.Template("dag", 9, 420, IsoDayOfWeek.Tuesday)], [Tiny.One()]), new DailyRest()).Uncovered.ShouldBe(0);

    [Fact]
    public void DailyRest_SundayNightIntoMondayOfTheNextCycle_CountsTheWrap()
        => Tiny.Solve(Tiny.Problem([Tiny.Template("natt", 22, 540, IsoDayOfWeek.Sunday), Tiny.Template("dag", 15, 420, IsoDayOfWeek.Monday)], [Tiny.One()]), new DailyRest()).Uncovered.ShouldBe(1);

    [Fact]
    public void DailyRest_FixedShiftElsewhereTenHoursAfter_ForbidsTheShift()
    {
        var tuesday = Tiny.Monday.PlusDays(1);
        var assistant = Tiny.One() with { FixedShifts = [new BpaFixedShift(Tiny.At(tuesday, 8), Tiny.At(tuesday, 16), "annen")] };

        Tiny.Solve(Tiny.Problem([Tiny.Template("kveld", 14, 480, IsoDayOfWeek.Monday)], [assistant]), new DailyRest()).Uncovered.ShouldBe(1);
        Tiny.Solve(Tiny.Problem([Tiny.Template("dag", 8, 480, IsoDayOfWeek.Monday)], [assistant]), new DailyRest()).Uncovered.ShouldBe(0);
    }
}

/// <summary>AML-10-8-2: 35 hours in a row off in every week from Monday 00:00.</summary>
public sealed class WeeklyRestTests
{
    private static readonly IsoDayOfWeek[] Every = [.. Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None)];

    [Fact]
    public void WeeklyRest_SevenDaysOfDayShifts_OneMustGo()
        => Tiny.Solve(Tiny.Problem([Tiny.Template("dag", 8, 480, Every)], [Tiny.One()]), new WeeklyRest()).Uncovered.ShouldBe(1);

    [Fact]
    public void WeeklyRest_SaturdayOffGivesFortyHours_AllSixAreGiven()
        => Tiny.Solve(Tiny.Problem([Tiny.Template("dag", 8, 480, [.. Every.Where(d => d != IsoDayOfWeek.Saturday)])], [Tiny.One()]), new WeeklyRest()).Uncovered.ShouldBe(0);
}

/// <summary>AML-10-4-1 (40 h per week) with fixed shifts elsewhere, and 48 h with other employers' declared hours.</summary>
public sealed class WeeklyHoursTests
{
    private static readonly IsoDayOfWeek[] Weekdays = [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    [Fact]
    public void WeeklyHours_FiveNineHourDays_OneMustGo()
        => Tiny.Solve(Tiny.Problem([Tiny.Template("dag", 8, 540, Weekdays)], [Tiny.One()]), new WeeklyHours()).Uncovered.ShouldBe(1);

    [Fact]
    public void WeeklyHours_FiveEightHourDays_ExactlyFortyAreGiven()
        => Tiny.Solve(Tiny.Problem([Tiny.Template("dag", 8, 480, Weekdays)], [Tiny.One()]), new WeeklyHours()).Uncovered.ShouldBe(0);

    [Fact]
    public void WeeklyHours_RoundTheClockRota_CapsAtThirtyEight()
    {
        // Day, evening and night templates make a round-the-clock rota (AML-10-4-4): seven 8-hour places, of which five
        // would be 40 h > 38, so four are given and three stay open (under the 40-hour norm only two would).
        var templates = new[] { Tiny.Template("dag", 7, 480, Weekdays), Tiny.Template("kveld", 15, 480, IsoDayOfWeek.Saturday), Tiny.Template("natt", 23, 480, IsoDayOfWeek.Sunday) };
        var problem = Tiny.Problem(templates, [Tiny.One()]);
        problem.WeeklyNormalHours.ShouldBe(38);

        Tiny.Solve(problem, new WeeklyHours()).Uncovered.ShouldBe(3);
        Tiny.Solve(problem, new WeeklyHours(normalHours: 40)).Uncovered.ShouldBe(2);
    }

    [Fact]
    public void WeeklyHours_TwentyHoursForAnotherEmployer_CapsAtTwentyEight()
    {
        var assistant = Tiny.One() with { OtherEmployerHoursPerWeek = 20 };
        Tiny.Solve(Tiny.Problem([Tiny.Template("dag", 8, 360, Weekdays)], [assistant]), new WeeklyHours()).Uncovered.ShouldBe(1);
    }

    [Fact]
    public void WeeklyHours_FixedShiftElsewhere_CountsTowardTheForty()
    {
        var saturday = Tiny.Monday.PlusDays(5);
        var assistant = Tiny.One() with { FixedShifts = [new BpaFixedShift(Tiny.At(saturday, 8), Tiny.At(saturday, 16), "annen")] };
        Tiny.Solve(Tiny.Problem([Tiny.Template("dag", 8, 480, Weekdays)], [assistant]), new WeeklyHours()).Uncovered.ShouldBe(1);
    }
}

/// <summary>
/// AML-10-6-4: at most 10 hours' overtime (above 9 h a day) per week and 25 per 4 weeks. The rotation repeats, so a
/// one-week rotation puts the same week in every 4-week window.
/// </summary>
public sealed class OvertimeTests
{
    [Fact]
    public void Overtime_ThreeTwelveHourShiftsAWeekRepeated_ThirtySixPerFourWeeks_OneMustGo()
        => Tiny.Solve(Tiny.Problem([Tiny.Template("lang", 8, 720, IsoDayOfWeek.Monday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Friday)], [Tiny.One()]), new Overtime()).Uncovered.ShouldBe(1);

    [Fact]
    public void Overtime_TwoTwelveHourShiftsAWeekRepeated_TwentyFourPerFourWeeks_AreGiven()
        => Tiny.Solve(Tiny.Problem([Tiny.Template("lang", 8, 720, IsoDayOfWeek.Monday, IsoDayOfWeek.Thursday)], [Tiny.One()]), new Overtime()).Uncovered.ShouldBe(0);

    [Fact]
    public void Overtime_FourTwelveHourShiftsInOneWeekOfFour_TwelveInAWeek_OneMustGo()
    {
        // Four weeks; the long shifts only exist in week 1 (they fall on dates the assistant is free in that week only).
        var days = new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Friday, IsoDayOfWeek.Sunday };
        var busy = Enumerable.Range(7, 21).Select(d => Tiny.Monday.PlusDays(d)).ToList();
        var (uncovered, result) = Tiny.Solve(Tiny.Problem([Tiny.Template("lang", 8, 720, days)], [Tiny.One() with { UnavailableDates = busy }], weeks: 4), new Overtime(), new Availability());

        result.Shifts.Count(s => s.Week == 1).ShouldBe(3);
        uncovered.ShouldBe(13);
    }
}

/// <summary>LONGSHIFT-1: above 13 hours only with a long-shift basis.</summary>
public sealed class LongShiftTests
{
    [Fact]
    public void LongShifts_FourteenHoursWithoutBasis_IsNotGiven()
        => Tiny.Solve(Tiny.Problem([Tiny.Template("lang", 8, 840, IsoDayOfWeek.Monday)], [Tiny.One()]), new LongShifts()).Uncovered.ShouldBe(1);

    [Fact]
    public void LongShifts_FourteenHoursWithBasis_IsGiven()
        => Tiny.Solve(Tiny.Problem([Tiny.Template("lang", 8, 840, IsoDayOfWeek.Monday)], [Tiny.One() with { LongShifts = true }]), new LongShifts()).Uncovered.ShouldBe(0);

    [Fact]
    public void LongShifts_ThirteenHours_NeedsNoBasis()
        => Tiny.Solve(Tiny.Problem([Tiny.Template("lang", 8, 780, IsoDayOfWeek.Monday)], [Tiny.One()]), new LongShifts()).Uncovered.ShouldBe(0);
}

/// <summary>AML-10-8-4: who works a Sunday has the next one off; Saturday from 18:00 counts as the Sunday.</summary>
public sealed class SundayRotationTests
{
    [Fact]
    public void SundayRotation_TwoSundaysInARow_OnlyOneIsGiven()
        => Tiny.Solve(Tiny.Problem([Tiny.Template("sondag", 10, 480, IsoDayOfWeek.Sunday)], [Tiny.One()], weeks: 2), new SundayRotation()).Uncovered.ShouldBe(1);

    [Fact]
    public void SundayRotation_SaturdayEveningFromSix_CountsAsTheSunday()
        => Tiny.Solve(Tiny.Problem([Tiny.Template("lordagskveld", 18, 240, IsoDayOfWeek.Saturday)], [Tiny.One()], weeks: 2), new SundayRotation()).Uncovered.ShouldBe(1);

    [Fact]
    public void SundayRotation_SaturdayEndingAtFive_IsNotSundayWork()
        => Tiny.Solve(Tiny.Problem([Tiny.Template("lordag", 10, 420, IsoDayOfWeek.Saturday)], [Tiny.One()], weeks: 2), new SundayRotation()).Uncovered.ShouldBe(0);

    [Fact]
    public void SundayRotation_EasterMondayInTheJudgedWeek_IsARedDayToo()
    {
        // A 12-week rotation from 4 January 2027 is judged with one more week, 29 March - 4 April: Easter Monday is red,
        // so a Monday shift then and a Sunday shift that week are two red days in a row.
        var problem = new BpaProblem("o", "e", Tiny.Monday, 12, [Tiny.Template("mandag", 8, 480, IsoDayOfWeek.Monday), Tiny.Template("sondag", 8, 480, IsoDayOfWeek.Sunday)], [Tiny.One()]);
        var result = Tiny.Solve(problem, new SundayRotation()).Result;

        var easterMonday = result.Shifts.Any(s => s.Template == "mandag" && s.Week == 1);
        var sundayAfter = result.Shifts.Any(s => s.Template == "sondag" && s.Week == 1);
        (easterMonday && sundayAfter).ShouldBeFalse();
        result.Shifts.Count(s => s.Template == "mandag").ShouldBeGreaterThanOrEqualTo(11);
    }
}

/// <summary>Availability: weekly times and dates the assistant cannot work.</summary>
public sealed class AvailabilityTests
{
    private static readonly BpaAssistant Student = Tiny.One() with { Unavailable = [new BpaUnavailable([IsoDayOfWeek.Tuesday], new LocalTime(16, 0), new LocalTime(22, 0))] };

    [Fact]
    public void Availability_ShiftInsideTheTime_IsNotGiven()
        => Tiny.Solve(Tiny.Problem([Tiny.Template("kveld", 17, 240, IsoDayOfWeek.Tuesday)], [Student]), new Availability()).Uncovered.ShouldBe(1);

    [Fact]
    public void Availability_ShiftEndingWhenTheTimeStarts_IsGiven()
        => Tiny.Solve(Tiny.Problem([Tiny.Template("dag", 10, 360, IsoDayOfWeek.Tuesday)], [Student]), new Availability()).Uncovered.ShouldBe(0);

    [Fact]
    public void Availability_UnavailableDate_IsNotGiven()
        => Tiny.Solve(Tiny.Problem([Tiny.Template("dag", 10, 360, IsoDayOfWeek.Wednesday)], [Tiny.One() with { UnavailableDates = [Tiny.Monday.PlusDays(2)] }]), new Availability()).Uncovered.ShouldBe(1);
}

/// <summary>Competences: every competence the template needs.</summary>
public sealed class CompetenceTests
{
    private static readonly BpaTemplate Respirator = Tiny.Template("natt", 22, 540, IsoDayOfWeek.Monday) with { Competences = ["Respirator"] };

    [Fact]
    public void Competences_Missing_IsNotGiven()
        => Tiny.Solve(Tiny.Problem([Respirator], [Tiny.One()]), new Competences()).Uncovered.ShouldBe(1);

    [Fact]
    public void Competences_PresentInOtherCase_IsGiven()
        => Tiny.Solve(Tiny.Problem([Respirator], [Tiny.One() with { Competences = ["respirator"] }]), new Competences()).Uncovered.ShouldBe(0);
}
