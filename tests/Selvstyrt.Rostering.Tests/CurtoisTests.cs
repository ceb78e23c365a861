using System.Globalization;
using Selvstyrt.Rostering.Curtois;
using Shouldly;

namespace Selvstyrt.Rostering.Tests;

/// <summary>The public benchmark (Curtois): the parser on every instance, and the two small instances solved to their proven optima.</summary>
public sealed class CurtoisTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Benchmark");

    public static TheoryData<string> Instances() => [.. Enumerable.Range(1, 24).Select(i => $"Instance{i}")];

    [Theory]
    [MemberData(nameof(Instances))]
    public void Parse_EveryInstance_MatchesThePublishedSizes(string name)
    {
        var instance = CurtoisInstance.Load(Path.Combine(Folder, "instances", name + ".txt"));
        var stats = File.ReadLines(Path.Combine(Folder, "instance_stats.csv")).Skip(1).Select(l => l.Split(',')).Single(f => f[0] == name);
        int Stat(int i) => int.Parse(stats[i], CultureInfo.InvariantCulture);

        instance.Staff.Count.ShouldBe(Stat(1));
        instance.Days.ShouldBe(Stat(2));
        instance.Weeks.ShouldBe(Stat(3));
        instance.Shifts.Count.ShouldBe(Stat(4));
        instance.Shifts.Sum(s => s.CannotFollow.Count).ShouldBe(Stat(5));
        instance.DaysOff.Sum(d => d.Count).ShouldBe(Stat(6));
        instance.OnRequests.Count.ShouldBe(Stat(7));
        instance.OffRequests.Count.ShouldBe(Stat(8));
        instance.Cover.Count.ShouldBe(Stat(9));
    }

    [Theory]
    [InlineData("Instance1", 607)]
    [InlineData("Instance2", 828)]
    public void Solve_SmallInstance_ProvesThePublishedOptimum(string name, long optimum)
    {
        var instance = CurtoisInstance.Load(Path.Combine(Folder, "instances", name + ".txt"));
        var result = CurtoisModel.Solve(instance, new SolveOptions { Seconds = 60, Workers = 2 });

        result.Summary.Status.ShouldBe(SolveStatus.Optimal);
        result.Summary.Objective.ShouldBe(optimum);
        CurtoisEvaluator.Violations(instance, result.Roster!).ShouldBeEmpty();
        CurtoisEvaluator.Objective(instance, result.Roster!).ShouldBe(optimum);
    }

    [Fact]
    public void SubModel_SomeEmployeesFreeTheRestKept_CountsTheWholeRosterAndChangesOnlyTheFreeLines()
    {
        var instance = CurtoisInstance.Load(Path.Combine(Folder, "instances", "Instance3.txt"));
        var first = CurtoisModel.Solve(instance, new SolveOptions { Seconds = 20, Workers = 1, Parameters = "stop_after_first_solution:true" }).Roster!;
        var firstObjective = CurtoisEvaluator.Objective(instance, first);
        int[] free = [0, 4, 7];

        // Every cell of the chosen employees fixed as it was: the model's objective is the whole roster's.
        var fixedModel = CurtoisCp.Build(instance, free, first);
        foreach (var e in free)
        {
            for (var d = 0; d < instance.Days; d++) fixedModel.Fix(e, d, first, fix: true);
        }
        var same = SolveWhole(fixedModel);
        same.Objective.ShouldBe(firstObjective);

        // Freed: never worse, the other lines untouched, and what the solver counts is what the evaluator counts.
        var freedModel = CurtoisCp.Build(instance, free, first);
        freedModel.Hint(first);
        var better = SolveWhole(freedModel);
        better.Objective.ShouldBeLessThanOrEqualTo(firstObjective);
        CurtoisEvaluator.Violations(instance, better.Roster).ShouldBeEmpty();
        CurtoisEvaluator.Objective(instance, better.Roster).ShouldBe(better.Objective);
        for (var e = 0; e < instance.Staff.Count; e++)
        {
            if (!free.Contains(e)) better.Roster.Assignments[e].ShouldBe(first.Assignments[e]);
        }
        freedModel.Has(1).ShouldBeFalse();
        freedModel.Has(4).ShouldBeTrue();

        static (CurtoisRoster Roster, long Objective) SolveWhole(CurtoisCp cp)
        {
            var solver = new Google.OrTools.Sat.CpSolver { StringParameters = "max_time_in_seconds:20 num_workers:1" };
            solver.Solve(cp.Model).ShouldBe(Google.OrTools.Sat.CpSolverStatus.Optimal);
            return (cp.Read(solver.BooleanValue), (long)Math.Round(solver.ObjectiveValue));
        }
    }

    [Fact]
    public void Solve_NeighbourhoodSearch_ReportsOnlyImprovementsAndARosterTheEvaluatorAgreesWith()
    {
        // Instance7 (20 × 28 × 3 = 1,680 cells) is above the prover-only size: the prover has a quarter of the time,
        // then both threads search neighbourhoods.
        var instance = CurtoisInstance.Load(Path.Combine(Folder, "instances", "Instance7.txt"));
        var reported = new List<long>();
        var result = CurtoisModel.Solve(instance, new SolveOptions { Seconds = 8, Workers = 2, Progress = p => { lock (reported) reported.Add(p.Objective); } });

        result.Summary.HasSolution.ShouldBeTrue();
        CurtoisEvaluator.Violations(instance, result.Roster!).ShouldBeEmpty();
        CurtoisEvaluator.Objective(instance, result.Roster!).ShouldBe(result.Summary.Objective!.Value);
        result.Summary.Bound!.Value.ShouldBeLessThanOrEqualTo(result.Summary.Objective.Value);
        reported.ShouldNotBeEmpty();
        reported.ShouldBe(reported.OrderByDescending(o => o).Distinct().ToList(), "every report is a strict improvement");
        reported[^1].ShouldBe(result.Summary.Objective.Value);
    }

    [Fact]
    public void Solve_Cancelled_StopsWithTheBestRosterSoFar()
    {
        // Stopped as soon as the first roster is reported: the search ends long before its two minutes, with a roster.
        var instance = CurtoisInstance.Load(Path.Combine(Folder, "instances", "Instance12.txt"));
        using var cancel = new CancellationTokenSource();
        var result = CurtoisModel.Solve(instance, new SolveOptions { Seconds = 120, Workers = 2, Cancellation = cancel.Token, Progress = _ => cancel.Cancel() });

        result.Summary.Seconds.ShouldBeLessThan(60, "a stop ends the search long before its time limit");
        result.Summary.HasSolution.ShouldBeTrue();
        CurtoisEvaluator.Violations(instance, result.Roster!).ShouldBeEmpty();
        CurtoisEvaluator.Objective(instance, result.Roster!).ShouldBe(result.Summary.Objective!.Value);
    }

    [Fact]
    public void Evaluator_RosterBreakingRules_ListsEachBrokenRule()
    {
        var instance = CurtoisInstance.Load(Path.Combine(Folder, "instances", "Instance1.txt"));
        // Employee A works every day: day off 0, more than 5 in a row, 2 weekends (max 1), 6720 minutes (max 4320).
        var rows = instance.Staff.Select(_ => Enumerable.Repeat(-1, instance.Days).ToArray()).ToArray();
        rows[0] = Enumerable.Repeat(0, instance.Days).ToArray();
        var violations = CurtoisEvaluator.Violations(instance, new CurtoisRoster(rows));

        violations.ShouldContain("A: works on day off 0");
        violations.ShouldContain("A: 14 days in a row from day 0");
        violations.ShouldContain("A: 2 weekends");
        violations.ShouldContain("A: 6720 minutes");
    }

    [Fact]
    public void Evaluator_ShortStretchInside_IsBrokenButAtTheEdgeIsExempt()
    {
        var instance = CurtoisInstance.Load(Path.Combine(Folder, "instances", "Instance1.txt"));
        var rows = instance.Staff.Select(_ => Enumerable.Repeat(-1, instance.Days).ToArray()).ToArray();
        rows[1][3] = 0; // one working day flanked by days off: below MinConsecutiveShifts 2
        rows[1][13] = 0; // one working day touching the horizon's end: exempt

        var violations = CurtoisEvaluator.Violations(instance, new CurtoisRoster(rows)).Where(v => v.Contains("in a row", StringComparison.Ordinal)).ToList();

        violations.ShouldBe(["B: only 1 days in a row from day 3"]);
    }

    [Theory]
    [InlineData("SECTION_HORIZON\n14\nSECTION_SHIFTS\nD,480,\nSECTION_STAFF\nA,D=14,x,0,5,1,1,1\nSECTION_COVER\n0,D,1,100,1\n", "Linje 6: Feltet «MaxTotalMinutes» må være et heltall, men er «x».")]
    [InlineData("SECTION_HORIZON\n10\n", "Linje 2: Antall dager må være et positivt antall hele uker.")]
    [InlineData("SECTION_HORIZON\n14\nSECTION_SHIFTS\nD,480,\nSECTION_STAFF\nA,D=14,10,0,5,1,1,1\nSECTION_COVER\n0,N,1,100,1\n", "Linje 8: Vakttypen «N» finnes ikke i SECTION_SHIFTS.")]
    [InlineData("SECTION_HORIZON\n14\nSECTION_SHIFTS\nD,480,\nSECTION_STAFF\nA,D=14,10,0,5,1,1,1\nSECTION_COVER\n14,D,1,100,1\n", "Linje 8: Dag 14 er utenfor horisonten (0-13).")]
    // Found by fuzzing (bench/fuzz.sh, tests/fuzz-cases/curtois): a repeated id escaped as the dictionary's own exception.
    [InlineData("SECTION_HORIZON\n14\nSECTION_SHIFTS\nD,480,\nD,300,\nSECTION_STAFF\nA,D=14,10,0,5,1,1,1\nSECTION_COVER\n0,D,1,100,1\n", "Linje 5: Vakttypen «D» er oppgitt to ganger i SECTION_SHIFTS.")]
    [InlineData("SECTION_HORIZON\n14\nSECTION_SHIFTS\nD,480,\nSECTION_STAFF\nA,D=14,10,0,5,1,1,1\nA,D=14,10,0,5,1,1,1\nSECTION_COVER\n0,D,1,100,1\n", "Linje 7: Den ansatte «A» er oppgitt to ganger i SECTION_STAFF.")]
    public void Parse_BadInput_NamesLineAndField(string text, string message)
        => Should.Throw<FormatException>(() => CurtoisInstance.Parse(new StringReader(text))).Message.ShouldBe(message);
}
