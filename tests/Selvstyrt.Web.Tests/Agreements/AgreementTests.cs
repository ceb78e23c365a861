using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Domain.Rules.Io;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Agreements;

/// <summary>
/// Issue 18 on both engines: working-time agreements are records the administrator keeps (once however often sent, a
/// Norwegian message naming the field, versions, a PDF), others read as their role allows, and the plan editor judges by
/// them: the demo's døgnvakt arrangement is covered by its AML § 10-12 (4) agreement, and its 24-hour shifts become
/// LONGSHIFT-1 breaches from the day after the agreement ends.
/// </summary>
public sealed class AgreementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Guid Dognvakt = DemoIds.For("arrangement:9");
    private static readonly Guid DognvaktPlan = DemoIds.For("plan:9");
    private static readonly Guid DognvaktAgreement = DemoIds.For("agreement:dognvakt");
    private static readonly Guid SundayAgreement = DemoIds.For("agreement:sondag");

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<List<JsonElement>> FindingsAsync(HttpClient client, string rule)
        => [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Dognvakt}/plans/{DognvaktPlan}/findings", Ct)).EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString() == rule)];

    [Theory, DatabaseData]
    public async Task AnAgreement_IsRecordedOnce_NamesBadFields_AndIsReadAsEachRoleMay(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var union = await factory.SignedInClientAsync(DemoLogins.UnionRepresentative);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var caseWorker = await factory.SignedInClientAsync(DemoLogins.CaseWorkerOslo);

        var body = JsonSerializer.Serialize(new
        {
            kind = "AML-10-8-3", name = "Kortere hvile ved overlapp", scope = "employer", validFrom = "2026-12-01",
            union = "Fagforbundet", unionMembers = 400000,
        });
        var key = Guid.NewGuid().ToString();
        var id = (await OkAsync(await ApiCalls.PostAsync(admin, "/api/v1/agreements", body, key, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await OkAsync(await ApiCalls.PostAsync(admin, "/api/v1/agreements", body, key, Ct))).GetProperty("id").GetGuid().ShouldBe(id);
        using (var scope = factory.Services.CreateScope())
            (await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().Agreements.CountAsync(a => a.Name == "Kortere hvile ved overlapp", Ct)).ShouldBe(1);

        // Bad input: a Norwegian message naming each field; nothing is stored.
        var bad = await ApiCalls.ErrorsAsync(await ApiCalls.PostAsync(admin, "/api/v1/agreements",
            """{ "kind": "AML-10-12-4", "name": "Døgnvakt", "scope": "employer", "validFrom": "2026-12-01", "union": "Liten forening", "unionMembers": 900, "maxShiftHours": 24, "minRestHours": 8, "compensatoryRestHours": 11 }""",
            Guid.NewGuid().ToString(), Ct), Ct);
        bad.GetProperty("unionMembers")[0].GetString()!.ShouldContain("minst 10");
        (await ApiCalls.ErrorsAsync(await ApiCalls.PostAsync(admin, "/api/v1/agreements", """{ "kind": "AML-99", "name": "x" }""", Guid.NewGuid().ToString(), Ct), Ct))
            .GetProperty("kind")[0].GetString()!.ShouldContain("rettsgrunnlaget");
        (await ApiCalls.ErrorsAsync(await ApiCalls.PostAsync(admin, "/api/v1/agreements", """{ "kind": "AML-10-8-4", "name": "x", "validFrom": "i morgen" }""", Guid.NewGuid().ToString(), Ct), Ct))
            .GetProperty("validFrom").GetArrayLength().ShouldBe(1);

        // A change is a new version with its reason; ending sets the last day.
        var change = JsonSerializer.Serialize(new
        {
            kind = "AML-10-8-3", name = "Kortere hvile ved overlapp", scope = "employer", validFrom = "2026-12-01", validTo = "2027-12-31",
            union = "Fagforbundet", unionMembers = 400000, note = "Tidsbegrenset etter forhandlinger",
        });
        await OkAsync(await ApiCalls.SendAsync(admin, HttpMethod.Put, $"/api/v1/agreements/{id}", change, null, Ct));
        var read = await OkAsync(await admin.GetAsync($"/api/v1/agreements/{id}", Ct));
        read.GetProperty("versions").GetArrayLength().ShouldBe(2);
        read.GetProperty("versions")[0].GetProperty("note").GetString().ShouldBe("Tidsbegrenset etter forhandlinger");
        read.GetProperty("agreement").GetProperty("validTo").GetString().ShouldBe("2027-12-31");

        // Coordinators and the union representative read, but may not change; a work leader reads only what covers their
        // arrangement (the employer-wide Sunday agreement, not the døgnvakt arrangement's); a case worker reads none.
        (await OkAsync(await coordinator.GetAsync($"/api/v1/agreements/{id}", Ct))).GetProperty("canManage").GetBoolean().ShouldBeFalse();
        (await union.GetFromJsonAsync<JsonElement>("/api/v1/agreements", Ct)).EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ShouldContain(DognvaktAgreement);
        (await ApiCalls.SendAsync(coordinator, HttpMethod.Put, $"/api/v1/agreements/{id}", change, null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ApiCalls.PostAsync(union, "/api/v1/agreements", body, Guid.NewGuid().ToString(), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var leaders = (await leader.GetFromJsonAsync<JsonElement>("/api/v1/agreements", Ct)).EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();
        leaders.ShouldContain(SundayAgreement);
        leaders.ShouldNotContain(DognvaktAgreement);
        (await leader.GetAsync($"/api/v1/agreements/{DognvaktAgreement}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await caseWorker.GetFromJsonAsync<JsonElement>("/api/v1/agreements", Ct)).GetArrayLength().ShouldBe(0);
        (await caseWorker.GetAsync($"/api/v1/agreements/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The signed agreement as a PDF: only a PDF is taken; every reader may download it.
        var notPdf = await ApiCalls.UploadAsync(admin, $"/api/v1/agreements/{id}/document", "hei"u8.ToArray(), "avtale.txt", new Dictionary<string, string>(), "document", Ct);
        (await ApiCalls.ErrorsAsync(notPdf, Ct)).GetProperty("document")[0].GetString()!.ShouldContain("PDF");
        var pdf = "%PDF-1.4\n%signert\n"u8.ToArray();
        await OkAsync(await ApiCalls.UploadAsync(admin, $"/api/v1/agreements/{id}/document", pdf, "avtale.pdf", new Dictionary<string, string>(), "document", Ct));
        (await coordinator.GetByteArrayAsync($"/api/v1/agreements/{id}/document", Ct)).ShouldBe(pdf);

        // Ended: the last day and the reason are kept as the third version.
        var ended = JsonSerializer.Serialize(new { lastDay = "2027-06-30", reason = "Sagt opp av fagforeningen" });
        await OkAsync(await ApiCalls.PostAsync(admin, $"/api/v1/agreements/{id}/end", ended, null, Ct));
        var after = await OkAsync(await admin.GetAsync($"/api/v1/agreements/{id}", Ct));
        after.GetProperty("agreement").GetProperty("validTo").GetString().ShouldBe("2027-06-30");
        after.GetProperty("versions")[0].GetProperty("note").GetString()!.ShouldContain("Sagt opp av fagforeningen");

        // A tariff night window (AML-10-11-9, the whole employer): the plan's file for the batch check carries it, so the
        // engine counts night work from 20:00; a window without the small hours is refused naming the field.
        var night = JsonSerializer.Serialize(new { kind = "AML-10-11-9", name = "Nattarbeid", scope = "employer", validFrom = "2026-11-01", union = "Fagforbundet", nightFrom = "20:00", nightTo = "06:00" });
        await OkAsync(await ApiCalls.PostAsync(admin, "/api/v1/agreements", night, Guid.NewGuid().ToString(), Ct), HttpStatusCode.Created);
        var file = await admin.GetStringAsync($"/api/v1/arrangements/{DemoIds.For("arrangement:10")}/plans/{DemoIds.For("plan:10")}/check-input", Ct);
        CheckDocument.Read(file).Employers.Single().Settings.NightWindow.ShouldBe((new NodaTime.LocalTime(20, 0), new NodaTime.LocalTime(6, 0)));
        var badNight = night.Replace("\"20:00\"", "\"02:00\"", StringComparison.Ordinal);
        (await ApiCalls.ErrorsAsync(await ApiCalls.PostAsync(admin, "/api/v1/agreements", badNight, Guid.NewGuid().ToString(), Ct), Ct)).GetProperty("nightFrom")[0].GetString()!.ShouldContain("00:00");

        // The demo's individual averaging agreement runs out on 31 December, within the provider's 60 reminder days: the
        // start page says so to the administrator, and the daily job tells the administrator and the coordinators once.
        var home = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync("/", Ct));
        home.ShouldContain("Arbeidstidsavtaler som snart går ut");
        home.ShouldContain("Gjennomsnittsberegning, lange helger");
        using (var scope = factory.Services.CreateScope())
        {
            var reminders = scope.ServiceProvider.GetRequiredService<Selvstyrt.Web.Features.Agreements.AgreementReminders>();
            var first = await reminders.RecordAsync(factory.Clock.GetCurrentInstant(), Ct);
            first.ShouldBeGreaterThanOrEqualTo(3, "the administrator and the two coordinators");
            (await reminders.RecordAsync(factory.Clock.GetCurrentInstant(), Ct)).ShouldBe(0, "once per agreement and last day");
            var told = await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().Notifications.AsNoTracking()
                .Where(n => n.Kind == "avtale-utlop").Select(n => n.Subject).ToListAsync(Ct);
            told.ShouldAllBe(t => t.Contains("Gjennomsnittsberegning, lange helger"));
            told.Count.ShouldBe(first);
        }
    }

    [Theory, DatabaseData]
    public async Task TheDognvaktArrangement_IsCoveredByItsAgreement_AndItsShiftsBreachFromTheDayAfterItEnds(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);

        // The demo's døgnvakt rota: every shift is 24 hours, and none is a breach under the agreement.
        (await FindingsAsync(admin, "LONGSHIFT-1")).ShouldBeEmpty();
        (await FindingsAsync(admin, "AML-10-12-4")).ShouldBeEmpty();
        var plan = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Dognvakt}/plans/{DognvaktPlan}", Ct);
        plan.GetProperty("shifts").EnumerateArray().ShouldAllBe(s => s.GetProperty("lengthMinutes").GetInt32() == 24 * 60);

        // Beside it, the demo's summer-trip draft in arrangement 4 has a 16-hour travel day that no agreement covers: a breach.
        var trip = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{DemoIds.For("arrangement:4")}/plans/{DemoIds.For("plan:4:sommertur")}/findings", Ct))
            .EnumerateArray().Where(f => f.GetProperty("rule").GetString() == "LONGSHIFT-1").ToList();
        trip.ShouldHaveSingleItem().GetProperty("severity").GetString().ShouldBe("breach");

        // Renegotiated to 20-hour shifts: each døgnvakt is over the agreement's own cap, and the finding says which agreement.
        var shorter = JsonSerializer.Serialize(new
        {
            kind = "AML-10-12-4", name = "Særavtale om døgnvakt i BPA", scope = "arrangement", arrangementId = Dognvakt, validFrom = "2025-01-01",
            maxShiftHours = 20, minRestHours = 8, compensatoryRestHours = 11, union = "Fagforbundet", unionMembers = 400000, note = "Kortere vakter",
        });
        await OkAsync(await ApiCalls.SendAsync(admin, HttpMethod.Put, $"/api/v1/agreements/{DognvaktAgreement}", shorter, null, Ct));
        var over = await FindingsAsync(admin, "LONGSHIFT-1");
        over.ShouldNotBeEmpty();
        over.ShouldAllBe(f => f.GetProperty("message").GetString()!.Contains("AML-10-12-4"));
        var editor = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync($"/ordninger/{Dognvakt}/arbeidsplan/{DognvaktPlan}", Ct));
        editor.ShouldContain("Vurdert etter avtalen «Særavtale om døgnvakt i BPA».");
        var back = shorter.Replace("\"maxShiftHours\":20", "\"maxShiftHours\":24", StringComparison.Ordinal).Replace("Kortere vakter", "Tilbake til døgnvakt", StringComparison.Ordinal);
        await OkAsync(await ApiCalls.SendAsync(admin, HttpMethod.Put, $"/api/v1/agreements/{DognvaktAgreement}", back, null, Ct));
        (await FindingsAsync(admin, "LONGSHIFT-1")).ShouldBeEmpty();

        // Ended on 30 November 2026: the shifts in the plan's window from 1 December are judged by the law, so each is a breach.
        var ended = JsonSerializer.Serialize(new { lastDay = "2026-11-30", reason = "Særavtalen er sagt opp" });
        await OkAsync(await ApiCalls.PostAsync(admin, $"/api/v1/agreements/{DognvaktAgreement}/end", ended, null, Ct));
        var breaches = await FindingsAsync(admin, "LONGSHIFT-1");
        breaches.ShouldNotBeEmpty();
        breaches.ShouldAllBe(f => f.GetProperty("severity").GetString() == "breach");
        breaches.Min(f => f.GetProperty("from").GetString()!).ShouldStartWith("2026-12-01");
    }

    [Theory, DatabaseData]
    public async Task EveryDemoPlan_ExportedForTheBatchCheck_GivesThePagesFindings(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var compared = 0;
        foreach (var no in Enumerable.Range(1, 10))
        {
            var arrangement = DemoIds.For($"arrangement:{no}");
            var planId = DemoIds.For($"plan:{no}");
            var page = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{arrangement}/plans/{planId}/findings", Ct)).EnumerateArray()
                .Select(f => (f.GetProperty("key").GetString(), f.GetProperty("severity").GetString(), f.GetProperty("message").GetString())).ToHashSet();
            var json = await admin.GetStringAsync($"/api/v1/arrangements/{arrangement}/plans/{planId}/check-input", Ct);
            WorkPlan plan;
            using (var scope = factory.Services.CreateScope())
                plan = await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().WorkPlans.AsNoTracking().Include(p => p.Shifts).Include(p => p.Overrides)
                    .SingleAsync(p => p.Id == planId, Ct);
            // What `selvstyrt check` does with the file: read it, run the engine; the page shows the findings on the plan's shifts.
            var batch = PlanCheck.Relevant(plan, RuleEngine.Check(CheckDocument.Read(json)).Findings)
                .Select(f => ((string?)f.Key, (string?)Selvstyrt.Web.Features.Plans.PlanRules.SeverityCode(f.Finding.Severity), (string?)f.Finding.Message)).ToHashSet();
            batch.ShouldBe(page, ignoreOrder: true, $"plan {no}");
            compared += page.Count;
            if (no == 9) json.ShouldContain("\"AML-10-12-4\"");
        }
        compared.ShouldBeGreaterThan(0, "the demo plans have findings to compare");
    }
}
