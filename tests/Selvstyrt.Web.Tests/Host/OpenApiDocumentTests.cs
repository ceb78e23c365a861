using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Selvstyrt.Web.Http;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Host;

/// <summary>
/// The OpenAPI document integrators generate clients from (issue 25): the committed copy is the one the app serves, it passes
/// Redocly's recommended rules with no problem, it lists every API route and no page, and every request example it shows is
/// read by the API's own strict reader.
/// </summary>
public sealed class OpenApiDocumentTests(Hosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Committed => Path.Combine(Repository.Root, "docs", "api", "openapi-v1.json");

    private async Task<string> ServedAsync()
    {
        using var client = hosts.For(DatabaseKind.Sqlite).CreateBrowserLikeClient();
        return await client.GetStringAsync("/openapi/v1.json", Ct);
    }

    [Fact]
    public async Task TheCommittedDocumentIsTheOneTheAppServes()
    {
        var served = await ServedAsync();
        var committed = File.Exists(Committed) ? await File.ReadAllTextAsync(Committed, Ct) : "";
        if (Normalise(served) == Normalise(committed)) return;
        // The generated client (tests/Selvstyrt.ApiClient) is built from the committed copy: write the served one so the next
        // build generates from it, and fail so the change is seen and committed.
        await File.WriteAllTextAsync(Committed, served, Ct);
        Assert.Fail($"docs/api/openapi-v1.json var ikke det appen serverer. Den er nå skrevet på nytt: se over endringen, bygg og commit den.");
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    [Fact]
    public async Task RedoclysRecommendedRulesFindNoProblem()
    {
        var cli = Path.Combine(Repository.Root, "tools", "openapi", "node_modules", "@redocly", "cli", "bin", "cli.js");
        if (!File.Exists(cli))
        {
            if (SelvstyrtFactory.IsCi) Assert.Fail("Redocly CLI mangler: ./test.sh kjører npm ci i tools/openapi.");
            Assert.Skip("Redocly CLI er ikke installert: kjør `npm ci --prefix tools/openapi` (./test.sh gjør det).");
        }
        var file = Path.Combine(Path.GetTempPath(), $"selvstyrt-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await ServedAsync(), Ct);
        try
        {
            var start = new ProcessStartInfo("node", ["--no-deprecation", cli, "lint", "--config", Path.Combine(Repository.Root, "tools", "openapi", "redocly.yaml"), "--format", "json", "--max-problems", "1000", file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" },
            };
            using var lint = Process.Start(start)!;
            var output = lint.StandardOutput.ReadToEndAsync(Ct);
            var errors = lint.StandardError.ReadToEndAsync(Ct);
            await lint.WaitForExitAsync(Ct);
            var json = await output;
            json.ShouldStartWith("{", customMessage: "Redocly skrev ikke JSON: " + json + await errors);
            using var report = JsonDocument.Parse(json);
            var problems = report.RootElement.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()} "
                    + string.Join(", ", p.GetProperty("location").EnumerateArray().Select(l => l.GetProperty("pointer").GetString())))
                .ToList();
            problems.ShouldBeEmpty("Redocly: " + string.Join("\n", problems));
            report.RootElement.GetProperty("totals").GetProperty("errors").GetInt32().ShouldBe(0);
            lint.ExitCode.ShouldBe(0, await errors);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task EveryApiRouteIsDescribed_AndNoPage()
    {
        var factory = hosts.For(DatabaseKind.Sqlite);
        using var document = JsonDocument.Parse(await ServedAsync());
        var described = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => (Method: m.Name.ToUpperInvariant(), Path: p.Name)))
            .ToHashSet();
        var api = RouteTable.Read(factory).Where(r => r.Pattern.StartsWith("/api/", StringComparison.Ordinal))
            .Select(r => (r.Method, Path: ApiPaths.OfRoute(r.Pattern)))
            .ToHashSet();

        api.Count.ShouldBeGreaterThan(200);
        api.Except(described).ShouldBeEmpty("API routes missing from the document");
        described.Except(api).ShouldBeEmpty("operations in the document that are not API routes (pages, downloads for the browser)");
        document.RootElement.GetProperty("paths").EnumerateObject().ShouldAllBe(p => p.Name.StartsWith("/api/v1/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryRequestExample_IsReadByTheApisOwnReader()
    {
        var factory = hosts.For(DatabaseKind.Sqlite);
        var descriptions = factory.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
            .ToList();
        using var document = JsonDocument.Parse(await ServedAsync());
        var checkedBodies = 0;
        foreach (var description in descriptions)
        {
            var operation = document.RootElement.GetProperty("paths").GetProperty(ApiPaths.OfRoute("/" + description.RelativePath))
                .GetProperty(description.HttpMethod!.ToLowerInvariant());
            if (!operation.TryGetProperty("requestBody", out var body) || !body.GetProperty("content").TryGetProperty("application/json", out var json)) continue;
            var type = ApiDocument.BodyType(description);
            type.ShouldNotBeNull($"{description.HttpMethod} {description.RelativePath} documents a JSON body without a type");
            json.TryGetProperty("example", out var example).ShouldBeTrue($"{description.HttpMethod} {description.RelativePath} has no example");
            Should.NotThrow(() => JsonSerializer.Deserialize(example.GetRawText(), type, ApiJson.Options),
                $"the example of {description.HttpMethod} {description.RelativePath} must be read by the API: {example.GetRawText()}");
            checkedBodies++;
        }
        checkedBodies.ShouldBeGreaterThan(100);
    }

    /// <summary>
    /// What the API answers is what the document says: every GET of the API the administrator can call with the demo's ids (the
    /// demo's 24/7 arrangement and its published plan, the administrator's own provider, Oslo) is called, and each object in
    /// the answer has exactly the properties its schema names, all the way down.
    /// </summary>
    [Fact]
    public async Task EveryAnswerTheAdminReads_HasExactlyTheDocumentedProperties()
    {
        var factory = hosts.For(DatabaseKind.Sqlite);
        using var client = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        using var document = JsonDocument.Parse(await ServedAsync());
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var checkedAnswers = new List<string>();
        var mismatches = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out var get)) continue;
            if (!get.GetProperty("responses").TryGetProperty("200", out var ok) || !ok.TryGetProperty("content", out var content)
                || !content.TryGetProperty("application/json", out var json)) continue;
            var url = ApiPaths.WithDemoIds(path.Name);
            if (ApiPaths.HasParameters(url)) continue;
            using var response = await client.GetAsync(url, Ct);
            if (response.StatusCode != System.Net.HttpStatusCode.OK) continue;
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            Compare(answer.RootElement, json.GetProperty("schema"), schemas, url, mismatches, depth: 0);
            checkedAnswers.Add(url);
        }
        checkedAnswers.Count.ShouldBeGreaterThan(40, string.Join("\n", checkedAnswers));
        mismatches.ShouldBeEmpty(string.Join("\n", mismatches));
    }

    private static void Compare(JsonElement value, JsonElement schema, JsonElement schemas, string at, List<string> mismatches, int depth)
    {
        if (depth > 12 || value.ValueKind == JsonValueKind.Null) return;
        schema = Resolve(schema, schemas);
        if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
        {
            foreach (var option in oneOf.EnumerateArray())
            {
                var resolved = Resolve(option, schemas);
                if (!(resolved.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"))
                    Compare(value, resolved, schemas, at, mismatches, depth + 1);
            }
            return;
        }
        switch (value.ValueKind)
        {
            case JsonValueKind.Array when schema.TryGetProperty("items", out var items):
                foreach (var item in value.EnumerateArray().Take(3)) Compare(item, items, schemas, at + "[]", mismatches, depth + 1);
                break;
            case JsonValueKind.Object when schema.TryGetProperty("properties", out var properties):
                var documented = properties.EnumerateObject().Select(p => p.Name).ToHashSet();
                var answered = value.EnumerateObject().Select(p => p.Name).ToHashSet();
                foreach (var extra in answered.Except(documented)) mismatches.Add($"{at}: «{extra}» is answered but not documented");
                foreach (var missing in documented.Except(answered)) mismatches.Add($"{at}: «{missing}» is documented but not answered");
                foreach (var property in value.EnumerateObject().Where(p => documented.Contains(p.Name)))
                    Compare(property.Value, properties.GetProperty(property.Name), schemas, at + "." + property.Name, mismatches, depth + 1);
                break;
        }
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas)
        => schema.TryGetProperty("$ref", out var reference)
            ? schemas.GetProperty(reference.GetString()!["#/components/schemas/".Length..])
            : schema;
}
