namespace Selvstyrt.Domain.Rules.Checks;

/// <summary>
/// Rolling windows of whole weeks over a scope's weeks, merged into runs: consecutive windows that break the same
/// limit give one finding (from the first window's start to the last one's end, with the worst value).
/// </summary>
internal static class WindowRuns
{
    /// <summary>Calls <paramref name="report"/> once per run of windows whose value exceeds the limit.</summary>
    /// <param name="weeks">Number of weeks in the scope.</param>
    /// <param name="length">Window length in weeks (shorter when the period is shorter).</param>
    /// <param name="value">Value of the window [from, from + length).</param>
    /// <param name="limit">Limit of the window starting at a week.</param>
    /// <param name="report">(first week, last week, worst value, limit) of a run.</param>
    public static void Find(int weeks, int length, Func<int, int, double> value, Func<int, double> limit, Action<int, int, double, double> report)
    {
        var span = Math.Min(length, weeks);
        if (span <= 0) return;
        var runStart = -1;
        double worst = 0, worstLimit = 0;
        for (var from = 0; from + span <= weeks; from++)
        {
            var v = value(from, span);
            var l = limit(from);
            if (v > l + 1e-6)
            {
                if (runStart < 0) { runStart = from; worst = v; worstLimit = l; }
                else if (v > worst) { worst = v; worstLimit = l; }
            }
            else if (runStart >= 0)
            {
                report(runStart, from - 1 + span - 1, worst, worstLimit);
                runStart = -1;
            }
        }
        if (runStart >= 0) report(runStart, weeks - 1, worst, worstLimit);
    }

    /// <summary>Sum of values[from .. from + length).</summary>
    public static double Sum(double[] values, int from, int length)
    {
        var total = 0.0;
        for (var i = from; i < from + length; i++) total += values[i];
        return total;
    }
}
