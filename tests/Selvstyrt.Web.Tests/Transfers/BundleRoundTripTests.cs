using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Cli;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Data.Identity;
using Selvstyrt.Domain.People;
using Selvstyrt.Testing;
using Selvstyrt.Web.Features.Transfers;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Transfers;

/// <summary>
/// Issue 22, item 4: a demo arrangement moves from one provider to another (another installation, an empty database but
/// for the receiving provider, on the other database engine) and back, through the bundle file, and what comes back equals what went: every row of every
/// section, field by field, once the new identifiers are read back through the receipts.
/// </summary>
public sealed class BundleRoundTripTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The receiving installation runs the other engine: a provider on SQLite may hand over to one on PostgreSQL.</summary>
    [Theory, DatabaseData]
    public async Task DemoArrangement_MovesToAnotherProviderAndBack_Unchanged(DatabaseKind db)
    {
        await using var a = Hosts.Fresh(db);
        await using var b = Hosts.Fresh(db == DatabaseKind.Sqlite ? DatabaseKind.Postgres : DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Demo:Seed"] = "false" });
        var (providerB, officeB) = await NewProviderAsync(b);
        var arrangement = DemoIds.For("arrangement:10");

        var first = await ExportAsync(a, arrangement);
        var counts = ((JsonObject)first.Document["sections"]!).ToDictionary(s => s.Key, s => ((JsonArray)s.Value!).Count);
        TestContext.Current.SendDiagnosticMessage(string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")));
        foreach (var section in new[] { "recipients", "decisions", "decisionDocuments", "shiftTemplates", "planShifts", "timeSheets", "timeEntries", "sheetTransitions",
                     "incidents", "riskAnalyses", "talks", "assistants", "employments", "assistantCompetences", "employmentContracts", "policeCertificates" })
            counts[section].ShouldBeGreaterThan(0, $"the demo arrangement has {section}, so the round trip compares them");

        var there = await ImportAsync(b, first, providerB, officeB, new LocalDate(2026, 12, 1));
        var second = await ExportAsync(b, there.ArrangementId);
        Same(first, second, there);

        var back = await ImportAsync(a, second, DemoSeeder.ProviderId, DemoIds.For("office:ost"), new LocalDate(2027, 1, 1));
        var third = await ExportAsync(a, back.ArrangementId);
        Same(second, third, back);
    }

    private static async Task<(Guid Provider, Guid Office)> NewProviderAsync(SelvstyrtFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        var created = await ProviderSetup.CreateAsync(data, scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), factory.Clock,
            new ProviderSetup.Request("Fjordassistanse AS", "912 345 688", "ada@fjord.test", "Ada Admin"), "https://localhost", mailConfigured: false, Ct);
        var office = Office.New(Guid.CreateVersion7(), created.Value!.ProviderId, "Kontor Fjord", "Vestland").Value!;
        data.Offices.Add(office);
        await data.SaveChangesAsync(Ct);
        return (created.Value.ProviderId, office.Id);
    }

    private static async Task<ReadBundle> ExportAsync(SelvstyrtFactory factory, Guid arrangement)
    {
        using var scope = factory.Services.CreateScope();
        var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        var now = factory.Clock.GetCurrentInstant();
        var bundle = await BundleExport.ExportAsync(data, arrangement, now.InZone(DateTimeZoneProviders.Tzdb["Europe/Oslo"]).Date, now, Ct);
        var file = BundleArchive.Write(bundle, BundleSchema.Generate(data), new Dictionary<string, byte[]>(), "test");
        var read = BundleArchive.Read(file);
        read.Error.ShouldBeNull();
        return read.Value!;
    }

    private static async Task<ImportReceipt> ImportAsync(SelvstyrtFactory factory, ReadBundle bundle, Guid provider, Guid office, LocalDate firstDay)
    {
        using var scope = factory.Services.CreateScope();
        var result = await BundleImport.ImportAsync(scope.ServiceProvider.GetRequiredService<SelvstyrtDb>(), scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
            bundle.Document, bundle.Files, bundle.Sha256, new ImportTarget(provider, office, firstDay, "Test", factory.Clock.GetCurrentInstant()), Ct);
        result.Error.ShouldBeNull(result.Error is Selvstyrt.Domain.Common.Invalid bad ? string.Join("\n", bad.Fields.Select(f => $"{f.Key}: {f.Value}")) : result.Error?.Message);
        result.Value!.AlreadyImported.ShouldBeFalse();
        return result.Value;
    }

    /// <summary>
    /// Every section of <paramref name="after"/>, read back through the receipt, equals <paramref name="before"/>'s. The
    /// office is the one exception: the receiver chooses the office that follows the arrangement up, and everything goes
    /// there (at the demo provider an assistant may belong to another office than the arrangement), so every office
    /// identifier on both sides reads as the same placeholder.
    /// </summary>
    private static void Same(ReadBundle before, ReadBundle after, ImportReceipt receipt)
    {
        var offices = OfficesOf(before).Concat(OfficesOf(after)).ToHashSet();
        var back = receipt.Map.Where(m => !offices.Contains(m.Key)).GroupBy(m => m.Value).ToDictionary(g => g.Key, g => g.First().Key);
        foreach (var office in offices) back[office] = Guid.Empty;
        var expected = (JsonObject)Rewrite(before.Document["sections"]!.DeepClone(), offices.ToDictionary(o => o, _ => Guid.Empty))!;
        var actual = (JsonObject)Rewrite(after.Document["sections"]!.DeepClone(), back)!;
        foreach (var (name, rows) in expected)
        {
            var want = Sorted((JsonArray)rows!);
            var got = Sorted((JsonArray)actual[name]!);
            got.Count.ShouldBe(want.Count, $"rows of {name}");
            for (var i = 0; i < want.Count; i++)
                got[i]!.ToJsonString().ShouldBe(want[i]!.ToJsonString(), $"row {i} of {name}");
        }
    }

    private static IEnumerable<Guid> OfficesOf(ReadBundle bundle) =>
        ((JsonArray)bundle.Document["references"]!["offices"]!).Select(o => Guid.Parse((string)o!["id"]!));

    private static List<JsonNode?> Sorted(JsonArray rows) => rows.OrderBy(r => (string?)r!["id"], StringComparer.Ordinal).ToList();

    private static readonly Regex GuidText = new("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static JsonNode? Rewrite(JsonNode? node, Dictionary<Guid, Guid> back) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Rewrite(p.Value?.DeepClone(), back)))),
        // Owned rows (a risk analysis's hazards) come in the order of their identifiers, which are new at every provider.
        JsonArray list => new JsonArray(list.Select(i => Rewrite(i?.DeepClone(), back)).OrderBy(i => i is JsonObject o ? (string?)o["id"] : null, StringComparer.Ordinal).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var s) => JsonValue.Create(GuidText.Replace(s, m => back.TryGetValue(Guid.Parse(m.Value), out var to) ? to.ToString() : m.Value)),
        _ => node,
    };
}
