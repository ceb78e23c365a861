using System.Globalization;

namespace Selvstyrt.Rostering.Curtois;

/// <summary>A shift type of a Curtois instance: id, length in minutes, and the shift types that may not follow it the next day.</summary>
public sealed record CurtoisShift(string Id, int Minutes, IReadOnlyList<string> CannotFollow);

/// <summary>One employee's hard limits (the instance's SECTION_STAFF).</summary>
public sealed record CurtoisStaff(
    string Id, IReadOnlyDictionary<string, int> MaxShifts, int MaxTotalMinutes, int MinTotalMinutes,
    int MaxConsecutiveShifts, int MinConsecutiveShifts, int MinConsecutiveDaysOff, int MaxWeekends);

/// <summary>A wish for (on) or against (off) a shift on a day, with the weight paid when it is not honoured.</summary>
public sealed record CurtoisRequest(int Staff, int Day, int Shift, int Weight);

/// <summary>How many of a shift type a day needs, and the weights per missing and per extra employee.</summary>
public sealed record CurtoisCover(int Day, int Shift, int Requirement, int UnderWeight, int OverWeight);

/// <summary>
/// A staff-rostering instance in the format of T. Curtois's "Employee Shift Scheduling" benchmark
/// (schedulingbenchmarks.org; Curtois and Qu 2014): the public yardstick the roster generator is measured against.
/// Day 0 is a Monday and the horizon is whole weeks.
/// </summary>
public sealed record CurtoisInstance(
    int Days, IReadOnlyList<CurtoisShift> Shifts, IReadOnlyList<CurtoisStaff> Staff, IReadOnlyList<IReadOnlySet<int>> DaysOff,
    IReadOnlyList<CurtoisRequest> OnRequests, IReadOnlyList<CurtoisRequest> OffRequests, IReadOnlyList<CurtoisCover> Cover)
{
    public int Weeks => Days / 7;

    /// <summary>Reads an instance; a malformed line gives a <see cref="FormatException"/> naming the line and the field in Norwegian.</summary>
    public static CurtoisInstance Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sections = new Dictionary<string, List<(int Line, string Text)>>(StringComparer.Ordinal);
        List<(int, string)>? current = null;
        var number = 0;
        while (reader.ReadLine() is { } raw)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith("SECTION_", StringComparison.Ordinal))
            {
                current = [];
                sections[line] = current;
                continue;
            }
            if (current is null) throw Error(number, "Linjen står før den første seksjonen (SECTION_…).");
            current.Add((number, line));
        }

        var horizon = Section(sections, "SECTION_HORIZON");
        if (horizon.Count != 1) throw Error(horizon.FirstOrDefault().Line, "SECTION_HORIZON skal ha nøyaktig én linje med antall dager.");
        var days = Int(horizon[0], horizon[0].Text, "antall dager");
        if (days <= 0 || days % 7 != 0) throw Error(horizon[0].Line, "Antall dager må være et positivt antall hele uker.");

        var shifts = new List<CurtoisShift>();
        var shiftIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in Section(sections, "SECTION_SHIFTS"))
        {
            var f = Fields(row, 3, "vakttype");
            // A repeated id is named with its line (found by fuzzing: it used to escape as the dictionary's own exception).
            if (!shiftIndex.TryAdd(f[0], shifts.Count)) throw Error(row.Line, $"Vakttypen «{f[0]}» er oppgitt to ganger i SECTION_SHIFTS.");
            shifts.Add(new CurtoisShift(f[0], Int(row, f[1], "lengde i minutter"), f[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        }
        foreach (var s in shifts)
        {
            foreach (var next in s.CannotFollow)
            {
                if (!shiftIndex.ContainsKey(next)) throw Error(0, $"Vakttypen «{next}» som ikke kan følge «{s.Id}», finnes ikke.");
            }
        }

        var staff = new List<CurtoisStaff>();
        var staffIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in Section(sections, "SECTION_STAFF"))
        {
            var f = Fields(row, 8, "ansatt");
            if (!staffIndex.TryAdd(f[0], staff.Count)) throw Error(row.Line, $"Den ansatte «{f[0]}» er oppgitt to ganger i SECTION_STAFF.");
            var max = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var part in f[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var kv = part.Split('=');
                if (kv.Length != 2 || !shiftIndex.ContainsKey(kv[0])) throw Error(row.Line, $"MaxShifts «{part}» må ha formen VAKTTYPE=ANTALL med en kjent vakttype.");
                max[kv[0]] = Int(row, kv[1], "MaxShifts");
            }
            staff.Add(new CurtoisStaff(f[0], max, Int(row, f[2], "MaxTotalMinutes"), Int(row, f[3], "MinTotalMinutes"), Int(row, f[4], "MaxConsecutiveShifts"),
                Int(row, f[5], "MinConsecutiveShifts"), Int(row, f[6], "MinConsecutiveDaysOff"), Int(row, f[7], "MaxWeekends")));
        }

        var daysOff = staff.Select(_ => new HashSet<int>()).ToList();
        foreach (var row in Section(sections, "SECTION_DAYS_OFF", optional: true))
        {
            var f = row.Text.Split(',', StringSplitOptions.TrimEntries);
            var e = Staff(row, f[0]);
            foreach (var d in f.Skip(1).Where(x => x.Length > 0)) daysOff[e].Add(Day(row, d));
        }

        List<CurtoisRequest> Requests(string name)
        {
            var list = new List<CurtoisRequest>();
            foreach (var row in Section(sections, name, optional: true))
            {
                var f = Fields(row, 4, "ønske");
                list.Add(new CurtoisRequest(Staff(row, f[0]), Day(row, f[1]), Shift(row, f[2]), Int(row, f[3], "vekt")));
            }
            return list;
        }

        var cover = new List<CurtoisCover>();
        foreach (var row in Section(sections, "SECTION_COVER"))
        {
            var f = Fields(row, 5, "bemanningsbehov");
            cover.Add(new CurtoisCover(Day(row, f[0]), Shift(row, f[1]), Int(row, f[2], "behov"), Int(row, f[3], "vekt for underdekning"), Int(row, f[4], "vekt for overdekning")));
        }
        return new CurtoisInstance(days, shifts, staff, daysOff, Requests("SECTION_SHIFT_ON_REQUESTS"), Requests("SECTION_SHIFT_OFF_REQUESTS"), cover);

        int Staff((int Line, string Text) row, string id)
            => staffIndex.TryGetValue(id, out var i) ? i : throw Error(row.Line, $"Den ansatte «{id}» finnes ikke i SECTION_STAFF.");
        int Shift((int Line, string Text) row, string id)
            => shiftIndex.TryGetValue(id, out var i) ? i : throw Error(row.Line, $"Vakttypen «{id}» finnes ikke i SECTION_SHIFTS.");
        int Day((int Line, string Text) row, string text)
        {
            var d = Int(row, text, "dag");
            return d >= 0 && d < days ? d : throw Error(row.Line, $"Dag {d} er utenfor horisonten (0-{days - 1}).");
        }
    }

    /// <summary>Reads an instance from a file.</summary>
    public static CurtoisInstance Load(string path)
    {
        using var reader = File.OpenText(path);
        return Parse(reader);
    }

    private static List<(int Line, string Text)> Section(Dictionary<string, List<(int, string)>> sections, string name, bool optional = false)
        => sections.TryGetValue(name, out var rows) ? rows : optional ? [] : throw Error(0, $"Seksjonen {name} mangler.");

    private static string[] Fields((int Line, string Text) row, int count, string what)
    {
        var f = row.Text.Split(',', StringSplitOptions.TrimEntries);
        return f.Length == count ? f : throw Error(row.Line, $"En linje for {what} skal ha {count} felt adskilt med komma, men har {f.Length}.");
    }

    private static int Int((int Line, string Text) row, string text, string field)
        => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0
            ? v
            : throw Error(row.Line, $"Feltet «{field}» må være et heltall, men er «{text}».");

    private static FormatException Error(int line, string message) => new(line > 0 ? $"Linje {line}: {message}" : message);
}
