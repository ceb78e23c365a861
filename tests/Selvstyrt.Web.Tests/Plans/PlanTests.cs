using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Plans;

/// <summary>
/// Issue 5 on both engines, through the API a roster generator would use: publishing (AML-10-3-1), versioning and the
/// change log, findings across an assistant's arrangements, optimistic concurrency, idempotent creates. «Today» is
/// Monday 23 November 2026. Tests that publish or change a published plan use a database of their own.
/// </summary>
public sealed class PlanTests(Hosts hosts)
{
    private static readonly Guid Arrangement10 = DemoIds.For("arrangement:10");
    private static readonly Guid Arrangement8 = DemoIds.For("arrangement:8");
    private static readonly Guid DemoAssistant = DemoIds.For("assistant:42");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body, string? key = null, int? revision = null)
    {
        var token = await client.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery", Ct);
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        if (revision is not null) request.Headers.TryAddWithoutValidation("If-Match", $"\"{revision}\"");
        request.Headers.Add(token.GetProperty("headerName").GetString()!, token.GetProperty("token").GetString());
        return await client.SendAsync(request, Ct);
    }

    private static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response, params HttpStatusCode[] expected)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        (expected.Length == 0 ? [HttpStatusCode.OK, HttpStatusCode.Created] : expected).ShouldContain(response.StatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<Guid> DraftAsync(HttpClient client, string name, string startsOn, string key)
    {
        var created = await OkJsonAsync(await SendAsync(client, HttpMethod.Post, $"/api/v1/arrangements/{Arrangement10}/plans",
            new { name, rotationWeeks = 4, startsOn }, key));
        return created.GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> PlanAsync(HttpClient client, Guid arrangement, Guid plan)
        => await client.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{arrangement}/plans/{plan}", Ct);

    private static async Task<JsonElement> AddAsync(HttpClient client, Guid plan, object shift, string key, int revision)
        => await OkJsonAsync(await SendAsync(client, HttpMethod.Post, $"/api/v1/arrangements/{Arrangement10}/plans/{plan}/shifts", shift, key, revision));

    private static async Task<List<JsonElement>> FindingsAsync(HttpClient client, Guid plan)
        => [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Arrangement10}/plans/{plan}/findings", Ct)).EnumerateArray()];

    [Theory, DatabaseData]
    public async Task Creates_AreIdempotent_AndAStaleRevisionIsAConflictNotALostUpdate(DatabaseKind db)
    {
        var client = await hosts.For(db).SignedInClientAsync(DemoLogins.WorkLeader);
        var key = Guid.NewGuid().ToString("N");
        var plan = await DraftAsync(client, "Utkast samtidighet", "2027-02-01", key);
        (await DraftAsync(client, "Utkast samtidighet", "2027-02-01", key)).ShouldBe(plan, "a retry with the same key finds the first plan");

        var revision = (await PlanAsync(client, Arrangement10, plan)).GetProperty("revision").GetInt32();
        var shift = new { start = "07:00:00", lengthMinutes = 480, kind = "day", assistantId = DemoAssistant, weeks = new[] { 1 }, days = new[] { "monday", "tuesday" } };
        var first = await AddAsync(client, plan, shift, "skift-1", revision);
        var retry = await AddAsync(client, plan, shift, "skift-1", revision);
        retry.GetProperty("created").EnumerateArray().Select(x => x.GetGuid()).ShouldBe(first.GetProperty("created").EnumerateArray().Select(x => x.GetGuid()), ignoreOrder: true);
        var afterAdd = await PlanAsync(client, Arrangement10, plan);
        afterAdd.GetProperty("shifts").GetArrayLength().ShouldBe(2, "the retry made no new shifts");

        // Two editors both read this revision: the first save wins, the second (its If-Match now stale) is told so in Norwegian.
        var read = afterAdd.GetProperty("revision").GetInt32();
        var id = afterAdd.GetProperty("shifts")[0].GetProperty("id").GetGuid();
        var move = new { week = 1, day = "wednesday", start = "08:00:00", lengthMinutes = 480, assistantId = DemoAssistant, kind = "day" };
        await OkJsonAsync(await SendAsync(client, HttpMethod.Put, $"/api/v1/arrangements/{Arrangement10}/plans/{plan}/shifts/{id}", move, revision: read));
        using var stale = await SendAsync(client, HttpMethod.Delete, $"/api/v1/arrangements/{Arrangement10}/plans/{plan}/shifts/{id}", null, revision: read);
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await stale.Content.ReadAsStringAsync(Ct)).ShouldContain("endret av noen andre");
        var after = await PlanAsync(client, Arrangement10, plan);
        after.GetProperty("shifts").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == id).GetProperty("day").GetString().ShouldBe("Wednesday", "the first editor's move is kept");

        using var missing = await SendAsync(client, HttpMethod.Delete, $"/api/v1/arrangements/{Arrangement10}/plans/{plan}/shifts/{id}", null);
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync(Ct)).ShouldContain("If-Match");
    }

    [Theory, DatabaseData]
    public async Task RestBetweenTwoShifts_IsFound_AndGoesAwayWhenFixed(DatabaseKind db)
    {
        var client = await hosts.For(db).SignedInClientAsync(DemoLogins.WorkLeader);
        var plan = await DraftAsync(client, "Utkast hviletid", "2027-03-01", Guid.NewGuid().ToString("N"));
        var revision = (await PlanAsync(client, Arrangement10, plan)).GetProperty("revision").GetInt32();
        var day = await AddAsync(client, plan, new { start = "07:00:00", lengthMinutes = 480, kind = "day", assistantId = DemoAssistant, weeks = new[] { 1 }, days = new[] { "tuesday" } }, "dag", revision);
        (await FindingsAsync(client, plan)).ShouldNotContain(f => f.GetProperty("rule").GetString() == "AML-10-8-1");

        // Monday 23:00-07:00 runs straight into Tuesday 07:00: AML-10-8-1 (11 h daily rest) is broken.
        var night = await AddAsync(client, plan, new { start = "23:00:00", lengthMinutes = 480, kind = "awakeNight", assistantId = DemoAssistant, weeks = new[] { 1 }, days = new[] { "monday" } },
            "natt", day.GetProperty("revision").GetInt32());
        night.GetProperty("findingsAdded").GetInt32().ShouldBeGreaterThan(0);
        var rest = (await FindingsAsync(client, plan)).Where(f => f.GetProperty("rule").GetString() == "AML-10-8-1").ToList();
        rest.ShouldNotBeEmpty();
        rest[0].GetProperty("severity").GetString().ShouldBe("breach");
        rest[0].GetProperty("paragraph").GetString()!.ShouldContain("§ 10-8");
        var nightId = night.GetProperty("created")[0].GetGuid();
        var dayId = day.GetProperty("created")[0].GetGuid();
        rest[0].GetProperty("shiftIds").EnumerateArray().Select(x => x.GetGuid()).ShouldBeSubsetOf([nightId, dayId], "the finding points at the shifts it is about");

        // Moving the night to Monday evening 13:00 before fixes it.
        await OkJsonAsync(await SendAsync(client, HttpMethod.Put, $"/api/v1/arrangements/{Arrangement10}/plans/{plan}/shifts/{nightId}",
            new { week = 1, day = "sunday", start = "13:00:00", lengthMinutes = 480, assistantId = DemoAssistant, kind = "day" }, revision: night.GetProperty("revision").GetInt32()));
        (await FindingsAsync(client, plan)).ShouldNotContain(f => f.GetProperty("rule").GetString() == "AML-10-8-1");
    }

    [Theory, DatabaseData]
    public async Task AnAssistantInTwoArrangements_GetsFindingsAcrossBoth(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var plan = await DraftAsync(admin, "Utkast to ordninger", "2026-12-07", Guid.NewGuid().ToString("N"));
        var revision = (await PlanAsync(admin, Arrangement10, plan)).GetProperty("revision").GetInt32();
        await AddAsync(admin, plan, new { start = "07:00:00", lengthMinutes = 480, kind = "day", assistantId = DemoAssistant, weeks = new[] { 1 }, days = new[] { "tuesday" } }, "a10", revision);
        (await FindingsAsync(admin, plan)).ShouldNotContain(f => f.GetProperty("rule").GetString() == "AML-10-8-1" && f.GetProperty("assistantId").GetString() == DemoAssistant.ToString());

        // The same assistant has an evening in arrangement 8 that ends at 01:00 on Tuesday 8 December: 6 h of rest.
        var plan8 = DemoIds.For("plan:8");
        var published = await PlanAsync(admin, Arrangement8, plan8);
        var week8 = 1 + (49 % 4); // 2026-12-07 is 49 weeks after the demo plans' start (2025-12-29)
        await OkJsonAsync(await SendAsync(admin, HttpMethod.Post, $"/api/v1/arrangements/{Arrangement8}/plans/{plan8}/shifts",
            new { start = "17:00:00", lengthMinutes = 480, kind = "evening", assistantId = DemoAssistant, weeks = new[] { week8 }, days = new[] { "monday" } }, "a8", published.GetProperty("revision").GetInt32()));

        var findings = await FindingsAsync(admin, plan);
        findings.ShouldContain(f => f.GetProperty("rule").GetString() == "AML-10-8-1" && f.GetProperty("assistantId").GetString() == DemoAssistant.ToString(),
            "the rest before the Tuesday day shift is judged with the shift in the other arrangement");
    }

    [Theory, DatabaseData]
    public async Task Publish_ChecksTheDiscussion_VersionsThePlan_AndTracksLaterChangesForTheAssistant(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var plan = await DraftAsync(leader, "Turnus 2027", "2027-01-04", Guid.NewGuid().ToString("N"));
        var revision = (await PlanAsync(leader, Arrangement10, plan)).GetProperty("revision").GetInt32();
        var added = await AddAsync(leader, plan, new { start = "07:00:00", lengthMinutes = 480, kind = "day", assistantId = DemoAssistant, weeks = new[] { 1, 2, 3, 4 }, days = new[] { "monday", "tuesday", "wednesday" } }, "grunn", revision);
        revision = added.GetProperty("revision").GetInt32();
        var path = $"/api/v1/arrangements/{Arrangement10}/plans/{plan}/publish";

        using (var noDate = await SendAsync(leader, HttpMethod.Post, path, new { startsOn = "2027-01-04" }, revision: revision))
        {
            noDate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await noDate.Content.ReadAsStringAsync(Ct)).ShouldContain("drøftet");
        }
        // Discussed on 23 November, six weeks before 4 January: AML-10-3-1 is met.
        using (var late = await SendAsync(leader, HttpMethod.Post, path, new { startsOn = "2027-01-04", discussedOn = "2026-11-23" }, revision: revision))
        {
            late.StatusCode.ShouldBe(HttpStatusCode.OK, "23 November is 42 days before");
        }
        var published = await PlanAsync(leader, Arrangement10, plan);
        published.GetProperty("status").GetString().ShouldBe("Published");
        published.GetProperty("publishedVersion").GetInt32().ShouldBe(1);

        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            var old = await data.WorkPlans.AsNoTracking().SingleAsync(p => p.Id == DemoIds.For("plan:10"), Ct);
            old.EndsOn.ShouldBe(new NodaTime.LocalDate(2027, 1, 3), "the previous plan ends the day before");
            var userId = await data.Assistants.Where(a => a.Id == DemoAssistant).Select(a => a.UserId).SingleAsync(Ct);
            (await data.Notifications.CountAsync(n => n.UserId == userId && n.Kind == "plan", Ct)).ShouldBe(1, "the assistant is told once");
        }

        // A change after publishing is logged with who and when, and the assistant sees it in «Min plan».
        var shift = published.GetProperty("shifts")[0].GetProperty("id").GetGuid();
        await OkJsonAsync(await SendAsync(leader, HttpMethod.Put, $"/api/v1/arrangements/{Arrangement10}/plans/{plan}/shifts/{shift}",
            new { week = 1, day = "monday", start = "08:00:00", lengthMinutes = 420, assistantId = DemoAssistant, kind = "day" }, revision: published.GetProperty("revision").GetInt32()));
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            var changes = await data.PlanChanges.AsNoTracking().Where(c => c.PlanId == plan).OrderBy(c => c.At).ToListAsync(Ct);
            changes.Count.ShouldBe(2);
            changes[1].Description.ShouldBe("Endret vakt: uke 1 mandag 07:00–15:00 er nå uke 1 mandag 08:00–15:00");
            changes[1].By.ShouldNotBeNullOrEmpty();
            changes[1].AssistantId.ShouldBe(DemoAssistant);
        }
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var mine = await Html.GetAsync(assistant, "/min-plan?fra=2027-01-04", Ct);
        mine.ShouldContain("Endret vakt: uke 1 mandag 07:00–15:00 er nå uke 1 mandag 08:00–15:00");
        mine.ShouldContain("08:00–15:00");
    }

    [Theory, DatabaseData]
    public async Task Publish_DiscussedLessThan14DaysBefore_IsRefusedAsABreach(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var plan = await DraftAsync(leader, "For sent drøftet", "2026-11-30", Guid.NewGuid().ToString("N"));
        var revision = (await PlanAsync(leader, Arrangement10, plan)).GetProperty("revision").GetInt32();
        var added = await AddAsync(leader, plan, new { start = "07:00:00", lengthMinutes = 480, kind = "day", assistantId = DemoAssistant, weeks = new[] { 1 }, days = new[] { "monday" } }, "x", revision);

        using var late = await SendAsync(leader, HttpMethod.Post, $"/api/v1/arrangements/{Arrangement10}/plans/{plan}/publish",
            new { startsOn = "2026-11-30", discussedOn = "2026-11-23" }, revision: added.GetProperty("revision").GetInt32());
        late.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await late.Content.ReadAsStringAsync(Ct)).ShouldContain("brudd");
        (await PlanAsync(leader, Arrangement10, plan)).GetProperty("status").GetString().ShouldBe("Draft");
    }

    [Theory, DatabaseData]
    public async Task ABreach_IsNeverBlocked_ButNeedsTheEmployersOverrideWithAReasonBeforePublishing(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var plan = await DraftAsync(leader, "Med brudd", "2027-01-04", Guid.NewGuid().ToString("N"));
        var revision = (await PlanAsync(leader, Arrangement10, plan)).GetProperty("revision").GetInt32();
        var day = await AddAsync(leader, plan, new { start = "07:00:00", lengthMinutes = 480, kind = "day", assistantId = DemoAssistant, weeks = new[] { 1 }, days = new[] { "tuesday" } }, "dag", revision);
        var night = await AddAsync(leader, plan, new { start = "23:00:00", lengthMinutes = 480, kind = "awakeNight", assistantId = DemoAssistant, weeks = new[] { 1 }, days = new[] { "monday" } }, "natt", day.GetProperty("revision").GetInt32());
        night.GetProperty("openBreaches").GetInt32().ShouldBeGreaterThan(0, "the breach is saved and shown, not blocked");
        var publish = $"/api/v1/arrangements/{Arrangement10}/plans/{plan}/publish";
        using (var refused = await SendAsync(leader, HttpMethod.Post, publish, new { startsOn = "2027-01-04", discussedOn = "2026-11-20" }, revision: night.GetProperty("revision").GetInt32()))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("godtas med begrunnelse av koordinator eller administrator");
        }

        var breaches = (await FindingsAsync(leader, plan)).Where(f => f.GetProperty("severity").GetString() == "breach").ToList();
        var overrides = $"/api/v1/arrangements/{Arrangement10}/plans/{plan}/overrides";
        using (var notAllowed = await SendAsync(leader, HttpMethod.Post, overrides, new { key = breaches[0].GetProperty("key").GetString(), reason = "Arbeidslederen vil gjerne" }))
            notAllowed.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a work leader cannot accept a breach");
        var coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        using (var tooShort = await SendAsync(coordinator, HttpMethod.Post, overrides, new { key = breaches[0].GetProperty("key").GetString(), reason = "ok" }))
        {
            tooShort.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await tooShort.Content.ReadAsStringAsync(Ct)).ShouldContain("minst 10 tegn");
        }
        JsonElement last = default;
        foreach (var b in breaches)
            last = await OkJsonAsync(await SendAsync(coordinator, HttpMethod.Post, overrides, new { key = b.GetProperty("key").GetString(), reason = "Avtalt med tillitsvalgt: engangs reise, kompenserende hvile dagen etter" }));
        last.GetProperty("openBreaches").GetInt32().ShouldBe(0);
        var accepted = (await FindingsAsync(leader, plan)).Where(f => f.GetProperty("severity").GetString() == "breach").ToList();
        accepted.ShouldAllBe(f => !string.IsNullOrEmpty(f.GetProperty("overrideBy").GetString()));
        accepted.ShouldAllBe(f => f.GetProperty("overrideReason").GetString()!.StartsWith("Avtalt med tillitsvalgt", StringComparison.Ordinal));

        await OkJsonAsync(await SendAsync(leader, HttpMethod.Post, publish, new { startsOn = "2027-01-04", discussedOn = "2026-11-20" }, revision: last.GetProperty("revision").GetInt32()));
        using var scope = factory.Services.CreateScope();
        var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        (await data.PlanChanges.CountAsync(c => c.PlanId == plan, Ct)).ShouldBe(1, "overrides on a draft are on the plan, the change log starts at publishing");
        (await data.FindingOverrides.CountAsync(o => o.PlanId == plan, Ct)).ShouldBe(breaches.Count);
    }

    [Theory, DatabaseData]
    public async Task EditorPage_StaleRevision_ShowsTheConflictAndKeepsTheUsersInput(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var plan = await DraftAsync(leader, "Utkast skjema", "2027-04-05", Guid.NewGuid().ToString("N"));
        var path = $"/ordninger/{Arrangement10}/arbeidsplan/{plan}?uke=1";
        var revision = (await PlanAsync(leader, Arrangement10, plan)).GetProperty("revision").GetInt32();
        // Someone else saves first.
        await AddAsync(leader, plan, new { start = "07:00:00", lengthMinutes = 480, kind = "day", assistantId = DemoAssistant, weeks = new[] { 1 }, days = new[] { "friday" } }, "annen", revision);

        using var response = await SelvstyrtFactory.PostFormAsync(leader, path, "ny-vakt", new Dictionary<string, string>
        {
            ["AddIn.Revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AddIn.Template"] = "",
            ["AddIn.Start"] = "09:30",
            ["AddIn.End"] = "14:00",
            ["AddIn.Assistant"] = DemoAssistant.ToString(),
            ["AddIn.Weeks"] = "1",
            ["AddIn.Days"] = "3",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("Planen er endret av noen andre");
        html.ShouldContain("value=\"09:30\"", Case.Sensitive, "the user's unsaved start time is still in the form");
        html.ShouldContain("value=\"14:00\"");
        var shifts = (await PlanAsync(leader, Arrangement10, plan)).GetProperty("shifts");
        shifts.GetArrayLength().ShouldBe(1, "the stale form saved nothing");
    }

    [Theory, DatabaseData]
    public async Task CalendarFeed_GivesTheAssistantsShifts_WithoutTheRecipient_AndStopsWhenRevoked(DatabaseKind db)
    {
        var factory = hosts.For(db);
        string secret;
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            secret = Convert.ToHexString(Guid.NewGuid().ToByteArray()) + "abc";
            data.CalendarFeeds.Add(Domain.Plans.CalendarFeed.Create(Guid.NewGuid(), DemoAssistant, secret, NodaTime.SystemClock.Instance.GetCurrentInstant()));
            await data.SaveChangesAsync(Ct);
        }
        var anonymous = factory.CreateClient();
        using var response = await anonymous.GetAsync($"/kalender/{secret}.ics", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var text = await response.Content.ReadAsStringAsync(Ct);
        var calendar = Ical.Net.Calendar.Load(text)!;
        calendar.Events.Count.ShouldBeGreaterThan(0);
        calendar.Events.ShouldAllBe(e => e.Summary!.StartsWith("Vakt: ", StringComparison.Ordinal));
        text.ShouldNotContain("Even", Case.Sensitive, "no recipient's name in the feed");
        text.ShouldNotContain("Ordningen til");

        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            var feed = await data.CalendarFeeds.SingleAsync(f => f.TokenHash == Domain.Plans.CalendarFeed.Hash(secret), Ct);
            feed.Revoke(NodaTime.SystemClock.Instance.GetCurrentInstant());
            await data.SaveChangesAsync(Ct);
        }
        using var revoked = await anonymous.GetAsync($"/kalender/{secret}.ics", Ct);
        revoked.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
