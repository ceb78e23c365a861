using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Competences;

/// <summary>
/// Issue 19, part 3, as issue 17's «Finn vikar» needs it, on both engines: the administrator keeps the provider's list of
/// competences (once however often sent, no two by the same name); a shift template requires one from the list; the plan
/// editor refuses to put an assistant without it on such a shift until the work leader records it; a colleague without it
/// cannot take the shift in a swap; and «Finn vikar» leaves out those who lack it, with the reason.
/// </summary>
public sealed class CompetenceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Guid Arrangement10 = DemoIds.For("arrangement:10");
    private static readonly Guid Plan10 = DemoIds.For("plan:10");
    private static readonly Guid Demo42 = DemoIds.For("assistant:42");
    private static readonly Guid Substitute = DemoIds.For($"assistant:{DemoSeeder.DemoSubstituteIndex}");
    private static readonly DateTimeZone Zone = Selvstyrt.Web.Auth.CurrentUser.Zone;
    // The demo has its own ventilator competence (Even's «Respiratorvakt»); this test makes a kind of its own.
    private const string Ltmv = "Sondeernæring (PEG)";

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<int> RevisionAsync(HttpClient client)
        => (await client.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Arrangement10}/plans/{Plan10}", Ct)).GetProperty("revision").GetInt32();

    private static Task<HttpResponseMessage> AddShiftAsync(HttpClient leader, Guid template, Guid assistant, int revision)
        => ApiCalls.PostAsync(leader, $"/api/v1/arrangements/{Arrangement10}/plans/{Plan10}/shifts",
            JsonSerializer.Serialize(new { templateId = template, assistantId = assistant, weeks = new[] { 1 }, days = new[] { "Monday" }, revision }), Guid.NewGuid().ToString(), Ct);

    [Theory, DatabaseData]
    public async Task WhatEveryoneInTheArrangementMustHold_IsListedInTheEditor_AndStopsPublishing_UntilTheyAreTrained(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        const string Routines = "Rutiner hos Even";
        var kindId = (await OkAsync(await ApiCalls.PostAsync(admin, "/api/v1/competence-kinds", JsonSerializer.Serialize(new { name = Routines }), Guid.NewGuid().ToString(), Ct),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();

        // A draft with the demo assistant on Mondays, made before the requirement.
        var plans = $"/api/v1/arrangements/{Arrangement10}/plans";
        var plan = (await OkAsync(await ApiCalls.PostAsync(leader, plans, JsonSerializer.Serialize(new { name = "Vinter", rotationWeeks = 1, startsOn = "2026-12-07" }),
            Guid.NewGuid().ToString(), Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        async Task<int> Revision() => (await leader.GetFromJsonAsync<JsonElement>($"{plans}/{plan}", Ct)).GetProperty("revision").GetInt32();
        await OkAsync(await ApiCalls.PostAsync(leader, $"{plans}/{plan}/shifts", JsonSerializer.Serialize(new { start = "08:00:00", lengthMinutes = 420, kind = "day",
            assistantId = Demo42, weeks = new[] { 1 }, days = new[] { "monday" }, revision = await Revision() }), Guid.NewGuid().ToString(), Ct), HttpStatusCode.Created);

        // The work leader requires it of everyone, from the shift types' page; an unknown name is refused on the field.
        (await ApiCalls.ErrorsAsync(await ApiCalls.SendAsync(leader, HttpMethod.Put, $"/api/v1/arrangements/{Arrangement10}/required-competences",
            JsonSerializer.Serialize(new { competences = new[] { "Ukjent rutine" } }), null, Ct), Ct)).GetProperty("competences")[0].GetString()!.ShouldContain("Ukjent kompetanse: Ukjent rutine");
        using (var saved = await SelvstyrtFactory.PostFormAsync(leader, $"/ordninger/{Arrangement10}/vakttyper", "alle-kompetanse",
                   new Dictionary<string, string> { ["Require.Sent"] = "true", ["Require.Competences"] = "rutiner hos even" }))
            WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync(Ct)).ShouldContain("Kravene er lagret.");
        (await leader.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Arrangement10}/required-competences", Ct)).GetProperty("competences")[0].GetString().ShouldBe(Routines);
        (await ApiCalls.SendAsync(await factory.SignedInClientAsync(DemoLogins.Assistant), HttpMethod.Put, $"/api/v1/arrangements/{Arrangement10}/required-competences",
            JsonSerializer.Serialize(new { competences = Array.Empty<string>() }), null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The editor lists who lacks it; the publication is refused naming her and the competence; a new shift for her is refused.
        var editor = await Html.GetAsync(leader, $"/ordninger/{Arrangement10}/arbeidsplan/{plan}", Ct);
        editor.ShouldContain("Mangler kompetanse (1)");
        var publish = JsonSerializer.Serialize(new { startsOn = "2026-12-07", discussedOn = "2026-11-23", revision = await Revision() });
        (await ApiCalls.ErrorsAsync(await ApiCalls.PostAsync(leader, $"{plans}/{plan}/publish", publish, null, Ct), Ct)).GetProperty("plan")[0].GetString()!
            .ShouldContain($"Sofie Lie mangler kompetansen vakten krever: {Routines}.");
        (await ApiCalls.ErrorsAsync(await ApiCalls.PostAsync(leader, $"{plans}/{plan}/shifts", JsonSerializer.Serialize(new { start = "08:00:00", lengthMinutes = 420, kind = "day",
            assistantId = Demo42, weeks = new[] { 1 }, days = new[] { "tuesday" }, revision = await Revision() }), Guid.NewGuid().ToString(), Ct), Ct))
            .GetProperty("assistant")[0].GetString()!.ShouldContain(Routines);

        // Trained and recorded: the list is empty and the plan is published.
        await OkAsync(await ApiCalls.PostAsync(leader, $"/api/v1/assistants/{Demo42}/competences",
            JsonSerializer.Serialize(new { kindId, gainedOn = "2026-11-20", by = "Even" }), Guid.NewGuid().ToString(), Ct), HttpStatusCode.Created);
        (await Html.GetAsync(leader, $"/ordninger/{Arrangement10}/arbeidsplan/{plan}", Ct)).ShouldNotContain("Mangler kompetanse (");
        await OkAsync(await ApiCalls.PostAsync(leader, $"{plans}/{plan}/publish",
            JsonSerializer.Serialize(new { startsOn = "2026-12-07", discussedOn = "2026-11-23", revision = await Revision() }), null, Ct));
    }

    [Theory, DatabaseData]
    public async Task AShiftRequiringACompetence_TakesOnlyThoseWhoHoldIt_InTheEditor_AndInFinnVikar(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);

        // The list: once however often sent; no second kind by the same name; only the administrator keeps it.
        var key = Guid.NewGuid().ToString();
        var body = JsonSerializer.Serialize(new { name = Ltmv, validMonths = 24 });
        var kindId = (await OkAsync(await ApiCalls.PostAsync(admin, "/api/v1/competence-kinds", body, key, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await OkAsync(await ApiCalls.PostAsync(admin, "/api/v1/competence-kinds", body, key, Ct))).GetProperty("id").GetGuid().ShouldBe(kindId);
        (await ApiCalls.ErrorsAsync(await ApiCalls.PostAsync(admin, "/api/v1/competence-kinds", """{ "name": "sondeernæring (peg)" }""", Guid.NewGuid().ToString(), Ct), Ct))
            .GetProperty("name")[0].GetString()!.ShouldContain("finnes allerede");
        (await ApiCalls.PostAsync(coordinator, "/api/v1/competence-kinds", """{ "name": "Sonde" }""", Guid.NewGuid().ToString(), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await leader.GetFromJsonAsync<JsonElement>("/api/v1/competence-kinds", Ct)).EnumerateArray().Select(k => k.GetProperty("name").GetString()).ShouldBe(["Forflytning", "Nattevakt-opplæring", DemoCompetences.Ventilator, Ltmv], ignoreOrder: true);

        // A template requires it (an unknown competence is refused, naming it); then the editor refuses the assistant without it.
        Dictionary<string, string> Template(string name, string competence) => new()
        {
            ["Input.Key"] = Guid.NewGuid().ToString("N"), ["Input.Name"] = name, ["Input.Start"] = "10:00", ["Input.Hours"] = "2", ["Input.Kind"] = "Day",
            ["Input.Pause"] = "0", ["Input.Staffing"] = "1", ["Input.Competences"] = competence,
        };
        using (var unknown = await SelvstyrtFactory.PostFormAsync(leader, $"/ordninger/{Arrangement10}/vakttyper", "ny-mal", Template("Sondemating", "Sondemat")))
            WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync(Ct)).ShouldContain("Ukjent kompetanse: Sondemat");
        using (await SelvstyrtFactory.PostFormAsync(leader, $"/ordninger/{Arrangement10}/vakttyper", "ny-mal", Template("Sondevakt", "sondeernæring (PEG)"))) { }
        Guid template;
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            var made = (await data.ShiftTemplates.AsNoTracking().Where(t => t.ArrangementId == Arrangement10).ToListAsync(Ct)).Single(t => t.Name == "Sondevakt");
            made.Competences.ShouldBe([Ltmv], "spelled as the list spells it");
            template = made.Id;
            (await data.ShiftTemplates.CountAsync(t => t.Name == "Sondemating", Ct)).ShouldBe(0);
        }
        // The same through the API: once however often sent, the unknown refused on the field, listed with what it requires.
        var viaApi = JsonSerializer.Serialize(new { name = "Sonde dag", start = "08:00:00", lengthMinutes = 240, kind = "Day", competences = new[] { Ltmv } });
        var apiKey = Guid.NewGuid().ToString();
        var apiTemplate = (await OkAsync(await ApiCalls.PostAsync(leader, $"/api/v1/arrangements/{Arrangement10}/templates", viaApi, apiKey, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await OkAsync(await ApiCalls.PostAsync(leader, $"/api/v1/arrangements/{Arrangement10}/templates", viaApi, apiKey, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid().ShouldBe(apiTemplate);
        (await ApiCalls.ErrorsAsync(await ApiCalls.PostAsync(leader, $"/api/v1/arrangements/{Arrangement10}/templates",
            JsonSerializer.Serialize(new { name = "Sonde", start = "08:00:00", lengthMinutes = 60, kind = "Day", competences = new[] { "Sondemat" } }), Guid.NewGuid().ToString(), Ct), Ct))
            .GetProperty("competences")[0].GetString()!.ShouldContain("Ukjent kompetanse: Sondemat");
        var listed = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Arrangement10}/templates", Ct);
        listed.EnumerateArray().Count(t => t.GetProperty("id").GetGuid() == apiTemplate).ShouldBe(1);
        listed.EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == template).GetProperty("competences")[0].GetString().ShouldBe(Ltmv);

        var refused = await ApiCalls.ErrorsAsync(await AddShiftAsync(leader, template, Demo42, await RevisionAsync(leader)), Ct);
        refused.GetProperty("assistant")[0].GetString()!.ShouldContain($"mangler kompetansen vakten krever: {Ltmv}");

        // The work leader, who trained them, records it: the same shift is then taken.
        var recorded = await OkAsync(await ApiCalls.PostAsync(leader, $"/api/v1/assistants/{Demo42}/competences",
            JsonSerializer.Serialize(new { kindId, gainedOn = "2026-01-10", by = "Lungeavdelingen, Ullevål" }), Guid.NewGuid().ToString(), Ct), HttpStatusCode.Created);
        (await OkAsync(await AddShiftAsync(leader, template, Demo42, await RevisionAsync(leader)), HttpStatusCode.Created)).GetProperty("created").GetArrayLength().ShouldBe(1);
        var held = await OkAsync(await coordinator.GetAsync($"/api/v1/assistants/{Demo42}/competences", Ct));
        held.GetProperty("held").EnumerateArray().Single(h => h.GetProperty("name").GetString() == Ltmv).GetProperty("validTo").GetString().ShouldBe("2028-01-09", "24 months from 10 January 2026, through the day before");

        // The shift goes vacant on a coming Monday: «Finn vikar» leaves out everyone without the competence, saying so.
        LocalDate date;
        Guid shiftId;
        using (var scope = factory.Services.CreateScope())
        {
            var plan = await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().WorkPlans.Include(p => p.Shifts).Include(p => p.Deviations).AsSplitQuery().AsNoTracking()
                .SingleAsync(p => p.Id == Plan10, Ct);
            shiftId = plan.Shifts.Single(s => s.TemplateId == template).Id;
            date = plan.RollOut(new LocalDate(2026, 11, 24), new LocalDate(2026, 12, 31), Zone).First(s => s.TemplateId == shiftId).Date;
        }
        // Giving it to a colleague without the competence is refused, whoever says yes.
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var substitute = await factory.SignedInClientAsync(DemoLogins.Substitute);
        var give = JsonSerializer.Serialize(new { planId = Plan10, shiftKey = Selvstyrt.Domain.TimeSheets.TimeSheet.PlanKey(shiftId, date), toAssistantId = Substitute });
        using (var proposed = await ApiCalls.PostAsync(assistant, "/api/v1/shift-swaps", give, Guid.NewGuid().ToString("N"), Ct))
        {
            proposed.StatusCode.ShouldBe(HttpStatusCode.Created, await proposed.Content.ReadAsStringAsync(Ct));
            var swap = (await proposed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
            using var taken = await ApiCalls.PostAsync(substitute, $"/api/v1/shift-swaps/{swap}/accept", "{}", null, Ct);
            taken.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await taken.Content.ReadAsStringAsync(Ct)).ShouldContain($"mangler kompetansen vakten krever: {Ltmv}");
        }

        var vacant = await OkAsync(await ApiCalls.PostAsync(leader, $"/api/v1/arrangements/{Arrangement10}/plans/{Plan10}/deviations",
            JsonSerializer.Serialize(new { date = date.ToString("yyyy-MM-dd", null), kind = "Vacant", shiftId, revision = await RevisionAsync(leader) }), Guid.NewGuid().ToString(), Ct));
        Guid deviation;
        using (var scope = factory.Services.CreateScope())
            deviation = await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().PlanDeviations.Where(d => d.PlanId == Plan10 && d.ShiftId == shiftId && d.Date == date).Select(d => d.Id).SingleAsync(Ct);
        var candidates = (await leader.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Arrangement10}/plans/{Plan10}/deviations/{deviation}/candidates", Ct))
            .GetProperty("candidates").EnumerateArray().ToList();
        candidates.ShouldNotBeEmpty();
        candidates.ShouldAllBe(c => !c.GetProperty("lawful").GetBoolean() && c.GetProperty("reason").GetString()!.Contains($"Mangler kompetanse: {Ltmv}"));

        // Revoked, the competence no longer counts: the assistant cannot be put on such a shift again.
        (await OkAsync(await ApiCalls.PostAsync(coordinator, $"/api/v1/assistants/{Demo42}/competences/{recorded.GetProperty("id").GetGuid()}/revoke", "{}", null, Ct))).ValueKind.ShouldBe(JsonValueKind.Object);
        (await ApiCalls.ErrorsAsync(await AddShiftAsync(leader, template, Demo42, await RevisionAsync(leader)), Ct)).GetProperty("assistant")[0].GetString()!.ShouldContain("mangler kompetansen");
        // Nobody outside the assistant's employer and arrangements records one for them.
        (await ApiCalls.PostAsync(await factory.SignedInClientAsync(DemoLogins.CoordinatorWest), $"/api/v1/assistants/{Demo42}/competences",
            JsonSerializer.Serialize(new { kindId, gainedOn = "2026-01-10", by = "X" }), Guid.NewGuid().ToString(), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        _ = vacant;
    }

    [Theory, DatabaseData]
    public async Task ACompetenceRunningOutWithinAMonth_IsToldOnce_ToTheAssistant_TheCoordinator_AndTheWorkLeader(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var kind = (await OkAsync(await ApiCalls.PostAsync(admin, "/api/v1/competence-kinds", """{ "name": "Førstehjelp", "validMonths": 12 }""", Guid.NewGuid().ToString(), Ct), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        // Gained 10 December 2025: holds through 9 December 2026, 16 days from today (23 November). Another, gained later, is not due.
        await OkAsync(await ApiCalls.PostAsync(coordinator, $"/api/v1/assistants/{Demo42}/competences",
            JsonSerializer.Serialize(new { kindId = kind, gainedOn = "2025-12-10", by = "Røde Kors" }), Guid.NewGuid().ToString(), Ct), HttpStatusCode.Created);
        await OkAsync(await ApiCalls.PostAsync(coordinator, $"/api/v1/assistants/{Substitute}/competences",
            JsonSerializer.Serialize(new { kindId = kind, gainedOn = "2026-01-10", by = "Røde Kors" }), Guid.NewGuid().ToString(), Ct), HttpStatusCode.Created);

        using var scope = factory.Services.CreateScope();
        var reminders = scope.ServiceProvider.GetRequiredService<Selvstyrt.Web.Features.Competences.CompetenceReminders>();
        var now = factory.Clock.GetCurrentInstant();
        var first = await reminders.RecordAsync(now, Ct);
        (await reminders.RecordAsync(now, Ct)).ShouldBe(0, "told once");
        var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        async Task<Guid> UserAsync(string email) => await data.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
        var told = await data.Notifications.AsNoTracking().Where(n => n.Kind == "kompetanse-utlop").ToListAsync(Ct);
        var users = told.Select(n => n.UserId).ToList();
        users.ShouldBeUnique("one notice each");
        foreach (var who in new[] { DemoLogins.Assistant, DemoLogins.CoordinatorEast, DemoLogins.WorkLeader }) users.ShouldContain(await UserAsync(who), who);
        // Anyone else told leads another arrangement the assistant works in (the demo assistant also works in arrangement 8).
        var arrangements = await data.Assignments.Where(s => s.AssistantId == Demo42 && s.To == null).Select(s => s.ArrangementId).ToListAsync(Ct);
        var leading = await data.ArrangementRoles.Where(r => arrangements.Contains(r.ArrangementId)).Select(r => r.UserId).ToListAsync(Ct);
        users.Except([await UserAsync(DemoLogins.Assistant), await UserAsync(DemoLogins.CoordinatorEast)]).ShouldAllBe(u => leading.Contains(u));
        first.ShouldBe(told.Count);
        told.ShouldAllBe(n => n.Subject.Contains("Førstehjelp") && n.Subject.Contains("9.12.2026"));
        told.ShouldNotContain(n => n.Body.Contains("Thea"), "the one gained in January is not due");
    }
}
