using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.TimeSheets;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Substitutes;

/// <summary>
/// Issue 17, part 6 on both engines: an assistant gives a shift to a named colleague, who says yes; the work leader approves
/// and the plan changes (change log, «Min plan»); the colleague then swaps it back for another of the first one's shifts;
/// proposals are idempotent; only those asked answer; a rejection needs its reason; another office's coordinator finds nothing.
/// </summary>
public sealed class ShiftSwapTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Guid Arrangement10 = DemoIds.For("arrangement:10");
    private static readonly Guid Plan10 = DemoIds.For("plan:10");
    private static readonly Guid Demo42 = DemoIds.For("assistant:42");
    private static readonly Guid Substitute = DemoIds.For($"assistant:{DemoSeeder.DemoSubstituteIndex}");
    private static readonly DateTimeZone Zone = Auth.CurrentUser.Zone;

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(Ct);
            response.StatusCode.ShouldBe(expected, text);
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    private static async Task<WorkPlan> PlanAsync(SelvstyrtFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().WorkPlans.AsNoTracking().Include(p => p.Shifts).Include(p => p.Deviations).AsSplitQuery()
            .SingleAsync(p => p.Id == Plan10, Ct);
    }

    private static List<PlannedShift> Weekdays(IEnumerable<PlannedShift> shifts)
        => [.. shifts.Where(s => s.Date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && s.End.InZone(Zone).Date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))];

    private static PlannedShift At(WorkPlan plan, PlannedShift s) => plan.ShiftAt(s.TemplateId, s.Date, Zone)!;

    [Theory, DatabaseData]
    public async Task AShiftGivenAway_IsApprovedIntoThePlan_ThenSwappedBack_WithEveryStepRecorded(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var substitute = await factory.SignedInClientAsync(DemoLogins.Substitute);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var plan = await PlanAsync(factory);
        // Weekday shifts: a Sunday shift would bring AML-10-8-4 (the Sunday after a Sunday) to the demo substitute, and be refused.
        var theirs = Weekdays(plan.ShiftsOf(Demo42, new LocalDate(2026, 11, 26), new LocalDate(2026, 12, 20), Zone));
        var given = theirs[0];
        var later = theirs.First(s => s.Date >= given.Date.PlusDays(3));

        // Demo42 gives a shift to the substitute; sent twice with one key, it is one request.
        var body = JsonSerializer.Serialize(new { planId = Plan10, shiftKey = TimeSheet.PlanKey(given.TemplateId, given.Date), toAssistantId = Substitute, note = "Tannlege" });
        var key = Guid.NewGuid().ToString("N");
        var id = (await OkAsync(await ApiCalls.PostAsync(assistant, "/api/v1/shift-swaps", body, key, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await OkAsync(await ApiCalls.PostAsync(assistant, "/api/v1/shift-swaps", body, key, Ct))).GetProperty("id").GetGuid().ShouldBe(id);
        var again = await ApiCalls.PostAsync(assistant, "/api/v1/shift-swaps", body, Guid.NewGuid().ToString("N"), Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadAsStringAsync(Ct)).ShouldContain("allerede en åpen forespørsel");

        // Only the colleague asked answers; the one giving the shift cannot take it; the colleague was told.
        (await ApiCalls.PostAsync(assistant, $"/api/v1/shift-swaps/{id}/accept", "{}", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await substitute.GetFromJsonAsync<JsonElement>("/api/v1/shift-swaps", Ct)).EnumerateArray().ShouldContain(s => s.GetProperty("id").GetGuid() == id && s.GetProperty("forMe").GetBoolean());
        var accepted = await OkAsync(await ApiCalls.PostAsync(substitute, $"/api/v1/shift-swaps/{id}/accept", "{}", null, Ct));
        accepted.GetProperty("state").GetString().ShouldBe("AwaitingApproval", "the arrangement has not let swaps through without approval");
        At(await PlanAsync(factory), given).AssistantId.ShouldBe(Demo42, "nothing changes before the work leader approves");

        // Another office's coordinator finds nothing; the work leader approves, and the plan has the change.
        var west = await factory.SignedInClientAsync(DemoLogins.CoordinatorWest);
        (await ApiCalls.PostAsync(west, $"/api/v1/arrangements/{Arrangement10}/shift-swaps/{id}/approve", "{}", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = WebUtility.HtmlDecode(await Html.GetAsync(leader, $"/ordninger/{Arrangement10}/bytter", Ct));
        page.ShouldContain("Venter på arbeidslederens godkjenning.");
        (await OkAsync(await ApiCalls.PostAsync(leader, $"/api/v1/arrangements/{Arrangement10}/shift-swaps/{id}/approve", "{}", null, Ct))).GetProperty("state").GetString().ShouldBe("Done");
        var changed = await PlanAsync(factory);
        At(changed, given).AssistantId.ShouldBe(Substitute);
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            (await data.PlanChanges.AsNoTracking().Where(c => c.PlanId == Plan10).ToListAsync(Ct)).ShouldContain(c => c.Description.Contains("Vakt gitt bort"));
            var me = await data.Users.Where(u => u.Email == DemoLogins.Assistant).Select(u => u.Id).SingleAsync(Ct);
            (await data.Notifications.CountAsync(n => n.UserId == me && n.Kind == "vaktbytte-godkjent", Ct)).ShouldBe(1);
        }
        WebUtility.HtmlDecode(await Html.GetAsync(assistant, "/min-plan", Ct)).ShouldContain("Vakt gitt bort");

        // The substitute swaps it back for a later shift of Demo42's; a rejection needs its reason; then it is approved.
        var swapBody = JsonSerializer.Serialize(new { planId = Plan10, shiftKey = TimeSheet.PlanKey(given.TemplateId, given.Date), returnShiftKey = TimeSheet.PlanKey(later.TemplateId, later.Date) });
        var swapId = (await OkAsync(await ApiCalls.PostAsync(substitute, "/api/v1/shift-swaps", swapBody, Guid.NewGuid().ToString("N"), Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var answered = await OkAsync(await ApiCalls.PostAsync(assistant, $"/api/v1/shift-swaps/{swapId}/accept", "{}", null, Ct));
        if (answered.GetProperty("state").GetString() == "AwaitingApproval")
        {
            using var noReason = await ApiCalls.PostAsync(leader, $"/api/v1/arrangements/{Arrangement10}/shift-swaps/{swapId}/reject", """{ "reason": "" }""", null, Ct);
            noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await noReason.Content.ReadAsStringAsync(Ct)).ShouldContain("Skriv hvorfor byttet ikke godkjennes");
            await OkAsync(await ApiCalls.PostAsync(leader, $"/api/v1/arrangements/{Arrangement10}/shift-swaps/{swapId}/approve", "{}", null, Ct));
        }
        var swapped = await PlanAsync(factory);
        At(swapped, given).AssistantId.ShouldBe(Demo42);
        At(swapped, later).AssistantId.ShouldBe(Substitute);
    }

    [Theory, DatabaseData]
    public async Task ACleanGiveAway_TakesEffectAtOnce_WhereTheWorkLeaderAllowsIt_AndARejectionIsTold(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var substitute = await factory.SignedInClientAsync(DemoLogins.Substitute);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        (await ApiCalls.SendAsync(assistant, HttpMethod.Put, $"/api/v1/arrangements/{Arrangement10}/swap-policy", """{ "cleanSwapsWithoutApproval": true }""", null, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound, "an assistant does not set the policy");
        (await OkAsync(await ApiCalls.SendAsync(leader, HttpMethod.Put, $"/api/v1/arrangements/{Arrangement10}/swap-policy", """{ "cleanSwapsWithoutApproval": true }""", null, Ct)))
            .GetProperty("cleanSwapsWithoutApproval").GetBoolean().ShouldBeTrue();
        var theirs = Weekdays((await PlanAsync(factory)).ShiftsOf(Demo42, new LocalDate(2026, 11, 26), new LocalDate(2026, 12, 20), Zone));

        // Given to anyone in the arrangement: the substitute takes the first; clean, it is done without the work leader.
        var open = JsonSerializer.Serialize(new { planId = Plan10, shiftKey = TimeSheet.PlanKey(theirs[0].TemplateId, theirs[0].Date) });
        var id = (await OkAsync(await ApiCalls.PostAsync(assistant, "/api/v1/shift-swaps", open, Guid.NewGuid().ToString("N"), Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await ApiCalls.PostAsync(substitute, $"/api/v1/shift-swaps/{id}/decline", "{}", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "nobody declines for everyone");
        (await OkAsync(await ApiCalls.PostAsync(substitute, $"/api/v1/shift-swaps/{id}/accept", "{}", null, Ct))).GetProperty("state").GetString().ShouldBe("Done");
        At(await PlanAsync(factory), theirs[0]).AssistantId.ShouldBe(Substitute);

        // With approval back on, the next one waits, and a rejection with its reason leaves the plan as it was.
        await OkAsync(await ApiCalls.SendAsync(leader, HttpMethod.Put, $"/api/v1/arrangements/{Arrangement10}/swap-policy", """{ "cleanSwapsWithoutApproval": false }""", null, Ct));
        var next = theirs.First(s => s.Date > theirs[0].Date.PlusDays(2));
        var nextId = (await OkAsync(await ApiCalls.PostAsync(assistant, "/api/v1/shift-swaps",
            JsonSerializer.Serialize(new { planId = Plan10, shiftKey = TimeSheet.PlanKey(next.TemplateId, next.Date), toAssistantId = Substitute }), Guid.NewGuid().ToString("N"), Ct), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        (await OkAsync(await ApiCalls.PostAsync(substitute, $"/api/v1/shift-swaps/{nextId}/accept", "{}", null, Ct))).GetProperty("state").GetString().ShouldBe("AwaitingApproval");
        using (var form = await SelvstyrtFactory.PostFormAsync(leader, $"/ordninger/{Arrangement10}/bytter", $"avslaa-{nextId:N}",
                   new Dictionary<string, string> { ["Reject.Reason"] = "Hun trengs på kurs den dagen" }))
            WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync(Ct)).ShouldContain("Byttet er avslått");
        At(await PlanAsync(factory), next).AssistantId.ShouldBe(Demo42);
        var mine = await assistant.GetFromJsonAsync<JsonElement>("/api/v1/shift-swaps", Ct);
        mine.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == nextId).GetProperty("closedReason").GetString().ShouldBe("Hun trengs på kurs den dagen");
    }
}
