using System.CommandLine;
using System.Globalization;
using System.Text;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Rostering;
using Selvstyrt.Rostering.Bpa;

namespace Selvstyrt.Cli;

/// <summary>
/// <c>selvstyrt roster plan INPUT.json --seconds N</c>: a proposal for a BPA arrangement (docs/rostering/bpa-format.md),
/// judged by the rules engine; <c>selvstyrt roster example NAME</c> writes one of the generated instances as input.
/// </summary>
internal static class RosterPlanCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("INPUT") { Description = "JSON-fil i BPA-formatet (docs/rostering/bpa-format.md), eller - for standard inn." };
        var seconds = RosterCommand.SecondsOption();
        var workers = RosterCommand.WorkersOption();
        var parameters = RosterCommand.ParametersOption();
        var format = new Option<string>("--format") { Description = "Utformat: json (standard) eller text.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "text");
        var command = new Command("plan", "Foreslår en turnus for en BPA-ordning innenfor arbeidsmiljøloven, sjekket av regelmotoren. Avslutter med 0 ved et forslag, 1 uten, 2 ved feil i inndata.") { input, seconds, workers, parameters, format };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(input)!;
            if (await InputFile.ReadAsync(path, ct) is not { } json) return 2;
            BpaProblem problem;
            try
            {
                problem = BpaJson.Read(json);
            }
            catch (BpaInputException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }
            if (RosterCommand.Validate(parse.GetValue(seconds), parse.GetValue(workers), parse.GetValue(parameters)) is { } problemText)
            {
                await Console.Error.WriteLineAsync(problemText);
                return 2;
            }
            var result = BpaSolver.Solve(problem, new SolveOptions { Seconds = parse.GetValue(seconds), Workers = parse.GetValue(workers), Parameters = parse.GetValue(parameters), Cancellation = ct });
            var output = parse.GetValue(format) == "text" ? Text(problem, result) : BpaJson.Write(problem, result);
            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(Encoding.UTF8.GetBytes(output), ct);
            return result.Shifts.Count > 0 || result.Summary.HasSolution ? 0 : 1;
        });
        return command;
    }

    public static Command Example()
    {
        var name = new Argument<string>("NAME") { Description = "Navnet på en generert instans: " + string.Join(", ", BpaInstances.All().Select(i => i.Name)) + "." };
        name.AcceptOnlyFromAmong([.. BpaInstances.All().Select(i => i.Name)]);
        var command = new Command("example", "Skriver en av de genererte BPA-instansene som inndata til «roster plan».") { name };
        command.SetAction(parse =>
        {
            Console.Write(BpaJson.WriteProblem(BpaInstances.All().First(i => i.Name == parse.GetValue(name)).Problem));
            return 0;
        });
        return command;
    }

    private static string Text(BpaProblem problem, BpaResult result)
    {
        var text = new StringBuilder();
        var s = result.Summary;
        text.AppendLine(CultureInfo.InvariantCulture, $"Status: {s.Status}, mål {s.Objective?.ToString(CultureInfo.InvariantCulture) ?? "-"}, nedre grense {s.Bound?.ToString(CultureInfo.InvariantCulture) ?? "-"}, {s.Seconds.ToString("0.0", CultureInfo.InvariantCulture)} s, {result.JudgeRounds} runder med regelsjekk.");
        if (result.ProvenMinimumUncovered is { } minimum)
            text.AppendLine(CultureInfo.InvariantCulture, $"Bevist: ingen plan innenfor reglene kan ha færre enn {minimum} udekkede plasser.");
        text.AppendLine("Hva forslaget gir opp:");
        foreach (var p in result.Penalties) text.AppendLine(CultureInfo.InvariantCulture, $"  {p.Label}: {p.Units} × {p.Weight} = {p.Cost}. {p.Explanation}");
        var names = problem.Assistants.ToDictionary(a => a.Id, a => a.Name);
        foreach (var week in result.Shifts.GroupBy(x => x.Week))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Uke {week.Key}:");
            foreach (var shift in week)
            {
                var start = shift.Start.InZone(problem.Zone);
                var end = shift.End.InZone(problem.Zone);
                text.AppendLine(CultureInfo.InvariantCulture, $"  {shift.Date:yyyy-MM-dd} {start:HH:mm}-{end:HH:mm} {shift.Template,-8} {names[shift.Assistant]}");
            }
        }
        text.AppendLine("Regelmotorens funn:");
        foreach (var f in result.Findings.Where(f => f.Severity >= Severity.Warn)) text.AppendLine(CultureInfo.InvariantCulture, $"  {f.Severity.ToString().ToLowerInvariant()} {f.Rule}: {f.Message}");
        return text.ToString();
    }
}
