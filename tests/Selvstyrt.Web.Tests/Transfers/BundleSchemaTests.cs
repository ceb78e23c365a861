using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Selvstyrt.Web.Features.Transfers;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Transfers;

/// <summary>
/// The bundle's format is documented and open (issue 22, item 4): the committed JSON Schema is the one the app writes into
/// every bundle, and every demo arrangement's bundle passes it in Ajv (an independent JSON Schema 2020-12 validator), while a
/// bundle with a wrong field does not.
/// </summary>
public sealed class BundleSchemaTests(Hosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Committed => Path.Combine(Repository.Root, "docs", "bundle", "arrangement-bundle-v1.schema.json");

    private static string Validator => Path.Combine(Repository.Root, "tools", "openapi", "validate-bundle.mjs");

    private string Generated()
    {
        using var scope = hosts.For(DatabaseKind.Sqlite).Services.CreateScope();
        return BundleSchema.Generate(scope.ServiceProvider.GetRequiredService<SelvstyrtDb>());
    }

    [Fact]
    public async Task TheCommittedSchemaIsTheOneEveryBundleCarries()
    {
        var generated = Generated();
        var committed = File.Exists(Committed) ? await File.ReadAllTextAsync(Committed, Ct) : "";
        if (generated.Replace("\r\n", "\n", StringComparison.Ordinal) == committed.Replace("\r\n", "\n", StringComparison.Ordinal)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(Committed)!);
        await File.WriteAllTextAsync(Committed, generated, Ct);
        Assert.Fail("docs/bundle/arrangement-bundle-v1.schema.json var ikke skjemaet appen skriver. Det er nå skrevet på nytt: se over endringen og commit den.");
    }

    [Theory, DatabaseData]
    public async Task EveryDemoArrangementsBundle_PassesTheSchema_AndAWrongFieldDoesNot(DatabaseKind db)
    {
        if (!File.Exists(Path.Combine(Repository.Root, "tools", "openapi", "node_modules", "ajv", "package.json")))
        {
            if (SelvstyrtFactory.IsCi) Assert.Fail("Ajv mangler: ./test.sh kjører npm ci i tools/openapi.");
            Assert.Skip("Ajv er ikke installert: kjør `npm ci --prefix tools/openapi` (./test.sh gjør det).");
        }
        var factory = hosts.For(db);
        var schema = Path.Combine(Path.GetTempPath(), $"selvstyrt-schema-{Guid.NewGuid():N}.json");
        var documents = new List<string>();
        try
        {
            using (var scope = factory.Services.CreateScope())
            {
                var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
                await File.WriteAllTextAsync(schema, BundleSchema.Generate(data), Ct);
                var now = factory.Clock.GetCurrentInstant();
                foreach (var no in Enumerable.Range(1, 10))
                {
                    var bundle = await BundleExport.ExportAsync(data, DemoIds.For($"arrangement:{no}"), now.InZone(DateTimeZoneProviders.Tzdb["Europe/Oslo"]).Date, now, Ct);
                    var file = Path.Combine(Path.GetTempPath(), $"selvstyrt-bundle-{no}-{Guid.NewGuid():N}.json");
                    await File.WriteAllTextAsync(file, bundle.Document.ToJsonString(BundleFormat.Json), Ct);
                    documents.Add(file);
                    if (no == 10)
                    {
                        var wrong = (JsonObject)bundle.Document.DeepClone();
                        wrong["sections"]!["decisions"]![0]!["hoursPerWeek"] = "mange";
                        wrong["sections"]!["timeSheets"]![0]!["surprise"] = true;
                        var bad = Path.Combine(Path.GetTempPath(), $"selvstyrt-bundle-wrong-{Guid.NewGuid():N}.json");
                        await File.WriteAllTextAsync(bad, wrong.ToJsonString(), Ct);
                        documents.Add(bad);
                    }
                }
            }
            // One run of the validator for all eleven: the good ten are named valid, the wrong one by its two errors.
            var (exit, output) = await ValidateAsync(schema, documents);
            exit.ShouldBe(1, output);
            foreach (var document in documents.Where(d => !d.Contains("-wrong-", StringComparison.Ordinal)))
                output.ShouldContain($"{Path.GetFileName(document)} valid");
            var wrongName = Path.GetFileName(documents.Single(d => d.Contains("-wrong-", StringComparison.Ordinal)));
            output.ShouldContain($"{wrongName} /sections/decisions/0/hoursPerWeek must be number");
            output.ShouldContain($"{wrongName} /sections/timeSheets/0 must NOT have additional properties");
            output.Split('\n').Count(l => l.StartsWith(wrongName, StringComparison.Ordinal)).ShouldBe(2, output);
        }
        finally
        {
            File.Delete(schema);
            foreach (var document in documents) File.Delete(document);
        }
    }

    private static async Task<(int Exit, string Output)> ValidateAsync(string schema, IEnumerable<string> documents)
    {
        var start = new ProcessStartInfo("node", ["--no-deprecation", Validator, schema, .. documents]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var run = Process.Start(start)!;
        var output = run.StandardOutput.ReadToEndAsync(Ct);
        var errors = run.StandardError.ReadToEndAsync(Ct);
        await run.WaitForExitAsync(Ct);
        return (run.ExitCode, await output + await errors);
    }
}
