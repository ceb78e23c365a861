using NodaTime;
using Selvstyrt.Domain.Plans;

namespace Selvstyrt.Rostering.Bpa;

/// <summary>
/// The three generated BPA instances the benchmark and the tests use (issue 7): 10 h a week with 3 assistants; 24/7
/// 1:1 with 8; 24/7 2:1 with 24 full- and part-time assistants over 12 weeks. They start on 4 January 2027, so the
/// 12-week rotations end with Easter and the spring DST night (28 March 2027) and wrap into week 1 again. Names are
/// invented; the generator is seeded, so every run sees the same instances.
/// </summary>
public static class BpaInstances
{
    public static readonly LocalDate Start = new(2027, 1, 4);

    private static readonly IsoDayOfWeek[] Week = [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];

    public static IReadOnlyList<(string Name, BpaProblem Problem)> All() =>
        [("bpa-10t-3", TenHours()), ("bpa-247-1til1-8", RoundTheClock(8, 1, 4)), ("bpa-247-2til1-24", RoundTheClock(24, 2, 12))];

    /// <summary>
    /// The 24/7 2:1 instance as a provider runs it: every assistant has a written Sunday agreement (AML § 10-8 (4), every
    /// other Sunday or public holiday on average, one off in any 4 weeks), so Easter's four red days in a row can be staffed.
    /// </summary>
    public static BpaProblem TwoToOneWithSundayAgreement()
    {
        var problem = RoundTheClock(24, 2, 12);
        return problem with { Assistants = [.. problem.Assistants.Select(a => a with { SundayAgreement = true })] };
    }

    /// <summary>10 hours a week (Tuesday evening and Saturday), 3 assistants, a 4-week rotation.</summary>
    public static BpaProblem TenHours()
    {
        BpaTemplate[] templates =
        [
            new("tir", "Tirsdag kveld", new LocalTime(16, 0), 300, 1, [IsoDayOfWeek.Tuesday]),
            new("lor", "Lørdag", new LocalTime(10, 0), 300, 1, [IsoDayOfWeek.Saturday]),
        ];
        BpaAssistant[] assistants =
        [
            new("a1", "Ida Berg", 12) { Preferred = true, Wishes = [new BpaWish("lor", [IsoDayOfWeek.Saturday], 2)] },
            new("a2", "Omar Haug", 10) { Unavailable = [new BpaUnavailable([IsoDayOfWeek.Tuesday], new LocalTime(15, 0), new LocalTime(22, 0))] },
            new("a3", "Siri Lunde", 8) { OtherEmployerHoursPerWeek = 20 },
        ];
        return new BpaProblem("bpa-10t", "demo", Start, 4, templates, assistants);
    }

    /// <summary>24/7 with day, evening and awake night shifts, 1:1 or 2:1.</summary>
    public static BpaProblem RoundTheClock(int count, int staffing, int weeks)
    {
        BpaTemplate[] templates =
        [
            new("dag", "Dag", new LocalTime(7, 0), 480, staffing, Week) { PaidPauseMinutes = 30 },
            new("kveld", "Kveld", new LocalTime(15, 0), 420, staffing, Week) { PaidPauseMinutes = 30 },
            new("natt", "Våken natt", new LocalTime(22, 0), 540, staffing, Week)
            {
                PaidPauseMinutes = 30, Competences = staffing == 2 ? ["nattopplæring"] : [],
            },
        ];
        var random = new Random(7 + count);
        var weeklyHours = templates.Sum(t => t.Minutes * staffing * 7) / 60.0;
        // Full and part time: a few large positions, the rest part time, in all about the hours needed.
        var large = Math.Max(1, count / 6);
        var largePercent = 80.0;
        var rest = ((weeklyHours / 35.5 * 100) - (large * largePercent)) / (count - large);
        var names = Names(count, random);
        var assistants = new List<BpaAssistant>();
        for (var i = 0; i < count; i++)
        {
            var position = i < large ? largePercent : Math.Round(rest + (i % 3 == 0 ? 5 : i % 3 == 1 ? -5 : 0));
            var a = new BpaAssistant($"a{i + 1}", names[i], position)
            {
                Competences = staffing == 2 && i % 4 == 3 ? [] : ["nattopplæring"],
                Preferred = i % 3 != 2,
                Wishes = i % 5 == 0 ? [new BpaWish("natt", [IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday], -2)] : i % 5 == 1 ? [new BpaWish("dag", [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday], 1)] : [],
                Unavailable = i % 7 == 4 ? [new BpaUnavailable([IsoDayOfWeek.Wednesday], new LocalTime(8, 0), new LocalTime(16, 0))] : [],
                UnavailableDates = i % 11 == 5 ? [Start.PlusDays(16), Start.PlusDays(17)] : [],
                OtherEmployerHoursPerWeek = i % 9 == 6 ? 8 : 0,
            };
            if (staffing == 2 && i % 8 == 1)
            {
                // Works a fixed Thursday day shift in another arrangement of the same employer in week 2.
                var date = Start.PlusDays(10);
                var zone = DateTimeZoneProviders.Tzdb["Europe/Oslo"];
                a = a with { FixedShifts = [new BpaFixedShift(date.At(new LocalTime(8, 0)).InZoneLeniently(zone).ToInstant(), date.At(new LocalTime(14, 0)).InZoneLeniently(zone).ToInstant(), "annen-ordning")] };
            }
            assistants.Add(a);
        }
        return new BpaProblem(staffing == 2 ? "bpa-247-2til1" : "bpa-247-1til1", "demo", Start, weeks, templates, assistants);
    }

    private static string[] Names(int count, Random random)
    {
        string[] first = ["Ida", "Omar", "Siri", "Jonas", "Nora", "Ali", "Emma", "Lars", "Sara", "Henrik", "Maja", "Amir", "Ingrid", "Even", "Leah", "Tobias", "Hanna", "Yusuf", "Thea", "Magnus", "Aisha", "Oskar", "Vilde", "Ravi"];
        string[] last = ["Berg", "Haug", "Lunde", "Dahl", "Moe", "Strand", "Lie", "Bakke", "Nilsen", "Aas"];
        return Enumerable.Range(0, count).Select(i => $"{first[i % first.Length]} {last[random.Next(last.Length)]}").ToArray();
    }
}
