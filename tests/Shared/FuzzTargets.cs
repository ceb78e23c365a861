using System.Text;
using Selvstyrt.Domain.Rules.Io;
using Selvstyrt.Rostering.Bpa;
using Selvstyrt.Rostering.Curtois;
using Selvstyrt.Web.Features.Imports;
using Selvstyrt.Web.Features.Transfers;

namespace Selvstyrt.Testing;

/// <summary>
/// The parsers that read files people and other systems send (quality.md S6), each with the one way it may refuse bad input:
/// the batch check's and the BPA roster format's own exception with a Norwegian message naming the field, the Curtois
/// format's <see cref="FormatException"/> naming the line, and a refused <c>Result</c> from the imports and the arrangement
/// bundle. Any other exception is a crash. Fuzzed by <c>bench/Selvstyrt.Fuzz</c> with AFL++; what it found is kept under
/// <c>tests/fuzz-cases/&lt;target&gt;/</c> and replayed by <c>Web.Tests/Host/FuzzCaseTests</c>.
/// </summary>
public static class FuzzTargets
{
    /// <param name="Name">The target's name on the fuzzer's command line and its folder of seeds and cases.</param>
    /// <param name="Run">Reads one input; returns normally when the input was read or refused the documented way.</param>
    public sealed record Target(string Name, Action<byte[]> Run);

    public static readonly IReadOnlyList<Target> All =
    [
        new("check", bytes => Refused<CheckInputException>(() => CheckDocument.Read(Text(bytes)))),
        new("bpa", bytes => Refused<BpaInputException>(() => BpaJson.Read(Text(bytes)))),
        new("curtois", bytes => Refused<FormatException>(() => CurtoisInstance.Parse(new StringReader(Text(bytes))))),
        new("import-csv", bytes => ImportTable.Read(bytes, "assistenter.csv")),
        new("import-xlsx", bytes => ImportTable.Read(bytes, "assistenter.xlsx")),
        new("bundle", bytes => BundleArchive.Read(bytes)),
    ];

    public static Target Named(string name) => All.SingleOrDefault(t => t.Name == name)
        ?? throw new ArgumentException($"Ukjent mål «{name}». Velg ett av: {string.Join(", ", All.Select(t => t.Name))}.", nameof(name));

    /// <summary>Text as the command line reads a file: UTF-8, bad bytes replaced.</summary>
    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private static void Refused<T>(Action read) where T : Exception
    {
        try
        {
            read();
        }
        catch (T e) when (!string.IsNullOrWhiteSpace(e.Message))
        {
            // The documented refusal, with its message.
        }
    }
}
