using Selvstyrt.Domain.Rules.Engine;
using Shouldly;

namespace Selvstyrt.Domain.Tests.Rules;

/// <summary>
/// Arbeidsmiljøloven chapter 11 for assistants under 18 (issue 19, part 2): UNG-11-1 (children), UNG-11-2 (8 h a day, 40 a week,
/// all employers together), UNG-11-3 (the night off 23-06, 21-23 only when needed), UNG-11-5 (the pause, 12 h and 48 h rest),
/// at their edges: the day school age ends, the 18th birthday, midnight, summer time, two employers.
/// </summary>
public class YouthRuleTests
{
    /// <summary>17 in 2026, out of school since the summer of 2025 (the year she turned 16).</summary>
    private const string Young = "2009-01-10";

    private static Rota As(string born) => Rota.Aml().Assistant("a1", born: born);

    [Fact]
    public void Ung_11_1_AFifteenYearOldStillInSchool_MayNotWorkShifts_UntilTheSummerSheTurnsSixteen()
    {
        // Born 1 March 2011: 15 on 5 May 2026 and of school age until the end of June 2027.
        var result = As("2011-03-01").Shift("a1", "2026-05-05T16:00", "2026-05-05T19:00").Shift("a1", "2027-06-30T16:00", "2027-06-30T19:00", "s2")
            .Shift("a1", "2027-07-01T16:00", "2027-07-01T19:00", "s3").Check();
        var findings = result.Of("UNG-11-1");
        findings.Select(f => f.Shifts.Single()).ShouldBe(["s1", "s2"]);
        findings.ShouldAllBe(f => f.Severity == Severity.Breach);
        findings[0].Message.ShouldContain("15 år");
    }

    [Fact]
    public void Ung_11_2_EightHoursADay_IsTheLimit()
    {
        As(Young).Shift("a1", "2026-05-05T08:00", "2026-05-05T16:00").Check().Of("UNG-11-2").ShouldBeEmpty();
        var over = As(Young).Shift("a1", "2026-05-05T08:00", "2026-05-05T16:01").Check().Of("UNG-11-2").ShouldHaveSingleItem();
        over.Severity.ShouldBe(Severity.Breach);
        over.Measured.ShouldBe(8.02);
        over.Limit.ShouldBe(8);
    }

    [Fact]
    public void Ung_11_2_FortyHoursAWeek_IsTheLimit()
    {
        // Monday to Friday 7.5 h a day, then Saturday 3 h: 40.5 h; with 2.5 h on Saturday, exactly 40.
        var result = As(Young).Daily("a1", "2026-05-04T08:00", "2026-05-04T15:30", 5).Shift("a1", "2026-05-09T10:00", "2026-05-09T13:00", "sat").Check();
        var week = result.Of("UNG-11-2").ShouldHaveSingleItem();
        week.Measured.ShouldBe(40.5);
        week.Limit.ShouldBe(40);
        As(Young).Daily("a1", "2026-05-04T08:00", "2026-05-04T15:30", 5).Shift("a1", "2026-05-09T10:00", "2026-05-09T12:30", "sat").Check().Of("UNG-11-2").ShouldBeEmpty();
    }

    [Fact]
    public void Ung_11_2_TwoEmployers_AreCountedTogether()
    {
        // 5 h for one employer and 4 h for another on the same day: neither alone is over, together they are (§ 11-2 (4)).
        var result = Rota.Aml().Employer("e2").Assistant("a1", born: Young)
            .Shift("a1", "2026-05-05T07:00", "2026-05-05T12:00").Shift("a1", "2026-05-05T13:00", "2026-05-05T17:00", "s2", employer: "e2").Check();
        var across = result.Of("UNG-11-2").ShouldHaveSingleItem();
        across.Employer.ShouldBeNull();
        across.Measured.ShouldBe(9);
        across.Shifts.ShouldBe(["s1", "s2"], ignoreOrder: true);
    }

    [Fact]
    public void Ung_11_3_TheEveningIsAWarning_TheNightABreach_AndEleven_IsTheLine()
    {
        var evening = As(Young).Shift("a1", "2026-05-05T15:00", "2026-05-05T23:00").Check().Of("UNG-11-3").ShouldHaveSingleItem();
        evening.Severity.ShouldBe(Severity.Warn);
        evening.Measured.ShouldBe(2);
        var night = As(Young).Shift("a1", "2026-05-05T16:00", "2026-05-05T23:30").Check().Of("UNG-11-3").ShouldHaveSingleItem();
        night.Severity.ShouldBe(Severity.Breach);
        night.Measured.ShouldBe(0.5);
        As(Young).Shift("a1", "2026-05-05T06:00", "2026-05-05T13:00").Check().Of("UNG-11-3").ShouldBeEmpty();
        // A morning shift from midnight is night too.
        As(Young).Shift("a1", "2026-05-06T00:00", "2026-05-06T06:00").Check().Of("UNG-11-3").ShouldHaveSingleItem().Measured.ShouldBe(6);
    }

    [Fact]
    public void Ung_11_3_ANightIntoSummerTime_CountsTheHoursThatPass()
    {
        // 29 March 2026: clocks go from 02:00 to 03:00. 23:00 to 04:00 on the clock is four hours of night.
        As(Young).Shift("a1", "2026-03-28T23:00", "2026-03-29T04:00").Check().Of("UNG-11-3").ShouldHaveSingleItem().Measured.ShouldBe(4);
        // Into winter time (25 October 2026) the same clock times are six hours.
        As(Young).Shift("a1", "2026-10-24T23:00", "2026-10-25T04:00").Check().Of("UNG-11-3").ShouldHaveSingleItem().Measured.ShouldBe(6);
    }

    [Fact]
    public void Ung_11_5_HalfAnHoursPause_AfterFourAndAHalfHours()
    {
        As(Young).Shift("a1", "2026-05-05T08:00", "2026-05-05T12:30").Check().Of("UNG-11-5").ShouldBeEmpty();
        As(Young).Shift("a1", "2026-05-05T08:00", "2026-05-05T12:31").Check().Of("UNG-11-5").ShouldHaveSingleItem().Message.ShouldContain("0 min pause");
        As(Young).Shift("a1", "2026-05-05T08:00", "2026-05-05T13:30", pauses: [("2026-05-05T10:30", "2026-05-05T11:00", true)]).Check().Of("UNG-11-5").ShouldBeEmpty();
    }

    [Fact]
    public void Ung_11_5_TwelveHoursRest_WhereAnAdultNeedsEleven()
    {
        // 11 h between an evening and the next morning: lawful for an adult (AML-10-8-1), not for a young person.
        var eleven = As(Young).Shift("a1", "2026-05-05T12:00", "2026-05-05T16:00").Shift("a1", "2026-05-06T03:00", "2026-05-06T06:00", "early")
            .Check();
        eleven.Of("AML-10-8-1").ShouldBeEmpty();
        eleven.Of("UNG-11-5").ShouldContain(f => f.Measured == 11 && f.Limit == 12);
        As(Young).Shift("a1", "2026-05-05T08:00", "2026-05-05T12:00").Shift("a1", "2026-05-06T00:00", "2026-05-06T04:00", "s2").Check()
            .Of("UNG-11-5").ShouldNotContain(f => f.Limit == 12);
    }

    [Fact]
    public void Ung_11_5_FortyEightHoursOffInSevenDays_WhereAnAdultNeedsThirtyFive()
    {
        // Monday to Friday 10-14 and Saturday 10-12: 36 h off from Saturday noon to Monday, enough for an adult, not for her.
        var result = As(Young).Daily("a1", "2026-05-04T10:00", "2026-05-04T14:00", 5).Shift("a1", "2026-05-09T10:00", "2026-05-09T12:00", "sat").Check();
        result.Of("AML-10-8-2").ShouldBeEmpty();
        result.Of("UNG-11-5").ShouldHaveSingleItem().Measured.ShouldBe(36);
        As(Young).Daily("a1", "2026-05-04T10:00", "2026-05-04T14:00", 5).Check().Of("UNG-11-5").ShouldBeEmpty();
    }

    [Fact]
    public void FromTheEighteenthBirthday_AndWithoutADateOfBirth_NoneApply()
    {
        // Born 5 May 2008: the night before the birthday is a breach, the night of it is not.
        var result = As("2008-05-05").Shift("a1", "2026-05-03T22:00", "2026-05-04T02:00").Shift("a1", "2026-05-05T22:00", "2026-05-06T02:00", "adult").Check();
        result.Of("UNG-11-3").ShouldHaveSingleItem().Shifts.ShouldBe(["s1"]);
        var unknown = Rota.Aml().Shift("a1", "2026-05-05T16:00", "2026-05-06T02:00").Check();
        unknown.Findings.ShouldNotContain(f => f.Rule.StartsWith("UNG-", StringComparison.Ordinal));
    }
}
