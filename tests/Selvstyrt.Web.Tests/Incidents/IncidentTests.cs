using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Domain.Quality;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Incidents;

/// <summary>
/// Issue 20, part 1 on both engines, from the demo (Even's 24/7 arrangement): an assistant reports an incident once per key and
/// anonymously, the work leader is told without the name while the employer sees it; the leader follows up with a responsible,
/// a measure and the closing, and the reporter is told; a personal-data breach runs Datatilsynet's 72 hours and only the
/// employer records the notice; a medication error read is in the access log; bad input is named; the statistics are the
/// stored incidents counted per year; nobody outside reads an incident.
/// </summary>
public sealed class IncidentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) => ApiCalls.OkAsync(response, expected, Ct);

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, object body, string? key = null) => ApiCalls.PostJsonAsync(client, path, body, key, Ct);

    private static Task<T> DbAsync<T>(SelvstyrtFactory factory, Func<SelvstyrtDb, Task<T>> read) => Stored.ReadAsync(factory, read);

    private static readonly Guid Arrangement = DemoIds.For("arrangement:10");

    private static Task<JsonElement> GetAsync(HttpClient client, string path) => client.GetFromJsonAsync<JsonElement>(path, Ct);

    private static Task<int> NoticesAsync(SelvstyrtFactory factory, string email, Guid incident)
        => DbAsync(factory, async d =>
        {
            var uid = await d.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
            return await d.Notifications.CountAsync(n => n.UserId == uid && n.Kind == "avvik" && n.Link == $"/avvik/{incident}", Ct);
        });

    [Theory, DatabaseData]
    public async Task AnAnonymousReport_IsFollowedUpAndClosed_AndTheArrangementNeverSeesWhoReported(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var body = new
        {
            arrangementId = Arrangement, kind = "violenceOrThreats", severity = "moderate", occurredAt = "2026-11-22T20:30:00Z", place = "Stua",
            whatHappened = "En besøkende truet med å slå.", immediateAction = "Ba den besøkende gå.", anonymous = true,
        };
        var key = Guid.NewGuid().ToString();
        var id = (await OkAsync(await Post(assistant, "/api/v1/incidents", body, key), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await OkAsync(await Post(assistant, "/api/v1/incidents", body, key))).GetProperty("id").GetGuid().ShouldBe(id, "a retry with the key is the same report");
        (await DbAsync(factory, d => d.Incidents.CountAsync(i => i.WhatHappened == "En besøkende truet med å slå.", Ct))).ShouldBe(1);

        // The work leader is told (once, with mail) without the reporter's name, and reads the case without it; the employer sees it.
        (await NoticesAsync(factory, DemoLogins.WorkLeader, id)).ShouldBe(1);
        var leaderId = await DbAsync(factory, d => d.Users.Where(u => u.Email == DemoLogins.WorkLeader).Select(u => u.Id).SingleAsync(Ct));
        var notice = await DbAsync(factory, d => d.Notifications.SingleAsync(n => n.UserId == leaderId && n.Link == $"/avvik/{id}", Ct));
        notice.Body.ShouldStartWith("Noen har meldt");
        (await DbAsync(factory, d => d.OutboxMessages.CountAsync(m => m.UserId == leaderId && m.Subject.Contains("Avvik i"), Ct))).ShouldBe(1);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var seen = await GetAsync(leader, $"/api/v1/incidents/{id}");
        seen.GetProperty("reportedBy").ValueKind.ShouldBe(JsonValueKind.Null);
        seen.GetProperty("canFollowUp").GetBoolean().ShouldBeTrue();
        seen.GetProperty("canNotify").GetBoolean().ShouldBeFalse();
        var page = WebUtility.HtmlDecode(await Html.GetAsync(leader, $"/avvik/{id}", Ct));
        page.ShouldContain("Anonymt for ordningen");
        page.ShouldNotContain("Sofie Lie");
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        (await GetAsync(admin, $"/api/v1/incidents/{id}")).GetProperty("reportedBy").GetString().ShouldBe("Sofie Lie");
        (await GetAsync(assistant, $"/api/v1/incidents/{id}")).GetProperty("reportedBy").GetString().ShouldBe("Sofie Lie", "the reporter sees their own name");

        // Nobody else reads it: not a leader of another arrangement, the union representative or the municipality.
        foreach (var outsider in new[] { DemoLogins.CoWorkLeader, DemoLogins.UnionRepresentative, DemoLogins.CaseWorkerOslo, DemoLogins.CoordinatorWest })
        {
            var client = await factory.SignedInClientAsync(outsider);
            (await client.GetAsync($"/api/v1/incidents/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, outsider);
            (await GetAsync(client, "/api/v1/incidents")).GetProperty("incidents").EnumerateArray().ShouldNotContain(r => r.GetProperty("id").GetGuid() == id);
        }
        // The reporter reads but does not follow up.
        (await Post(assistant, $"/api/v1/incidents/{id}/close", new { evaluation = "Ferdig" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The leader takes the follow-up, adds a measure (once per key), marks it done and closes the case; the reporter is told.
        var responsible = seen.GetProperty("responsibles").EnumerateArray().Single(p => p.GetProperty("userId").GetGuid() == leaderId).GetProperty("userId").GetGuid();
        await OkAsync(await ApiCalls.SendAsync(leader, HttpMethod.Put, $"/api/v1/incidents/{id}/follow-up",
            JsonSerializer.Serialize(new { responsibleUserId = responsible, cause = "Besøket varte for lenge." }), null, Ct));
        var measureKey = Guid.NewGuid().ToString();
        var measure = new { text = "Skriftlig besøksavtale", owner = "Even", dueOn = "2026-12-01" };
        await OkAsync(await Post(leader, $"/api/v1/incidents/{id}/measures", measure, measureKey), HttpStatusCode.Created);
        await OkAsync(await Post(leader, $"/api/v1/incidents/{id}/measures", measure, measureKey));
        var measures = (await GetAsync(leader, $"/api/v1/incidents/{id}")).GetProperty("measures");
        measures.GetArrayLength().ShouldBe(1);
        var early = await ApiCalls.ErrorsAsync(await Post(leader, $"/api/v1/incidents/{id}/close", new { evaluation = "Avtalen virker." }), Ct);
        early.GetProperty("measures")[0].GetString()!.ShouldContain("Skriftlig besøksavtale");
        await OkAsync(await Post(leader, $"/api/v1/incidents/{id}/measures/{measures[0].GetProperty("id").GetGuid()}/done", new { }));
        await OkAsync(await Post(leader, $"/api/v1/incidents/{id}/close", new { evaluation = "Avtalen virker." }));
        var closed = await GetAsync(assistant, $"/api/v1/incidents/{id}");
        closed.GetProperty("status").GetString().ShouldBe("Closed");
        (await NoticesAsync(factory, DemoLogins.Assistant, id)).ShouldBe(1, "the reporter is told it is closed");
    }

    [Theory, DatabaseData]
    public async Task APersonalDataBreach_RunsDatatilsynets72Hours_AndOnlyTheEmployerRecordsTheNotice(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var id = (await OkAsync(await Post(leader, "/api/v1/incidents", new
        {
            arrangementId = Arrangement, kind = "personalDataBreach", severity = "moderate", occurredAt = "2026-11-23T08:00:00Z",
            whatHappened = "Vaktlisten lå åpen på en delt PC.",
        }, Guid.NewGuid().ToString()), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var duty = (await GetAsync(leader, $"/api/v1/incidents/{id}")).GetProperty("duties").EnumerateArray().Single();
        duty.GetProperty("authority").GetString().ShouldBe("Datatilsynet");
        duty.GetProperty("state").GetString().ShouldBe("Open");
        Instant.FromDateTimeOffset(duty.GetProperty("due").GetDateTimeOffset()).ShouldBe(factory.Clock.GetCurrentInstant() + Duration.FromHours(72));
        (await NoticesAsync(factory, DemoLogins.CoordinatorEast, id)).ShouldBe(1, "a duty to notify brings in the office at once");

        // The work leader may not record the notice; the coordinator does; three days later it is done, not overdue.
        (await Post(leader, $"/api/v1/incidents/{id}/notices", new { authority = "datatilsynet", notifiedAt = "2026-11-23T08:30:00Z" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var wrong = await ApiCalls.ErrorsAsync(await Post(coordinator, $"/api/v1/incidents/{id}/notices", new { authority = "police", notifiedAt = "2026-11-23T08:30:00Z" }), Ct);
        wrong.GetProperty("authority")[0].GetString().ShouldBe("Dette avviket gir ingen plikt til å varsle den myndigheten.");
        await OkAsync(await Post(coordinator, $"/api/v1/incidents/{id}/notices", new { authority = "datatilsynet", notifiedAt = "2026-11-23T08:30:00Z", reference = "26/07777" }));
        factory.Clock.Advance(Duration.FromDays(4));
        coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var done = (await GetAsync(coordinator, $"/api/v1/incidents/{id}")).GetProperty("duties")[0];
        done.GetProperty("state").GetString().ShouldBe("Done");
        done.GetProperty("reference").GetString().ShouldBe("26/07777");
    }

    [Theory, DatabaseData]
    public async Task BadInput_IsNamedInNorwegian_AMedicationErrorReadIsLogged_AndTheStatisticsCountTheStoredIncidents(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var bad = await ApiCalls.ErrorsAsync(await Post(assistant, "/api/v1/incidents", new { arrangementId = Arrangement, occurredAt = "2027-01-01T00:00:00Z", whatHappened = "" }), Ct);
        bad.GetProperty("kind")[0].GetString().ShouldBe("Velg hva slags avvik det er.");
        bad.GetProperty("severity")[0].GetString().ShouldBe("Velg hvor alvorlig det er.");
        bad.GetProperty("occurredAt")[0].GetString().ShouldBe("Tidspunktet kan ikke være fram i tid.");
        bad.GetProperty("whatHappened")[0].GetString().ShouldBe("Skriv kort hva som skjedde.");
        var elsewhere = await ApiCalls.ErrorsAsync(await Post(assistant, "/api/v1/incidents", new { arrangementId = DemoIds.For("arrangement:7"), kind = "other", severity = "minor",
            occurredAt = "2026-11-22T10:00:00Z", whatHappened = "Noe" }), Ct);
        elsewhere.GetProperty("where")[0].GetString().ShouldBe("Velg ordningen (eller kontoret) avviket gjelder.");
        var type = await ApiCalls.ErrorsAsync(await Post(assistant, "/api/v1/incidents", new { arrangementId = Arrangement, kind = 42, severity = "minor" }), Ct);
        type.GetProperty("kind")[0].GetString().ShouldBe("Velg hva slags avvik det er.", "a number that is no kind is named like a missing one");
        var text = await ApiCalls.ErrorsAsync(await Post(assistant, "/api/v1/incidents", new { arrangementId = Arrangement, kind = "fall", severity = "minor" }), Ct);
        text.GetProperty("kind")[0].GetString().ShouldBe("Feltet har feil format eller type.");

        // Reported on the page by the assistant; read by the leader: a medication error is about the recipient's health.
        using (var posted = await SelvstyrtFactory.PostFormAsync(assistant, "/avvik/ny", "avvik", new Dictionary<string, string>
               {
                   ["Input.Where"] = $"a:{Arrangement}", ["Input.Kind"] = "MedicationError", ["Input.Severity"] = "Minor", ["Input.WhatHappened"] = "Kveldsmedisinen ble glemt.",
                   ["Input.Date"] = "2026-11-22", ["Input.Time"] = "21:00",
               }))
        {
            posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync(Ct));
            posted.Headers.Location!.OriginalString.ShouldContain("?meldt=1");
        }
        var stored = await DbAsync(factory, d => d.Incidents.AsNoTracking().SingleAsync(i => i.WhatHappened == "Kveldsmedisinen ble glemt.", Ct));
        stored.OccurredAt.ShouldBe(Instant.FromUtc(2026, 11, 22, 20, 0), "21:00 Norwegian winter time");
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var before = await DbAsync(factory, d => d.AccessLog.CountAsync(a => a.ArrangementId == Arrangement && a.What == "avvik", Ct));
        await GetAsync(leader, $"/api/v1/incidents/{stored.Id}");
        (await DbAsync(factory, d => d.AccessLog.CountAsync(a => a.ArrangementId == Arrangement && a.What == "avvik", Ct))).ShouldBe(before + 1);

        // The administrator's statistics are the provider's incidents counted by the year they happened, this year against last.
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var stats = await GetAsync(admin, "/api/v1/incidents/statistics?year=2026");
        var zone = DateTimeZoneProviders.Tzdb["Europe/Oslo"];
        var all = await DbAsync(factory, d => d.Incidents.AsNoTracking().Where(i => i.ProviderId == DemoSeeder.ProviderId).Select(i => new { i.Kind, i.OccurredAt }).ToListAsync(Ct));
        all.Count(i => i.OccurredAt.InZone(zone).Year == 2025).ShouldBeGreaterThan(0, "the demo has last year's incidents to compare with");
        stats.GetProperty("thisYear").GetInt32().ShouldBe(all.Count(i => i.OccurredAt.InZone(zone).Year == 2026));
        stats.GetProperty("lastYear").GetInt32().ShouldBe(all.Count(i => i.OccurredAt.InZone(zone).Year == 2025));
        foreach (var kind in stats.GetProperty("kinds").EnumerateArray())
        {
            var k = Enum.Parse<IncidentKind>(kind.GetProperty("kind").GetString()!);
            kind.GetProperty("thisYear").GetInt32().ShouldBe(all.Count(i => i.Kind == k && i.OccurredAt.InZone(zone).Year == 2026));
            kind.GetProperty("lastYear").GetInt32().ShouldBe(all.Count(i => i.Kind == k && i.OccurredAt.InZone(zone).Year == 2025));
        }
        stats.GetProperty("offices").GetArrayLength().ShouldBe(2);
        // The work leader's statistics cover only what they follow up: Even's arrangement.
        var own = await GetAsync(leader, "/api/v1/incidents/statistics?year=2026");
        own.GetProperty("arrangements").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ShouldBe(["Ordningen til Even"]);
        (await ApiCalls.ErrorsAsync(await admin.GetAsync("/api/v1/incidents/statistics?year=1999", Ct), Ct)).GetProperty("year")[0].GetString()!.ShouldContain("mellom 2000");
    }
}
