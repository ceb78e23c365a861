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
/// quality.md S7 for a recipient (ADR 0036): the 24/7 2:1 arrangement of the demo (arrangement 10) ends and its recipient
/// asks to be erased. While it lasts, the administrator is told why not. Afterwards the next daily job deletes what no law keeps, writes
/// the initials where a kept time entry names the recipient and in the arrangement's name, empties the sign-in (the
/// recipient was their own work leader, and the account serves nothing else), and restricts the rest: the office's coordinator no longer finds the
/// arrangement, the administrator reads it and cannot change it, and the plans and time sheets are all still there.
/// </summary>
public sealed class RecipientErasureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task ARecipientWhoseArrangementEnded_IsErased_TheArrangementRestricted_AndWhatALawKeepsStillThere(DatabaseKind db)
    {
        await using var host = Hosts.Fresh(db);
        var admin = await host.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var arrangement = DemoIds.For("arrangement:10");
        var office = await Stored.ReadAsync(host, d => d.Arrangements.Where(a => a.Id == arrangement).Select(a => a.OfficeId).SingleAsync(Ct));
        var coordinator = await host.SignedInClientAsync(office == DemoIds.For("office:ost") ? DemoLogins.CoordinatorEast : DemoLogins.CoordinatorWest);
        var recipient = await Stored.ReadAsync(host, d => d.Recipients.AsNoTracking().SingleAsync(r => d.Arrangements.Any(a => a.Id == arrangement && a.RecipientId == r.Id), Ct));
        recipient.UserId.ShouldNotBeNull("the demo's adult recipients lead their own arrangement");
        var initials = ErasureRequest.InitialsOf(recipient.FullName);
        var path = $"/api/v1/arrangements/{arrangement}/recipient-erasure";

        var running = await admin.GetFromJsonAsync<JsonElement>(path, Ct);
        running.GetProperty("refusal").GetString()!.ShouldContain("er ikke avsluttet");
        var named = running.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("key").GetString() == "navnIFritekst").GetProperty("count").GetInt32();
        using (var early = await ApiCalls.PostAsync(admin, path, """{ "receivedOn": "2026-11-23" }""", "tidlig", Ct)) early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        using (var theirs = await coordinator.GetAsync(path, Ct)) theirs.StatusCode.ShouldBe(HttpStatusCode.NotFound, "the coordinator does not handle erasure");

        await ApiCalls.OkAsync(await ApiCalls.PostAsync(admin, $"/api/v1/arrangements/{arrangement}/end", """{ "endDate": "2026-11-22" }""", ct: Ct), ct: Ct);
        var entry = await Stored.ReadAsync(host, d => d.TimeEntries.Where(e => d.TimeSheets.Any(s => s.Id == e.SheetId && s.ArrangementId == arrangement)).Select(e => e.Id).FirstAsync(Ct));
        await Stored.ReadAsync(host, d => d.TimeEntries.Where(e => e.Id == entry).ExecuteUpdateAsync(s => s.SetProperty(e => e.Reason, $"{recipient.FullName} ba om lengre vakt."), Ct));
        var plans = await Stored.ReadAsync(host, d => d.WorkPlans.CountAsync(p => p.ArrangementId == arrangement, Ct));
        var sheets = await Stored.ReadAsync(host, d => d.TimeSheets.CountAsync(s => s.ArrangementId == arrangement, Ct));
        plans.ShouldBeGreaterThan(0);
        sheets.ShouldBeGreaterThan(0);
        (await coordinator.GetAsync($"/api/v1/arrangements/{arrangement}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "the coordinator reads an ended arrangement before a request");

        var preview = await admin.GetFromJsonAsync<JsonElement>(path, Ct);
        preview.GetProperty("refusal").ValueKind.ShouldBe(JsonValueKind.Null);
        var kinds = preview.GetProperty("kinds").EnumerateArray().ToDictionary(k => k.GetProperty("key").GetString()!, k => k.GetProperty("count").GetInt32());
        kinds["turnuser"].ShouldBe(plans);
        kinds["timelisterIOrdningen"].ShouldBe(sheets);
        kinds["navnIFritekst"].ShouldBe(named + 1, "the demo's own texts that name the recipient, and the one written here");
        var kept = preview.GetProperty("kinds").EnumerateArray().Where(k => k.GetProperty("fate").GetString() == "Keep").Sum(k => k.GetProperty("count").GetInt32());
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/ordninger/{arrangement}/sletting", Ct));
        page.ShouldContain($"Sletteforespørsel for {recipient.FullName}");
        page.ShouldContain("Nesten alt i en ordning må beholdes");
        WebUtility.HtmlDecode(await admin.GetStringAsync($"/ordninger/{arrangement}", Ct)).ShouldContain("Sletteforespørsel fra mottakeren");

        var made = await ApiCalls.OkAsync(await ApiCalls.PostAsync(admin, path, """{ "receivedOn": "2026-11-23", "note": "Brev fra mottakeren" }""", "sigrid-1", Ct), HttpStatusCode.Created, Ct);
        var id = made.GetProperty("id").GetGuid();
        (await ApiCalls.OkAsync(await ApiCalls.PostAsync(admin, path, """{ "receivedOn": "2026-11-23" }""", "sigrid-2", Ct), ct: Ct)).GetProperty("id").GetGuid().ShouldBe(id);

        (await ErasureJourney.RunAsync(host, new LocalDate(2026, 11, 24), Ct)).CarriedOut.ShouldBe(1);

        var restricted = await Stored.ReadAsync(host, d => d.Arrangements.AsNoTracking().SingleAsync(a => a.Id == arrangement, Ct));
        restricted.RestrictedOn.ShouldBe(new LocalDate(2026, 11, 24));
        restricted.Name.ShouldBe($"Ordning {initials}");
        var record = await Stored.ReadAsync(host, d => d.Recipients.AsNoTracking().SingleAsync(r => r.Id == recipient.Id, Ct));
        record.RestrictedOn.ShouldNotBeNull();
        record.UserId.ShouldBeNull();
        var account = await Stored.ReadAsync(host, d => d.Users.AsNoTracking().SingleAsync(u => u.Id == recipient.UserId, Ct));
        account.Email.ShouldEndWith("@slettet.invalid");
        account.IsDisabled.ShouldBeTrue();
        (await Stored.ReadAsync(host, d => d.TimeEntries.Where(e => e.Id == entry).Select(e => e.Reason).SingleAsync(Ct))).ShouldBe($"{initials} ba om lengre vakt.");
        (await Stored.ReadAsync(host, d => d.WorkPlans.CountAsync(p => p.ArrangementId == arrangement, Ct))).ShouldBe(plans, "the plans are the working-time record");
        (await Stored.ReadAsync(host, d => d.TimeSheets.CountAsync(s => s.ArrangementId == arrangement, Ct))).ShouldBe(sheets, "the time sheets are accounting documentation");
        var request = await Stored.ReadAsync(host, d => d.ErasureRequests.AsNoTracking().SingleAsync(r => r.Id == id, Ct));
        request.State.ShouldBe(ErasureState.Restricted);
        // The administrator's reads since the preview added rows to the access log, which is kept too.
        var log = await Stored.ReadAsync(host, d => d.AccessLog.CountAsync(a => a.ArrangementId == arrangement, Ct));
        request.Restricted.ShouldBe(kept - kinds["innsynsloggIOrdningen"] + log);

        // Restricted: the coordinator no longer finds it, in the list or by id; the administrator reads it and changes nothing.
        using (var read = await coordinator.GetAsync($"/api/v1/arrangements/{arrangement}", Ct)) read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coordinator.GetStringAsync("/api/v1/arrangements", Ct)).ShouldNotContain(arrangement.ToString());
        using (var read = await admin.GetAsync($"/api/v1/arrangements/{arrangement}", Ct)) read.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await admin.GetStringAsync($"/ordninger/{arrangement}", Ct)).ShouldContain("Ordningen er begrenset etter mottakerens sletteforespørsel");
        using (var change = await ApiCalls.PostAsync(admin, $"/api/v1/arrangements/{arrangement}/end", """{ "endDate": "2026-11-20" }""", ct: Ct))
            change.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using (var moved = await admin.GetAsync($"/api/v1/arrangements/{arrangement}/bundle", Ct)) moved.StatusCode.ShouldBe(HttpStatusCode.Conflict, "a restricted arrangement is not moved");
    }
}
