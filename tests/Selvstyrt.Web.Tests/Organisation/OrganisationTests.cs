using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Organisation;

/// <summary>
/// Issue 16's organisation on both engines: offices and the municipalities a provider serves with their contracts,
/// through the API and the pages; idempotent creates, bad input named, only the administrator changes anything, a
/// new rate ends the contract before it, and another provider's administrator finds nothing.
/// </summary>
public sealed class OrganisationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string json, string? key = null)
        => ApiCalls.SendAsync(client, method, path, json, key, Ct);

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
    }

    [Theory, DatabaseData]
    public async Task Office_CreatedTwiceWithOneKey_IsOne_BadInputNamed_RenamedByTheAdministratorOnly(DatabaseKind db)
    {
        // A host of its own: new offices would change the demo provider's shape that other tests read.
        await using var factory = Hosts.Fresh(db);
        await ForeignProvider.EnsureAsync(factory);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var foreign = await factory.SignedInClientAsync(ForeignProvider.AdminEmail);
        var name = $"Kontor Nord {Guid.NewGuid():N}";
        var key = Guid.NewGuid().ToString();
        var body = $$"""{ "name": "{{name}}", "region": "Region Nord" }""";

        using var first = await SendAsync(admin, HttpMethod.Post, "/api/v1/offices", body, key);
        using var retry = await SendAsync(admin, HttpMethod.Post, "/api/v1/offices", body, key);
        using var byCoordinator = await SendAsync(coordinator, HttpMethod.Post, "/api/v1/offices", body.Replace("Nord", "Sør", StringComparison.Ordinal), Guid.NewGuid().ToString());
        using var empty = await SendAsync(admin, HttpMethod.Post, "/api/v1/offices", """{ "name": " ", "region": "" }""", Guid.NewGuid().ToString());
        using var noKey = await SendAsync(admin, HttpMethod.Post, "/api/v1/offices", body);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        (await retry.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid().ShouldBe(id);
        byCoordinator.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var errors = await ProblemAsync(empty);
        errors.GetProperty("name")[0].GetString().ShouldBe("Navn på kontoret må fylles ut.");
        errors.GetProperty("region")[0].GetString()!.ShouldContain("Region må fylles ut");
        (await ProblemAsync(noKey)).TryGetProperty("idempotencyKey", out _).ShouldBeTrue();
        using (var scope = factory.Services.CreateScope())
            (await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().Offices.CountAsync(o => o.Name == name, Ct)).ShouldBe(1);

        var version = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/offices", Ct)).EnumerateArray().Single(o => o.GetProperty("id").GetGuid() == id).GetProperty("version").GetString();
        using var noVersion = await SendAsync(admin, HttpMethod.Put, $"/api/v1/offices/{id}", $$"""{ "name": "{{name}} (flyttet)", "region": "Region Nord" }""");
        factory.Clock.Advance(NodaTime.Duration.FromMinutes(1));
        using var renamed = await SendAsync(admin, HttpMethod.Put, $"/api/v1/offices/{id}", $$"""{ "name": "{{name}} (flyttet)", "region": "Region Nord", "version": "{{version}}" }""");
        using var stale = await SendAsync(admin, HttpMethod.Put, $"/api/v1/offices/{id}", $$"""{ "name": "{{name}} (gammelt skjema)", "region": "Region Nord", "version": "{{version}}" }""");
        using var foreignRename = await SendAsync(foreign, HttpMethod.Put, $"/api/v1/offices/{id}", $$"""{ "name": "Kapret", "region": "Region Nord", "version": "{{version}}" }""");
        using var coordinatorRename = await SendAsync(coordinator, HttpMethod.Put, $"/api/v1/offices/{DemoIds.For("office:ost")}", """{ "name": "Kapret", "region": "Region Øst", "version": "1" }""");

        (await ProblemAsync(noVersion)).GetProperty("version")[0].GetString()!.ShouldContain("versjonen du leste");
        renamed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict, "a form read before the rename is stale: nothing is overwritten");
        foreignRename.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        coordinatorRename.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Html.GetAsync(admin, "/api/v1/offices", Ct)).ShouldContain($"{name} (flyttet)");
        var coordinatorOffices = await Html.GetAsync(coordinator, "/api/v1/offices", Ct);
        coordinatorOffices.ShouldContain("Kontor Øst");
        coordinatorOffices.ShouldNotContain("Kontor Vest");
        (await Html.GetAsync(foreign, "/api/v1/offices", Ct)).ShouldNotContain("Kontor Øst");
    }

    [Theory, DatabaseData]
    public async Task Municipality_AddedWithAContract_OnceAndIdempotently_ANewRateEndsThePrevious_AndOthersAreRefused(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        await ForeignProvider.EnsureAsync(factory);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var foreign = await factory.SignedInClientAsync(ForeignProvider.AdminEmail);
        var key = Guid.NewGuid().ToString();
        const string stavanger = """
            { "number": "1103", "name": "Stavanger", "hourlyRate": 540.5, "validFrom": "2027-01-01", "warnThresholdPercent": 4,
              "reference": "Rammeavtale BPA 2027", "reportContactName": "Siri Saksbehandler", "reportContactEmail": "siri@stavanger.kommune.no" }
            """;

        using var first = await SendAsync(admin, HttpMethod.Post, "/api/v1/municipalities", stavanger, key);
        using var retry = await SendAsync(admin, HttpMethod.Post, "/api/v1/municipalities", stavanger, key);
        using var again = await SendAsync(admin, HttpMethod.Post, "/api/v1/municipalities", stavanger, Guid.NewGuid().ToString());
        using var oslo = await SendAsync(admin, HttpMethod.Post, "/api/v1/municipalities", stavanger.Replace("1103", "0301", StringComparison.Ordinal), Guid.NewGuid().ToString());
        using var bad = await SendAsync(admin, HttpMethod.Post, "/api/v1/municipalities",
            """{ "number": "301", "name": "", "hourlyRate": 0, "reportContactEmail": "ikke-epost" }""", Guid.NewGuid().ToString());
        using var byCoordinator = await SendAsync(coordinator, HttpMethod.Post, "/api/v1/municipalities", stavanger.Replace("1103", "1108", StringComparison.Ordinal), Guid.NewGuid().ToString());

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var municipality = created.GetProperty("municipalityId").GetGuid();
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await retry.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("contractId").GetGuid().ShouldBe(created.GetProperty("contractId").GetGuid());
        (await ProblemAsync(again)).GetProperty("number")[0].GetString()!.ShouldContain("Stavanger er allerede lagt til");
        (await ProblemAsync(oslo)).GetProperty("number")[0].GetString()!.ShouldContain("Oslo er allerede lagt til");
        var errors = await ProblemAsync(bad);
        foreach (var field in new[] { "number", "name", "hourlyRate", "validFrom", "reportContactEmail" }) errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        byCoordinator.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var tooEarly = await SendAsync(admin, HttpMethod.Post, $"/api/v1/municipalities/{municipality}/contracts", """{ "hourlyRate": 560, "validFrom": "2026-12-01" }""", Guid.NewGuid().ToString());
        using var newRate = await SendAsync(admin, HttpMethod.Post, $"/api/v1/municipalities/{municipality}/contracts", """{ "hourlyRate": 560, "validFrom": "2027-07-01" }""", Guid.NewGuid().ToString());
        using var foreignRate = await SendAsync(foreign, HttpMethod.Post, $"/api/v1/municipalities/{municipality}/contracts", """{ "hourlyRate": 1, "validFrom": "2027-08-01" }""", Guid.NewGuid().ToString());

        (await ProblemAsync(tooEarly)).GetProperty("validFrom")[0].GetString()!.ShouldContain("etter 1. januar 2027");
        newRate.StatusCode.ShouldBe(HttpStatusCode.Created);
        foreignRate.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var versions = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/contracts", Ct)).EnumerateArray().Where(r => r.GetProperty("number").GetString() == "1103").ToList();
        versions.Select(v => (v.GetProperty("validFrom").GetString(), v.GetProperty("validTo").ValueKind == JsonValueKind.Null ? null : v.GetProperty("validTo").GetString(), v.GetProperty("hourlyRate").GetDecimal()))
            .ShouldBe([("2027-07-01", null, 560m), ("2027-01-01", "2027-06-30", 540.5m)]);
        versions[1].GetProperty("reportContactEmail").GetString().ShouldBe("siri@stavanger.kommune.no");
        (await Html.GetAsync(foreign, "/api/v1/contracts", Ct)).ShouldNotContain("Stavanger");
    }

    [Theory, DatabaseData]
    public async Task OfficeForm_PostedTwiceWithTheSameKey_MakesOneOffice_AndACoordinatorSeesOnlyTheirOwnOffice(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorWest);
        var name = $"Kontor Skjema {Guid.NewGuid():N}";
        var form = new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Region"] = "Region Midt", ["Input.IdempotencyKey"] = Guid.NewGuid().ToString("N") };

        using var first = await SelvstyrtFactory.PostFormAsync(admin, "/organisasjon/kontorer/ny", "kontor", form);
        using var second = await SelvstyrtFactory.PostFormAsync(admin, "/organisasjon/kontorer/ny", "kontor", form);
        using var missing = await SelvstyrtFactory.PostFormAsync(admin, "/organisasjon/kontorer/ny", "kontor", new Dictionary<string, string> { ["Input.Region"] = "Region Midt" });
        var page = await Html.GetAsync(admin, "/organisasjon?lagret=kontor", Ct);
        var coordinatorPage = await Html.GetAsync(coordinator, "/organisasjon", Ct);
        var coordinatorForm = await Html.GetAsync(coordinator, "/organisasjon/kontorer/ny", Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var missingHtml = await Html.ReadAsync(missing);
        missingHtml.ShouldContain("<a class=\"ds-link\" href=\"#kontor-navn\">Navn på kontoret må fylles ut.</a>");
        missingHtml.ShouldContain("value=\"Region Midt\"");
        page.ShouldContain("Kontoret er lagret.");
        page.ShouldContain(name);
        coordinatorPage.ShouldContain("Kontor Vest");
        coordinatorPage.ShouldNotContain("Kontor Øst");
        coordinatorPage.ShouldNotContain("Kommuner og avtaler");
        coordinatorForm.ShouldContain("Bare leverandørens administrator kan gjøre dette.");
        using var scope = factory.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().Offices.CountAsync(o => o.Name == name, Ct)).ShouldBe(1);
    }

    [Theory, DatabaseData]
    public async Task ReminderDays_ChangedByTheAdministratorOnly_ByApiAndForm_BadValueNamed(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        await ForeignProvider.EnsureAsync(factory);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var foreign = await factory.SignedInClientAsync(ForeignProvider.AdminEmail);

        using var saved = await SendAsync(admin, HttpMethod.Put, "/api/v1/provider-settings", """{ "decisionReminderDays": 30 }""");
        using var zero = await SendAsync(admin, HttpMethod.Put, "/api/v1/provider-settings", """{ "decisionReminderDays": 0 }""");
        using var byCoordinator = await SendAsync(coordinator, HttpMethod.Put, "/api/v1/provider-settings", """{ "decisionReminderDays": 10 }""");
        using var form = await SelvstyrtFactory.PostFormAsync(admin, "/organisasjon", "innstillinger", new Dictionary<string, string> { ["ReminderDays"] = "45" });
        using var badForm = await SelvstyrtFactory.PostFormAsync(admin, "/organisasjon", "innstillinger", new Dictionary<string, string> { ["ReminderDays"] = "mange" });

        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await saved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("decisionReminderDays").GetInt32().ShouldBe(30);
        (await ProblemAsync(zero)).GetProperty("decisionReminderDays")[0].GetString().ShouldBe("Skriv et antall dager mellom 1 og 365.");
        byCoordinator.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        form.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Html.ReadAsync(badForm)).ShouldContain("<a class=\"ds-link\" href=\"#varseldager\">Skriv et antall dager mellom 1 og 365.</a>");
        (await Html.GetAsync(admin, "/organisasjon?lagret=innstillinger", Ct)).ShouldContain("value=\"45\"");
        (await Html.GetAsync(foreign, "/api/v1/provider-settings", Ct)).ShouldNotContain("Demo Assistanse");
        using var scope = factory.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().Providers.Where(p => p.Id == DemoSeeder.ProviderId).Select(p => p.DecisionReminderDays).SingleAsync(Ct)).ShouldBe(45);
    }
}
