using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Domain.Users;
using Selvstyrt.Testing;
using Selvstyrt.Web.Features.Notifications;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Users;

/// <summary>
/// Invitations on both engines: the office's coordinator invites a work leader to one of the office's arrangements (not
/// another office's), the invitation arrives over SMTP and its link gives a password and access; inviting twice changes
/// nothing; a revocation stops access on the next request; every grant and revocation is recorded.
/// </summary>
public sealed class InvitationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json, string? key = null)
        => ApiCalls.PostAsync(client, path, json, key, Ct);

    [Theory, DatabaseData]
    public async Task Coordinator_InvitesAWorkLeaderToTheirOfficesArrangement_WhoSetsAPasswordAndLeads_UntilTheRoleIsRevoked(DatabaseKind db)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var factory = Hosts.Fresh(db, smtp.Settings());
        var west = await factory.SignedInClientAsync(DemoLogins.CoordinatorWest);
        var east = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var arrangement = DemoIds.For("arrangement:7");
        var invitation = $$"""{ "email": "ny.leder@fjord.test", "name": "Nina Ny", "role": "WorkLeader", "scopeId": "{{arrangement}}" }""";

        using var fromOtherOffice = await PostAsync(east, "/api/v1/invitations", invitation, Guid.NewGuid().ToString());
        using var adminRole = await PostAsync(west, "/api/v1/invitations", """{ "email": "sjef@fjord.test", "name": "Sjef", "role": "ProviderAdmin" }""", Guid.NewGuid().ToString());
        using var empty = await PostAsync(west, "/api/v1/invitations", """{ "email": "ikke en adresse" }""", Guid.NewGuid().ToString());
        using var invited = await PostAsync(west, "/api/v1/invitations", invitation, Guid.NewGuid().ToString());
        using var again = await PostAsync(west, "/api/v1/invitations", invitation, Guid.NewGuid().ToString());
        await factory.Services.GetRequiredService<MailSender>().DeliverDueAsync(Ct);
        var mail = await smtp.WaitForAsync("ny.leder@fjord.test");

        (await fromOtherOffice.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("scopeId")[0].GetString()!.ShouldContain("ordning du administrerer");
        adminRole.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var errors = (await empty.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        foreach (var field in new[] { "email", "name", "role" }) errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        invited.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("alreadyHeld").GetBoolean().ShouldBeTrue();
        smtp.For("ny.leder@fjord.test").Count.ShouldBe(1, "inviting twice sends one invitation");
        mail.Subject.ShouldBe("Invitasjon til Selvstyrt: arbeidsleder for Ordningen til Solveig");

        var link = PasswordLinkMail.LinkIn(mail);
        var anonymous = factory.CreateBrowserLikeClient();
        (await SelvstyrtFactory.PostFormAsync(anonymous, link, "passord", PasswordLinkMail.Form(link, "ny leder med passord", "ny leder med passord"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var leader = await factory.SignedInClientAsync("ny.leder@fjord.test", "ny leder med passord");
        (await leader.GetAsync($"/api/v1/arrangements/{arrangement}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Html.GetAsync(west, "/brukere", Ct)).ShouldContain("Nina Ny");

        Guid userId;
        using (var scope = factory.Services.CreateScope())
            userId = await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().Users.Where(u => u.Email == "ny.leder@fjord.test").Select(u => u.Id).SingleAsync(Ct);
        using var revoked = await PostAsync(west, $"/api/v1/users/{userId}/revoke", $$"""{ "role": "WorkLeader", "scopeId": "{{arrangement}}" }""");

        revoked.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await leader.GetAsync($"/api/v1/arrangements/{arrangement}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a revoked role stops access on the next request");
        using var check = factory.Services.CreateScope();
        var log = await check.ServiceProvider.GetRequiredService<SelvstyrtDb>().RoleChanges.Where(c => c.UserId == userId).OrderBy(c => c.At).ThenBy(c => c.Granted ? 0 : 1).ToListAsync(Ct);
        log.Select(c => (c.Role, c.ScopeId, c.Granted)).ShouldBe([(RoleKind.WorkLeader, arrangement, true), (RoleKind.WorkLeader, arrangement, false)]);
        var coordinatorWest = await check.ServiceProvider.GetRequiredService<SelvstyrtDb>().Users.Where(u => u.Email == DemoLogins.CoordinatorWest).Select(u => u.Id).SingleAsync(Ct);
        log.ShouldAllBe(c => c.ByUserId == coordinatorWest);

        // The administrator reads both changes on «Rollelogg» and in the API; a coordinator gets an empty list.
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var page = System.Net.WebUtility.HtmlDecode(await Html.GetAsync(admin, "/brukere/logg", Ct));
        page.ShouldContain("Fikk rollen arbeidsleder");
        page.ShouldContain("Mistet rollen arbeidsleder");
        var entries = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/role-changes", Ct)).EnumerateArray().Where(e => e.GetProperty("person").GetString() == "Nina Ny").ToList();
        entries.Select(e => e.GetProperty("granted").GetBoolean()).ShouldBe([false, true], "newest first");
        entries.ShouldAllBe(e => e.GetProperty("where").GetString() == "Ordningen til Solveig");
        (await west.GetFromJsonAsync<JsonElement>("/api/v1/role-changes", Ct)).GetArrayLength().ShouldBe(0);
        System.Net.WebUtility.HtmlDecode(await Html.GetAsync(west, "/brukere/logg", Ct)).ShouldContain("Bare leverandørens administrator kan lese rolleloggen.");
    }

    [Theory, DatabaseData]
    public async Task Administrator_InvitesSomeoneWhoAlreadySignsIn_AsCoordinator_WhoIsToldOfTheNewRole(DatabaseKind db)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var factory = Hosts.Fresh(db, smtp.Settings());
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var ost = DemoIds.For("office:ost");

        using var invited = await PostAsync(admin, "/api/v1/invitations", $$"""{ "email": "{{DemoLogins.WorkLeader}}", "name": "Hvem som helst", "role": "OfficeCoordinator", "scopeId": "{{ost}}" }""", Guid.NewGuid().ToString());
        using var noOffice = await PostAsync(admin, "/api/v1/invitations", """{ "email": "ny@fjord.test", "name": "Ny", "role": "OfficeCoordinator" }""", Guid.NewGuid().ToString());
        await factory.Services.GetRequiredService<MailSender>().DeliverDueAsync(Ct);
        var mail = await smtp.WaitForAsync(DemoLogins.WorkLeader);

        invited.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await invited.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("newAccount").GetBoolean().ShouldBeFalse();
        (await noOffice.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("scopeId")[0].GetString().ShouldBe("Velg kontoret.");
        mail.Subject.ShouldBe("Ny rolle i Selvstyrt: koordinator for Kontor Øst (Oslo og Akershus)");
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        (await Html.GetAsync(leader, "/api/v1/arrangements", Ct)).ShouldContain("Ordningen til Bjørn", customMessage: "as coordinator of Øst the work leader now sees the office's arrangements");
    }

    [Theory, DatabaseData]
    public async Task Administrator_ClosesAnAccount_ItsSessionEndsAtOnce_OnlyTheAdministratorMayDoIt_AndItOpensAgain(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        await ForeignProvider.EnsureAsync(factory);
        var email = await factory.CreateUserAsync("stenges", "et-passord-som-varer");
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var foreign = await factory.SignedInClientAsync(ForeignProvider.AdminEmail);
        (await PostAsync(admin, "/api/v1/invitations", $$"""{ "email": "{{email}}", "name": "Stine Stedfortreder", "role": "Deputy", "scopeId": "{{DemoIds.For("arrangement:1")}}" }""",
            Guid.NewGuid().ToString())).StatusCode.ShouldBe(HttpStatusCode.Created);
        var person = await factory.SignedInClientAsync(email, "et-passord-som-varer");
        Guid userId;
        using (var scope = factory.Services.CreateScope())
            userId = await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);

        using var byCoordinator = await PostAsync(coordinator, $"/api/v1/users/{userId}/disable", "{}");
        using var byForeign = await PostAsync(foreign, $"/api/v1/users/{userId}/disable", "{}");
        using var closed = await PostAsync(admin, $"/api/v1/users/{userId}/disable", "{}");
        using var afterwards = await person.GetAsync("/", Ct);

        byCoordinator.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        byForeign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        closed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        afterwards.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the session ended with the account");
        afterwards.Headers.Location!.OriginalString.ShouldContain("/logg-inn");
        await Should.ThrowAsync<InvalidOperationException>(() => factory.SignedInClientAsync(email, "et-passord-som-varer"));
        (await Html.GetAsync(admin, "/brukere", Ct)).ShouldContain("kontoen er stengt");

        (await PostAsync(admin, $"/api/v1/users/{userId}/enable", "{}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await factory.SignedInClientAsync(email, "et-passord-som-varer");
    }

    [Theory, DatabaseData]
    public async Task TheSamePersonInvitedSeveralTimesAtOnce_GetsOneAccount_AndEveryRequestAnAnswer(DatabaseKind db)
    {
        // Found by the long S6 run on PostgreSQL: two invitations of a new address at the same moment, and the second
        // account insert hit the unique user name: a 500.
        await using var factory = Hosts.Fresh(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var arrangement = DemoIds.For("arrangement:1");
        for (var round = 0; round < 6; round++)
        {
            var email = $"samtidig{round}@fjord.test";
            var body = $$"""{ "email": "{{email}}", "name": "Samtidig {{round}}", "role": "Deputy", "scopeId": "{{arrangement}}" }""";
            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostAsync(admin, "/api/v1/invitations", body, Guid.NewGuid().ToString())));

            foreach (var answer in answers)
            {
                using (answer)
                    ((int)answer.StatusCode).ShouldBeOneOf([200, 201], $"round {round}: {await answer.Content.ReadAsStringAsync(Ct)}");
            }
            using var scope = factory.Services.CreateScope();
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            var person = await data.Users.SingleAsync(u => u.Email == email, Ct);
            (await data.ArrangementRoles.CountAsync(r => r.UserId == person.Id, Ct)).ShouldBe(1, "the role is held once");
        }
    }
}
