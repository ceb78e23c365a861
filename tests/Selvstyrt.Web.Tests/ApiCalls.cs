using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Selvstyrt.Cli;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;

namespace Selvstyrt.Web.Tests;

/// <summary>A JSON call as a signed-in browser client makes it: the CSRF token from the API, and an Idempotency-Key for creates.</summary>
public static class ApiCalls
{
    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string json, string? idempotencyKey = null, CancellationToken ct = default)
        => SendAsync(client, method, path, json, idempotencyKey, null, ct);

    /// <summary>A write that needs the revision the caller read, sent in If-Match.</summary>
    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string json, int revision, CancellationToken ct = default)
        => SendAsync(client, method, path, json, null, revision, ct);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string json, string? idempotencyKey, int? revision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = await client.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery", ct);
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (revision is { } r) request.Headers.TryAddWithoutValidation("If-Match", $"\"{r}\"");
        request.Headers.Add(token.GetProperty("headerName").GetString()!, token.GetProperty("token").GetString());
        return await client.SendAsync(request, ct);
    }

    /// <summary>An API key for the demo provider, made as the operator's command line makes it, for a role and its scope.</summary>
    public static async Task<string> KeyAsync(SelvstyrtFactory factory, string role, Guid? office = null, Guid? municipality = null, string name = "test",
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var scope = factory.Services.CreateScope();
        var result = await ApiKeyAdmin.CreateAsync(scope.ServiceProvider.GetRequiredService<SelvstyrtDb>(), factory.Clock,
            new ApiKeyAdmin.Request(DemoSeeder.ProviderId, role, office, municipality, null, name), ct);
        return result.Value ?? throw new InvalidOperationException(result.Error!.Message);
    }

    /// <summary>A multipart upload (a file and form fields) with the CSRF token, as the import form's API twin takes it.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string path, byte[] file, string fileName, IReadOnlyDictionary<string, string> fields, string fileField = "file", CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var token = await client.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery", ct);
        using var content = new MultipartFormDataContent { { new ByteArrayContent(file), fileField, fileName } };
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add(token.GetProperty("headerName").GetString()!, token.GetProperty("token").GetString());
        return await client.SendAsync(request, ct);
    }

    /// <summary>The field errors of a refused call: a 400 (the body is shown when it is not), and its Norwegian messages by field.</summary>
    public static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        Shouldly.ShouldBeTestExtensions.ShouldBe(response.StatusCode, System.Net.HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync(ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json, string? idempotencyKey = null, CancellationToken ct = default)
        => SendAsync(client, HttpMethod.Post, path, json, idempotencyKey, ct);

    /// <summary>Posts an object as JSON (with the CSRF token, and the key when given).</summary>
    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, object body, string? idempotencyKey = null, CancellationToken ct = default)
        => SendAsync(client, HttpMethod.Post, path, JsonSerializer.Serialize(body), idempotencyKey, ct);

    /// <summary>The body of an answer that must have this status (the body is shown when it has not); default when it is empty.</summary>
    public static async Task<JsonElement> OkAsync(HttpResponseMessage response, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            Shouldly.ShouldBeTestExtensions.ShouldBe(response.StatusCode, expected, text);
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}
