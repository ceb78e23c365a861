using System.CommandLine;
using System.Globalization;
using Selvstyrt.Rostering;
using Selvstyrt.Rostering.Curtois;

namespace Selvstyrt.Cli;

/// <summary>
/// <c>selvstyrt roster plan INPUT.json --seconds N</c> (a BPA plan) and <c>selvstyrt roster solve INSTANCE.txt --seconds N</c>
/// (a Curtois benchmark instance). Exit 0 when a solution was found, 1 when none was (infeasible or out of time), 2 for bad input.
/// </summary>
internal static class RosterCommand
{
    public static Command Create()
    {
        var roster = new Command("roster", "Turnusgenerator (CP-SAT): foreslår en lovlig, rettferdig turnus.");
        roster.Subcommands.Add(Solve());
        roster.Subcommands.Add(RosterPlanCommand.Create());
        roster.Subcommands.Add(RosterPlanCommand.Example());
        return roster;
    }

    internal static Option<double> SecondsOption() => new("--seconds") { Description = "Tidsgrense i sekunder (standard 10).", DefaultValueFactory = _ => 10 };

    internal static Option<int> WorkersOption() => new("--workers") { Description = "Antall søketråder (standard 2).", DefaultValueFactory = _ => 2 };

    internal static Option<string?> ParametersOption() => new("--solver-parameters") { Description = "Flere CP-SAT-parametre i tekstformat (for eksperimenter), f.eks. \"log_search_progress:true\"." };

    private static Command Solve()
    {
        var input = new Argument<string>("INSTANCE") { Description = "En instans i Curtois-formatet (schedulingbenchmarks.org)." };
        var seconds = SecondsOption();
        var workers = WorkersOption();
        var parameters = ParametersOption();
        var command = new Command("solve", "Løser en instans fra det offentlige vaktplanleggings-benchmarket og skriver mål, bevist nedre grense, status og sekunder.") { input, seconds, workers, parameters };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(input)!;
            CurtoisInstance instance;
            try
            {
                instance = CurtoisInstance.Load(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"{path}: kan ikke lese filen ({e.GetType().Name.Replace("Exception", "", StringComparison.Ordinal)}).");
                return 2;
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync($"{path}: {e.Message}");
                return 2;
            }
            if (Validate(parse.GetValue(seconds), parse.GetValue(workers), parse.GetValue(parameters)) is { } problem)
            {
                await Console.Error.WriteLineAsync(problem);
                return 2;
            }
            var result = CurtoisModel.Solve(instance, new SolveOptions { Seconds = parse.GetValue(seconds), Workers = parse.GetValue(workers), Parameters = parse.GetValue(parameters), Cancellation = ct });
            var s = result.Summary;
            var violations = result.Roster is null ? [] : CurtoisEvaluator.Violations(instance, result.Roster);
            var checkedObjective = result.Roster is null ? (long?)null : CurtoisEvaluator.Objective(instance, result.Roster);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"instance: {Path.GetFileNameWithoutExtension(path)}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"objective: {(checkedObjective?.ToString(CultureInfo.InvariantCulture) ?? "-")}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bound: {(s.Bound?.ToString(CultureInfo.InvariantCulture) ?? "-")}"));
            Console.WriteLine($"status: {s.Status.ToString().ToUpperInvariant()}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seconds: {s.Seconds:0.00}"));
            if (violations.Count > 0 || (checkedObjective is { } c && c != s.Objective))
            {
                await Console.Error.WriteLineAsync($"FEIL: løsningen bryter instansens harde regler eller målet stemmer ikke ({string.Join("; ", violations.Take(5))}).");
                return 3;
            }
            return result.Roster is null ? 1 : 0;
        });
        return command;
    }

    internal static string? Validate(double seconds, int workers, string? parameters)
    {
        if (seconds is <= 0 or > 86_400 || double.IsNaN(seconds)) return "--seconds må være mellom 0 og 86400.";
        if (workers is < 1 or > 64) return "--workers må være fra 1 til 64.";
        try
        {
            SolverParameters.Merge(parameters);
            return null;
        }
        catch (ArgumentException e)
        {
            return "--solver-parameters: " + e.Message;
        }
    }
}
