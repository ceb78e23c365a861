namespace Selvstyrt.Bench;

/// <summary>Percentiles of timed runs (nearest rank), shared by the request-level benchmarks.</summary>
internal static class Stats
{
    public static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
    }
}
