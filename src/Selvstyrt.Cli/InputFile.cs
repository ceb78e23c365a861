using System.Text;

namespace Selvstyrt.Cli;

/// <summary>Reads a command's input file (or standard input for <c>-</c>); a file that cannot be read is reported on standard error.</summary>
internal static class InputFile
{
    /// <summary>The text, or null after writing the Norwegian reason (the caller exits with 2).</summary>
    public static async Task<string?> ReadAsync(string path, CancellationToken ct)
    {
        try
        {
            return path == "-" ? await Console.In.ReadToEndAsync(ct) : await File.ReadAllTextAsync(path, Encoding.UTF8, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"{path}: kan ikke lese filen ({e.GetType().Name.Replace("Exception", "", StringComparison.Ordinal)}).");
            return null;
        }
    }
}
