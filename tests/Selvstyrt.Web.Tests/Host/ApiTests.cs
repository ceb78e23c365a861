using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Cli;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Host;

/// <summary>The JSON API: API keys scoped like users, idempotent creates, Norwegian problem+json naming the field.</summary>
public sealed class ApiTests(Hosts hosts)
{
    private static HttpClient WithKey(SelvstyrtFactory factory, string key)
    {
        var client = factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private const string ValidAssistant = """
        { "fullName": "Api Assistentsen", "officeId": "OFFICE", "kind": "permanent", "positionPercent": 40, "start": "2026-12-01" }
        """;

    [Theory, DatabaseData]
    public async Task ApiKey_CaseWorker_SeesOnlyOwnMunicipality(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var client = WithKey(factory, await ApiCalls.KeyAsync(factory, "case-worker", municipality: DemoIds.For("municipality:4601"), ct: TestContext.Current.CancellationToken));

        var rows = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/arrangements", TestContext.Current.CancellationToken);

        rows.ShouldNotBeNull();
        rows.Select(r => r.GetProperty("municipalityName").GetString()).Distinct().ShouldBe(["Bergen"]);
        rows.Length.ShouldBe(3);
        (await client.GetAsync($"/api/v1/arrangements/{DemoIds.For("arrangement:10")}", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, DatabaseData]
    public async Task ApiKey_WrongOrRevoked_Is401(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var key = await ApiCalls.KeyAsync(factory, "provider-admin", ct: TestContext.Current.CancellationToken);
        var tampered = key[..^2] + (key[^1] == 'a' ? "bb" : "aa");

        (await WithKey(factory, tampered).GetAsync("/api/v1/me", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await WithKey(factory, key).GetAsync("/api/v1/me", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using (var scope = factory.Services.CreateScope())
        {
            var dbc = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            var prefix = Selvstyrt.Data.Identity.ApiKeySecrets.PrefixOf(key);
            var row = await dbc.ApiKeys.SingleAsync(k => k.Prefix == prefix, TestContext.Current.CancellationToken);
            row.RevokedAt = factory.Clock.GetCurrentInstant();
            await dbc.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        (await WithKey(factory, key).GetAsync("/api/v1/me", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, DatabaseData]
    public async Task CreateAssistant_SameIdempotencyKeyTwice_CreatesOnce(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var client = WithKey(factory, await ApiCalls.KeyAsync(factory, "provider-admin", ct: TestContext.Current.CancellationToken));
        var body = ValidAssistant.Replace("OFFICE", DemoIds.For("office:vest").ToString(), StringComparison.Ordinal).Replace("Api Assistentsen", "Idem Potent", StringComparison.Ordinal);
        var key = Guid.NewGuid().ToString();

        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/v1/assistants") { Content = Json(body) };
        first.Headers.Add("Idempotency-Key", key);
        using var second = new HttpRequestMessage(HttpMethod.Post, "/api/v1/assistants") { Content = Json(body) };
        second.Headers.Add("Idempotency-Key", key);
        var created = await client.SendAsync(first, TestContext.Current.CancellationToken);
        var retried = await client.SendAsync(second, TestContext.Current.CancellationToken);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        retried.StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        (await retried.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid().ShouldBe(id);
        using var scope = factory.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().Assistants.CountAsync(a => a.FullName == "Idem Potent", TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    public static TheoryData<DatabaseKind, string, string, string> BadBodies()
    {
        var data = new TheoryData<DatabaseKind, string, string, string>();
        foreach (var kind in Enum.GetValues<DatabaseKind>())
        {
            data.Add(kind, """{ "fullName": "A", "officeId": "OFFICE", "kind": "permanent", "positionPercent": 40, "start": "2026-12-01", "tenantId": "x" }""", "tenantId", "Ukjent felt.");
            data.Add(kind, """{ "fullName": "A", "officeId": "OFFICE", "kind": "permanent", "positionPercent": "førti", "start": "2026-12-01" }""", "positionPercent", "feil format");
            data.Add(kind, """{ "fullName": "A", "officeId": "OFFICE", "kind": "permanent", "positionPercent": 40, "start": "2026-13-01" }""", "start", "feil format");
            data.Add(kind, """{ "fullName": "", "officeId": "OFFICE", "kind": "permanent", "positionPercent": 40, "start": "2026-12-01" }""", "fullName", "Navn må fylles ut.");
            data.Add(kind, """{ "fullName": "A", "officeId": "OFFICE", "kind": "permanent", "positionPercent": 140, "start": "2026-12-01" }""", "positionPercent", "mellom 0 og 100");
            data.Add(kind, """{ "fullName": "A", "officeId": "OFFICE", """, "$", "feil format");
        }
        return data;
    }

    [Theory, MemberData(nameof(BadBodies))]
    public async Task CreateAssistant_BadInput_IsNorwegianProblemNamingTheField(DatabaseKind db, string body, string field, string message)
    {
        var factory = hosts.For(db);
        var client = WithKey(factory, await ApiCalls.KeyAsync(factory, "provider-admin", ct: TestContext.Current.CancellationToken));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/assistants")
        {
            Content = Json(body.Replace("OFFICE", DemoIds.For("office:ost").ToString(), StringComparison.Ordinal)),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("errors").TryGetProperty(field, out var errors).ShouldBeTrue(text);
        errors[0].GetString()!.ShouldContain(message, Case.Insensitive);
        text.ShouldNotContain("Exception");
    }

    [Theory, DatabaseData]
    public async Task CreateAssistant_WithoutIdempotencyKey_IsRefused(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var client = WithKey(factory, await ApiCalls.KeyAsync(factory, "provider-admin", ct: TestContext.Current.CancellationToken));

        var response = await client.PostAsync("/api/v1/assistants", Json(ValidAssistant.Replace("OFFICE", DemoIds.For("office:ost").ToString(), StringComparison.Ordinal)), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("idempotencyKey");
    }

    [Theory, DatabaseData]
    public async Task CookieClient_UnsafeCallNeedsCsrfToken(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var client = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var body = ValidAssistant.Replace("OFFICE", DemoIds.For("office:ost").ToString(), StringComparison.Ordinal).Replace("Api Assistentsen", "Csrf Sjekk", StringComparison.Ordinal);

        using var forged = new HttpRequestMessage(HttpMethod.Post, "/api/v1/assistants") { Content = Json(body) };
        forged.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        (await client.SendAsync(forged, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var token = await client.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery", TestContext.Current.CancellationToken);
        using var proper = new HttpRequestMessage(HttpMethod.Post, "/api/v1/assistants") { Content = Json(body) };
        proper.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        proper.Headers.Add(token.GetProperty("headerName").GetString()!, token.GetProperty("token").GetString());
        (await client.SendAsync(proper, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Theory, DatabaseData]
    public async Task OpenApi_Document_ListsTheApi(DatabaseKind db)
    {
        var client = hosts.For(db).CreateBrowserLikeClient();

        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);

        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/arrangements/{id}");
        paths.ShouldContain("/api/v1/assistants");
        doc.GetProperty("info").GetProperty("title").GetString().ShouldBe("Selvstyrt API");
    }

    [Theory, DatabaseData]
    public async Task Anonymous_Api_Is401ProblemInNorwegian(DatabaseKind db)
    {
        var response = await hosts.For(db).CreateBrowserLikeClient().GetAsync("/api/v1/arrangements", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Du må logge inn");
    }

    [Theory, DatabaseData]
    public async Task ApiKeyAdmin_UnknownRoleOrMissingScope_IsRefusedNamingTheOption(DatabaseKind db)
    {
        var factory = hosts.For(db);
        using var scope = factory.Services.CreateScope();
        var dbc = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();

        var coordinator = await ApiKeyAdmin.CreateAsync(dbc, SystemClock.Instance, new ApiKeyAdmin.Request(DemoSeeder.ProviderId, "office-coordinator", null, null, null, null), TestContext.Current.CancellationToken);
        var unknownProvider = await ApiKeyAdmin.CreateAsync(dbc, SystemClock.Instance, new ApiKeyAdmin.Request(Guid.NewGuid(), "provider-admin", null, null, null, null), TestContext.Current.CancellationToken);

        coordinator.Error.ShouldBeOfType<Selvstyrt.Domain.Common.Invalid>().Fields.Keys.ShouldContain("--office");
        unknownProvider.Error.ShouldBeOfType<Selvstyrt.Domain.Common.Invalid>().Fields.Keys.ShouldContain("--provider");
    }
}
