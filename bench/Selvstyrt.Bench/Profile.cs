using System.Diagnostics;
using Selvstyrt.Domain.Rules.Engine;

namespace Selvstyrt.Bench;

/// <summary>
/// Where a full check spends its time and its memory, per phase and rule, summed over the last of three rounds
/// (<c>-- profile year</c> on a tenth of the P1 provider): a developer's tool, not a benchmark.
/// </summary>
internal static class Profile
{
    public static void Run(CheckInput input)
    {
        var prepared = PreparedCheck.From(input);
        var times = new Dictionary<string, double>();
        var bytes = new Dictionary<string, long>();
        var sink = new FindingSink();
        var buffers = new ScopeBuffers();
        for (var round = 0; round < 3; round++)
        {
            times.Clear();
            bytes.Clear();
            for (var a = 0; a < input.Assistants.Count; a++)
            {
                var positions = Enumerable.Range(0, prepared.Shifts.Length).Where(i => prepared.Shifts[i].Assistant == a).ToArray();
                if (positions.Length == 0) continue;
                var watch = Stopwatch.StartNew();
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var scope = new Scope(prepared, a, prepared.Employers[0], false, [.. positions.OrderBy(i => prepared.Shifts[i].Start)], false, buffers);
                scope.Compute();
                Add(times, bytes, "compute", watch, ref allocated);
                foreach (var rule in RuleEngine.ScopeRules)
                {
                    watch.Restart();
                    rule.Evaluate(scope, sink);
                    Add(times, bytes, rule.Id, watch, ref allocated);
                }
            }
        }
        foreach (var (name, ms) in times.OrderByDescending(t => t.Value)) Console.WriteLine($"{name,-14} {ms,10:F2} ms {bytes[name] / 1048576.0,10:F1} MB allocated");
        Console.WriteLine($"findings: {sink.Findings.Count / 3}");
    }

    private static void Add(Dictionary<string, double> times, Dictionary<string, long> bytes, string name, Stopwatch watch, ref long allocated)
    {
        times[name] = times.GetValueOrDefault(name) + watch.Elapsed.TotalMilliseconds;
        var now = GC.GetAllocatedBytesForCurrentThread();
        bytes[name] = bytes.GetValueOrDefault(name) + now - allocated;
        allocated = now;
    }

    /// <summary>
    /// The full P1 check again and again for a while (<c>-- profile loop [seconds]</c>), for a sampling profiler to attach to once
    /// it says it has started: <c>dotnet dotnet-trace collect -p PID --duration 00:00:00:30</c>, then <c>dotnet dotnet-trace report FILE topN</c>.
    /// </summary>
    public static void Loop(CheckInput input, int seconds)
    {
        var prepared = PreparedCheck.From(input);
        Console.WriteLine($"Process {Environment.ProcessId} checks {input.Shifts.Count:N0} shifts for {seconds} s.");
        var watch = Stopwatch.StartNew();
        var runs = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            RuleEngine.Run(prepared);
            runs++;
        }
        Console.WriteLine($"{runs} runs, {watch.Elapsed.TotalMilliseconds / runs:F0} ms each.");
    }
}
