using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsCheck;

namespace Selvstyrt.Testing;

/// <summary>
/// Generated bad input (quality.md S6) for the API's write operations and for the form pages, with CsCheck: the whole body
/// wrong (empty, the wrong content type, invalid UTF-8, JSON nested thousands deep, a list, an unknown field) or one field
/// spoiled (huge strings, control and unpaired surrogate characters, the wrong type, boundary and out-of-range numbers,
/// impossible dates, ids that are no ids). The integration tests send a few per operation and form on every run; the bench
/// (<c>bad-input</c>) sends 2,000 per operation. The judges say what a user may rely on: never a 5xx, an API's 4xx is
/// problem+json and a 400 names the field, a page answers in Norwegian and never with a framework's English message.
/// </summary>
public static partial class BadInput
{
    /// <summary>A write operation of the OpenAPI document, with the example body it documents (null when it takes none).</summary>
    public sealed record Operation(string Method, string Path, JsonObject? Example);

    /// <summary>One bad request body: what is wrong with it (for the report), the bytes and their content type.</summary>
    public sealed record Body(string What, byte[] Bytes, string ContentType)
    {
        public override string ToString() => What.Length > 120 ? What[..120] + "…" : What;
    }

    /// <summary>The document's POST and PUT operations; <paramref name="path"/> turns a documented path into one to call.</summary>
    public static IEnumerable<Operation> Operations(JsonElement document, Func<string, string> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var route in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in route.Value.EnumerateObject().Where(m => m.Name is "post" or "put"))
            {
                JsonObject? example = null;
                if (method.Value.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json)
                    && json.TryGetProperty("example", out var e) && e.ValueKind == JsonValueKind.Object)
                    example = JsonNode.Parse(e.GetRawText())!.AsObject();
                yield return new Operation(method.Name.ToUpperInvariant(), path(route.Name), example);
            }
        }
    }

    private static Body Json(string what, string json) => new(what, Encoding.UTF8.GetBytes(json), "application/json");

    /// <summary>A string that is wrong for nearly any field: very long, control characters, unpaired surrogates, right-to-left marks, emoji, markup.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (4, Gen.String[Gen.Char, 0, 40]),
        (2, Gen.Select(Gen.Char["æøåÆØÅa\0\u202e\ud800😀<'\"\\"], Gen.Int[1_000, 200_000]).Select(t => new string(t.Item1, t.Item2))),
        (1, Gen.OneOf(Gen.Const(""), Gen.Const(" "), Gen.Const("<script>alert(1)</script>"), Gen.Const("' OR 1=1 --"), Gen.Const("ikke-en-id"), Gen.Const("null"))));

    /// <summary>A date that cannot be, or cannot be read: month 0 or 13, day 0 or 32, the 30th of February, year 0 or 10000, other formats.</summary>
    public static readonly Gen<string> Date = Gen.Frequency(
        (3, Gen.Select(Gen.Int[0, 10_000], Gen.Int[0, 13], Gen.Int[0, 32]).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Item1:0000}-{t.Item2:00}-{t.Item3:00}"))),
        (1, Gen.OneOf(Gen.Const("2026-02-30"), Gen.Const("2025-02-29"), Gen.Const("31.02.2026"), Gen.Const("2026-W05"), Gen.Const("i morgen"), Gen.Const("2026-13-01T25:61"))));

    /// <summary>A value of the wrong kind or out of range for the field it replaces, as JSON.</summary>
    public static readonly Gen<(string What, JsonNode? Value)> Value = Gen.Frequency(
        (4, Text.Select(s => ($"tekst ({s.Length} tegn)", (JsonNode?)JsonValue.Create(s)))),
        (2, Date.Select(d => ($"dato «{d}»", (JsonNode?)JsonValue.Create(d)))),
        (2, Gen.Long.Select(n => ($"heltall {n}", (JsonNode?)JsonValue.Create(n)))),
        (1, Gen.Double.Where(double.IsFinite).Select(d => ($"tall {d.ToString("R", CultureInfo.InvariantCulture)}", (JsonNode?)JsonValue.Create(d)))),
        (1, Gen.OneOf(Gen.Const("1e999"), Gen.Const("-0"), Gen.Const("2147483648"), Gen.Const("-9223372036854775809"), Gen.Const("0.0000000000000000000000001"))
            .Select(raw => ($"tall {raw}", JsonNode.Parse(raw)))),
        (1, Gen.Bool.Select(b => ($"sannhetsverdi {b}", (JsonNode?)JsonValue.Create(b)))),
        (1, Gen.Guid.Select(g => ($"ukjent id {g}", (JsonNode?)JsonValue.Create(g)))),
        (1, Gen.Int[0, 5].Select(n => ("objekt", (JsonNode?)new JsonObject { ["x"] = n }))),
        (1, Gen.Int[0, 5].Select(n => ("liste", (JsonNode?)new JsonArray([.. Enumerable.Range(0, n).Select(i => (JsonNode?)JsonValue.Create(i))])))),
        (1, Gen.Const(("null", (JsonNode?)null))));

    /// <summary>A body that is wrong as a whole, whatever the operation.</summary>
    public static Gen<Body> WholeBody(JsonObject? example) => Gen.OneOf(
        Gen.Const(Json("tom kropp", "")),
        Gen.Const(new Body("feil innholdstype", Encoding.UTF8.GetBytes(example?.ToJsonString() ?? "{}"), "text/plain")),
        Gen.Byte.Array[1, 64].Select(bytes => new Body($"ugyldig UTF-8 ({bytes.Length} byte)", [0x7B, 0x22, 0xC3, 0x28, .. bytes, 0x22, 0x3A, 0xFF, 0xFE, 0x7D], "application/json")),
        Gen.Int[65, 5_000].Select(depth => Json($"JSON nestet {depth} dypt", string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth))),
        Gen.Int[0, 5].Select(n => Json("en liste", "[" + string.Join(',', Enumerable.Range(0, n)) + "]")),
        Text.Select(name => Json("ukjent felt", new JsonObject { [name.Length == 0 ? "x" : name] = 1 }.ToJsonString())),
        Gen.Int[1, 2_000].Select(n => Json($"avkuttet JSON ({n} tegn)", (example?.ToJsonString() ?? "{\"a\":1}")[..Math.Min(n, Math.Max(1, (example?.ToJsonString() ?? "{\"a\":1}").Length - 1))])));

    /// <summary>Bad bodies for one operation: a wrong whole body, or (when the operation documents an example) one field of the example spoiled.</summary>
    public static Gen<Body> Bodies(JsonObject? example)
    {
        var fields = example?.Select(p => p.Key).ToArray() ?? [];
        if (example is null || fields.Length == 0) return WholeBody(example);
        var spoiled = Gen.Select(Gen.Int[0, fields.Length - 1], Value).Select(t =>
        {
            var body = example.DeepClone().AsObject();
            body[fields[t.Item1]] = t.Item2.Value?.DeepClone();
            return Json($"{fields[t.Item1]}: {t.Item2.What}", body.ToJsonString());
        });
        return Gen.Frequency((1, WholeBody(example)), (3, spoiled));
    }

    /// <summary>What is wrong with an API answer to bad input, or null when it is as S6 says: no 5xx; a 4xx (but 404 and 409) problem+json; a 400 naming a field.</summary>
    public static string? ApiFault(HttpStatusCode status, string? mediaType, string text)
    {
        var code = (int)status;
        if (code >= 500) return $"{code}: {Cut(text)}";
        if (code < 400 || code is 404 or 409) return null;
        if (mediaType != "application/problem+json") return $"{code} som {mediaType}";
        if (code == 400 && !NamesAField(text)) return $"400 nevner ikke feltet: {Cut(text)}";
        return null;
    }

    private static bool NamesAField(string problem)
    {
        using var json = JsonDocument.Parse(problem);
        return json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any();
    }

    /// <summary>
    /// Sends <paramref name="count"/> generated bad bodies to each operation (CsCheck, on <paramref name="threads"/> threads:
    /// one in the tests, where the server under test is the load) and returns how many were sent and, per operation, the
    /// smallest failing input CsCheck found with its seed.
    /// </summary>
    public static async Task<(int Sent, List<string> Faults)> RunApiAsync(HttpClient client, IReadOnlyList<Operation> operations, int count, CancellationToken ct, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(operations);
        var sent = 0;
        var faults = new List<string>();
        foreach (var operation in operations)
        {
            try
            {
                await Bodies(operation.Example).SampleAsync(async body =>
                {
                    using var content = new ByteArrayContent(body.Bytes);
                    content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(body.ContentType);
                    using var request = new HttpRequestMessage(new HttpMethod(operation.Method), operation.Path) { Content = content };
                    request.Headers.TryAddWithoutValidation("Idempotency-Key", $"feil-{Interlocked.Increment(ref sent)}-{Guid.NewGuid():N}");
                    using var response = await client.SendAsync(request, ct);
                    var text = await response.Content.ReadAsStringAsync(ct);
                    if (ApiFault(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text) is { } fault) throw new BadAnswerException(fault);
                }, iter: count, threads: threads);
            }
            catch (Exception e) when (e is CsCheckException or BadAnswerException)
            {
                faults.Add($"{operation.Method} {operation.Path}: {Cut(e.Message, 600)} {e.InnerException?.Message}");
            }
        }
        return (sent, faults);
    }

    /// <summary>A post form of a page: where it posts, its fields as the page filled them, and which of them a user types or picks.</summary>
    public sealed record Form(string Action, IReadOnlyDictionary<string, string> Fields, IReadOnlyList<string> Editable);

    /// <summary>The page's post forms (but signing out), read from the markup the app renders.</summary>
    public static IEnumerable<Form> Forms(string path, string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        foreach (Match form in FormPattern().Matches(html))
        {
            var attributes = form.Groups[1].Value;
            if (!Attribute(attributes, "method").Equals("post", StringComparison.OrdinalIgnoreCase)) continue;
            var action = Attribute(attributes, "action") is { Length: > 0 } a ? WebUtility.HtmlDecode(a) : path;
            if (action.Contains("logg-ut", StringComparison.Ordinal)) continue;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            var editable = new List<string>();
            var body = form.Groups[2].Value;
            foreach (Match input in InputPattern().Matches(body))
            {
                var tag = input.Groups[1].Value;
                var name = WebUtility.HtmlDecode(Attribute(tag, "name"));
                if (name.Length == 0) continue;
                var type = Attribute(tag, "type").ToLowerInvariant();
                if (type is "submit" or "button" or "file" or "image" or "reset") continue;
                if (type is "checkbox" or "radio" && !tag.Contains("checked", StringComparison.Ordinal) && fields.ContainsKey(name)) continue;
                fields[name] = WebUtility.HtmlDecode(Attribute(tag, "value"));
                if (type != "hidden" && !editable.Contains(name)) editable.Add(name);
            }
            foreach (Match area in TextAreaPattern().Matches(body))
            {
                var name = WebUtility.HtmlDecode(Attribute(area.Groups[1].Value, "name"));
                if (name.Length == 0) continue;
                fields[name] = WebUtility.HtmlDecode(area.Groups[2].Value);
                editable.Add(name);
            }
            foreach (Match select in SelectPattern().Matches(body))
            {
                var name = WebUtility.HtmlDecode(Attribute(select.Groups[1].Value, "name"));
                if (name.Length == 0) continue;
                var options = OptionPattern().Matches(select.Groups[2].Value).Select(o => o.Groups[1].Value).ToList();
                var chosen = OptionPattern().Matches(select.Groups[2].Value).FirstOrDefault(o => o.Value.Contains("selected", StringComparison.Ordinal))?.Groups[1].Value;
                fields[name] = WebUtility.HtmlDecode(Attribute(chosen ?? options.FirstOrDefault() ?? "", "value"));
                editable.Add(name);
            }
            if (!fields.ContainsKey("__RequestVerificationToken") || editable.Count == 0) continue;
            yield return new Form(action, fields, editable);
        }
    }

    /// <summary>The page's form with the given name (its <c>_handler</c>), as a browser would have it.</summary>
    public static async Task<Form> FormAsync(HttpClient client, string path, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        return Forms(path, await client.GetStringAsync(path, ct)).Single(f => f.Fields.GetValueOrDefault("_handler") == name);
    }

    /// <summary>A form with one field spoiled: a generated text (dates, numbers, ids and free text alike arrive as text), or the field left out.</summary>
    public static Gen<(string What, Dictionary<string, string> Fields)> Spoiled(Form form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var value = Gen.Frequency((5, Text), (2, Date), (1, Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture))), (1, Gen.Guid.Select(g => g.ToString())));
        return Gen.Select(Gen.Int[0, form.Editable.Count - 1], value, Gen.Int[0, 9]).Select(t =>
        {
            var fields = new Dictionary<string, string>(form.Fields, StringComparer.Ordinal);
            var name = form.Editable[t.Item1];
            if (t.Item3 == 0)
            {
                fields.Remove(name);
                return ($"{name} utelatt", fields);
            }
            fields[name] = t.Item2;
            return ($"{name} = «{Cut(t.Item2, 40)}» ({t.Item2.Length} tegn)", fields);
        });
    }

    /// <summary>
    /// What is wrong with a page's answer to a spoiled form, or null: no 5xx; no framework text in English (a binding or
    /// validation message the app did not write); a page shown again with an error says which field in Norwegian.
    /// </summary>
    public static string? PageFault(HttpStatusCode status, string html)
    {
        var code = (int)status;
        if (code >= 500) return $"{code}: {Cut(StripTags(html))}";
        if (code is >= 300 and < 400) return null;
        foreach (var english in EnglishFrameworkText)
            if (html.Contains(english, StringComparison.Ordinal)) return $"{code} med engelsk rammeverkstekst «{english}»";
        if (code == 400 && !html.Contains("ds-validation-message", StringComparison.Ordinal) && !html.Contains("ds-error-summary", StringComparison.Ordinal)
            && !html.Contains("ds-alert", StringComparison.Ordinal) && !html.Contains("<h1>Skjemaet kunne ikke sendes</h1>", StringComparison.Ordinal))
            return $"400 uten melding på siden: {Cut(Regex.Replace(StripTags(html), "\\s+", " "), 400)}";
        return null;
    }

    private static readonly string[] EnglishFrameworkText =
        ["is not valid for", "The field ", "is required.", "An unhandled exception", "Exception:", "   at Selvstyrt.", "Bad Request", "The value '", "Cannot submit the form"];

    /// <summary>
    /// Spoils each form <paramref name="count"/> times and posts it as a browser would (with the page's antiforgery token);
    /// returns how many were posted and, per form, the smallest failing input with its seed.
    /// </summary>
    public static async Task<(int Sent, List<string> Faults)> RunFormsAsync(HttpClient client, string page, IReadOnlyList<Form> forms, int count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(forms);
        var sent = 0;
        var faults = new List<string>();
        foreach (var form in forms)
        {
            try
            {
                await Spoiled(form).SampleAsync(async spoiled =>
                {
                    using var content = new FormUrlEncodedContent(spoiled.Fields);
                    using var response = await client.PostAsync(form.Action, content, ct);
                    Interlocked.Increment(ref sent);
                    var html = await response.Content.ReadAsStringAsync(ct);
                    if (PageFault(response.StatusCode, html) is { } fault) throw new BadAnswerException($"{spoiled.What}: {fault}");
                }, iter: count, threads: 1, print: spoiled => spoiled.What);
            }
            catch (Exception e) when (e is CsCheckException or BadAnswerException)
            {
                faults.Add($"{page} → {form.Action} ({form.Fields.GetValueOrDefault("_handler")}): {Cut(e.Message, 600)} {e.InnerException?.Message}");
            }
        }
        return (sent, faults);
    }

    /// <summary>
    /// Every form of the pages the administrator, the work leader and the assistant open (the route table's page routes that
    /// take a post, filled with the demo's objects), each spoiled <paramref name="perForm"/> times.
    /// </summary>
    public static async Task<(int Forms, int Sent, List<string> Faults)> RunPagesAsync(SelvstyrtFactory factory, int perForm, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var pages = RouteTable.Read(factory).Where(r => r.Method == "POST").Select(r => r.Pattern)
            .Where(p => !p.StartsWith("/api/", StringComparison.Ordinal) && !p.StartsWith("/logg-", StringComparison.Ordinal) && !p.Contains('.', StringComparison.Ordinal)
                && p is not ("/feil" or "/ikke-funnet") && !p.Contains("{**", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var (forms, sent, faults) = (0, 0, new List<string>());
        foreach (var email in new[] { Selvstyrt.Data.Demo.DemoLogins.ProviderAdmin, Selvstyrt.Data.Demo.DemoLogins.WorkLeader, Selvstyrt.Data.Demo.DemoLogins.Assistant })
        {
            using var client = await factory.SignedInClientAsync(email);
            foreach (var pattern in pages)
            {
                if (DemoPaths.Fill(pattern, 10, 42, out _) is not { } path) continue;
                using var page = await client.GetAsync(path, ct);
                if (page.StatusCode != HttpStatusCode.OK || page.Content.Headers.ContentType?.MediaType != "text/html") continue;
                var found = Forms(path, await page.Content.ReadAsStringAsync(ct)).ToList();
                forms += found.Count;
                var (posted, wrong) = await RunFormsAsync(client, path, found, perForm, ct);
                sent += posted;
                faults.AddRange(wrong.Select(f => $"{email}: {f}"));
            }
        }
        return (forms, sent, faults);
    }

    private static string Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return match.Success ? match.Groups[1].Value : "";
    }

    private static string StripTags(string html) => Regex.Replace(html, "<[^>]+>", " ");

    private static string Cut(string text, int length = 300) => text.Length <= length ? text : text[..length] + "…";

    [GeneratedRegex("<form([^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input([^>]*)/?>", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex("<textarea([^>]*)>(.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TextAreaPattern();

    [GeneratedRegex("<select([^>]*)>(.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("<option([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex OptionPattern();

    /// <summary>An answer that breaks S6, thrown inside a CsCheck sample so that CsCheck reports the smallest such input and its seed.</summary>
    public sealed class BadAnswerException(string message) : Exception(message);
}
