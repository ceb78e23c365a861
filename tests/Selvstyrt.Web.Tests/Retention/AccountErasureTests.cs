using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data.Demo;
using Selvstyrt.Domain.Retention;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Retention;

/// <summary>
/// quality.md S7 for people who are not assistants (ADR 0036): a deputy work leader whose role has ended asks to be erased.
/// While the role lasts the administrator is told why not; afterwards the person is listed under «Tidligere brukere», the
/// request is registered once, and the next daily job deletes the sign-in's parts (the invitation mail, the password link),
/// empties and closes the account, writes the initials where a kept time entry names the person, and keeps the role log
/// and the arrangement's record of who led it. A coordinator cannot see or make the request.
/// </summary>
public sealed class AccountErasureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task ADeputyWhoseRoleEnded_IsErased_TheAccountEmptied_TheNameInKeptTextsReplaced_AndTheRoleLogKept(DatabaseKind db)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var host = Hosts.Fresh(db, smtp.Settings());
        var admin = await host.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var coordinator = await host.SignedInClientAsync(DemoLogins.CoordinatorWest);
        var arrangement = DemoIds.For("arrangement:10");
        await ApiCalls.OkAsync(await ApiCalls.PostAsync(admin, "/api/v1/invitations",
            $$"""{ "email": "dina.dahl@fjord.test", "name": "Dina Dahl", "role": "Deputy", "scopeId": "{{arrangement}}" }""", "dina", Ct), HttpStatusCode.Created, Ct);
        var person = await Stored.ReadAsync(host, d => d.Users.Where(u => u.Email == "dina.dahl@fjord.test").Select(u => u.Id).SingleAsync(Ct));

        // While the role lasts: the administrator is told why not; the coordinator does not handle erasure.
        var holding = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{person}/erasure", Ct);
        holding.GetProperty("refusal").GetString()!.ShouldContain("Dina Dahl leder fortsatt en ordning");
        using (var early = await ApiCalls.PostAsync(admin, $"/api/v1/users/{person}/erasure", """{ "receivedOn": "2026-11-23" }""", "tidlig", Ct))
            early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        using (var theirs = await coordinator.GetAsync($"/api/v1/users/{person}/erasure", Ct)) theirs.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using (var theirs = await ApiCalls.PostAsync(coordinator, $"/api/v1/users/{person}/erasure", """{ "receivedOn": "2026-11-23" }""", "koordinator", Ct))
            theirs.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // She has stood in since October (the invitation starts the role today); then the role ends. A time entry of the arrangement names her (a kept record), and one names someone else.
        await Stored.ReadAsync(host, d => d.ArrangementRoles.Where(r => r.UserId == person).ExecuteUpdateAsync(s => s.SetProperty(r => r.From, new LocalDate(2026, 10, 1)), Ct));
        (await ApiCalls.PostAsync(admin, $"/api/v1/users/{person}/revoke", $$"""{ "role": "Deputy", "scopeId": "{{arrangement}}" }""", ct: Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var entries = await Stored.ReadAsync(host, d => d.TimeEntries.Where(e => d.TimeSheets.Any(s => s.Id == e.SheetId && s.ArrangementId == arrangement))
            .OrderBy(e => e.Id).Select(e => e.Id).Take(2).ToListAsync(Ct));
        entries.Count.ShouldBe(2);
        await Stored.ReadAsync(host, d => d.TimeEntries.Where(e => e.Id == entries[0])
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Reason, "Vakten byttet etter avtale med Dina Dahl (stedfortreder)."), Ct));
        await Stored.ReadAsync(host, d => d.TimeEntries.Where(e => e.Id == entries[1])
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Reason, "Vakten byttet etter avtale med Dina Dahlberg."), Ct));
        var roleLog = await Stored.ReadAsync(host, d => d.RoleChanges.CountAsync(c => c.UserId == person, Ct));
        roleLog.ShouldBe(2);
        var led = await Stored.ReadAsync(host, d => d.ArrangementRoles.CountAsync(r => r.UserId == person && r.To == new LocalDate(2026, 11, 22), Ct));
        led.ShouldBe(1, "the role ended yesterday");

        var users = WebUtility.HtmlDecode(await admin.GetStringAsync("/brukere", Ct));
        users.ShouldContain("Tidligere brukere");
        users.ShouldContain($"href=\"/brukere/{person}/sletting\"");
        var preview = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{person}/erasure", Ct);
        preview.GetProperty("refusal").ValueKind.ShouldBe(JsonValueKind.Null);
        var kinds = preview.GetProperty("kinds").EnumerateArray().ToDictionary(k => k.GetProperty("key").GetString()!, k => k.GetProperty("count").GetInt32());
        kinds["epost"].ShouldBe(1, "the invitation");
        kinds["engangslenker"].ShouldBe(1, "the invitation's password link");
        kinds["rollelogg"].ShouldBe(2);
        kinds["rollerIOrdninger"].ShouldBe(led);
        kinds["navnIFritekst"].ShouldBe(1, "«Dina Dahlberg» is someone else");
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/brukere/{person}/sletting", Ct));
        page.ShouldContain("Sletteforespørsel for Dina Dahl");
        page.ShouldContain("Kontoen tømmes");

        // Registered once, however often it is sent.
        var bad = await ApiCalls.ErrorsAsync(await ApiCalls.PostAsync(admin, $"/api/v1/users/{person}/erasure", """{ "receivedOn": "23.11.2026" }""", "feil", Ct), Ct);
        bad.TryGetProperty("receivedOn", out _).ShouldBeTrue();
        var made = await ApiCalls.OkAsync(await ApiCalls.PostAsync(admin, $"/api/v1/users/{person}/erasure", """{ "receivedOn": "2026-11-22", "note": "Ringte kontoret" }""", "dina-1", Ct), HttpStatusCode.Created, Ct);
        var id = made.GetProperty("id").GetGuid();
        (await ApiCalls.OkAsync(await ApiCalls.PostAsync(admin, $"/api/v1/users/{person}/erasure", """{ "receivedOn": "2026-11-22" }""", "dina-2", Ct), ct: Ct))
            .GetProperty("id").GetGuid().ShouldBe(id);

        // One job cycle.
        (await ErasureJourney.RunAsync(host, new LocalDate(2026, 11, 24), Ct)).CarriedOut.ShouldBe(1);
        var account = await Stored.ReadAsync(host, d => d.Users.AsNoTracking().SingleAsync(u => u.Id == person, Ct));
        account.DisplayName.ShouldBe("D. D.");
        account.Email.ShouldEndWith("@slettet.invalid");
        account.PasswordHash.ShouldBeNull();
        account.IsDisabled.ShouldBeTrue();
        (await Stored.ReadAsync(host, d => d.Users.CountAsync(u => u.Email == "dina.dahl@fjord.test", Ct))).ShouldBe(0);
        (await Stored.ReadAsync(host, d => d.OutboxMessages.CountAsync(m => m.UserId == person || m.ToAddress == "dina.dahl@fjord.test", Ct))).ShouldBe(0);
        (await Stored.ReadAsync(host, d => d.OneTimeLinks.CountAsync(l => l.UserId == person, Ct))).ShouldBe(0);
        (await Stored.ReadAsync(host, d => d.RoleChanges.CountAsync(c => c.UserId == person, Ct))).ShouldBe(roleLog, "the role log is kept");
        (await Stored.ReadAsync(host, d => d.ArrangementRoles.CountAsync(r => r.UserId == person, Ct))).ShouldBe(led, "who led the arrangement, and when, is kept");
        var texts = await Stored.ReadAsync(host, d => d.TimeEntries.Where(e => entries.Contains(e.Id)).OrderBy(e => e.Id).Select(e => e.Reason).ToListAsync(Ct));
        texts.ShouldBe(["Vakten byttet etter avtale med D. D. (stedfortreder).", "Vakten byttet etter avtale med Dina Dahlberg."]);
        var request = await Stored.ReadAsync(host, d => d.ErasureRequests.AsNoTracking().SingleAsync(r => r.Id == id, Ct));
        request.State.ShouldBe(ErasureState.Restricted);
        request.Initials.ShouldBe("D. D.");
        request.Deleted.ShouldBeGreaterThanOrEqualTo(kinds["epost"] + kinds["engangslenker"] + kinds["navnIFritekst"]);
        request.Restricted.ShouldBe(kinds["rollelogg"] + kinds["rollerIOrdninger"] + kinds["innsynslogg"]);
        WebUtility.HtmlDecode(await admin.GetStringAsync("/brukere", Ct)).ShouldNotContain("Dina Dahl");
        (await ErasureJourney.RunAsync(host, new LocalDate(2026, 11, 25), Ct)).ShouldBe(new(0, 0), "kept rows still point to the account");
    }
}
