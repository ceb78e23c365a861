using NodaTime;

namespace Selvstyrt.Domain.Rules.Calendar;

/// <summary>What kind of day a local date is in Norway (HOL-1, HOL-2).</summary>
[Flags]
public enum DayKind : ushort
{
    None = 0,
    /// <summary>An ordinary Sunday.</summary>
    Sunday = 1,
    /// <summary>A public holiday (helligdag or høytidsdag) other than an ordinary Sunday; 1 and 17 May included.</summary>
    PublicHoliday = 2,
    /// <summary>1 or 17 May: høytidsdager that count as Sundays for working time and pay (HOL-1, HOL-3).</summary>
    NationalDay = 4,
    /// <summary>Christmas Eve, Easter Saturday or Whitsun Eve: the Sunday window starts at 15:00 (AML § 10-10 (1)).</summary>
    HighEve = 8,
    /// <summary>Easter Saturday (påskeaften).</summary>
    EasterSaturday = 16,
    /// <summary>Wednesday before Maundy Thursday (onsdag før skjærtorsdag).</summary>
    WednesdayBeforeEaster = 32,
    /// <summary>New Year's Eve (nyttårsaften): not a 15:00 eve in the act, but a half-holiday in some agreements.</summary>
    NewYearsEve = 64,
    /// <summary>Saturday.</summary>
    Saturday = 128,
    /// <summary>A holiday other than 1 and 17 May (New Year, Easter, Ascension, Whitsun, Christmas).</summary>
    ChurchHoliday = 256,
}

/// <summary>
/// The Norwegian calendar the rules need: public holidays computed from Easter (HOL-1, 1900-2200), eves (HOL-2),
/// the Sunday and holiday window of arbeidsmiljøloven § 10-10 (1), and day numbers. Days are numbered as days
/// since 1970-01-01 ("epoch days") so that the engine can index tables instead of building dates.
/// </summary>
public static class NorwegianCalendar
{
    /// <summary>First year with a table entry.</summary>
    public const int FirstYear = 1900;

    /// <summary>Last year with a table entry.</summary>
    public const int LastYear = 2200;

    private static readonly int FirstDay = EpochDay(new LocalDate(FirstYear, 1, 1));
    private static readonly int LastDay = EpochDay(new LocalDate(LastYear, 12, 31));
    private static readonly DayKind[] Flags = BuildFlags();
    private static readonly (short From, short To)[] SundayWindow = BuildSundayWindow();

    /// <summary>Easter Sunday by the Gregorian computus (the anonymous algorithm of Meeus/Jones/Butcher).</summary>
    public static LocalDate EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }

    /// <summary>The public holidays of a year other than ordinary Sundays (HOL-1), each once, in date order.</summary>
    public static IReadOnlyList<(LocalDate Date, string Name)> PublicHolidays(int year)
        // 17 May can coincide with Ascension or Whit Monday (2027): one day, named by both.
        => RawHolidays(year).GroupBy(d => d.Date).Select(g => (g.Key, string.Join(" og ", g.Select(x => x.Name)))).OrderBy(d => d.Key).ToList();

    private static List<(LocalDate Date, string Name)> RawHolidays(int year)
    {
        var easter = EasterSunday(year);
        return new List<(LocalDate, string)>
        {
            (new LocalDate(year, 1, 1), "1. nyttårsdag"),
            (easter.PlusDays(-3), "Skjærtorsdag"),
            (easter.PlusDays(-2), "Langfredag"),
            (easter, "1. påskedag"),
            (easter.PlusDays(1), "2. påskedag"),
            (new LocalDate(year, 5, 1), "Offentlig høytidsdag (1. mai)"),
            (new LocalDate(year, 5, 17), "Grunnlovsdag (17. mai)"),
            (easter.PlusDays(39), "Kristi himmelfartsdag"),
            (easter.PlusDays(49), "1. pinsedag"),
            (easter.PlusDays(50), "2. pinsedag"),
            (new LocalDate(year, 12, 25), "1. juledag"),
            (new LocalDate(year, 12, 26), "2. juledag"),
        };
    }

    /// <summary>Days since 1970-01-01.</summary>
    public static int EpochDay(LocalDate date) => date.ToDateOnly().DayNumber - UnixEpochDayNumber;

    /// <summary>The date of an epoch day.</summary>
    public static LocalDate Date(int epochDay) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(epochDay + UnixEpochDayNumber));

    private const int UnixEpochDayNumber = 719162;

    /// <summary>ISO day of week, Monday = 1 ... Sunday = 7, of an epoch day (1970-01-01 was a Thursday).</summary>
    public static int IsoDayOfWeek(int epochDay) => (int)(((epochDay + 3) % 7 + 7) % 7) + 1;

    /// <summary>Whether the calendar has a table entry for this day.</summary>
    public static bool Covers(int epochDay) => epochDay >= FirstDay && epochDay <= LastDay;

    /// <summary>The kind of day.</summary>
    public static DayKind FlagsOf(int epochDay) => Covers(epochDay) ? Flags[epochDay - FirstDay] : throw OutOfRange(epochDay);

    /// <summary>The kind of day.</summary>
    public static DayKind FlagsOf(LocalDate date) => FlagsOf(EpochDay(date));

    /// <summary>A Sunday or a public holiday ("rød dag").</summary>
    public static bool IsRedDay(int epochDay) => (FlagsOf(epochDay) & (DayKind.Sunday | DayKind.PublicHoliday)) != 0;

    /// <summary>
    /// The part of a day, in minutes after local midnight, that lies in the Sunday and holiday window of
    /// arbeidsmiljøloven § 10-10 (1): from 18:00 the day before a Sunday or holiday (15:00 on Christmas, Easter and
    /// Whitsun eves; 22:00 on the eves of 1 and 17 May) until 22:00 on the day before the next working day.
    /// (0, 0) when the day has none. A day has at most one such part.
    /// </summary>
    public static (int From, int To) SundayHolidayWindow(int epochDay)
    {
        if (!Covers(epochDay)) throw OutOfRange(epochDay);
        var w = SundayWindow[epochDay - FirstDay];
        return (w.From, w.To);
    }

    private static ArgumentOutOfRangeException OutOfRange(int epochDay)
        => new(nameof(epochDay), $"Kalenderen dekker årene {FirstYear}-{LastYear}; {Date(epochDay)} er utenfor.");

    private static DayKind[] BuildFlags()
    {
        var flags = new DayKind[LastDay - FirstDay + 1];
        for (var day = FirstDay; day <= LastDay; day++)
        {
            var dow = IsoDayOfWeek(day);
            if (dow == 7) flags[day - FirstDay] |= DayKind.Sunday;
            if (dow == 6) flags[day - FirstDay] |= DayKind.Saturday;
        }
        for (var year = FirstYear; year <= LastYear; year++)
        {
            foreach (var (date, _) in RawHolidays(year))
            {
                var national = date.Month == 5 && date.Day is 1 or 17;
                flags[EpochDay(date) - FirstDay] |= national ? DayKind.PublicHoliday : DayKind.PublicHoliday | DayKind.ChurchHoliday;
            }
            flags[EpochDay(new LocalDate(year, 5, 1)) - FirstDay] |= DayKind.NationalDay;
            flags[EpochDay(new LocalDate(year, 5, 17)) - FirstDay] |= DayKind.NationalDay;
            var easter = EasterSunday(year);
            flags[EpochDay(new LocalDate(year, 12, 24)) - FirstDay] |= DayKind.HighEve;
            flags[EpochDay(easter.PlusDays(-1)) - FirstDay] |= DayKind.HighEve | DayKind.EasterSaturday;
            flags[EpochDay(easter.PlusDays(48)) - FirstDay] |= DayKind.HighEve;
            flags[EpochDay(easter.PlusDays(-4)) - FirstDay] |= DayKind.WednesdayBeforeEaster;
            flags[EpochDay(new LocalDate(year, 12, 31)) - FirstDay] |= DayKind.NewYearsEve;
        }
        return flags;
    }

    private static (short, short)[] BuildSundayWindow()
    {
        const DayKind red = DayKind.Sunday | DayKind.PublicHoliday;
        var windows = new (short, short)[Flags.Length];
        for (var i = 0; i < Flags.Length; i++)
        {
            var today = Flags[i];
            // Past the table's end we assume an ordinary working day; 2200-12-31 is a Wednesday.
            var tomorrow = i + 1 < Flags.Length ? Flags[i + 1] : DayKind.None;
            if ((today & red) != 0)
            {
                windows[i] = (0, (short)((tomorrow & red) != 0 ? 1440 : 22 * 60));
            }
            else if ((tomorrow & red) != 0)
            {
                short from = 18 * 60;
                if ((today & DayKind.HighEve) != 0) from = 15 * 60;
                // The eve of 1 or 17 May on a weekday that is nothing else: ordinary work until 22:00.
                else if ((tomorrow & DayKind.NationalDay) != 0 && (tomorrow & (DayKind.Sunday | DayKind.ChurchHoliday)) == 0) from = 22 * 60;
                windows[i] = (from, 1440);
            }
        }
        return windows;
    }
}
