using NodaTime;
using Selvstyrt.Domain.Rules.Engine;

namespace Selvstyrt.Bench;

/// <summary>
/// A generated provider the size of the largest Norwegian BPA providers: 3,300 assistants, 1,100 arrangements, about
/// 1.2 million shifts in a year. Rotas are realistic: day, evening and awake or passive night shifts, split shifts,
/// some 24-hour shifts under a tariff deviation, and assistants who work in two arrangements. Deterministic.
/// </summary>
internal static class ProviderGenerator
{
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    public static CheckInput Year(int assistants = 3300, int arrangements = 1100, int year = 2025)
    {
        var random = new Random(2025);
        var employer = new EmployerProfile("prima", Regime.Aml, "virke-bpa", WeekAnchor.Monday, null,
            [new LegalBasis(LegalBasisKind.TariffDeviation, "fagforbundet-bpa", null, null, null)], new EmployerSettings { PassiveFactor = 0.5m });
        var people = new List<AssistantProfile>(assistants);
        var shifts = new List<ShiftInput>(1_250_000);
        var first = new LocalDate(year, 1, 1);
        var days = new LocalDate(year, 12, 31).DayOfYear;
        for (var a = 0; a < assistants; a++)
        {
            var id = $"a{a}";
            people.Add(new AssistantProfile(id, "prima", null, null, random.Next(0, 12), 215m + random.Next(0, 30), 35.5m, []));
            var home = $"o{a % arrangements}";
            var second = $"o{(a * 7 + 3) % arrangements}";
            var pattern = a % 5; // 0-1 rota day/evening/night, 2 day worker with extra evenings, 3 split shifts, 4 long shifts
            var offset = random.Next(0, 7);
            for (var d = 0; d < days; d++)
            {
                var date = first.PlusDays(d);
                var cycle = (d + offset) % 7;
                // Every pattern is about a 35.5-hour rota week, lawful as planned; the few findings come from holidays
                // (Sunday rotation), DST nights and weeks where the extra shift in the second arrangement adds up.
                var week = (d + offset) / 7;
                switch (pattern)
                {
                    case 0 or 1:
                        // Day, evening and passive-night weeks in turn; two days off a week, rotating.
                        if (cycle >= 5) break;
                        var kind = (week + pattern) % 3;
                        if (kind == 0) Add(shifts, id, home, date, 8, 0, 7, 0);
                        else if (kind == 1) Add(shifts, id, home, date, 15, 0, 7, 0);
                        else Add(shifts, id, home, date, 22, 0, 8, 0, passiveFrom: 1, passiveHours: 6);
                        break;
                    case 2:
                        // Day worker with one afternoon in a second arrangement.
                        if (cycle >= 5) break;
                        Add(shifts, id, home, date, 8, 0, cycle == 1 ? 4 : 7, 0);
                        if (cycle == 1) Add(shifts, id, second, date, 14, 0, 3, 0);
                        break;
                    case 3:
                        // Split shifts: morning and evening help, six days, every other Sunday off.
                        if (cycle == 6 && week % 2 == 0) break;
                        if (cycle == 5) break;
                        Add(shifts, id, home, date, 7, 0, 3, 0);
                        Add(shifts, id, home, date, 16, 0, 3, 0);
                        break;
                    default:
                        // A 24-hour shift (passive night) once a week under the tariff deviation, plus a short shift.
                        if (cycle == 0) Add(shifts, id, home, date, 9, 0, 24, 0, passiveFrom: 14, passiveHours: 8);
                        else if (cycle == 3) Add(shifts, id, second, date, 12, 0, 8, 0);
                        break;
                }
            }
        }
        return new CheckInput(Oslo, [employer], people, shifts)
        {
            Arrangements = [.. Enumerable.Range(0, arrangements).Select(i => new ArrangementInfo($"o{i}", i % 10 == 0))],
            Period = new DateInterval(first, new LocalDate(year, 12, 31)),
        };
    }

    private static void Add(List<ShiftInput> shifts, string assistant, string arrangement, LocalDate date, int hour, int minute, int hours, int minutes, int passiveFrom = -1, int passiveHours = 0)
    {
        var start = Oslo.AtLeniently(date.At(new LocalTime(hour, minute))).ToInstant();
        var end = start + Duration.FromMinutes(hours * 60 + minutes);
        var shift = new ShiftInput($"s{shifts.Count}", assistant, "prima", arrangement, start, end, ShiftKind.Planned);
        if (passiveFrom >= 0)
        {
            var from = start + Duration.FromHours(passiveFrom);
            shift = shift with { Passive = [new Interval(from, from + Duration.FromHours(passiveHours))] };
        }
        if (hours >= 6) shift = shift with { Pauses = [new Pause(start + Duration.FromHours(3), start + Duration.FromHours(3) + Duration.FromMinutes(30), false)] };
        shifts.Add(shift);
    }

    /// <summary>
    /// A 12-week plan of a 24/7 arrangement with 2:1 staffing: two assistants around the clock in three shifts a day,
    /// 24 assistants in rotation, each also with a weekly shift in another arrangement.
    /// </summary>
    public static CheckInput TwelveWeeks247TwoToOne()
    {
        var employer = new EmployerProfile("e1", Regime.Aml, "virke-bpa", WeekAnchor.Monday, null, [], new EmployerSettings { PassiveFactor = 0.5m });
        var assistants = Enumerable.Range(0, 24).Select(i => new AssistantProfile($"a{i}", "e1", null, null, 3, 220m, 35.5m, [])).ToList();
        var shifts = new List<ShiftInput>();
        var monday = new LocalDate(2026, 1, 5);
        for (var d = 0; d < 84; d++)
        {
            var date = monday.PlusDays(d);
            int[] starts = [7, 15, 23];
            int[] lengths = [8, 8, 8];
            for (var s = 0; s < 3; s++)
            {
                for (var k = 0; k < 2; k++)
                {
                    var who = ((d * 6) + (s * 2) + k + (d / 7)) % 24;
                    var start = Oslo.AtLeniently(date.At(new LocalTime(starts[s], 0))).ToInstant();
                    shifts.Add(new ShiftInput($"s{shifts.Count}", $"a{who}", "e1", "o1", start, start + Duration.FromHours(lengths[s]), ShiftKind.Planned)
                    {
                        Pauses = [new Pause(start + Duration.FromHours(4), start + Duration.FromHours(4) + Duration.FromMinutes(30), false)],
                    });
                }
            }
            if (d % 7 == 2)
            {
                for (var a = 0; a < 24; a += 3)
                {
                    var start = Oslo.AtLeniently(date.At(new LocalTime(10, 0))).ToInstant();
                    shifts.Add(new ShiftInput($"x{shifts.Count}", $"a{a}", "e1", $"o{2 + a}", start, start + Duration.FromHours(4), ShiftKind.Planned));
                }
            }
        }
        return new CheckInput(Oslo, [employer], assistants, shifts) { Period = new DateInterval(monday, monday.PlusDays(83)) };
    }
}
