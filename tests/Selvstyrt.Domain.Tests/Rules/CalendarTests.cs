using NodaTime;
using Selvstyrt.Domain.Rules.Calendar;
using Shouldly;

namespace Selvstyrt.Domain.Tests.Rules;

/// <summary>HOL-1, HOL-2 and the AML-10-10-1 window.</summary>
public class CalendarTests
{
    [Theory]
    [InlineData(1900, 4, 15)]
    [InlineData(1961, 4, 2)]
    [InlineData(2008, 3, 23)]
    [InlineData(2011, 4, 24)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    public void Hol1_EasterSunday_MatchesGregorianComputus(int year, int month, int day)
        => NorwegianCalendar.EasterSunday(year).ShouldBe(new LocalDate(year, month, day));

    [Fact]
    public void Hol1_2025_MovableHolidaysAsInRulesMd()
    {
        var days = NorwegianCalendar.PublicHolidays(2025).Select(h => h.Date).ToList();
        days.ShouldContain(new LocalDate(2025, 5, 29)); // Ascension
        days.ShouldContain(new LocalDate(2025, 6, 8));  // Whit Sunday
        days.ShouldContain(new LocalDate(2025, 6, 9));  // Whit Monday
        days.ShouldContain(new LocalDate(2025, 4, 17)); // Maundy Thursday
        days.ShouldContain(new LocalDate(2025, 4, 18)); // Good Friday
        days.Count.ShouldBe(12);
    }

    [Fact]
    public void Hol1_17May2026OnSunday_IsHolidayAndSunday()
    {
        var kind = NorwegianCalendar.FlagsOf(new LocalDate(2026, 5, 17));
        kind.ShouldBe(DayKind.Sunday | DayKind.PublicHoliday | DayKind.NationalDay);
        NorwegianCalendar.PublicHolidays(2026).Select(h => h.Date).ShouldContain(new LocalDate(2026, 5, 14));
        NorwegianCalendar.PublicHolidays(2026).Select(h => h.Date).ShouldContain(new LocalDate(2026, 5, 25));
    }

    [Fact]
    public void Hol1_17May2027IsWhitMonday_CountedOnce()
    {
        var holidays = NorwegianCalendar.PublicHolidays(2027);
        holidays.Count(h => h.Date == new LocalDate(2027, 5, 17)).ShouldBe(1);
        holidays.Single(h => h.Date == new LocalDate(2027, 5, 17)).Name.ShouldContain("2. pinsedag");
        holidays.Count.ShouldBe(11);
    }

    [Theory]
    [InlineData("2025-03-01", 18 * 60, 1440)] // Saturday before an ordinary Sunday
    [InlineData("2025-03-02", 0, 22 * 60)]    // the Sunday, until 22:00 before Monday
    [InlineData("2025-03-03", 0, 0)]          // an ordinary Monday
    [InlineData("2025-12-24", 15 * 60, 1440)] // Christmas Eve from 15:00
    [InlineData("2025-12-25", 0, 1440)]       // Christmas Day, followed by another holiday
    [InlineData("2025-12-26", 0, 22 * 60)]    // Boxing Day, Saturday is a working day
    [InlineData("2025-12-31", 18 * 60, 1440)] // New Year's Eve is not a 15:00 eve
    [InlineData("2025-04-16", 18 * 60, 1440)] // Wednesday before Maundy Thursday
    [InlineData("2025-04-18", 0, 22 * 60)]    // Good Friday, Easter Saturday is a working day
    [InlineData("2025-04-19", 15 * 60, 1440)] // Easter Saturday from 15:00
    [InlineData("2025-04-30", 22 * 60, 1440)] // eve of 1 May: ordinary until 22:00
    [InlineData("2026-05-16", 18 * 60, 1440)] // 17 May 2026 is a Sunday: from 18:00
    [InlineData("2027-05-15", 15 * 60, 1440)] // Whitsun Eve 2027
    [InlineData("2027-05-17", 0, 22 * 60)]    // Whit Monday and 17 May at once
    public void Aml10101_SundayHolidayWindow_PerDay(string date, int from, int to)
    {
        var day = NorwegianCalendar.EpochDay(Rota.Date(date));
        NorwegianCalendar.SundayHolidayWindow(day).ShouldBe((from, to));
    }

    [Fact]
    public void Calendar_EveryYear1900To2200_HasElevenOrTwelveHolidaysAndEasterInMarchOrApril()
    {
        for (var year = NorwegianCalendar.FirstYear; year <= NorwegianCalendar.LastYear; year++)
        {
            var easter = NorwegianCalendar.EasterSunday(year);
            easter.DayOfWeek.ShouldBe(IsoDayOfWeek.Sunday);
            (easter >= new LocalDate(year, 3, 22) && easter <= new LocalDate(year, 4, 25)).ShouldBeTrue();
            NorwegianCalendar.PublicHolidays(year).Count.ShouldBeInRange(11, 12);
        }
    }

    [Fact]
    public void Calendar_IsoDayOfWeek_MatchesNodaTime()
    {
        for (var day = NorwegianCalendar.EpochDay(new LocalDate(2024, 12, 20)); day < NorwegianCalendar.EpochDay(new LocalDate(2025, 1, 20)); day++)
            NorwegianCalendar.IsoDayOfWeek(day).ShouldBe((int)NorwegianCalendar.Date(day).DayOfWeek);
    }
}
