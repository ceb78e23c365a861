using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Testing;
using Selvstyrt.Web.Features.Notifications;
using Selvstyrt.Web.Features.Transparency;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Transparency;

/// <summary>
/// Issue 20, part 7 on both engines, from the demo: the administrator registers a supplier and assesses it (once per key), logs
/// a request and answers it within the three weeks; the daily job reminds the administrators a week before the deadline and
/// once it has passed, once each; the year's statement gathers the assessments, is approved by the board, and reads the same
/// in the API and the PDF; coordinators read, only the administrator writes, and nobody else sees it.
/// </summary>
public sealed class TransparencyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) => ApiCalls.OkAsync(response, expected, Ct);

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, object body, string? key = null) => ApiCalls.PostJsonAsync(client, path, body, key, Ct);

    private static Task<T> DbAsync<T>(SelvstyrtFactory factory, Func<SelvstyrtDb, Task<T>> read) => Stored.ReadAsync(factory, read);

    [Theory, DatabaseData]
    public async Task ASupplierIsAssessed_ARequestAnsweredOnTime_AndTheStatementGathersTheYear(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);

        var key = Guid.NewGuid().ToString();
        var supplier = new { name = "Trygg Transport AS", organisationNumber = "919 012 348", supplies = "Drosjetransport", country = "Norge" };
        var id = (await OkAsync(await Post(admin, "/api/v1/transparency/suppliers", supplier, key), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await OkAsync(await Post(admin, "/api/v1/transparency/suppliers", supplier, key))).GetProperty("id").GetGuid().ShouldBe(id);
        var high = await ApiCalls.ErrorsAsync(await Post(admin, $"/api/v1/transparency/suppliers/{id}/assessments", new { year = 2026, risk = "high", findings = "Sjåfører uten kontrakt." }), Ct);
        high.GetProperty("measures")[0].GetString()!.ShouldContain("Høy risiko krever tiltak");
        await OkAsync(await Post(admin, $"/api/v1/transparency/suppliers/{id}/assessments",
            new { year = 2026, risk = "high", findings = "Sjåfører uten kontrakt.", measures = "Krav om arbeidsavtaler; kontroll i desember." }));
        var badNumber = await ApiCalls.ErrorsAsync(await Post(admin, "/api/v1/transparency/suppliers", new { name = "X", organisationNumber = "123", supplies = "Y", country = "Norge" }), Ct);
        badNumber.GetProperty("organisationNumber")[0].GetString().ShouldBe("Organisasjonsnummeret har ni sifre.");

        // A request received 20 November is due 11 December; answered today it is on time.
        var request = (await OkAsync(await Post(admin, "/api/v1/transparency/requests",
            new { receivedOn = "2026-11-20", fromName = "Fagbladet", question = "Bruker dere drosjeselskaper med ordnede forhold?" }, Guid.NewGuid().ToString()), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var overview = await admin.GetFromJsonAsync<JsonElement>("/api/v1/transparency", Ct);
        var logged = overview.GetProperty("requests").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == request);
        logged.GetProperty("dueOn").GetString().ShouldBe("2026-12-11");
        await OkAsync(await Post(admin, $"/api/v1/transparency/requests/{request}/answer", new { answer = "Ja; vi har vurdert Trygg Transport AS og stilt krav om arbeidsavtaler." }));
        logged = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/transparency", Ct)).GetProperty("requests").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == request);
        logged.GetProperty("onTime").GetBoolean().ShouldBeTrue();

        // The 2026 statement gathers this year's assessments (the demo's six and the new one), and is approved after the year.
        var statement = await admin.GetFromJsonAsync<JsonElement>("/api/v1/transparency/statements/2026", Ct);
        var assessed = statement.GetProperty("assessments").EnumerateArray().ToList();
        assessed.Count.ShouldBe(7);
        assessed[0].GetProperty("supplier").GetString().ShouldBe("Trygg Transport AS", "high risk first");
        statement.GetProperty("summary").GetString()!.ShouldContain("1 med høy");
        statement.GetProperty("dueOn").GetString().ShouldBe("2027-06-30");
        await OkAsync(await ApiCalls.SendAsync(admin, HttpMethod.Put, "/api/v1/transparency/statements/2026",
            JsonSerializer.Serialize(new { organisation = "Demo Assistanse AS leverer BPA.", routines = "Leverandørene vurderes hvert år." }), null, Ct));
        var early = await ApiCalls.ErrorsAsync(await Post(admin, "/api/v1/transparency/statements/2026/approve", new { boardApprovedOn = "2026-11-20", boardSignatories = "Styret" }), Ct);
        early.GetProperty("boardApprovedOn")[0].GetString()!.ShouldContain("etter årets slutt");

        // The 2025 statement the board approved reads the same in the PDF.
        var pdf = await admin.GetByteArrayAsync("/api/v1/transparency/statements/2025/pdf", Ct);
        using (var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import))
            document.Info.Title.ShouldBe("Redegjørelse etter åpenhetsloven 2025 – Demo Assistanse AS");
        var y2025 = await admin.GetFromJsonAsync<JsonElement>("/api/v1/transparency/statements/2025", Ct);
        y2025.GetProperty("boardApprovedOn").GetString().ShouldBe("2026-05-20");
        y2025.GetProperty("requests").GetInt32().ShouldBe(1);
        y2025.GetProperty("answeredOnTime").GetInt32().ShouldBe(1);

        // Coordinators read and may not write; the work leader, the assistant and the municipality see nothing.
        var coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorWest);
        (await coordinator.GetFromJsonAsync<JsonElement>("/api/v1/transparency", Ct)).GetProperty("canWrite").GetBoolean().ShouldBeFalse();
        (await Post(coordinator, "/api/v1/transparency/suppliers", supplier, Guid.NewGuid().ToString())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreach (var outsider in new[] { DemoLogins.WorkLeader, DemoLogins.Assistant, DemoLogins.CaseWorkerOslo, DemoLogins.UnionRepresentative })
        {
            var client = await factory.SignedInClientAsync(outsider);
            (await client.GetAsync("/api/v1/transparency", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, outsider);
            (await client.GetAsync("/api/v1/transparency/statements/2025/pdf", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, outsider);
        }
    }

    [Theory, DatabaseData]
    public async Task TheDailyJob_RemindsTheAdministrators_AWeekBeforeTheDeadline_AndOnceItHasPassed_OnceEach(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        // The demo's open request came in 10 November: due 1 December, reminded from 24 November.
        var open = DemoIds.For("information-request:2026-3");
        async Task<List<Notification>> RunAsync(Instant at)
        {
            using var scope = factory.Services.CreateScope();
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            await TransparencyRecords.RemindAsync(data, scope.ServiceProvider.GetRequiredService<NotificationStore>(), at, Ct);
            return await data.Notifications.AsNoTracking().Where(n => n.DedupKey.StartsWith($"transparency-request:{open:N}")).ToListAsync(Ct);
        }
        var admins = await DbAsync(factory, d => d.ProviderGrants.CountAsync(g => g.ProviderId == DemoSeeder.ProviderId && g.Role == Domain.Access.ProviderRole.ProviderAdmin, Ct));
        (await RunAsync(Instant.FromUtc(2026, 11, 23, 6, 0))).ShouldBeEmpty("eight days before the deadline");
        (await RunAsync(Instant.FromUtc(2026, 11, 24, 6, 0))).Count.ShouldBe(admins);
        (await RunAsync(Instant.FromUtc(2026, 11, 25, 6, 0))).Count.ShouldBe(admins, "once per request and kind");
        (await RunAsync(Instant.FromUtc(2026, 12, 1, 6, 0))).Count.ShouldBe(admins, "the deadline day itself is not late");
        var late = await RunAsync(Instant.FromUtc(2026, 12, 2, 6, 0));
        late.Count.ShouldBe(2 * admins);
        late.ShouldContain(n => n.Subject == "Fristen for å svare Journalist i Fagbladet er passert");
    }

}
