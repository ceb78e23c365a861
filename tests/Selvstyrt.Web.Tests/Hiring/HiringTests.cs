using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Web.Features.Hiring;
using Selvstyrt.Web.Features.Retention;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Hiring;

/// <summary>
/// Issue 19, part 2 on both engines: nobody is published on a shift before the police certificate was shown (BPA-POL-5-4),
/// the confidentiality declaration signed (TAUSHET-1) and a close relative approved (BPA-NAER); the contract is drafted,
/// refused while a part of HR-14-6 is missing, signed by both in the app and read back as a PDF; the certificate record is
/// gone once the employment has ended; and each role sees only what it may.
/// </summary>
public sealed class HiringTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Guid Arrangement = DemoIds.For("arrangement:1");
    private static readonly Guid DemoAssistant = DemoIds.For($"assistant:{DemoSeeder.DemoAssistantIndex}");

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync(Ct));
        var text = await response.Content.ReadAsStringAsync(Ct);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Task<HttpResponseMessage> Put(HttpClient client, string path, object body) => ApiCalls.SendAsync(client, HttpMethod.Put, path, JsonSerializer.Serialize(body), null, Ct);

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, object body, string? key = null) => ApiCalls.PostAsync(client, path, JsonSerializer.Serialize(body), key, Ct);

    /// <summary>A new assistant in the east office with a permanent employment from 2026-12-01 and a place in arrangement 1.</summary>
    private static async Task<(Guid Assistant, Guid Employment, Guid Place)> HireAsync(HttpClient admin, string name)
    {
        var id = (await OkAsync(await Post(admin, "/api/v1/assistants",
            new { fullName = name, officeId = DemoIds.For("office:ost"), kind = "permanent", positionPercent = 40, start = "2026-12-01", birthDate = "1995-04-02" }, Guid.NewGuid().ToString()),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await OkAsync(await Post(admin, $"/api/v1/assistants/{id}/assignments", new { arrangementId = Arrangement, from = "2026-12-01" }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        var hiring = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/assistants/{id}/hiring", Ct);
        return (id, hiring.GetProperty("employments")[0].GetProperty("employmentId").GetGuid(), hiring.GetProperty("places")[0].GetProperty("assignmentId").GetGuid());
    }

    /// <summary>A one-week draft in arrangement 1 with the assistant on Mondays 08-15 from 7 December; its id and revision.</summary>
    private static async Task<(Guid Plan, int Revision)> DraftAsync(HttpClient admin, Guid assistant, string name)
    {
        var plans = $"/api/v1/arrangements/{Arrangement}/plans";
        var plan = (await OkAsync(await Post(admin, plans, new { name, rotationWeeks = 1, startsOn = "2026-12-07" }, Guid.NewGuid().ToString()), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var revision = (await admin.GetFromJsonAsync<JsonElement>($"{plans}/{plan}", Ct)).GetProperty("revision").GetInt32();
        revision = (await OkAsync(await Post(admin, $"{plans}/{plan}/shifts",
                new { start = "08:00:00", lengthMinutes = 420, kind = "day", assistantId = assistant, weeks = new[] { 1 }, days = new[] { "monday" }, revision },
                Guid.NewGuid().ToString()), HttpStatusCode.Created))
            .GetProperty("revision").GetInt32();
        return (plan, revision);
    }

    private static Task<HttpResponseMessage> PublishAsync(HttpClient admin, Guid plan, int revision)
        => Post(admin, $"/api/v1/arrangements/{Arrangement}/plans/{plan}/publish", new { startsOn = "2026-12-07", discussedOn = "2026-11-23", revision });

    [Theory, DatabaseData]
    public async Task APlan_IsPublishedOnlyWhenEveryoneMayWork_AndAPublishedOneTakesNobodyWhoMayNot(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var (kari, employment, place) = await HireAsync(admin, "Kari Nyansatt");
        var (plan, revision) = await DraftAsync(admin, kari, "Vinter med Kari");

        // The editor lists her with both reasons, and the publication names them (rules BPA-POL-5-4, TAUSHET-1).
        var editor = await Html.GetAsync(admin, $"/ordninger/{Arrangement}/arbeidsplan/{plan}", Ct);
        editor.ShouldContain("Kan ikke arbeide ennå (1)");
        editor.ShouldContain("BPA-POL-5-4");
        var refused = (await ApiCalls.ErrorsAsync(await PublishAsync(admin, plan, revision), Ct)).GetProperty("plan")[0].GetString()!;
        refused.ShouldContain("Kari Nyansatt");
        refused.ShouldContain("Ingen politiattest");
        refused.ShouldContain("taushetserklæringen");

        // A certificate shown in the future is refused by field; one with remarks counts once they are assessed.
        var certificate = $"/api/v1/assistants/{kari}/employments/{employment}/police-certificate";
        (await ApiCalls.ErrorsAsync(await Put(admin, certificate, new { shownOn = "2026-11-24" }), Ct)).GetProperty("shownOn")[0].GetString()!.ShouldContain("fram i tid");
        var certificateId = (await OkAsync(await Put(admin, certificate, new { shownOn = "2026-11-20", withRemarks = true }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await ApiCalls.ErrorsAsync(await PublishAsync(admin, plan, revision), Ct)).GetProperty("plan")[0].GetString()!.ShouldContain("anmerkninger");
        (await ApiCalls.ErrorsAsync(await Put(admin, certificate, new { shownOn = "2026-11-20", withRemarks = true, remarksAssessedOn = "2026-11-19" }), Ct))
            .GetProperty("remarksAssessedOn")[0].GetString()!.ShouldContain("før attesten ble vist");
        // Setting it again corrects the one record (200, the same id), never a second one.
        (await OkAsync(await Put(admin, certificate, new { shownOn = "2026-11-20", withRemarks = true, remarksAssessedOn = "2026-11-23" })))
            .GetProperty("id").GetGuid().ShouldBe(certificateId);

        // The declaration, signed on paper and recorded by the employer; then the plan is published.
        (await ApiCalls.ErrorsAsync(await Post(admin, $"/api/v1/assistants/{kari}/confidentiality-declaration", new { signedOnPaper = (string?)null }), Ct))
            .GetProperty("signedOn").GetArrayLength().ShouldBe(1);
        await OkAsync(await Post(admin, $"/api/v1/assistants/{kari}/confidentiality-declaration", new { signedOnPaper = "2026-11-23" }), HttpStatusCode.Created);
        await OkAsync(await Post(admin, $"/api/v1/assistants/{kari}/confidentiality-declaration", new { signedOnPaper = "2026-11-23" }));
        revision = (await OkAsync(await PublishAsync(admin, plan, revision))).GetProperty("revision").GetInt32();

        // A published plan does not take a newcomer who may not work yet.
        var (ola, _, _) = await HireAsync(admin, "Ola Uklar");
        var added = await Post(admin, $"/api/v1/arrangements/{Arrangement}/plans/{plan}/shifts",
            new { start = "08:00:00", lengthMinutes = 420, kind = "day", assistantId = ola, weeks = new[] { 1 }, days = new[] { "tuesday" }, revision }, Guid.NewGuid().ToString());
        (await ApiCalls.ErrorsAsync(added, Ct)).GetProperty("assistant")[0].GetString()!.ShouldStartWith("Ola Uklar: Ingen politiattest");
        using (var scope = factory.Services.CreateScope())
            (await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().WorkPlans.Include(p => p.Shifts).SingleAsync(p => p.Id == plan, Ct)).Shifts.Count.ShouldBe(1);

        // BPA-NAER: Kari is the recipient's daughter; a new plan waits for the municipality's approval.
        await OkAsync(await Put(admin, $"/api/v1/assistants/{kari}/places/{place}/relation", new { relation = "child" }));
        var (second, secondRevision) = await DraftAsync(admin, kari, "Vår med Kari");
        (await ApiCalls.ErrorsAsync(await PublishAsync(admin, second, secondRevision), Ct)).GetProperty("plan")[0].GetString()!.ShouldContain("kommunens skriftlige godkjenning");
        // NS8435-RPT counts her in December's report to the municipality until the approval is there.
        async Task<int> RelativesInDecemberAsync() => (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/municipalities/{DemoIds.For("municipality:0301")}/reports/2026-12", Ct))
            .GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("arrangementId").GetGuid() == Arrangement).GetProperty("relativesWithoutApproval").GetInt32();
        (await RelativesInDecemberAsync()).ShouldBe(1);
        (await ApiCalls.ErrorsAsync(await Put(admin, $"/api/v1/assistants/{kari}/places/{place}/relation", new { relation = "child", approvedOn = "2026-12-24" }), Ct))
            .GetProperty("relativeApprovedOn").GetArrayLength().ShouldBe(1);
        await OkAsync(await Put(admin, $"/api/v1/assistants/{kari}/places/{place}/relation", new { relation = "child", approvedOn = "2026-11-22", reference = "2026/4411" }));
        await OkAsync(await PublishAsync(admin, second, secondRevision));
        (await RelativesInDecemberAsync()).ShouldBe(0);
    }

    [Theory, DatabaseData]
    public async Task TheContract_IsDraftedOnce_RefusedWithAPartMissing_SignedByBoth_AndReadBackAsPdf(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var employment = DemoIds.For($"employment:{DemoSeeder.DemoAssistantIndex}");
        var contracts = $"/api/v1/assistants/{DemoAssistant}/contracts";

        var key = Guid.NewGuid().ToString();
        var id = (await OkAsync(await Post(admin, contracts, new { employmentId = employment }, key), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await OkAsync(await Post(admin, contracts, new { employmentId = employment }, key))).GetProperty("id").GetGuid().ShouldBe(id);
        (await OkAsync(await Post(admin, contracts, new { employmentId = employment }, Guid.NewGuid().ToString()))).GetProperty("id").GetGuid()
            .ShouldBe(id, "one open contract per employment");

        // Drafted from the employment and Virke's terms; the work leader never reads it (it carries the pay).
        var read = await admin.GetFromJsonAsync<JsonElement>($"{contracts}/{id}", Ct);
        read.GetProperty("status").GetString().ShouldBe("Draft");
        read.GetProperty("parts").GetProperty("pay").GetString()!.ShouldContain("Timelønn: ");
        read.GetProperty("parts").GetProperty("tariff").GetString()!.ShouldContain("Virke");
        read.GetProperty("terms").GetString()!.ShouldContain("Arbeidsgiver: Demo Assistanse AS, org.nr. 912345688");
        // Employed in 2018: the four parts added on 1 July 2024 (training among them) are not required of this contract.
        var required = read.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToList();
        required.ShouldContain("pay");
        required.ShouldNotContain("training");
        (await leader.GetAsync($"{contracts}/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // HR-14-6: the employer cannot sign with a part missing; the message names it.
        await OkAsync(await Put(admin, $"{contracts}/{id}", new { pay = "", training = "" }));
        var missing = await ApiCalls.ErrorsAsync(await Post(admin, $"{contracts}/{id}/sign-as-employer", new { }), Ct);
        missing.GetProperty("pay")[0].GetString().ShouldBe("«Lønn og hvert tillegg for seg, og når lønnen utbetales» mangler i arbeidsavtalen (arbeidsmiljøloven § 14-6).");
        missing.TryGetProperty("training", out _).ShouldBeFalse();
        (await assistant.GetAsync($"{contracts}/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Post(assistant, $"{contracts}/{id}/sign-as-employee", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "not offered yet");
        await OkAsync(await Put(admin, $"{contracts}/{id}", new { pay = "Timelønn: 251,00 kr\nKveld og natt: 60 kr per time\nLønnen utbetales den 20. hver måned." }));
        await OkAsync(await Post(admin, $"{contracts}/{id}/sign-as-employer", new { }));
        (await Post(admin, $"{contracts}/{id}/sign-as-employee", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The assistant is told, signs from the app, and the paper contract from the start is replaced.
        (await assistant.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct)).EnumerateArray()
            .ShouldContain(n => n.GetProperty("subject").GetString() == "Arbeidsavtale til signering");
        await OkAsync(await Post(assistant, $"{contracts}/{id}/sign-as-employee", new { }));
        read = await assistant.GetFromJsonAsync<JsonElement>($"{contracts}/{id}", Ct);
        read.GetProperty("status").GetString().ShouldBe("SignedByBoth");
        read.GetProperty("signedOn").GetString().ShouldBe("2026-11-23");
        using (var scope = factory.Services.CreateScope())
            (await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().EmploymentContracts.AsNoTracking().SingleAsync(c => c.Id == DemoIds.For($"contract:{DemoAssistant}"), Ct))
                .ReplacedBy.ShouldBe(id);
        (await Put(admin, $"{contracts}/{id}", new { pay = "Mer" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        using var pdf = await assistant.GetAsync($"{contracts}/{id}/pdf", Ct);
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync(Ct);
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(bytes), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        document.PageCount.ShouldBeGreaterThanOrEqualTo(1);
        document.Info.Title.ShouldContain("Arbeidsavtale");
    }

    [Theory, DatabaseData]
    public async Task TheCertificateRecord_IsGoneAfterTheEmploymentEnds_AndEachRoleSeesOnlyItsShare(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var (kari, employment, _) = await HireAsync(admin, "Kari Kortvarig");
        await OkAsync(await Put(admin, $"/api/v1/assistants/{kari}/employments/{employment}/police-certificate", new { shownOn = "2026-11-20", withRemarks = true }), HttpStatusCode.Created);

        // Who sees what: the work leader sees the demo assistant's record without remarks, the assistant their own, others nothing.
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var seen = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/assistants/{DemoAssistant}/hiring", Ct);
        var leaderView = seen.GetProperty("employments")[0].GetProperty("certificate");
        leaderView.GetProperty("shownOn").GetString().ShouldNotBeNull();
        leaderView.GetProperty("withRemarks").ValueKind.ShouldBe(JsonValueKind.Null);
        (await (await factory.SignedInClientAsync(DemoLogins.Assistant)).GetAsync($"/api/v1/assistants/{DemoAssistant}/hiring", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var other in new[] { DemoLogins.UnionRepresentative, DemoLogins.Substitute, DemoLogins.CaseWorkerOslo })
            (await (await factory.SignedInClientAsync(other)).GetAsync($"/api/v1/assistants/{DemoAssistant}/hiring", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, other);
        (await Put(leader, $"/api/v1/assistants/{DemoAssistant}/employments/{DemoIds.For($"employment:{DemoSeeder.DemoAssistantIndex}")}/police-certificate",
            new { shownOn = "2026-11-20" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // A reference letter waits for the end (HR-15-15). Only the employer ends an employment, and a dismissal's grounds are
        // recorded for the employer's eyes only.
        var letters = $"/api/v1/assistants/{kari}/employments/{employment}/reference-letters";
        (await ApiCalls.ErrorsAsync(await Post(admin, letters, new { work = "Personlig assistent." }, Guid.NewGuid().ToString()), Ct)).GetProperty("employmentId").GetArrayLength().ShouldBe(1);
        var end = $"/api/v1/assistants/{kari}/employments/{employment}/end";
        (await Post(leader, end, new { lastDay = "2026-12-31", reason = "resigned" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ApiCalls.ErrorsAsync(await Post(admin, end, new { lastDay = "2026-12-31", reason = "dismissed" }), Ct)).GetProperty("note")[0].GetString()!.ShouldContain("§§ 15-7");
        // The employment ends on 31 December: the record stays through that day and is gone the day after.
        await OkAsync(await Post(admin, end, new { lastDay = "2026-12-31", reason = "dismissed", note = "Gjentatte brudd på taushetsplikten, drøftet 10.12." }));
        var ended = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/assistants/{kari}/hiring", Ct)).GetProperty("employments")[0];
        ended.GetProperty("endReason").GetString().ShouldBe("Dismissed");
        ended.GetProperty("endNote").GetString()!.ShouldContain("taushetsplikten");

        // The letter: the work in the employer's words, never why it ended; that it ended by dismissal may be said.
        (await ApiCalls.ErrorsAsync(await Post(admin, letters, new { work = "Hun sluttet på grunn av brudd på taushetsplikten." }, Guid.NewGuid().ToString()), Ct))
            .GetProperty("work")[0].GetString()!.ShouldContain("arbeidsmiljøloven § 15-15");
        var key = Guid.NewGuid().ToString();
        var letterBody = new { work = HiringRecords.DefaultWork(40m), statesDismissal = true };
        var letter = (await OkAsync(await Post(admin, letters, letterBody, key), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await OkAsync(await Post(admin, letters, letterBody, key))).GetProperty("id").GetGuid().ShouldBe(letter);
        using (var pdf = await admin.GetAsync($"/api/v1/assistants/{kari}/reference-letters/{letter}/pdf", Ct))
        {
            pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            using var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(await pdf.Content.ReadAsByteArrayAsync(Ct)), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
            document.Info.Title.ShouldBe("Attest – Kari Kortvarig");
            document.PageCount.ShouldBe(1);
        }
        (await leader.GetAsync($"/api/v1/assistants/{kari}/reference-letters/{letter}/pdf", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        async Task<int> PurgeOnAsync(LocalDate day)
        {
            using var scope = factory.Services.CreateScope();
            return (await RetentionPurge.RunAsync(scope.ServiceProvider.GetRequiredService<SelvstyrtDb>(), day.At(new LocalTime(12, 0)).InUtc().ToInstant(), Ct)).PoliceCertificates;
        }
        (await PurgeOnAsync(new LocalDate(2026, 12, 31))).ShouldBe(0);
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/assistants/{kari}/hiring", Ct)).GetProperty("employments")[0].GetProperty("certificate").ValueKind
            .ShouldBe(JsonValueKind.Object);
        (await PurgeOnAsync(new LocalDate(2027, 1, 1))).ShouldBe(1);
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/assistants/{kari}/hiring", Ct)).GetProperty("employments")[0].GetProperty("certificate").ValueKind
            .ShouldBe(JsonValueKind.Null);
    }

    [Theory, DatabaseData]
    public async Task FinnVikar_LeavesOutAnAssistantWhoMayNotWorkYet_WithTheRule_UntilTheCertificateAndDeclarationAreThere(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var even = DemoIds.For("arrangement:10");
        var evenPlan = DemoIds.For("plan:10");

        // Kari is employed from 1 November with a place in Even's arrangement, but nothing is recorded yet.
        var kari = (await OkAsync(await Post(admin, "/api/v1/assistants",
            new { fullName = "Kari Vikarsen", officeId = DemoIds.For("office:ost"), kind = "onCall", start = "2026-11-01", birthDate = "1990-01-01" }, Guid.NewGuid().ToString()),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await OkAsync(await Post(admin, $"/api/v1/assistants/{kari}/assignments", new { arrangementId = even, from = "2026-11-01" }, Guid.NewGuid().ToString()), HttpStatusCode.Created);

        // The demo assistant reports sick tomorrow: her shift is vacant.
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        await OkAsync(await Post(assistant, "/api/v1/absences", new { kind = "SelfCertified", from = "2026-11-24", to = "2026-11-26" }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        var vacancy = (await leader.GetFromJsonAsync<JsonElement>("/api/v1/vacancies", Ct)).EnumerateArray().First().GetProperty("deviationId").GetGuid();
        var candidates = $"/api/v1/arrangements/{even}/plans/{evenPlan}/deviations/{vacancy}/candidates";
        async Task<JsonElement> KariAsync() => (await leader.GetFromJsonAsync<JsonElement>(candidates, Ct)).GetProperty("candidates").EnumerateArray()
            .Single(c => c.GetProperty("assistantId").GetGuid() == kari);

        var before = await KariAsync();
        before.GetProperty("lawful").GetBoolean().ShouldBeFalse();
        before.GetProperty("reason").GetString()!.ShouldContain("BPA-POL-5-4");
        before.GetProperty("reason").GetString()!.ShouldContain("TAUSHET-1");

        var employment = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/assistants/{kari}/hiring", Ct)).GetProperty("employments")[0].GetProperty("employmentId").GetGuid();
        await OkAsync(await Put(admin, $"/api/v1/assistants/{kari}/employments/{employment}/police-certificate", new { shownOn = "2026-10-20" }), HttpStatusCode.Created);
        await OkAsync(await Post(admin, $"/api/v1/assistants/{kari}/confidentiality-declaration", new { signedOnPaper = "2026-11-01" }), HttpStatusCode.Created);
        var after = await KariAsync();
        (after.GetProperty("reason").GetString() ?? "").ShouldNotContain("BPA-POL-5-4");
        (after.GetProperty("reason").GetString() ?? "").ShouldNotContain("TAUSHET-1");
    }

    [Theory, DatabaseData]
    public async Task ASwap_IsNotTakenBySomeoneWhoMayNotWorkYet_UntilTheyHaveSigned(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var even = DemoIds.For("arrangement:10");
        var plan10 = DemoIds.For("plan:10");
        var demo42 = DemoIds.For("assistant:42");
        var substitute = DemoIds.For($"assistant:{DemoSeeder.DemoSubstituteIndex}");
        // The substitute's declaration was never signed (the record taken away): she may not work before it is (TAUSHET-1).
        string shift;
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            data.ConfidentialityDeclarations.RemoveRange(await data.ConfidentialityDeclarations.Where(d => d.AssistantId == substitute).ToListAsync(Ct));
            await data.SaveChangesAsync(Ct);
            var plan = await data.WorkPlans.Include(p => p.Shifts).Include(p => p.Deviations).AsSplitQuery().AsNoTracking().SingleAsync(p => p.Id == plan10, Ct);
            var day = plan.RollOut(new LocalDate(2026, 11, 30), new LocalDate(2026, 12, 31), Selvstyrt.Web.Auth.CurrentUser.Zone)
                .First(s => s.AssistantId == demo42 && s.Kind == Selvstyrt.Domain.Plans.PlanShiftKind.Day);
            shift = Selvstyrt.Domain.TimeSheets.TimeSheet.PlanKey(day.TemplateId, day.Date);
        }
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var taker = await factory.SignedInClientAsync(DemoLogins.Substitute);
        async Task<HttpResponseMessage> GiveAndTakeAsync()
        {
            var give = JsonSerializer.Serialize(new { planId = plan10, shiftKey = shift, toAssistantId = substitute });
            var swap = (await OkAsync(await ApiCalls.PostAsync(assistant, "/api/v1/shift-swaps", give, Guid.NewGuid().ToString("N"), Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
            return await ApiCalls.PostAsync(taker, $"/api/v1/shift-swaps/{swap}/accept", "{}", null, Ct);
        }

        using (var refused = await GiveAndTakeAsync())
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("har ikke signert taushetserklæringen");
        }
        // She signs in the app; the next time she is offered the shift, she takes it.
        await OkAsync(await ApiCalls.PostAsync(taker, $"/api/v1/assistants/{substitute}/confidentiality-declaration", "{}", null, Ct), HttpStatusCode.Created);
        using var taken = await GiveAndTakeAsync();
        taken.StatusCode.ShouldBe(HttpStatusCode.OK, await taken.Content.ReadAsStringAsync(Ct));
    }
}
