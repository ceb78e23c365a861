namespace Selvstyrt.Rostering.Curtois;

/// <summary>
/// Judges a roster against an instance without the solver: which hard rules it breaks and what its objective is.
/// Tests and the benchmark use it so that a reported objective never rests on the model alone.
/// </summary>
public static class CurtoisEvaluator
{
    public static IReadOnlyList<string> Violations(CurtoisInstance instance, CurtoisRoster roster)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(roster);
        var found = new List<string>();
        int days = instance.Days;
        for (var e = 0; e < instance.Staff.Count; e++)
        {
            var staff = instance.Staff[e];
            var row = roster.Assignments[e];
            bool Works(int d) => d >= 0 && d < days && row[d] >= 0;
            foreach (var d in instance.DaysOff[e].Where(Works)) found.Add($"{staff.Id}: works on day off {d}");
            for (var d = 0; d + 1 < days; d++)
            {
                if (row[d] >= 0 && row[d + 1] >= 0 && instance.Shifts[row[d]].CannotFollow.Contains(instance.Shifts[row[d + 1]].Id))
                    found.Add($"{staff.Id}: {instance.Shifts[row[d + 1]].Id} after {instance.Shifts[row[d]].Id} on day {d + 1}");
            }
            for (var t = 0; t < instance.Shifts.Count; t++)
            {
                var count = row.Count(s => s == t);
                if (count > staff.MaxShifts.GetValueOrDefault(instance.Shifts[t].Id, days)) found.Add($"{staff.Id}: {count} shifts of {instance.Shifts[t].Id}");
            }
            var minutes = row.Where(s => s >= 0).Sum(s => instance.Shifts[s].Minutes);
            if (minutes < staff.MinTotalMinutes || minutes > staff.MaxTotalMinutes) found.Add($"{staff.Id}: {minutes} minutes");
            var weekends = Enumerable.Range(0, instance.Weeks).Count(w => Works((7 * w) + 5) || Works((7 * w) + 6));
            if (weekends > staff.MaxWeekends) found.Add($"{staff.Id}: {weekends} weekends");

            // Stretches of equal state: [start, end).
            var s0 = 0;
            for (var d = 1; d <= days; d++)
            {
                if (d < days && Works(d) == Works(s0)) continue;
                var length = d - s0;
                var inside = s0 > 0 && d < days;
                if (Works(s0))
                {
                    if (length > staff.MaxConsecutiveShifts) found.Add($"{staff.Id}: {length} days in a row from day {s0}");
                    if (inside && length < staff.MinConsecutiveShifts) found.Add($"{staff.Id}: only {length} days in a row from day {s0}");
                }
                else if (inside && length < staff.MinConsecutiveDaysOff)
                {
                    found.Add($"{staff.Id}: only {length} days off from day {s0}");
                }
                s0 = d;
            }
        }
        return found;
    }

    public static long Objective(CurtoisInstance instance, CurtoisRoster roster) => CostPerDay(instance, roster).Sum();

    /// <summary>What the roster pays on each day: cover short or over, and requests not honoured.</summary>
    public static long[] CostPerDay(CurtoisInstance instance, CurtoisRoster roster)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(roster);
        var cost = new long[instance.Days];
        foreach (var r in instance.OnRequests) if (roster.Assignments[r.Staff][r.Day] != r.Shift) cost[r.Day] += r.Weight;
        foreach (var r in instance.OffRequests) if (roster.Assignments[r.Staff][r.Day] == r.Shift) cost[r.Day] += r.Weight;
        foreach (var c in instance.Cover)
        {
            var count = Covered(roster, c);
            cost[c.Day] += count < c.Requirement ? (long)(c.Requirement - count) * c.UnderWeight : (long)(count - c.Requirement) * c.OverWeight;
        }
        return cost;
    }

    /// <summary>How many employees the roster puts on the cover row's shift that day.</summary>
    internal static int Covered(CurtoisRoster roster, CurtoisCover cover)
    {
        var count = 0;
        foreach (var row in roster.Assignments) count += row[cover.Day] == cover.Shift ? 1 : 0;
        return count;
    }
}
