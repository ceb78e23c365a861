using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Retention;
using Selvstyrt.Testing;
using Selvstyrt.Web.Features.Retention;
using Shouldly;

namespace Selvstyrt.Web.Tests.Retention;

/// <summary>
/// quality.md S7, the erasure request, on a fresh demo installation: an assistant of the 24/7 2:1 arrangement leaves, asks
/// to be erased, and the administrator registers it; the next daily job deletes what no law keeps (competences, police
/// certificate records, calendar links, shifts in the plan in force) and restricts the rest (time sheets, employment,
/// contracts, declarations): only the administrator reads it and nothing changes it. The former demo assistant, whose
/// account serves nothing else, can no longer sign in. The rest goes when the accounting rule deletes the last time sheet.
/// Used by <see cref="RetentionTests"/>, whose purge the completion waits for.
/// </summary>
internal sealed class ErasureJourney
{
    private static readonly Guid Former = DemoIds.For("assistant:former");
    private readonly SelvstyrtFactory _host;
    private readonly HttpClient _admin;
    private readonly Guid _leaver;
    private readonly int _sheets;

    private ErasureJourney(SelvstyrtFactory host, HttpClient admin, Guid leaver, int sheets)
    {
        _host = host;
        _admin = admin;
        _leaver = leaver;
        _sheets = sheets;
    }

    public static Instant Night(LocalDate day) => day.At(new LocalTime(5, 0)).InZoneLeniently(DateTimeZoneProviders.Tzdb["Europe/Oslo"]).ToInstant();

    public static async Task<ErasureJob.Outcome> RunAsync(SelvstyrtFactory host, LocalDate day, CancellationToken ct)
    {
        using var scope = host.Services.CreateScope();
        return await ErasureJob.RunAsync(scope.ServiceProvider.GetRequiredService<SelvstyrtDb>(), Night(day), ct);
    }

    /// <summary>Registers and carries out the two requests, and checks what went and what stays restricted.</summary>
    public static async Task<ErasureJourney> StartAsync(SelvstyrtFactory host, HttpClient admin, CancellationToken ct)
    {
        var even = DemoIds.For("arrangement:10");
        // An assistant of Even's arrangement with October's time sheet, competences and shifts in the plan in force (not the
        // demo assistant, whose login the retention test still uses).
        var leaver = await Stored.ReadAsync(host, d => d.TimeSheets.Where(s => s.ArrangementId == even)
            .Where(s => d.Assistants.Any(a => a.Id == s.AssistantId && a.UserId == null))
            .Where(s => d.AssistantCompetences.Any(c => c.AssistantId == s.AssistantId))
            .Where(s => d.PlanShifts.Any(p => p.AssistantId == s.AssistantId && d.WorkPlans.Any(w => w.Id == p.PlanId && w.EndsOn == null)))
            .OrderBy(s => s.AssistantId).Select(s => s.AssistantId).FirstAsync(ct));
        var name = await Stored.ReadAsync(host, d => d.Assistants.Where(a => a.Id == leaver).Select(a => a.FullName).SingleAsync(ct));
        var sheets = await Count(host, d => d.TimeSheets.CountAsync(s => s.AssistantId == leaver, ct));
        var competences = await Count(host, d => d.AssistantCompetences.CountAsync(c => c.AssistantId == leaver, ct));
        var contracts = await Count(host, d => d.EmploymentContracts.CountAsync(c => c.AssistantId == leaver, ct));
        var currentShifts = await Count(host, d => d.PlanShifts.CountAsync(p => p.AssistantId == leaver && d.WorkPlans.Any(w => w.Id == p.PlanId && w.EndsOn == null), ct));
        var vacantBefore = await Count(host, d => d.PlanShifts.CountAsync(p => p.AssistantId == null, ct));
        competences.ShouldBeGreaterThan(0);
        sheets.ShouldBeGreaterThan(0);
        currentShifts.ShouldBeGreaterThan(0);

        // A coordinator handles the assistant but not erasure; while employed, the administrator is told why not yet.
        var coordinators = new[] { await host.SignedInClientAsync(DemoLogins.CoordinatorEast), await host.SignedInClientAsync(DemoLogins.CoordinatorWest) };
        var readBefore = new List<HttpStatusCode>();
        foreach (var c in coordinators)
        {
            using (var read = await c.GetAsync($"/api/v1/assistants/{leaver}", ct)) readBefore.Add(read.StatusCode);
            using var theirs = await c.GetAsync($"/api/v1/assistants/{leaver}/erasure", ct);
            theirs.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        readBefore.ShouldContain(HttpStatusCode.OK, "the coordinator of the assistant's office reads the record before the request");
        var employed = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/assistants/{leaver}/erasure", ct);
        employed.GetProperty("refusal").GetString()!.ShouldContain($"{name} er fortsatt ansatt");
        using (var refused = await ApiCalls.PostAsync(admin, $"/api/v1/assistants/{leaver}/erasure", """{ "receivedOn": "2026-11-23" }""", "tidlig", ct))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await refused.Content.ReadAsStringAsync(ct)).ShouldContain("avslutt arbeidsforholdet først");
        }

        // The assistant leaves: the employment and the assignment end yesterday.
        var employment = await Stored.ReadAsync(host, d => d.Employments.Where(e => e.AssistantId == leaver && e.End == null).Select(e => e.Id).SingleAsync(ct));
        await ApiCalls.OkAsync(await ApiCalls.PostAsync(admin, $"/api/v1/assistants/{leaver}/employments/{employment}/end",
            """{ "lastDay": "2026-11-22", "reason": "Resigned" }""", ct: ct), ct: ct);
        var assignments = await Stored.ReadAsync(host, d => d.Assignments.Where(s => s.AssistantId == leaver && s.To == null).Select(s => s.Id).ToListAsync(ct));
        foreach (var assignment in assignments)
        {
            await ApiCalls.OkAsync(await ApiCalls.PostAsync(admin, $"/api/v1/assistants/{leaver}/assignments/{assignment}/end", """{ "lastDay": "2026-11-22" }""", ct: ct), ct: ct);
        }

        // The preview: what goes and what stays, counted.
        var preview = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/assistants/{leaver}/erasure", ct);
        preview.GetProperty("refusal").ValueKind.ShouldBe(JsonValueKind.Null);
        var kinds = preview.GetProperty("kinds").EnumerateArray().ToDictionary(k => k.GetProperty("key").GetString()!, k => k.GetProperty("count").GetInt32());
        kinds["kompetanse"].ShouldBe(competences);
        kinds["timelister"].ShouldBe(sheets);
        kinds["arbeidsavtaler"].ShouldBe(contracts);
        kinds["kommendeVakter"].ShouldBe(currentShifts);
        var fates = preview.GetProperty("kinds").EnumerateArray().ToLookup(k => k.GetProperty("fate").GetString(), k => k.GetProperty("count").GetInt32());

        // Registering: a bad date is named; the same key twice is one request; so is a second request for the same person.
        var bad = await ApiCalls.ErrorsAsync(await ApiCalls.PostAsync(admin, $"/api/v1/assistants/{leaver}/erasure", """{ "receivedOn": "2026-11-24" }""", "fram", ct), ct);
        bad.GetProperty("receivedOn")[0].GetString().ShouldBe("Datoen forespørselen kom, kan ikke være etter i dag.");
        var made = await ApiCalls.OkAsync(await ApiCalls.PostAsync(admin, $"/api/v1/assistants/{leaver}/erasure",
            """{ "receivedOn": "2026-11-20", "note": "Per e-post" }""", "sletting-1", ct), HttpStatusCode.Created, ct);
        var id = made.GetProperty("id").GetGuid();
        (await ApiCalls.OkAsync(await ApiCalls.PostAsync(admin, $"/api/v1/assistants/{leaver}/erasure", """{ "receivedOn": "2026-11-20" }""", "sletting-1", ct), ct: ct))
            .GetProperty("id").GetGuid().ShouldBe(id);
        (await ApiCalls.OkAsync(await ApiCalls.PostAsync(admin, $"/api/v1/assistants/{leaver}/erasure", """{ "receivedOn": "2026-11-21" }""", "sletting-2", ct), ct: ct))
            .GetProperty("id").GetGuid().ShouldBe(id);
        (await Count(host, d => d.ErasureRequests.CountAsync(ct))).ShouldBe(1);
        await ApiCalls.OkAsync(await ApiCalls.PostAsync(admin, $"/api/v1/assistants/{Former}/erasure", """{ "receivedOn": "2026-11-23" }""", "frida", ct), HttpStatusCode.Created, ct);
        var formerUser = await Stored.ReadAsync(host, d => d.Assistants.Where(a => a.Id == Former).Select(a => a.UserId).SingleAsync(ct));
        formerUser.ShouldNotBeNull();
        (await host.SignedInClientAsync(DemoLogins.FormerAssistant)).Dispose();
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/assistenter/{leaver}/sletting", ct));
        page.ShouldContain("Registrert, slettes i nattens kjøring");
        page.ShouldContain("Bokføringsloven § 13");

        // A kept time entry's reason names the leaver (a work leader wrote it): the name gives way to the initials.
        var entry = await Stored.ReadAsync(host, d => d.TimeEntries.Where(e => d.TimeSheets.Any(s => s.Id == e.SheetId && s.AssistantId == leaver)).Select(e => e.Id).FirstAsync(ct));
        await Stored.ReadAsync(host, d => d.TimeEntries.Where(e => e.Id == entry).ExecuteUpdateAsync(s => s.SetProperty(e => e.Reason, $"Byttet med {name} etter avtale."), ct));

        // One job cycle: the deletable part is gone, the rest restricted.
        (await RunAsync(host, new LocalDate(2026, 11, 24), ct)).CarriedOut.ShouldBe(2);
        (await Count(host, d => d.AssistantCompetences.CountAsync(c => c.AssistantId == leaver, ct))).ShouldBe(0);
        (await Count(host, d => d.PoliceCertificates.CountAsync(c => c.AssistantId == leaver, ct))).ShouldBe(0);
        (await Count(host, d => d.PlanShifts.CountAsync(p => p.AssistantId == leaver && d.WorkPlans.Any(w => w.Id == p.PlanId && w.EndsOn == null), ct))).ShouldBe(0);
        (await Count(host, d => d.PlanShifts.CountAsync(p => p.AssistantId == null, ct))).ShouldBe(vacantBefore + currentShifts, "the shifts became vacant, not deleted");
        (await Count(host, d => d.TimeSheets.CountAsync(s => s.AssistantId == leaver, ct))).ShouldBe(sheets, "the time sheets are accounting documentation");
        (await Count(host, d => d.EmploymentContracts.CountAsync(c => c.AssistantId == leaver, ct))).ShouldBe(contracts);
        var record = await Stored.ReadAsync(host, d => d.Assistants.AsNoTracking().SingleAsync(a => a.Id == leaver, ct));
        record.RestrictedOn.ShouldBe(new LocalDate(2026, 11, 24));
        record.Email.ShouldBeNull();
        record.Phone.ShouldBeNull();
        record.BirthDate.ShouldBeNull();
        var request = await Stored.ReadAsync(host, d => d.ErasureRequests.AsNoTracking().SingleAsync(r => r.Id == id, ct));
        request.State.ShouldBe(ErasureState.Restricted);
        request.Initials.ShouldBe(ErasureRequest.InitialsOf(name));
        request.Initials.ShouldNotContain(name.Split(' ')[0]);
        request.Restricted.ShouldBe(fates["Keep"].Sum());
        (await Stored.ReadAsync(host, d => d.TimeEntries.Where(e => e.Id == entry).Select(e => e.Reason).SingleAsync(ct))).ShouldBe($"Byttet med {ErasureRequest.InitialsOf(name)} etter avtale.");
        request.Deleted.ShouldBeGreaterThanOrEqualTo(fates["Delete"].Sum());

        // The former assistant's account served nothing else: emptied and closed.
        await Should.ThrowAsync<InvalidOperationException>(() => host.SignedInClientAsync(DemoLogins.FormerAssistant));
        var account = await Stored.ReadAsync(host, d => d.Users.AsNoTracking().SingleAsync(u => u.Id == formerUser, ct));
        account.IsDisabled.ShouldBeTrue();
        account.PasswordHash.ShouldBeNull();
        account.Email.ShouldEndWith("@slettet.invalid");
        (await Count(host, d => d.Users.CountAsync(u => u.Email == DemoLogins.FormerAssistant, ct))).ShouldBe(0);

        // Restricted: the coordinators no longer read it; the administrator does, and nothing changes it.
        foreach (var c in coordinators)
        {
            using (var read = await c.GetAsync($"/api/v1/assistants/{leaver}", ct)) read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            using (var copy = await c.GetAsync($"/api/v1/assistants/{leaver}/personal-data", ct)) copy.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            c.Dispose();
        }
        using (var read = await admin.GetAsync($"/api/v1/assistants/{leaver}", ct)) read.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var copy = await admin.GetAsync($"/api/v1/assistants/{leaver}/personal-data", ct)) copy.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var hire = await ApiCalls.PostAsync(admin, $"/api/v1/assistants/{leaver}/employments",
                   """{ "kind": "Permanent", "positionPercent": 50, "start": "2026-12-01", "seniorityFrom": "2026-12-01" }""", "igjen", ct))
        {
            hire.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await hire.Content.ReadAsStringAsync(ct)).ShouldContain(Assistant.RestrictedMessage);
        }
        using (var place = await ApiCalls.PostAsync(admin, $"/api/v1/assistants/{leaver}/assignments",
                   $$"""{ "arrangementId": "{{even}}", "from": "2026-12-01" }""", ct: ct))
        {
            place.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await place.Content.ReadAsStringAsync(ct)).ShouldContain(Assistant.RestrictedMessage);
        }
        using (var pool = await ApiCalls.SendAsync(admin, HttpMethod.Put, $"/api/v1/assistants/{leaver}/substitute-pool", """{ "inPool": true }""", null, ct))
            pool.StatusCode.ShouldBe(HttpStatusCode.NotFound, "no one manages a restricted record");
        var assistantPage = WebUtility.HtmlDecode(await admin.GetStringAsync($"/assistenter/{leaver}", ct));
        assistantPage.ShouldContain("Behandlingen er begrenset etter en sletteforespørsel fra 24. november 2026");
        assistantPage.ShouldNotContain("/arbeidsforhold/ny");
        assistantPage.ShouldNotContain("Registrer kompetansen");
        var retention = WebUtility.HtmlDecode(await admin.GetStringAsync("/organisasjon/oppbevaring", ct));
        retention.ShouldContain(request.Initials);
        retention.ShouldContain("Slettet, resten begrenset (24. november 2026)");

        // The next night does nothing more.
        (await RunAsync(host, new LocalDate(2026, 11, 25), ct)).ShouldBe(new ErasureJob.Outcome(0, 0));
        return new ErasureJourney(host, admin, leaver, sheets);
    }

    /// <summary>
    /// After the accounting rule's purge of 1 January 2032: the former assistant (no sheets, employment ended in 2025) was
    /// completed on 31 December 2031; the leaver's rest goes now, and only the requests with initials remain.
    /// </summary>
    public async Task FinishAsync(CancellationToken ct)
    {
        _sheets.ShouldBeGreaterThan(0);
        (await Count(_host, d => d.Assistants.CountAsync(a => a.Id == Former, ct))).ShouldBe(0, "completed the night before");
        (await RunAsync(_host, new LocalDate(2032, 1, 1), ct)).Completed.ShouldBe(1);
        (await Count(_host, d => d.Assistants.CountAsync(a => a.Id == _leaver, ct))).ShouldBe(0);
        (await Count(_host, d => d.Employments.CountAsync(e => e.AssistantId == _leaver, ct))).ShouldBe(0);
        (await Count(_host, d => d.Assignments.CountAsync(s => s.AssistantId == _leaver, ct))).ShouldBe(0);
        (await Count(_host, d => d.PlanShifts.CountAsync(p => p.AssistantId == _leaver, ct))).ShouldBe(0);
        (await Count(_host, d => d.ConfidentialityDeclarations.CountAsync(c => c.AssistantId == _leaver, ct))).ShouldBe(0);
        var requests = await Stored.ReadAsync(_host, d => d.ErasureRequests.AsNoTracking().ToListAsync(ct));
        requests.Count.ShouldBe(2);
        requests.ShouldAllBe(r => r.State == ErasureState.Completed && r.AssistantId == null && r.CompletedAt != null);
        var list = await _admin.GetFromJsonAsync<JsonElement>("/api/v1/erasure-requests", ct);
        list.GetArrayLength().ShouldBe(2);
        list.EnumerateArray().ShouldAllBe(r => r.GetProperty("state").GetString() == "Completed");
    }

    private static Task<int> Count(SelvstyrtFactory host, Func<SelvstyrtDb, Task<int>> read) => Stored.ReadAsync(host, read);
}
