using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Host;

/// <summary>
/// quality.md R2: while the database refuses connections (here PostgreSQL told to refuse them, as during a crash and its
/// recovery), a request gets 503 with <c>Retry-After</c> and a Norwegian problem, not a 500, so clients retry; once the
/// database is back the same request succeeds. A browser gets a plain Norwegian page with the same status. PostgreSQL only: an embedded SQLite file cannot be out of reach on its own.
/// </summary>
public sealed class UnavailableDatabaseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADatabaseOutOfReach_Answers503WithRetryAfter_AndRecovers()
    {
        await using var host = Hosts.Fresh(DatabaseKind.Postgres, new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" });
        var key = await ApiCalls.KeyAsync(host, "provider-admin", ct: Ct);
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        (await client.GetAsync("/api/v1/arrangements", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var browser = await host.SignedInClientAsync(DemoLogins.WorkLeader);

        var database = new NpgsqlConnectionStringBuilder(host.ConnectionString).Database!;
        await AllowConnectionsAsync(database, allow: false);
        try
        {
            using var refused = await client.GetAsync("/api/v1/arrangements", Ct);
            refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            refused.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(5));
            refused.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", await refused.Content.ReadAsStringAsync(Ct));
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
            problem.GetProperty("title").GetString().ShouldBe("Tjenesten er midlertidig utilgjengelig");
            problem.GetProperty("detail").GetString()!.ShouldContain("Databasen svarer ikke");
            problem.GetRawText().ShouldNotContain("Npgsql");

            // A signed-in user's page: a plain Norwegian page (the usual one would read the database to sign the user in).
            using var page = await browser.GetAsync("/", Ct);
            page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            page.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(5));
            var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct));
            html.ShouldContain("<html lang=\"nb\">");
            html.ShouldContain("<h1>Tjenesten er midlertidig utilgjengelig</h1>");
            html.ShouldContain("Vent noen sekunder og last siden på nytt");
        }
        finally
        {
            await AllowConnectionsAsync(database, allow: true);
        }
        (await client.GetAsync("/api/v1/arrangements", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "the same session works again");
    }

    /// <summary>Lets the database take connections or not; when not, the open ones are ended too.</summary>
    private static async Task AllowConnectionsAsync(string database, bool allow)
    {
        await using var server = new NpgsqlConnection(SelvstyrtFactory.PostgresServer());
        await server.OpenAsync(Ct);
        await using var alter = new NpgsqlCommand($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS {(allow ? "true" : "false")}", server);
        await alter.ExecuteNonQueryAsync(Ct);
        if (allow) return;
        await using var end = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", server);
        end.Parameters.AddWithValue("name", database);
        await end.ExecuteNonQueryAsync(Ct);
    }
}
