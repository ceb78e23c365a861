using System.Diagnostics;

namespace Selvstyrt.Testing;

/// <summary>Runs the built <c>selvstyrt</c> command line as its own process, as a person or a script would.</summary>
public static class CliProcess
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(string arguments, string? stdin = null, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken ct = default)
    {
        var root = Repository.Root;
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var cli = Path.Combine(root, "src", "Selvstyrt.Cli", "bin", configuration, "net10.0", "selvstyrt.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{cli}\" {arguments}")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? root,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await output, await error);
    }
}
