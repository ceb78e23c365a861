using Selvstyrt.Domain.Rules.Checks;

namespace Selvstyrt.Domain.Rules.Engine;

/// <summary>Per-shift numbers from a run, in input order, in seconds (flat arrays, so that a million shifts stay cheap).</summary>
public sealed class ShiftMetrics
{
    internal ShiftMetrics(int count, int supplementSlots)
    {
        Work = new double[count];
        Night = new double[count];
        Sunday = new double[count];
        Overtime = new double[count];
        Passive = new double[count];
        SupplementSlots = supplementSlots;
        Supplements = new double[count * supplementSlots];
    }

    /// <summary>Counted working time (passive included, free pauses out, on-call at its factor).</summary>
    public double[] Work { get; }
    /// <summary>Of which in the night window.</summary>
    public double[] Night { get; }
    /// <summary>Of which in the Sunday/holiday window.</summary>
    public double[] Sunday { get; }
    /// <summary>Of which legal overtime.</summary>
    public double[] Overtime { get; }
    /// <summary>Passive time.</summary>
    public double[] Passive { get; }
    /// <summary>Supplement seconds: shift i, category c at [i * SupplementSlots + c].</summary>
    public double[] Supplements { get; }
    /// <summary>Slots per shift.</summary>
    public int SupplementSlots { get; }
}

/// <summary>What a run gives: sorted findings and per-shift numbers.</summary>
public sealed record RunResult(IReadOnlyList<Finding> Findings, ShiftMetrics Metrics);

/// <summary>
/// The rules engine. It groups shifts by assistant, employer and kind (planned or actual) - limits apply per
/// employer, summed over all the assistant's arrangements - checks each group with every rule, adds the assistant's
/// work for all employers together (info only), then the rules that look at the check as a whole. Single thread,
/// no I/O; the web app and <c>selvstyrt check</c> call the same code.
/// </summary>
public static class RuleEngine
{
    internal static readonly ScopeRule[] ScopeRules =
    [
        new Aml_10_2_1(), new Aml_10_4_1(), new Aml_10_4_2(), new Aml_10_4_3(), new Aml_10_4_4(),
        new Aml_10_5_1(), new Aml_10_5_2(), new Aml_10_5_3(),
        new Aml_10_6_1(), new Aml_10_6_4(), new Aml_10_6_5(), new Aml_10_6_8(), new Aml_10_6_9(),
        new Aml_10_7_1(), new Aml_10_8_1(), new Aml_10_8_2(), new Aml_10_8_3(), new Aml_10_8_4(),
        new Aml_10_9_1(), new Aml_10_11_6(), new Aml_10_12_4(), new LongShift1(),
        new Passive1(), new Travel1(), new MinPay1(),
        new Ung_11_1(), new Ung_11_2(), new Ung_11_3(), new Ung_11_5(),
    ];

    internal static readonly CheckRule[] CheckRules = [new Aml_10_3_1(), new Aml_10_6_11(), new Supp1()];

    internal static readonly ClassificationRule[] ClassificationRules = [new Aml_10_10_1(), new Aml_10_11_1()];

    /// <summary>Every rule, ordered by id.</summary>
    public static IReadOnlyList<Rule> Rules { get; } =
        [.. ScopeRules.Cast<Rule>().Concat(CheckRules).Concat(ClassificationRules).OrderBy(r => r.Id, StringComparer.Ordinal)];

    /// <summary>Checks an input.</summary>
    public static CheckResult Check(CheckInput input)
    {
        var prepared = PreparedCheck.From(input);
        return ToResult(prepared, Run(prepared));
    }

    /// <summary>Runs every rule on a prepared check.</summary>
    public static RunResult Run(PreparedCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var shifts = check.Shifts;
        var slots = check.Employers.Length == 0 ? 0 : check.Employers.Max(e => e.Classifier.SupplementKeys.Count);
        var metrics = new ShiftMetrics(shifts.Length, slots);
        var sink = new FindingSink();

        // Counting sort by assistant keeps the input order within each assistant.
        var assistants = check.Input.Assistants.Count;
        var starts = new int[assistants + 1];
        foreach (ref readonly var s in shifts.AsSpan()) starts[s.Assistant + 1]++;
        for (var a = 0; a < assistants; a++) starts[a + 1] += starts[a];
        var order = new int[shifts.Length];
        var fill = (int[])starts.Clone();
        for (var i = 0; i < shifts.Length; i++) order[fill[shifts[i].Assistant]++] = i;

        var buffers = new ScopeBuffers();
        for (var a = 0; a < assistants; a++)
        {
            var slice = order.AsSpan(starts[a], starts[a + 1] - starts[a]);
            CheckAssistant(check, a, slice, metrics, sink, buffers);
        }
        foreach (var rule in CheckRules) rule.Evaluate(check, sink);
        sink.Findings.Sort(FindingOrder.Instance);
        return new RunResult(sink.Findings, metrics);
    }

    /// <summary>Checks one assistant's shifts (indices into the check's shifts), adding findings and numbers.</summary>
    internal static void CheckAssistant(PreparedCheck check, int assistant, Span<int> slice, ShiftMetrics? metrics, FindingSink sink, ScopeBuffers? buffers = null)
    {
        var profile = check.Input.Assistants[assistant];
        var declared = profile.OtherEmployerHours.Count > 0;
        if (slice.Length == 0 && !declared) return;
        var shifts = check.Shifts;
        for (var kind = 0; kind < 2; kind++)
        {
            var actual = kind == 1;
            var employersSeen = 0;
            var firstEmployer = -1;
            var total = 0;
            foreach (var i in slice)
            {
                if (((shifts[i].Flags & ShiftTraits.Actual) != 0) != actual) continue;
                total++;
                if (firstEmployer < 0) { firstEmployer = shifts[i].Employer; employersSeen = 1; }
                else if (shifts[i].Employer != firstEmployer) employersSeen = 2;
            }
            if (total == 0 && !(declared && !actual)) continue;
            for (var e = 0; e < check.Employers.Length; e++)
            {
                if (employersSeen == 1 && e != firstEmployer) continue;
                var positions = Collect(check, slice, actual, e);
                if (positions.Length == 0) continue;
                var scope = new Scope(check, assistant, check.Employers[e], actual, positions, crossEmployer: false, buffers);
                scope.Compute();
                foreach (var rule in ScopeRules) rule.Evaluate(scope, sink);
                if (metrics is not null) Store(scope, metrics);
                if (employersSeen == 1) break;
            }
            if (employersSeen == 2 || (declared && !actual))
            {
                var home = check.Employers.FirstOrDefault(e => e.Profile.Id == profile.Employer) ?? check.Employers[Math.Max(firstEmployer, 0)];
                var cross = new Scope(check, assistant, home, actual, Collect(check, slice, actual, -1), crossEmployer: true, buffers);
                cross.Compute();
                foreach (var rule in ScopeRules) if (rule.AcrossEmployers) rule.Evaluate(cross, sink);
            }
        }
    }

    private static int[] Collect(PreparedCheck check, Span<int> slice, bool actual, int employer)
    {
        var shifts = check.Shifts;
        var count = 0;
        foreach (var i in slice)
        {
            if (((shifts[i].Flags & ShiftTraits.Actual) != 0) == actual && (employer < 0 || shifts[i].Employer == employer)) count++;
        }
        var positions = new int[count];
        var n = 0;
        var sorted = true;
        foreach (var i in slice)
        {
            if (((shifts[i].Flags & ShiftTraits.Actual) != 0) != actual || (employer >= 0 && shifts[i].Employer != employer)) continue;
            if (n > 0 && Order(check, positions[n - 1], i) > 0) sorted = false;
            positions[n++] = i;
        }
        // Start, then end, then id: the same order whatever order the shifts came in.
        if (!sorted) Array.Sort(positions, (a, b) => Order(check, a, b));
        return positions;
    }

    private static int Order(PreparedCheck check, int a, int b)
    {
        var c = check.Shifts[a].Start.CompareTo(check.Shifts[b].Start);
        if (c != 0) return c;
        c = check.Shifts[a].End.CompareTo(check.Shifts[b].End);
        return c != 0 ? c : string.CompareOrdinal(check.ShiftIds[a], check.ShiftIds[b]);
    }

    private static void Store(Scope scope, ShiftMetrics metrics)
    {
        for (var p = 0; p < scope.Shifts.Length; p++)
        {
            var i = scope.Shifts[p];
            metrics.Work[i] = scope.Work[p];
            metrics.Night[i] = scope.Night[p];
            metrics.Sunday[i] = scope.Sunday[p];
            metrics.Overtime[i] = scope.Overtime[p];
            metrics.Passive[i] = scope.Passive[p];
            for (var c = 0; c < scope.SupplementCount; c++) metrics.Supplements[(i * metrics.SupplementSlots) + c] = scope.Supplements[(p * scope.SupplementCount) + c];
        }
    }

    /// <summary>Builds the result records: findings, and per shift the hours in input order.</summary>
    public static CheckResult ToResult(PreparedCheck check, RunResult run)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(run);
        var m = run.Metrics;
        var results = new ShiftResult[check.Shifts.Length];
        for (var i = 0; i < results.Length; i++)
        {
            var employer = check.Employers[check.Shifts[i].Employer];
            List<KeyValuePair<string, double>>? supplements = null;
            double? paid = null;
            if (employer.Tariff is not null)
            {
                var keys = employer.Classifier.SupplementKeys;
                supplements = new List<KeyValuePair<string, double>>(keys.Count);
                for (var c = 0; c < keys.Count; c++) supplements.Add(new(keys[c], H(m.Supplements[(i * m.SupplementSlots) + c])));
                var date = Calendar.NorwegianCalendar.Date((int)Math.Floor(check.Timeline.ToLocal(check.Shifts[i].Start) / 86400.0));
                var factor = employer.Profile.Settings.PassiveFactor ?? employer.Tariff.Parameters.RowAt(date)?.Value.PassiveFactor;
                if (factor is not null || m.Passive[i] == 0) paid = H(m.Work[i] - (m.Passive[i] * (1 - (double)(factor ?? 1))));
            }
            results[i] = new ShiftResult(check.ShiftIds[i], H(m.Work[i]), H(m.Night[i]), H(m.Sunday[i]), H(m.Overtime[i]), H(m.Passive[i]), paid, supplements);
        }
        return new CheckResult(run.Findings, results);
    }

    private static double H(double seconds) => Math.Round(seconds / 3600.0, 2, MidpointRounding.AwayFromZero);
}

/// <summary>Findings sorted by assistant, then time, then rule id (then the rest), so that output can be compared with diff.</summary>
public sealed class FindingOrder : IComparer<Finding>
{
    /// <summary>The order.</summary>
    public static FindingOrder Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var c = string.CompareOrdinal(x.Assistant, y.Assistant);
        if (c != 0) return c;
        c = x.From.CompareTo(y.From);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Rule, y.Rule);
        if (c != 0) return c;
        c = x.To.CompareTo(y.To);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Employer, y.Employer);
        if (c != 0) return c;
        c = x.Severity.CompareTo(y.Severity);
        if (c != 0) return c;
        c = Nullable.Compare(x.Measured, y.Measured);
        if (c != 0) return c;
        c = Nullable.Compare(x.Limit, y.Limit);
        if (c != 0) return c;
        c = string.CompareOrdinal(string.Join(',', x.Shifts), string.Join(',', y.Shifts));
        return c != 0 ? c : string.CompareOrdinal(x.Message, y.Message);
    }
}
