using System.CommandLine;
using System.Text;
using Selvstyrt.Domain.Absences;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Domain.Rules.Io;

namespace Selvstyrt.Cli;

/// <summary><c>selvstyrt check INPUT.json|- [--format json|text]</c>: the batch check (docs/rules/check-format.md).</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("INPUT") { Description = "JSON-fil med arbeidsgivere, assistenter og vakter, eller - for standard inn." };
        var format = new Option<string>("--format") { Description = "Utformat: json (standard) eller text.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "text");
        var command = new Command("check", "Sjekker vakter mot arbeidsmiljøloven kap. 10 og tariffavtalene. Avslutter med 0 når sjekken kjørte, 2 ved feil i inndata.") { input, format };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(input)!;
            if (await InputFile.ReadAsync(path, ct) is not { } json) return 2;
            CheckInput checkInput;
            try
            {
                checkInput = CheckDocument.Read(json);
            }
            catch (CheckInputException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }
            var result = RuleEngine.Check(checkInput);
            var absences = AbsenceCheck.Run(checkInput);
            if (absences.Count > 0) result = result with { Findings = [.. result.Findings.Concat(absences).Order(FindingOrder.Instance)] };
            var output = parse.GetValue(format) == "text" ? CheckOutput.Text(result, checkInput.Zone) : CheckOutput.Json(result, checkInput.Zone);
            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(Encoding.UTF8.GetBytes(output), ct);
            return 0;
        });
        return command;
    }
}
