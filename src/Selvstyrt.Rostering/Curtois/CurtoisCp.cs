using Google.OrTools.Sat;

namespace Selvstyrt.Rostering.Curtois;

/// <summary>
/// The CP-SAT model of one Curtois instance, built once, with handles on its variables: one Boolean per employee, day
/// and shift type (<see cref="X"/>), the day's work, the weekend's work, and each cover row's shortfall and surplus.
/// The handles let a search read a roster back, hint a whole solution, and fix any part of it for a neighbourhood.
/// </summary>
internal sealed class CurtoisCp
{
    private CurtoisCp(CurtoisInstance instance, CurtoisRoster? rest, CpModel model, BoolVar[,,] x, BoolVar[,] work, BoolVar[,] weekends, IntVar[] under, IntVar[] over)
    {
        Instance = instance;
        Rest = rest;
        Model = model;
        X = x;
        Work = work;
        Weekends = weekends;
        Under = under;
        Over = over;
    }

    public CurtoisInstance Instance { get; }

    /// <summary>For a model of some employees only: the roster whose lines the other employees keep.</summary>
    private CurtoisRoster? Rest { get; }

    public CpModel Model { get; }

    /// <summary>x[e, d, t]: employee e works shift type t on day d.</summary>
    public BoolVar[,,] X { get; }

    private BoolVar[,] Work { get; }

    private BoolVar[,] Weekends { get; }

    private IntVar[] Under { get; }

    private IntVar[] Over { get; }

    /// <summary>Whether employee e has variables in this model (a model of some employees leaves the others out).</summary>
    public bool Has(int e) => Rest is null || X[e, 0, 0] is not null;

    /// <summary>
    /// Builds the model of the whole instance, or, given <paramref name="employees"/> and <paramref name="rest"/>, of
    /// those employees only: the others keep their lines in <paramref name="rest"/>, which enter the cover rows and the
    /// objective as constants, so the objective is still the whole roster's. A neighbourhood of a few employees then
    /// costs the solver a few employees' rows, not the instance's.
    /// </summary>
    public static CurtoisCp Build(CurtoisInstance instance, IReadOnlyCollection<int>? employees = null, CurtoisRoster? rest = null)
    {
        if ((employees is null) != (rest is null)) throw new ArgumentException("A model of some employees needs the roster of the rest.", nameof(rest));
        var model = new CpModel();
        int staffCount = instance.Staff.Count, days = instance.Days, types = instance.Shifts.Count;
        var x = new BoolVar[staffCount, days, types];
        var work = new BoolVar[staffCount, days];
        var inside = new bool[staffCount];
        foreach (var e in employees ?? Enumerable.Range(0, staffCount)) inside[e] = true;
        var members = Enumerable.Range(0, staffCount).Where(e => inside[e]).ToArray();
        foreach (var e in members)
        {
            for (var d = 0; d < days; d++)
            {
                for (var t = 0; t < types; t++) x[e, d, t] = model.NewBoolVar($"x{e}_{d}_{t}");
                work[e, d] = model.NewBoolVar($"w{e}_{d}");
                // At most one shift a day; work is the sum.
                model.Add(LinearExpr.Sum(Enumerable.Range(0, types).Select(t => x[e, d, t])) == work[e, d]);
            }
        }

        var shiftIndex = instance.Shifts.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var successors = instance.Shifts.Select(s => s.CannotFollow.Select(id => shiftIndex[id]).ToArray()).ToArray();
        var weekends = new BoolVar[staffCount, instance.Weeks];
        foreach (var e in members)
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
            for (var w = 0; w < instance.Weeks; w++)
            {
                var weekend = model.NewBoolVar($"we{e}_{w}");
                BoolVar saturday = work[e, (7 * w) + 5], sunday = work[e, (7 * w) + 6];
                model.Add(weekend >= saturday);
                model.Add(weekend >= sunday);
                model.Add(weekend <= saturday + sunday);
                weekends[e, w] = weekend;
            }
            model.Add(LinearExpr.Sum(Enumerable.Range(0, instance.Weeks).Select(w => weekends[e, w])) <= staff.MaxWeekends);
        }

        var objective = LinearExpr.NewBuilder();
        long constant = 0;
        foreach (var r in instance.OnRequests)
        {
            constant += r.Weight;
            if (inside[r.Staff]) objective.AddTerm(x[r.Staff, r.Day, r.Shift], -r.Weight);
            else if (rest!.Assignments[r.Staff][r.Day] == r.Shift) constant -= r.Weight;
        }
        foreach (var r in instance.OffRequests)
        {
            if (inside[r.Staff]) objective.AddTerm(x[r.Staff, r.Day, r.Shift], r.Weight);
            else if (rest!.Assignments[r.Staff][r.Day] == r.Shift) constant += r.Weight;
        }
        var under = new IntVar[instance.Cover.Count];
        var over = new IntVar[instance.Cover.Count];
        for (var i = 0; i < instance.Cover.Count; i++)
        {
            var c = instance.Cover[i];
            var count = LinearExpr.Sum(members.Select(e => x[e, c.Day, c.Shift]));
            var others = rest is null ? 0 : Enumerable.Range(0, staffCount).Count(e => !inside[e] && rest.Assignments[e][c.Day] == c.Shift);
            under[i] = model.NewIntVar(0, c.Requirement, $"u{c.Day}_{c.Shift}");
            over[i] = model.NewIntVar(0, staffCount, $"o{c.Day}_{c.Shift}");
            model.Add(count + others + under[i] - over[i] == c.Requirement);
            objective.AddTerm(under[i], c.UnderWeight);
            objective.AddTerm(over[i], c.OverWeight);
        }
        objective.Add(constant);
        model.Minimize(objective);
        return new CurtoisCp(instance, rest, model, x, work, weekends, under, over);
    }

    /// <summary>Reads the roster of a solution through the solver's (or a solution callback's) Boolean values.</summary>
    public CurtoisRoster Read(Func<ILiteral, bool> value)
    {
        int staffCount = Instance.Staff.Count, days = Instance.Days, types = Instance.Shifts.Count;
        var rows = new int[staffCount][];
        for (var e = 0; e < staffCount; e++)
        {
            if (!Has(e))
            {
                rows[e] = (int[])Rest!.Assignments[e].Clone();
                continue;
            }
            rows[e] = new int[days];
            for (var d = 0; d < days; d++)
            {
                rows[e][d] = -1;
                for (var t = 0; t < types; t++)
                {
                    if (value(X[e, d, t])) rows[e][d] = t;
                }
            }
        }
        return new CurtoisRoster(rows);
    }

    /// <summary>
    /// Makes the roster the model's solution hint, every variable included (the shortfall and surplus too, which the
    /// rows alone leave open), so that a neighbourhood starts from a complete feasible solution.
    /// </summary>
    public void Hint(CurtoisRoster roster)
    {
        var hint = new PartialVariableAssignment();
        int staffCount = Instance.Staff.Count, days = Instance.Days, types = Instance.Shifts.Count;
        var rows = roster.Assignments;
        for (var e = 0; e < staffCount; e++)
        {
            if (!Has(e)) continue;
            for (var d = 0; d < days; d++)
            {
                for (var t = 0; t < types; t++) Add(X[e, d, t], rows[e][d] == t ? 1 : 0);
                Add(Work[e, d], rows[e][d] >= 0 ? 1 : 0);
            }
            for (var w = 0; w < Instance.Weeks; w++) Add(Weekends[e, w], rows[e][(7 * w) + 5] >= 0 || rows[e][(7 * w) + 6] >= 0 ? 1 : 0);
        }
        for (var i = 0; i < Instance.Cover.Count; i++)
        {
            var c = Instance.Cover[i];
            var count = CurtoisEvaluator.Covered(roster, c);
            Add(Under[i], Math.Max(0, c.Requirement - count));
            Add(Over[i], Math.Max(0, count - c.Requirement));
        }
        Model.Model.SolutionHint = hint;

        void Add(IntVar variable, long value)
        {
            hint.Vars.Add(variable.GetIndex());
            hint.Values.Add(value);
        }
    }

    /// <summary>Fixes (or frees again) employee e's shift on day d to what the roster has there.</summary>
    public void Fix(int e, int d, CurtoisRoster roster, bool fix)
    {
        for (var t = 0; t < Instance.Shifts.Count; t++)
        {
            var domain = Model.Model.Variables[X[e, d, t].GetIndex()].Domain;
            domain.Clear();
            long value = roster.Assignments[e][d] == t ? 1 : 0;
            domain.Add(fix ? value : 0);
            domain.Add(fix ? value : 1);
        }
    }

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
