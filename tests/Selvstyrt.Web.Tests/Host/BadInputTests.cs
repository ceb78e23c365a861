using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Host;

/// <summary>
/// Bad input to every write operation of the API (quality.md S6), generated from the OpenAPI document's own examples:
/// each field made too long, of the wrong type, an impossible date, absurd numbers, deep nesting, invalid UTF-8, the wrong
/// content type. Nothing answers 5xx, and every 4xx is problem+json that says what is wrong (a 400 names the field).
/// </summary>
public sealed class BadInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Bad bodies per operation: six whole-body mistakes and fourteen spoiled fields (about 2,700 requests per engine).</summary>
    private const int PerOperation = 20;

    private sealed record Operation(string Method, string Path, JsonObject? Example);

    [Theory, DatabaseData]
    public async Task EveryWriteOperation_RefusesGeneratedBadInput_WithoutA5xx_AndNamesTheField(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var key = await ApiCalls.KeyAsync(factory, "provider-admin", name: "Feil inndata", ct: Ct);
        using var client = factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Ct));
        var operations = Operations(document.RootElement).ToList();
        operations.Count.ShouldBeGreaterThan(100);

        var failures = new List<string>();
        var sent = 0;
        foreach (var operation in operations)
        {
            foreach (var body in BadBodies(operation.Example).Take(PerOperation))
            {
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), operation.Path) { Content = body.Content };
                request.Headers.TryAddWithoutValidation("Idempotency-Key", $"feil-{sent}");
                using var response = await client.SendAsync(request, Ct);
                sent++;
                var text = await response.Content.ReadAsStringAsync(Ct);
                var status = (int)response.StatusCode;
                if (status >= 500) failures.Add($"{operation.Method} {operation.Path} ({body.What}): {status} {text[..Math.Min(300, text.Length)]}");
                else if (status >= 400 && status != 404 && status != 409)
                {
                    if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                        failures.Add($"{operation.Method} {operation.Path} ({body.What}): {status} as {response.Content.Headers.ContentType?.MediaType}");
                    else if (status == 400 && !NamesAField(text))
                        failures.Add($"{operation.Method} {operation.Path} ({body.What}): 400 names no field: {text[..Math.Min(300, text.Length)]}");
                }
            }
        }
        sent.ShouldBeGreaterThan(2500);
        failures.ShouldBeEmpty($"{failures.Count} of {sent}:\n" + string.Join("\n", failures.Take(60)));
    }

    private static bool NamesAField(string problem)
    {
        using var json = JsonDocument.Parse(problem);
        return json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any();
    }

    private static IEnumerable<Operation> Operations(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "post" or "put"))
            {
                JsonObject? example = null;
                if (method.Value.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json)
                    && json.TryGetProperty("example", out var e) && e.ValueKind == JsonValueKind.Object)
                    example = JsonNode.Parse(e.GetRawText())!.AsObject();
                yield return new Operation(method.Name.ToUpperInvariant(), ApiPaths.WithNewIds(ApiPaths.WithDemoIds(path.Name)), example);
            }
        }
    }

    private sealed record Bad(string What, HttpContent Content);

    /// <summary>Bad bodies for one operation: whole-body mistakes first, then each field spoiled in turn, in a generated order.</summary>
    private static IEnumerable<Bad> BadBodies(JsonObject? example)
    {
        yield return new Bad("tom kropp", new StringContent("", Encoding.UTF8, "application/json"));
        yield return new Bad("feil innholdstype", new StringContent(example?.ToJsonString() ?? "{}", Encoding.UTF8, "text/plain"));
        yield return new Bad("ugyldig UTF-8", new ByteArrayContent([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0xFF, 0xFE, 0x7D]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });
        yield return new Bad("dyp JSON", Json(string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200)));
        yield return new Bad("en liste", Json("[1,2,3]"));
        yield return new Bad("ukjent felt", Json("{\"finnesIkke\":1}"));
        if (example is null) yield break;
        var spoilers = new (string What, Func<JsonNode?, JsonNode?> Spoil)[]
        {
            ("100 000 tegn", _ => JsonValue.Create(new string('æ', 100_000))),
            ("tall for tekst", _ => JsonValue.Create(12345)),
            ("tekst for tall", _ => JsonValue.Create("mange")),
            ("umulig dato", _ => JsonValue.Create("2026-02-30")),
            ("dato i år 10000", _ => JsonValue.Create("10000-01-01")),
            ("stort tall", _ => JsonValue.Create(1e308)),
            ("negativt tall", _ => JsonValue.Create(-2147483648L)),
            ("objekt", _ => new JsonObject { ["x"] = 1 }),
            ("liste", _ => new JsonArray(1, 2)),
            ("null", _ => null),
            ("ugyldig id", _ => JsonValue.Create("ikke-en-id")),
        };
        var fields = example.Select(p => p.Key).ToList();
        if (fields.Count == 0) yield break;
        var random = new Random(fields.Count * 31 + spoilers.Length);
        var picks = Enumerable.Range(0, 40).Select(_ => (Field: random.Next(fields.Count), Spoiler: random.Next(spoilers.Length))).Distinct();
        foreach (var (field, spoiler) in picks)
        {
            var body = example.DeepClone().AsObject();
            body[fields[field]] = spoilers[spoiler].Spoil(body[fields[field]]);
            yield return new Bad($"{fields[field]}: {spoilers[spoiler].What}", Json(body.ToJsonString()));
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
