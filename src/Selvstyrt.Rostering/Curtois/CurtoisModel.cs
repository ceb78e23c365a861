using Google.OrTools.Sat;

namespace Selvstyrt.Rostering.Curtois;

/// <summary>A roster for a Curtois instance: per employee and day the shift type's index, or -1 for a day off.</summary>
public sealed record CurtoisRoster(int[][] Assignments);

/// <summary>A solved Curtois instance: the summary and the roster (null without a solution).</summary>
public sealed record CurtoisResult(SolveSummary Summary, CurtoisRoster? Roster);

/// <summary>
/// The CP-SAT model of a Curtois instance, as the published results define the problem (the benchmark's README):
/// one Boolean per employee, day and shift type; the hard rules as clauses and sums; the requests and cover as the
/// weighted objective. Minimum stretches (of work and of days off) are forbidden patterns inside the horizon.
/// </summary>
public static class CurtoisModel
{
    public static CurtoisResult Solve(CurtoisInstance instance, SolveOptions options)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(options);
        var model = new CpModel();
        int staffCount = instance.Staff.Count, days = instance.Days, types = instance.Shifts.Count;
        var x = new BoolVar[staffCount, days, types];
        var work = new BoolVar[staffCount, days];
        for (var e = 0; e < staffCount; e++)
        {
            for (var d = 0; d < days; d++)
            {
                for (var t = 0; t < types; t++) x[e, d, t] = model.NewBoolVar($"x{e}_{d}_{t}");
                work[e, d] = model.NewBoolVar($"w{e}_{d}");
                // At most one shift a day; work is the sum.
                model.Add(LinearExpr.Sum(Enumerable.Range(0, types).Select(t => x[e, d, t])) == work[e, d]);
            }
        }

        var successors = instance.Shifts.Select(s => s.CannotFollow.Select(id => instance.Shifts.ToList().FindIndex(o => o.Id == id)).ToArray()).ToArray();
        for (var e = 0; e < staffCount; e++)
        {
            var staff = instance.Staff[e];
            foreach (var d in instance.DaysOff[e]) model.Add(work[e, d] == 0);
            for (var t = 0; t < types; t++)
            {
                var max = staff.MaxShifts.GetValueOrDefault(instance.Shifts[t].Id, days);
                if (max < days) model.Add(LinearExpr.Sum(Enumerable.Range(0, days).Select(d => x[e, d, t])) <= max);
                if (successors[t].Length == 0) continue;
                // One shift a day makes the aggregated form valid, and it is tighter in the LP than pairwise clauses.
                for (var d = 0; d + 1 < days; d++) model.Add(x[e, d, t] + LinearExpr.Sum(successors[t].Select(next => x[e, d + 1, next])) <= 1);
            }
            var minutes = LinearExpr.NewBuilder();
            for (var d = 0; d < days; d++)
            {
                for (var t = 0; t < types; t++) minutes.AddTerm(x[e, d, t], instance.Shifts[t].Minutes);
            }
            model.AddLinearConstraint(minutes, staff.MinTotalMinutes, staff.MaxTotalMinutes);

            // At most MaxConsecutiveShifts working days in any window of one more day.
            var maxRun = staff.MaxConsecutiveShifts;
            for (var s = 0; s + maxRun < days; s++) model.Add(LinearExpr.Sum(Enumerable.Range(s, maxRun + 1).Select(d => work[e, d])) <= maxRun);

            // No stretch shorter than the minimum flanked by the other state inside the horizon.
            ForbidShortStretches(model, e, days, staff.MinConsecutiveShifts, work, worked: true);
            ForbidShortStretches(model, e, days, staff.MinConsecutiveDaysOff, work, worked: false);

            // A weekend is worked if Saturday or Sunday is (linear both ways, so that the LP sees it).
            var weekends = new List<BoolVar>();
            for (var w = 0; w < instance.Weeks; w++)
            {
                var weekend = model.NewBoolVar($"we{e}_{w}");
                BoolVar saturday = work[e, (7 * w) + 5], sunday = work[e, (7 * w) + 6];
                model.Add(weekend >= saturday);
                model.Add(weekend >= sunday);
                model.Add(weekend <= saturday + sunday);
                weekends.Add(weekend);
            }
            model.Add(LinearExpr.Sum(weekends) <= staff.MaxWeekends);
        }

        var objective = LinearExpr.NewBuilder();
        long constant = 0;
        foreach (var r in instance.OnRequests)
        {
            constant += r.Weight;
            objective.AddTerm(x[r.Staff, r.Day, r.Shift], -r.Weight);
        }
        foreach (var r in instance.OffRequests) objective.AddTerm(x[r.Staff, r.Day, r.Shift], r.Weight);
        foreach (var c in instance.Cover)
        {
            var count = LinearExpr.Sum(Enumerable.Range(0, staffCount).Select(e => x[e, c.Day, c.Shift]));
            var under = model.NewIntVar(0, c.Requirement, $"u{c.Day}_{c.Shift}");
            var over = model.NewIntVar(0, staffCount, $"o{c.Day}_{c.Shift}");
            model.Add(count + under - over == c.Requirement);
            objective.AddTerm(under, c.UnderWeight);
            objective.AddTerm(over, c.OverWeight);
        }
        objective.Add(constant);
        model.Minimize(objective);

        CurtoisRoster? roster = null;
        var summary = CpSat.Solve(model, options, read: solver =>
        {
            var rows = new int[staffCount][];
            for (var e = 0; e < staffCount; e++)
            {
                rows[e] = new int[days];
                for (var d = 0; d < days; d++)
                {
                    rows[e][d] = -1;
                    for (var t = 0; t < types; t++)
                    {
                        if (solver.BooleanValue(x[e, d, t])) rows[e][d] = t;
                    }
                }
            }
            roster = new CurtoisRoster(rows);
        }, extraParameters: DefaultParameters);
        return new CurtoisResult(summary, roster);
    }

    /// <summary>
    /// The full-problem workers: the LP-heavy search proves bounds (Instances 1-3 optimal in seconds, where the default
    /// LP stalls at a quarter of the optimum) and the core-based one raises the bound from the other side; the large
    /// neighbourhood searches run interleaved beside them.
    /// </summary>
    internal const string DefaultParameters = "subsolvers:\"max_lp\" subsolvers:\"core\"";

    /// <summary>
    /// Forbids a stretch of fewer than <paramref name="minimum"/> days in one state (worked, or off) that has the other
    /// state on both sides inside the horizon. Written as "a stretch that starts on day d (d ≥ 1) goes on through
    /// d + k for every k below the minimum that is still inside the horizon": exact (a stretch touching the last day
    /// is exempt because nothing past it is required) and, as linear rows, tight in the LP relaxation.
    /// </summary>
    private static void ForbidShortStretches(CpModel model, int e, int days, int minimum, BoolVar[,] work, bool worked)
    {
        for (var d = 1; d < days - 1; d++)
        {
            for (var k = 1; k < minimum && d + k <= days - 1; k++)
            {
                // worked: w[d-1] = 0 and w[d] = 1 ⇒ w[d+k] = 1.  off: w[d-1] = 1 and w[d] = 0 ⇒ w[d+k] = 0.
                if (worked) model.Add(work[e, d - 1] - work[e, d] + work[e, d + k] >= 0);
                else model.Add(work[e, d - 1] - work[e, d] + work[e, d + k] <= 1);
            }
        }
    }
}
