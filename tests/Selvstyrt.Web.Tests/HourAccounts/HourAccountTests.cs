using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Selvstyrt.Web.Features.Decisions;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.HourAccounts;

/// <summary>
/// Issue 4 on both engines: the hour account of the demo 24/7 arrangement against numbers worked out by hand from
/// its plan, the municipality report against the hour accounts, versioned decisions, idempotent registrations,
/// reminders, and the files a case worker downloads. «Today» is Monday 23 November 2026.
/// </summary>
public sealed class HourAccountTests(Hosts hosts)
{
    private static readonly Guid Arrangement10 = DemoIds.For("arrangement:10");
    private static readonly Guid Arrangement2 = DemoIds.For("arrangement:2");
    private static readonly Guid Oslo = DemoIds.For("municipality:0301");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, string json, string key)
    {
        var token = await client.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery", Ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        request.Headers.Add(token.GetProperty("headerName").GetString()!, token.GetProperty("token").GetString());
        return await client.SendAsync(request, Ct);
    }

    private static JsonElement Period(JsonElement account, string kind) => account.GetProperty("current").EnumerateArray().Single(p => p.GetProperty("kind").GetString() == kind);

    private static JsonElement Row(JsonElement report, Guid arrangement) => report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("arrangementId").GetGuid() == arrangement);

    [Theory, DatabaseData]
    public async Task WorkLeaderOf247_SeesBalanceAndForecast_ThatAgreeWithThePlanAndTheirParts(DatabaseKind db)
    {
        var client = await hosts.For(db).SignedInClientAsync(DemoLogins.WorkLeader);

        var account = await JsonAsync(client, $"/api/v1/arrangements/{Arrangement10}/hour-account");
        var week = Period(account, "Week");
        var year = Period(account, "Year");
        var weeks = account.GetProperty("weeks").EnumerateArray().ToList();

        // The plan: two assistants round the clock in three eight-hour shifts, from 29 December 2025. 336 h/week granted.
        week.GetProperty("allotted").GetDecimal().ShouldBe(336m);
        week.GetProperty("forecast").GetDecimal().ShouldBe(336m, "this week is fully planned");
        // 1 January to 22 November: 326 days × 48 h; the spring DST night takes 2 h (two awake nights) and the autumn one
        // gives them back; 16 h were registered as unused (14 October and 3 November). The demo's approved October time
        // sheets replace their planned shifts: one ran an hour over, and on 14 October only 7 planned hours are left that no
        // approved sheet covers, so the 8 registered unused hours can take off only those 7 (an approved sheet says what was worked).
        year.GetProperty("usedToDate").GetDecimal().ShouldBe(326 * 48m - 16m + 1m + 1m);
        year.GetProperty("allotted").GetDecimal().ShouldBe(365 * 48m);
        year.GetProperty("unused").GetDecimal().ShouldBe(16m);
        year.GetProperty("forecast").GetDecimal().ShouldBe(365 * 48m - 16m + 2m, "used so far, and the rest of the year is covered by the published plan");
        weeks.Sum(w => w.GetProperty("granted").GetDecimal()).ShouldBe(year.GetProperty("allotted").GetDecimal());
        weeks.Sum(w => w.GetProperty("used").GetDecimal()).ShouldBe(year.GetProperty("usedToDate").GetDecimal());
        weeks.Sum(w => w.GetProperty("planned").GetDecimal()).ShouldBe(year.GetProperty("planned").GetDecimal());
        year.GetProperty("warn").GetBoolean().ShouldBeFalse();
    }

    [Theory, DatabaseData]
    public async Task CaseWorker_OctoberReport_IsTheHourAccountsNumbers_AndTheFilesSayTheSame(DatabaseKind db)
    {
        var client = await hosts.For(db).SignedInClientAsync(DemoLogins.CaseWorkerOslo);

        var october = await JsonAsync(client, $"/api/v1/municipalities/{Oslo}/reports/2026-10");
        var even = Row(october, Arrangement10);
        var bjorn = Row(october, Arrangement2);

        october.GetProperty("complete").GetBoolean().ShouldBeTrue();
        even.GetProperty("granted").GetDecimal().ShouldBe(31 * 48m);
        even.GetProperty("used").GetDecimal().ShouldBe(31 * 48m + 2m - 8m + 1m + 1m,
            "the DST night adds two hours; 8 h were unused on 14 October, of which 7 could come off shifts without an approved sheet; an approved shift ran an hour over");
        even.GetProperty("unused").GetDecimal().ShouldBe(8m);
        even.GetProperty("twoToOne").GetDecimal().ShouldBe((31 * 48m + 2m) / 2);
        even.GetProperty("caseNumber").GetString().ShouldEndWith("-2", Case.Sensitive, "the version in force in October");
        // Arrangement 2 plans 5.5 h on each of October's 22 weekdays against 25 h/week.
        bjorn.GetProperty("granted").GetDecimal().ShouldBe(110.71m);
        bjorn.GetProperty("used").GetDecimal().ShouldBe(121m);
        bjorn.GetProperty("differencePercent").GetDecimal().ShouldBe(9.3m);
        bjorn.GetProperty("warn").GetBoolean().ShouldBeTrue();
        october.GetProperty("rows").GetArrayLength().ShouldBe(5, "Oslo has five demo arrangements");

        // November so far: the report and the hour account's month are the same numbers.
        var november = await JsonAsync(client, $"/api/v1/municipalities/{Oslo}/reports/2026-11");
        var account = await JsonAsync(client, $"/api/v1/arrangements/{Arrangement2}/hour-account");
        Row(november, Arrangement2).GetProperty("used").GetDecimal().ShouldBe(Period(account, "Month").GetProperty("usedToDate").GetDecimal());
        Row(november, Arrangement2).GetProperty("granted").GetDecimal().ShouldBe(Math.Round(Period(account, "Month").GetProperty("allotted").GetDecimal(), 2));

        var csv = await client.GetByteArrayAsync($"/api/v1/municipalities/{Oslo}/reports/2026-10?format=csv", Ct);
        var text = Encoding.UTF8.GetString(csv);
        csv.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "a byte order mark, so Excel reads æøå");
        text.ShouldContain("Ordning;Tjenestemottaker;Saksnummer;Innvilget (timer);Brukt (timer)");
        text.ShouldContain("Ordningen til Bjørn;Bjørn Kvamme;2024/1274;110,71;121,00;10,29;9,30");

        using var xlsx = new XLWorkbook(new MemoryStream(await client.GetByteArrayAsync($"/api/v1/municipalities/{Oslo}/reports/2026-10?format=xlsx", Ct)));
        var sheet = xlsx.Worksheets.Single();
        var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "Ordningen til Bjørn");
        row.Cell(5).GetValue<decimal>().ShouldBe(121m);
        sheet.Cell(1, 1).GetString().ShouldBe("Ordning");
    }

    [Theory, DatabaseData]
    public async Task CaseWorkerOfAnotherMunicipality_Gets404ForEverything(DatabaseKind db)
    {
        var client = await hosts.For(db).SignedInClientAsync(DemoLogins.CaseWorkerBergen);

        foreach (var path in new[]
        {
            $"/api/v1/municipalities/{Oslo}/reports/2026-10", $"/api/v1/municipalities/{Oslo}/reports/2026-10?format=csv",
            $"/api/v1/municipalities/{Oslo}/resource-intensive/2026?format=xlsx", $"/api/v1/municipalities/{Oslo}/invoice-basis/2026-10",
            $"/api/v1/arrangements/{Arrangement10}/hour-account", $"/ordninger/{Arrangement10}/timekonto", $"/kommuner/{Oslo}/rapport",
            $"/api/v1/arrangements/{Arrangement10}/decisions",
        })
        {
            using var response = await client.GetAsync(path, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain("Even Tangen");
        }
    }

    [Theory, DatabaseData]
    public async Task InvoiceBasis_IsDeliveredHoursTimesTheRateInForce_ForTheProviderOnly(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var caseWorker = await factory.SignedInClientAsync(DemoLogins.CaseWorkerOslo);

        var invoice = await JsonAsync(admin, $"/api/v1/municipalities/{Oslo}/invoice-basis/2026-10");
        var line = invoice.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("arrangementId").GetGuid() == Arrangement2);

        line.GetProperty("hourlyRate").GetDecimal().ShouldBe(534.50m, "Oslo's 2026 contract");
        line.GetProperty("amount").GetDecimal().ShouldBe(121m * 534.50m);
        invoice.GetProperty("missingRate").GetBoolean().ShouldBeFalse();
        (await caseWorker.GetAsync($"/api/v1/municipalities/{Oslo}/invoice-basis/2026-10", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var resources = await JsonAsync(caseWorker, $"/api/v1/municipalities/{Oslo}/resource-intensive/2026");
        resources.GetProperty("hoursOnly").GetBoolean().ShouldBeTrue();
        resources.GetProperty("rows").EnumerateArray().All(r => r.GetProperty("ageAtYearStart").GetInt32() < 67).ShouldBeTrue();
    }

    [Theory, DatabaseData]
    public async Task DecisionChange_IsANewVersionFromADate_OldStaysVisible_RetryDoesNotDuplicate_AndTheAccountFollows(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var arrangement = DemoIds.For("arrangement:9");
        var old = DemoIds.For("decision:9");
        var key = "endring-9-" + db;
        var body = $$"""
            { "changesDecisionId": "{{old}}", "hours": 180, "unit": "week", "validFrom": "2026-12-01", "validTo": "2028-06-30",
              "needs": [ { "need": "personalHelpAtHome", "hours": 124 }, { "need": "awakeNight", "hours": 56 } ],
              "savingAllowed": false, "averaging": "week", "caseNumber": "2025/2233" }
            """;

        using var first = await PostJsonAsync(admin, $"/api/v1/arrangements/{arrangement}/decisions", body, key);
        using var retry = await PostJsonAsync(admin, $"/api/v1/arrangements/{arrangement}/decisions", body, key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await retry.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid()
            .ShouldBe((await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid());
        var versions = (await JsonAsync(admin, $"/api/v1/arrangements/{arrangement}/decisions")).EnumerateArray().ToList();
        versions.Count.ShouldBe(2);
        versions[1].GetProperty("validTo").GetString().ShouldBe("2026-11-30");
        versions[0].GetProperty("versionNo").GetInt32().ShouldBe(2);
        versions[0].GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("code").GetString()).ShouldContain("RightByHours");
        var year = Period(await JsonAsync(admin, $"/api/v1/arrangements/{arrangement}/hour-account"), "Year");
        Math.Round(year.GetProperty("allotted").GetDecimal(), 6).ShouldBe(Math.Round(334 * 168m / 7m + 31 * 180m / 7m, 6));
        using var scope = factory.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().Decisions.CountAsync(d => d.ArrangementId == arrangement, Ct)).ShouldBe(2);
    }

    [Theory, DatabaseData]
    public async Task BadInput_IsANorwegianProblemNamingTheField(DatabaseKind db)
    {
        var admin = await hosts.For(db).SignedInClientAsync(DemoLogins.ProviderAdmin);
        var arrangement = DemoIds.For("arrangement:7");
        var wrongNeeds = """
            { "hours": 40, "unit": "week", "validFrom": "2030-01-01", "needs": [ { "need": "personalHelpAtHome", "hours": 30 }, { "need": "other", "hours": 5 } ], "averaging": "week" }
            """;

        using var needs = await PostJsonAsync(admin, $"/api/v1/arrangements/{arrangement}/decisions", wrongNeeds, Guid.NewGuid().ToString());
        using var overlap = await PostJsonAsync(admin, $"/api/v1/arrangements/{arrangement}/decisions", wrongNeeds.Replace("\"hours\": 5", "\"hours\": 10", StringComparison.Ordinal).Replace("2030", "2026", StringComparison.Ordinal), Guid.NewGuid().ToString());
        using var month = await admin.GetAsync($"/api/v1/municipalities/{DemoIds.For("municipality:4601")}/reports/2026-13", Ct);
        using var format = await admin.GetAsync($"/api/v1/municipalities/{DemoIds.For("municipality:4601")}/reports/2026-10?format=pdf", Ct);
        using var unused = await PostJsonAsync(admin, $"/api/v1/arrangements/{arrangement}/unused-hours", """{ "date": "2027-01-01", "hours": 3 }""", Guid.NewGuid().ToString());

        foreach (var (response, field, words) in new[] { (needs, "needs", "35"), (overlap, "validFrom", "allerede et vedtak"), (month, "month", "ÅÅÅÅ-MM"), (format, "format", "csv"), (unused, "date", "har vært") })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            problem.GetProperty("errors").GetProperty(field)[0].GetString()!.ShouldContain(words);
        }
    }

    [Theory, DatabaseData]
    public async Task UnusedHours_RegisteredTwiceWithOneKey_CountOnce_AndComeOffTheUsedHours(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var client = await factory.SignedInClientAsync(DemoLogins.CoWorkLeader);
        var arrangement = DemoIds.For("arrangement:5");
        var before = Period(await JsonAsync(client, $"/api/v1/arrangements/{arrangement}/hour-account"), "Month");
        var key = Guid.NewGuid().ToString();

        using var first = await PostJsonAsync(client, $"/api/v1/arrangements/{arrangement}/unused-hours", """{ "date": "2026-11-20", "hours": 4.5, "reason": "Syk, ingen vikar" }""", key);
        using var second = await PostJsonAsync(client, $"/api/v1/arrangements/{arrangement}/unused-hours", """{ "date": "2026-11-20", "hours": 4.5, "reason": "Syk, ingen vikar" }""", key);
        var after = Period(await JsonAsync(client, $"/api/v1/arrangements/{arrangement}/hour-account"), "Month");

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.GetProperty("unused").GetDecimal().ShouldBe(before.GetProperty("unused").GetDecimal() + 4.5m);
        after.GetProperty("usedToDate").GetDecimal().ShouldBe(before.GetProperty("usedToDate").GetDecimal() - 4.5m);
    }

    [Theory, DatabaseData]
    public async Task OpeningBalance_OnlyTheProviderMayRegisterIt(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var workLeader = await factory.SignedInClientAsync(DemoLogins.CoWorkLeader);
        var coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var arrangement = DemoIds.For("arrangement:4");

        using var refused = await PostJsonAsync(workLeader, $"/api/v1/arrangements/{DemoIds.For("arrangement:5")}/opening-balances", """{ "date": "2026-11-01", "hours": 20 }""", Guid.NewGuid().ToString());
        using var saved = await PostJsonAsync(coordinator, $"/api/v1/arrangements/{arrangement}/opening-balances", """{ "date": "2026-11-01", "hours": -12.5, "note": "Fra forrige leverandør" }""", Guid.NewGuid().ToString());
        var month = Period(await JsonAsync(coordinator, $"/api/v1/arrangements/{arrangement}/hour-account"), "Month");

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        saved.StatusCode.ShouldBe(HttpStatusCode.Created);
        month.GetProperty("opening").GetDecimal().ShouldBe(-12.5m);
    }

    [Theory, DatabaseData]
    public async Task ExpiringDecision_RemindsWorkLeaderAndCoordinator_OnceADayJobIsIdempotent_AndOnTheStartPage(DatabaseKind db)
    {
        var factory = hosts.For(db);
        using (var scope = factory.Services.CreateScope())
        {
            var reminders = scope.ServiceProvider.GetRequiredService<DecisionReminders>();
            await reminders.RecordAsync(factory.Clock.GetCurrentInstant(), Ct);
            (await reminders.RecordAsync(factory.Clock.GetCurrentInstant(), Ct)).ShouldBe(0, "the second run records nothing new");
        }
        var coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var leader = await factory.SignedInClientAsync("arbeidsleder2@demo.no");
        var caseWorker = await factory.SignedInClientAsync(DemoLogins.CaseWorkerOslo);

        foreach (var client in new[] { coordinator, leader })
        {
            var notes = (await JsonAsync(client, "/api/v1/notifications")).EnumerateArray().Where(n => n.GetProperty("kind").GetString() == "decision-expiry").ToList();
            notes.Count.ShouldBe(1, "arrangement 2's decision ends 15 January 2027, within 60 days");
            notes[0].GetProperty("subject").GetString().ShouldBe("Vedtaket for Ordningen til Bjørn går ut 15. januar 2027");
            (await Html.GetAsync(client, "/", Ct)).ShouldContain("Vedtak som snart går ut");
        }
        (await JsonAsync(caseWorker, "/api/v1/notifications")).GetArrayLength().ShouldBe(0);
        (await Html.GetAsync(caseWorker, "/", Ct)).ShouldNotContain("Vedtak som snart går ut");
    }

    [Theory, DatabaseData]
    public async Task DecisionLetter_UploadedThroughThePageForm_CanBeDownloaded_AndANonPdfIsRefused(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var arrangement = Arrangement10;
        var decision = DemoIds.For("decision:10:v2");
        var page = await coordinator.GetStringAsync($"/ordninger/{arrangement}/vedtak", Ct);
        var token = SelvstyrtFactory.AntiforgeryToken(page);

        async Task<HttpResponseMessage> UploadAsync(byte[] bytes, string name)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new ByteArrayContent(bytes), "document", name },
            };
            return await coordinator.PostAsync($"/ordninger/{arrangement}/vedtak/{decision}/dokument", form, Ct);
        }

        using var wrong = await UploadAsync("not a pdf"u8.ToArray(), "vedtak.docx");
        using var right = await UploadAsync("%PDF-1.7\nvedtak 6"u8.ToArray(), "Vedtak Gunnar.pdf");

        wrong.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        wrong.Headers.Location!.OriginalString.ShouldContain("feil=pdf");
        right.Headers.Location!.OriginalString.ShouldContain("lagret=dokument");
        (await Html.GetAsync(coordinator, wrong.Headers.Location!.OriginalString, Ct)).ShouldContain("Filen er ikke en PDF");
        using var download = await coordinator.GetAsync($"/api/v1/arrangements/{arrangement}/decisions/{decision}/document", Ct);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await download.Content.ReadAsStringAsync(Ct)).ShouldBe("%PDF-1.7\nvedtak 6");
    }
}
