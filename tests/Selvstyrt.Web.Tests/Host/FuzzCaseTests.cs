using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Host;

/// <summary>
/// quality.md S6: what coverage-guided fuzzing (<c>bench/fuzz.sh</c>, AFL++ with SharpFuzz) found is kept under
/// <c>tests/fuzz-cases/&lt;target&gt;/</c>: the inputs that crashed a parser (fixed since) and the fuzzer's corpus of inputs
/// that reached new code. Every one is read again here on every run; each must be read, or refused the documented way
/// (<see cref="FuzzTargets"/>): a Norwegian message naming the field or line, never another exception.
/// </summary>
public sealed class FuzzCaseTests
{
    public static TheoryData<string> Targets() => [.. FuzzTargets.All.Select(t => t.Name)];

    [Theory, MemberData(nameof(Targets))]
    public void EveryKeptFuzzCase_IsReadOrRefusedTheDocumentedWay(string target)
    {
        var folder = Path.Combine(Repository.Root, "tests", "fuzz-cases", target);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
        files.ShouldNotBeEmpty($"bench/fuzz.sh keeps the corpus of {target} in {folder}");
        var run = FuzzTargets.Named(target).Run;
        var crashes = new List<string>();
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            try
            {
                run(File.ReadAllBytes(file));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                crashes.Add($"{Path.GetFileName(file)}: {e.GetType().Name}: {e.Message}");
            }
        }
        crashes.ShouldBeEmpty();
    }
}
