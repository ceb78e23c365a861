using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using NodaTime;
using Selvstyrt.Domain.Rules.Engine;

namespace Selvstyrt.Bench;

/// <summary>
/// Benchmarks of the rules engine (quality.md P1 and P2). Run: <c>dotnet run -c Release --project bench/Selvstyrt.Bench -- all</c>
/// (or <c>year</c>, <c>incremental</c>, <c>month-end</c>, <c>plan-edit</c>, <c>substitutes</c>; <c>roster</c>, <c>load</c>, <c>pages</c>, <c>durability</c>, <c>backup</c> and <c>bad-input</c> only by name).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var what = args.Length > 0 ? args[0] : "all";
        if (what is "year" or "all")
        {
            // In process: the same build, no generated project; one thread (the engine has no parallelism).
            var config = ManualConfig.CreateMinimumViable().AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5)
                    .WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance))
                .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default)
                .WithOptions(ConfigOptions.DisableOptimizationsValidator);
            BenchmarkRunner.Run<FullYearCheck>(config, args.Skip(1).ToArray());
        }
        if (what is "incremental" or "all") Incremental.Run();
        if (what is "month-end" or "all") MonthEnd.Run();
        if (what is "plan-edit" or "all") PlanEdit.Run();
        if (what is "substitutes" or "all") SubstituteSearchBench.Run();
        if (what == "roster") RosterBench.Run(args.Skip(1).ToArray());
        if (what == "load") LoadRun.Run(args.Skip(1).ToArray());
        if (what == "pages") PageTimes.Run(args.Skip(1).ToArray());
        if (what == "durability") Durability.Run(args.Skip(1).ToArray());
        if (what == "backup") BackupBench.Run(args.Skip(1).ToArray());
        if (what == "bad-input") BadInputRun.Run(args.Skip(1).ToArray());
        if (what == "profile" && args.Length > 1 && args[1] == "loop") Profile.Loop(ProviderGenerator.Year(), args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60);
        else if (what == "profile") Profile.Run(args.Length > 1 && args[1] == "year" ? ProviderGenerator.Year(330, 110) : ProviderGenerator.TwelveWeeks247TwoToOne());
        return 0;
    }
}

/// <summary>P1: a full year of a provider of Prima's size, next to a plain streaming pass over the same shifts.</summary>
[MemoryDiagnoser]
public class FullYearCheck
{
    private PreparedCheck _prepared = null!;

    [GlobalSetup]
    public void Setup()
    {
        var input = ProviderGenerator.Year();
        _prepared = PreparedCheck.From(input);
        Console.WriteLine($"// Generated {input.Shifts.Count:N0} shifts, {input.Assistants.Count:N0} assistants, {input.Arrangements.Count:N0} arrangements.");
        var findings = RuleEngine.Run(_prepared).Findings;
        Console.WriteLine($"// One run gives {findings.Count:N0} findings: " + string.Join(", ", findings.GroupBy(f => f.Rule).OrderByDescending(g => g.Count()).Take(8).Select(g => $"{g.Key} {g.Count()}")));
    }

    /// <summary>The memory floor: read every shift once and sum its length.</summary>
    [Benchmark(Baseline = true)]
    public long StreamingPass()
    {
        long total = 0;
        foreach (ref readonly var shift in _prepared.Shifts.AsSpan()) total += shift.End - shift.Start + shift.Assistant;
        return total;
    }

    /// <summary>Every rule for every assistant, single thread.</summary>
    [Benchmark]
    public int FullCheck() => RuleEngine.Run(_prepared).Findings.Count;
}

/// <summary>P2: re-check after editing one shift in a 12-week plan of a 24/7 2:1 arrangement.</summary>
internal static class Incremental
{
    public static void Run()
    {
        var input = ProviderGenerator.TwelveWeeks247TwoToOne();
        var checker = new IncrementalChecker(input);
        var shifts = input.Shifts.Where(s => s.Arrangement == "o1").ToList();
        var random = new Random(12);
        var times = new List<double>();
        const int warmup = 2_000, measured = 20_000;
        for (var i = 0; i < warmup + measured; i++)
        {
            var index = random.Next(shifts.Count);
            var original = shifts[index];
            var moved = random.Next(3) switch
            {
                0 => original with { Start = original.Start + Duration.FromHours(random.Next(-3, 4)), End = original.End + Duration.FromHours(random.Next(-3, 4)) },
                1 => original with { Assistant = $"a{random.Next(24)}" },
                _ => original with { End = original.End + Duration.FromHours(random.Next(1, 5)) },
            };
            if (moved.End <= moved.Start) moved = moved with { End = moved.Start + Duration.FromHours(1) };
            var watch = Stopwatch.StartNew();
            checker.Replace(moved);
            watch.Stop();
            shifts[index] = moved;
            if (i >= warmup) times.Add(watch.Elapsed.TotalMicroseconds);
        }
        times.Sort();
        var p50 = times[times.Count / 2];
        var p99 = times[(int)(times.Count * 0.99)];
        var full = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++) RuleEngine.Check(checker.Current);
        full.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Incremental re-check, 12-week 24/7 2:1 plan ({input.Shifts.Count} shifts, 24 assistants), {measured:N0} edits after {warmup:N0} warm-up: p50 {p50:F1} µs, p99 {p99:F1} µs, max {times[^1]:F1} µs; a full check of the same plan takes {full.Elapsed.TotalMicroseconds / 20:F0} µs (ratio p50/full {p50 / (full.Elapsed.TotalMicroseconds / 20):F3})."));
    }
}
