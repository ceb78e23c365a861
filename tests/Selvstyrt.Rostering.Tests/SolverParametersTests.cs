using Shouldly;

namespace Selvstyrt.Rostering.Tests;

/// <summary>Parameters are checked before the native solver sees them: a bad one would abort the whole process.</summary>
public sealed class SolverParametersTests
{
    [Fact]
    public void Merge_SameFieldTwice_LaterWins()
        => SolverParameters.Merge("max_time_in_seconds:10 num_workers:2", "num_workers:4").ShouldBe("max_time_in_seconds:10 num_workers:4");

    [Fact]
    public void Merge_RepeatedField_KeepsEveryValue()
        => SolverParameters.Merge("num_workers:2", "subsolvers:\"max_lp\" subsolvers:\"core\"").ShouldBe("num_workers:2 subsolvers:\"max_lp\" subsolvers:\"core\"");

    [Theory]
    [InlineData("nonsense:1", "Løserparameteren «nonsense» finnes ikke i CP-SAT.")]
    [InlineData("num_workers:x", "Løserparameteren «num_workers» kan ikke ha verdien «x».")]
    [InlineData("log_search_progress:yes", "Løserparameteren «log_search_progress» kan ikke ha verdien «yes».")]
    [InlineData("search_branching:NOPE", "Løserparameteren «search_branching» kan ikke ha verdien «NOPE».")]
    [InlineData("num_workers", "Løserparameteren «num_workers» må ha formen navn:verdi.")]
    public void Merge_BadEntry_IsRefusedInNorwegianNamingIt(string text, string message)
        => Should.Throw<ArgumentException>(() => SolverParameters.Merge(text)).Message.ShouldBe(message);

    [Fact]
    public void Solve_AfterMergedDuplicates_RunsInsteadOfAborting()
    {
        var model = new Google.OrTools.Sat.CpModel();
        var x = model.NewIntVar(0, 10, "x");
        model.Add(x >= 3);
        model.Minimize(x);

        var summary = CpSat.Solve(model, new SolveOptions { Seconds = 5, Parameters = "num_workers:1 max_time_in_seconds:5" });

        summary.Status.ShouldBe(SolveStatus.Optimal);
        summary.Objective.ShouldBe(3);
    }
}
