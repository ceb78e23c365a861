using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Arrangements;

/// <summary>
/// Issue 16 on both engines: an arrangement is created with its recipient by those who manage the office, idempotently
/// and only in a municipality the provider has a contract with; ending it ends its people's roles and assignments on the
/// last day while its history stays readable to the provider.
/// </summary>
public sealed class ArrangementSetupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json, string? key = null)
        => ApiCalls.PostAsync(client, path, json, key, Ct);

    private static string Body(Guid office, Guid municipality, string recipient = "Nora Nyberg", string birth = "1990-05-01")
        => $$"""{ "officeId": "{{office}}", "municipalityId": "{{municipality}}", "recipientName": "{{recipient}}", "recipientBirthDate": "{{birth}}", "employerModel": "Provider", "startDate": "2027-01-01" }""";

    [Theory, DatabaseData]
    public async Task CreateArrangement_WithItsRecipient_IsIdempotent_NamedOnBadInput_AndACoordinatorCreatesOnlyInTheirOffice(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        await ForeignProvider.EnsureAsync(factory);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var ost = DemoIds.For("office:ost");
        var oslo = DemoIds.For("municipality:0301");
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(admin, "/api/v1/arrangements", Body(ost, oslo), key);
        using var retry = await PostAsync(admin, "/api/v1/arrangements", Body(ost, oslo), key);
        using var inVest = await PostAsync(coordinator, "/api/v1/arrangements", Body(DemoIds.For("office:vest"), oslo), Guid.NewGuid().ToString());
        using var noContract = await PostAsync(admin, "/api/v1/arrangements", Body(ost, ForeignProvider.MunicipalityId), Guid.NewGuid().ToString());
        using var empty = await PostAsync(admin, "/api/v1/arrangements", $$"""{ "officeId": "{{ost}}", "municipalityId": "{{oslo}}", "recipientBirthDate": "2999-01-01" }""", Guid.NewGuid().ToString());
        using var byLeader = await PostAsync(leader, "/api/v1/arrangements", Body(ost, oslo), Guid.NewGuid().ToString());
        using var byCoordinator = await PostAsync(coordinator, "/api/v1/arrangements", Body(ost, oslo, "Kåre Koordinert"), Guid.NewGuid().ToString());

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        (await retry.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid().ShouldBe(id);
        var created = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{id}", Ct);
        created.GetProperty("name").GetString().ShouldBe("Ordningen til Nora");
        created.GetProperty("recipientName").GetString().ShouldBe("Nora Nyberg");
        Field(await inVest.Content.ReadFromJsonAsync<JsonElement>(Ct), "officeId").ShouldContain("Velg et kontor du kan opprette ordninger for");
        Field(await noContract.Content.ReadFromJsonAsync<JsonElement>(Ct), "municipalityId").ShouldContain("avtale med");
        var errors = await empty.Content.ReadFromJsonAsync<JsonElement>(Ct);
        foreach (var field in new[] { "recipientName", "recipientBirthDate", "employerModel", "startDate" }) Field(errors, field).ShouldNotBeNullOrEmpty();
        byLeader.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        byCoordinator.StatusCode.ShouldBe(HttpStatusCode.Created);
        using var scope = factory.Services.CreateScope();
        var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        (await data.Recipients.CountAsync(r => r.FullName == "Nora Nyberg", Ct)).ShouldBe(1, "a retry makes neither a second arrangement nor a second recipient");
        (await data.Arrangements.CountAsync(a => a.Name == "Ordningen til Nora", Ct)).ShouldBe(1);
    }

    [Theory, DatabaseData]
    public async Task EndArrangement_EndsItsPeopleOnTheLastDay_KeepsItsHistoryForTheProvider_AndOnlyManagersEndIt(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var arrangement = DemoIds.For("arrangement:5");
        var coWorkLeader = await factory.SignedInClientAsync(DemoLogins.CoWorkLeader);
        var west = await factory.SignedInClientAsync(DemoLogins.CoordinatorWest);
        var east = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);

        using var byLeader = await PostAsync(coWorkLeader, $"/api/v1/arrangements/{arrangement}/end", """{ "endDate": "2026-11-30" }""");
        using var byOtherOffice = await PostAsync(west, $"/api/v1/arrangements/{arrangement}/end", """{ "endDate": "2026-11-30" }""");
        using var beforeStart = await PostAsync(east, $"/api/v1/arrangements/{arrangement}/end", """{ "endDate": "1999-12-31" }""");
        using var ended = await SelvstyrtFactory.PostFormAsync(east, $"/ordninger/{arrangement}/avslutt", "avslutt", new Dictionary<string, string> { ["Input.LastDay"] = "2026-11-30" });

        byLeader.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        byOtherOffice.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Field(await beforeStart.Content.ReadFromJsonAsync<JsonElement>(Ct), "endDate").ShouldContain("før den begynte");
        ended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Html.GetAsync(east, $"/ordninger/{arrangement}", Ct)).ShouldContain("Ordningen er avsluttet fra og med 30. november 2026.");
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            (await data.ArrangementRoles.Where(r => r.ArrangementId == arrangement).Select(r => r.To).ToListAsync(Ct)).ShouldAllBe(to => to != null && to <= new LocalDate(2026, 11, 30));
            (await data.Assignments.Where(a => a.ArrangementId == arrangement).Select(a => a.To).ToListAsync(Ct)).ShouldAllBe(to => to != null && to <= new LocalDate(2026, 11, 30));
        }

        (await coWorkLeader.GetAsync($"/api/v1/arrangements/{arrangement}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "still leads until the last day");
        // A week later (sessions have expired by then, so both sign in again).
        factory.Clock.Advance(Duration.FromDays(8));
        var leaderLater = await factory.SignedInClientAsync(DemoLogins.CoWorkLeader);
        var eastLater = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        (await leaderLater.GetAsync($"/api/v1/arrangements/{arrangement}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the role ended with the arrangement");
        (await eastLater.GetAsync($"/api/v1/arrangements/{arrangement}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await eastLater.GetAsync($"/api/v1/arrangements/{arrangement}/hour-account?year=2026", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "the history stays readable");
    }

    [Theory, DatabaseData]
    public async Task EditArrangement_RenamesMovesAndCorrectsTheRecipient_OnlyIntoManagedOffices_AndAStaleFormIsAConflict(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var arrangement = DemoIds.For("arrangement:1");
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var east = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var west = await factory.SignedInClientAsync(DemoLogins.CoordinatorWest);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var ost = DemoIds.For("office:ost");
        var vest = DemoIds.For("office:vest");
        var version = await VersionAsync(east, arrangement);
        var adminsForm = await VersionAsync(admin, arrangement);
        string Body(Guid office, string name, string? v, string birth = "1988-06-08")
            => JsonSerializer.Serialize(new { name, officeId = office, recipientName = "Liv Hauge Haugland", recipientBirthDate = birth, version = v });

        using var toVest = await ApiCalls.SendAsync(east, HttpMethod.Put, $"/api/v1/arrangements/{arrangement}", Body(vest, "Livs ordning", version), ct: Ct);
        using var noVersion = await ApiCalls.SendAsync(east, HttpMethod.Put, $"/api/v1/arrangements/{arrangement}", Body(ost, "Livs ordning", null), ct: Ct);
        using var byLeader = await ApiCalls.SendAsync(leader, HttpMethod.Put, $"/api/v1/arrangements/{DemoIds.For("arrangement:10")}", Body(ost, "Min", version), ct: Ct);
        using var empty = await ApiCalls.SendAsync(east, HttpMethod.Put, $"/api/v1/arrangements/{arrangement}", Body(ost, " ", version, "2999-01-01"), ct: Ct);
        Field(await toVest.Content.ReadFromJsonAsync<JsonElement>(Ct), "officeId").ShouldBe("Velg et kontor du administrerer hos samme leverandør.");
        Field(await noVersion.Content.ReadFromJsonAsync<JsonElement>(Ct), "version").ShouldContain("versjonen du leste");
        byLeader.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var errors = await empty.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Field(errors, "name").ShouldBe("Navn på ordningen må fylles ut.");
        Field(errors, "recipientBirthDate").ShouldContain("Fødselsdatoen må være en dato som har vært");

        // The coordinator renames and corrects the recipient from the page.
        factory.Clock.Advance(Duration.FromMinutes(1));
        using var saved = await SelvstyrtFactory.PostFormAsync(east, $"/ordninger/{arrangement}/endre", "endre-ordning", new Dictionary<string, string>
        {
            ["Input.Version"] = version, ["Input.Name"] = "Livs ordning", ["Input.OfficeId"] = ost.ToString(), ["Input.RecipientName"] = "Liv Hauge Haugland", ["Input.RecipientBirthDate"] = "1988-06-08",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var view = await east.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{arrangement}", Ct);
        view.GetProperty("name").GetString().ShouldBe("Livs ordning");
        view.GetProperty("recipientName").GetString().ShouldBe("Liv Hauge Haugland");

        // The form the administrator opened before that save is stale now: a conflict, nothing overwritten.
        using var stale = await ApiCalls.SendAsync(admin, HttpMethod.Put, $"/api/v1/arrangements/{arrangement}", Body(vest, "Gammel", adminsForm), ct: Ct);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await east.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{arrangement}", Ct)).GetProperty("name").GetString().ShouldBe("Livs ordning");

        // With what is there now, the administrator moves it to Vest: the Vest coordinator has it, the Øst coordinator no more.
        using var moved = await ApiCalls.SendAsync(admin, HttpMethod.Put, $"/api/v1/arrangements/{arrangement}", Body(vest, "Livs ordning", await VersionAsync(admin, arrangement)), ct: Ct);
        moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync(Ct));
        (await west.GetAsync($"/api/v1/arrangements/{arrangement}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await east.GetAsync($"/api/v1/arrangements/{arrangement}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, DatabaseData]
    public async Task NewArrangement_ForAnEarlierRecipient_ReusesThem_ButNeverOneWhoseArrangementRuns(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var east = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        using (var ended = await PostAsync(east, $"/api/v1/arrangements/{DemoIds.For("arrangement:1")}/end", """{ "endDate": "2026-11-30" }"""))
            ended.StatusCode.ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(Duration.FromDays(10));
        var later = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var liv = DemoIds.For("recipient:1");
        string Body(Guid recipient) => JsonSerializer.Serialize(new
        {
            officeId = DemoIds.For("office:ost"), municipalityId = DemoIds.For("municipality:3201"), recipientId = recipient, employerModel = "Provider", startDate = "2027-01-01",
        });

        System.Net.WebUtility.HtmlDecode(await Html.GetAsync(later, "/ordninger/ny", Ct)).ShouldContain("Liv Haugland (født");
        using var running = await PostAsync(later, "/api/v1/arrangements", Body(DemoIds.For("recipient:2")), Guid.NewGuid().ToString());
        using var reused = await PostAsync(later, "/api/v1/arrangements", Body(liv), Guid.NewGuid().ToString());

        Field(await running.Content.ReadFromJsonAsync<JsonElement>(Ct), "recipientId").ShouldContain("ikke har en ordning som løper");
        reused.StatusCode.ShouldBe(HttpStatusCode.Created, await reused.Content.ReadAsStringAsync(Ct));
        using var scope = factory.Services.CreateScope();
        var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        (await data.Arrangements.CountAsync(a => a.RecipientId == liv, Ct)).ShouldBe(2);
        (await data.Recipients.CountAsync(r => r.FullName == "Liv Haugland", Ct)).ShouldBe(1, "no second record of the same person");
    }

    /// <summary>The version the edit form carries, as a browser reads it.</summary>
    private static async Task<string> VersionAsync(HttpClient client, Guid arrangement)
    {
        var page = await Html.GetAsync(client, $"/ordninger/{arrangement}/endre", Ct);
        var version = System.Text.RegularExpressions.Regex.Match(page, "name=\"Input.Version\" value=\"([^\"]+)\"").Groups[1].Value;
        version.ShouldNotBeNullOrEmpty();
        return version;
    }

    private static string Field(JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
}
