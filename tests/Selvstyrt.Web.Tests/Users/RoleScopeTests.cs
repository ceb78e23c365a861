using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Domain.TimeSheets;
using Selvstyrt.Domain.Users;
using Selvstyrt.Testing;
using Selvstyrt.Web.Features.Notifications;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Users;

/// <summary>
/// Issue 16's three added roles on both engines: the union representative (tillitsvalgt) sees and discusses the plans of
/// the provider's own employees and reads the AML § 10-7 record, never a decision, a sheet or a phone number; the
/// recipient who does not lead reads their own arrangement, plan and hour account and changes nothing; and a deputy
/// leads in the period the work leader sets, and only then, with every step recorded.
/// </summary>
public sealed class RoleScopeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Guid Leader10 = DemoIds.For("arrangement:10");
    private static readonly Guid Plan10 = DemoIds.For("plan:10");

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json, string? key = null)
        => ApiCalls.PostAsync(client, path, json, key, Ct);

    private static async Task<Guid> IdOf(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

    private static async Task<string> FieldError(HttpResponseMessage response, string field)
        => (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty(field)[0].GetString()!;

    /// <summary>Invites someone new by e-mail, and lets them choose a password from the delivered mail; returns their signed-in client.</summary>
    private static async Task<HttpClient> InviteAndSignInAsync(SelvstyrtFactory factory, TestSmtpServer smtp, HttpClient inviter, string email, string name, string role, Guid? scope)
    {
        var scopePart = scope is { } id ? $$""", "scopeId": "{{id}}" """ : "";
        using var invited = await PostAsync(inviter, "/api/v1/invitations", $$"""{ "email": "{{email}}", "name": "{{name}}", "role": "{{role}}"{{scopePart}} }""", Guid.NewGuid().ToString());
        invited.StatusCode.ShouldBe(HttpStatusCode.Created);
        await factory.Services.GetRequiredService<MailSender>().DeliverDueAsync(Ct);
        var link = PasswordLinkMail.LinkIn(await smtp.WaitForAsync(email));
        (await SelvstyrtFactory.PostFormAsync(factory.CreateBrowserLikeClient(), link, "passord", PasswordLinkMail.Form(link, "et langt nok passord", "et langt nok passord")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await factory.SignedInClientAsync(email, "et langt nok passord");
    }

    [Theory, DatabaseData]
    public async Task UnionRepresentative_DiscussesTheProvidersPlans_ReadsWorkingTime_ButNeverADecisionSheetOrPhoneNumber(DatabaseKind db)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var factory = Hosts.Fresh(db, smtp.Settings());
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var union = await InviteAndSignInAsync(factory, smtp, admin, "tillitsvalgt@fagforbund.test", "Frida Fagforening", "UnionRepresentative", null);
        using var byCoordinator = await PostAsync(coordinator, "/api/v1/invitations", """{ "email": "enda.en@fagforbund.test", "name": "Enda En", "role": "UnionRepresentative" }""", Guid.NewGuid().ToString());
        byCoordinator.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "only the administrator gives provider-wide roles");

        // The work leader drafts next year's plan; the union representative finds it on the start page.
        using var draft = await PostAsync(leader, $"/api/v1/arrangements/{Leader10}/plans", """{ "name": "Turnus 2027", "rotationWeeks": 4, "startsOn": "2027-01-04" }""", Guid.NewGuid().ToString());
        draft.StatusCode.ShouldBe(HttpStatusCode.Created);
        var planId = await IdOf(draft);
        var home = System.Net.WebUtility.HtmlDecode(await Html.GetAsync(union, "/", Ct));
        home.ShouldContain("Arbeidsplaner til drøfting");
        home.ShouldContain("Turnus 2027");
        home.ShouldContain("ikke drøftet ennå");

        // AML § 10-3: the discussion is recorded once however often it is sent; bad input names its fields in Norwegian.
        var key = Guid.NewGuid().ToString();
        const string Discussion = """{ "on": "2026-11-20", "participants": "Tillitsvalgt i Fagforbundet og arbeidslederen", "note": "Ønsker kortere nattevakter i helgene." }""";
        using var first = await PostAsync(union, $"/api/v1/arrangements/{Leader10}/plans/{planId}/discussions", Discussion, key);
        using var retry = await PostAsync(union, $"/api/v1/arrangements/{Leader10}/plans/{planId}/discussions", Discussion, key);
        using var bad = await PostAsync(union, $"/api/v1/arrangements/{Leader10}/plans/{planId}/discussions", """{ "on": "2026-12-24", "participants": " " }""", Guid.NewGuid().ToString());
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await IdOf(retry)).ShouldBe(await IdOf(first));
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        errors.GetProperty("on")[0].GetString().ShouldBe("Drøftingen kan ikke være i fremtiden.");
        errors.GetProperty("participants")[0].GetString().ShouldBe("Skriv hvem som deltok i drøftingen.");
        var recorded = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Leader10}/plans/{planId}/discussions", Ct);
        recorded.GetArrayLength().ShouldBe(1);
        recorded[0].GetProperty("recordedBy").GetString().ShouldBe("Frida Fagforening");
        // The work leader's publish form offers the recorded date.
        (await Html.GetAsync(leader, $"/ordninger/{Leader10}/arbeidsplan/{planId}", Ct)).ShouldContain("value=\"2026-11-20\"");

        // Reads the plans, changes none of them.
        (await union.GetAsync($"/api/v1/arrangements/{Leader10}/plans/{Plan10}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var shift = await PostAsync(union, $"/api/v1/arrangements/{Leader10}/plans/{planId}/shifts", """{ "start": "08:00:00", "lengthMinutes": 480, "kind": "Day", "weeks": [1], "days": ["Monday"], "revision": 1 }""", Guid.NewGuid().ToString());
        shift.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await shift.Content.ReadAsStringAsync(Ct));

        // Never the recipient's decision or hour account, an assistant's time sheet, or their phone number.
        (await union.GetAsync($"/api/v1/arrangements/{Leader10}/decisions", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await union.GetAsync($"/api/v1/arrangements/{Leader10}/hour-account?year=2026", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var arrangements = await union.GetFromJsonAsync<JsonElement>("/api/v1/arrangements", Ct);
        arrangements.EnumerateArray().ShouldAllBe(a => a.GetProperty("hoursPerWeek").ValueKind == JsonValueKind.Null && !a.GetProperty("seesDecision").GetBoolean());
        arrangements.EnumerateArray().Select(a => a.GetProperty("employerModel").GetString()).Distinct().ShouldBe(["Provider"], "only where the provider employs");
        (await union.GetAsync($"/api/v1/arrangements/{DemoIds.For("arrangement:3")}/plans", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the recipient employs there");
        Guid sheet;
        using (var scope = factory.Services.CreateScope())
            sheet = await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().TimeSheets.Where(s => s.ArrangementId == Leader10).Select(s => s.Id).FirstAsync(Ct);
        (await union.GetAsync($"/api/v1/timesheets/{sheet}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var assistant = await union.GetFromJsonAsync<JsonElement>($"/api/v1/assistants/{DemoIds.For("assistant:42")}", Ct);
        assistant.GetProperty("phone").ValueKind.ShouldBe(JsonValueKind.Null);
        assistant.GetProperty("email").ValueKind.ShouldBe(JsonValueKind.Null);

        // AML-10-7-1: the working-time record is available to the union representatives.
        var record = System.Net.WebUtility.HtmlDecode(await Html.GetAsync(union, $"/arbeidstid/{DemoIds.For("assistant:42")}?fra=2026-10-01&til=2026-10-31", Ct));
        record.ShouldContain("Ordningen til Even");
    }

    [Theory, DatabaseData]
    public async Task Recipient_ReadsTheirOwnArrangementPlanAndHourAccount_ChangesNothing_UntilTheRoleIsTakenAway(DatabaseKind db)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var factory = Hosts.Fresh(db, smtp.Settings());
        var coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var arrangement = DemoIds.For("arrangement:5");
        var recipient = await InviteAndSignInAsync(factory, smtp, coordinator, "ella@familie.test", "Ella Brattli", "Recipient", arrangement);

        (await recipient.GetAsync($"/api/v1/arrangements/{arrangement}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await recipient.GetAsync($"/api/v1/arrangements/{arrangement}/plans/{DemoIds.For("plan:5")}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await recipient.GetAsync($"/api/v1/arrangements/{arrangement}/hour-account?year=2026", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await recipient.GetAsync($"/api/v1/arrangements/{arrangement}/decisions", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = System.Net.WebUtility.HtmlDecode(await Html.GetAsync(recipient, $"/ordninger/{arrangement}", Ct));
        page.ShouldContain("Ella Brattli – vedtakseier (lesetilgang)");
        page.ShouldNotContain($"/assistenter/{DemoIds.For("assistant:12")}", Case.Sensitive, "the assistants' own pages are not the recipient's");

        using var plan = await PostAsync(recipient, $"/api/v1/arrangements/{arrangement}/plans", """{ "name": "Min plan", "rotationWeeks": 1, "startsOn": "2027-01-04" }""", Guid.NewGuid().ToString());
        plan.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var discussion = await PostAsync(recipient, $"/api/v1/arrangements/{arrangement}/plans/{DemoIds.For("plan:5")}/discussions", """{ "on": "2026-11-20", "participants": "Ella" }""");
        discussion.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await recipient.GetAsync($"/api/v1/assistants/{DemoIds.For("assistant:12")}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await recipient.GetAsync($"/api/v1/arrangements/{DemoIds.For("arrangement:4")}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "only their own arrangement");

        Guid userId;
        using (var scope = factory.Services.CreateScope())
            userId = await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().Users.Where(u => u.Email == "ella@familie.test").Select(u => u.Id).SingleAsync(Ct);
        using var revoked = await PostAsync(coordinator, $"/api/v1/users/{userId}/revoke", $$"""{ "role": "Recipient", "scopeId": "{{arrangement}}" }""");
        revoked.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await recipient.GetAsync($"/api/v1/arrangements/{arrangement}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a revoked role stops access on the next request");
    }

    [Theory, DatabaseData]
    public async Task Deputy_LeadsInThePeriodTheWorkLeaderSets_PlansAndApproves_ThenStops_WithEveryStepRecorded(DatabaseKind db)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var factory = Hosts.Fresh(db, smtp.Settings());
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var west = await factory.SignedInClientAsync(DemoLogins.CoordinatorWest);
        var deputy = await InviteAndSignInAsync(factory, smtp, admin, "stedfortreder@familie.test", "Sverre Stand-In", "Deputy", Leader10);
        Guid deputyRole, leaderRole, deputyUser;
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            deputyUser = await data.Users.Where(u => u.Email == "stedfortreder@familie.test").Select(u => u.Id).SingleAsync(Ct);
            deputyRole = await data.ArrangementRoles.Where(r => r.ArrangementId == Leader10 && r.UserId == deputyUser).Select(r => r.Id).SingleAsync(Ct);
            leaderRole = await data.ArrangementRoles.Where(r => r.ArrangementId == Leader10 && r.Kind == Domain.Arrangements.ArrangementRoleKind.WorkLeader).Select(r => r.Id).FirstAsync(Ct);
        }
        var acting = $"/api/v1/arrangements/{Leader10}/acting-periods";
        const string NewPlan = """{ "name": "Julen", "rotationWeeks": 1, "startsOn": "2027-01-04" }""";

        // A deputy alone reads the arrangement but does not lead it.
        using (var before = await PostAsync(deputy, $"/api/v1/arrangements/{Leader10}/plans", NewPlan, Guid.NewGuid().ToString()))
            before.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // A later period changes nothing today; bad periods are named; others cannot set one.
        using var later = await PostAsync(leader, acting, $$"""{ "roleId": "{{deputyRole}}", "from": "2026-12-21", "to": "2027-01-03", "reason": "Juleferie" }""");
        using var laterAgain = await PostAsync(leader, acting, $$"""{ "roleId": "{{deputyRole}}", "from": "2026-12-21", "to": "2027-01-03", "reason": "Juleferie" }""");
        using var overlapping = await PostAsync(leader, acting, $$"""{ "roleId": "{{deputyRole}}", "from": "2026-12-30", "to": "2027-01-10" }""");
        using var notADeputy = await PostAsync(leader, acting, $$"""{ "roleId": "{{leaderRole}}", "from": "2026-11-23", "to": "2026-11-30" }""");
        using var noEnd = await PostAsync(leader, acting, $$"""{ "roleId": "{{deputyRole}}", "from": "2026-11-23" }""");
        using var byDeputy = await PostAsync(deputy, acting, $$"""{ "roleId": "{{deputyRole}}", "from": "2026-11-23", "to": "2026-11-30" }""");
        using var byOtherOffice = await PostAsync(west, acting, $$"""{ "roleId": "{{deputyRole}}", "from": "2026-11-23", "to": "2026-11-30" }""");
        later.StatusCode.ShouldBe(HttpStatusCode.Created);
        laterAgain.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await IdOf(laterAgain)).ShouldBe(await IdOf(later));
        (await FieldError(overlapping, "from")).ShouldContain("fungerer allerede som arbeidsleder");
        (await FieldError(notADeputy, "roleId")).ShouldBe("Velg en stedfortreder i ordningen.");
        (await FieldError(noEnd, "to")).ShouldContain("Til-dato må fylles ut");
        byDeputy.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        byOtherOffice.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using (var stillNot = await PostAsync(deputy, $"/api/v1/arrangements/{Leader10}/plans", NewPlan, Guid.NewGuid().ToString()))
            stillNot.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the period has not begun");

        // From the page: this week, while the work leader is ill.
        using var set = await SelvstyrtFactory.PostFormAsync(leader, $"/ordninger/{Leader10}/stedfortreder", "fungerende", new Dictionary<string, string>
        {
            ["Input.RoleId"] = deputyRole.ToString(), ["Input.From"] = "2026-11-23", ["Input.To"] = "2026-11-29", ["Input.Reason"] = "Sykdom",
        });
        System.Net.WebUtility.HtmlDecode(await set.Content.ReadAsStringAsync(Ct)).ShouldContain("Perioden er lagret, og stedfortrederen har fått beskjed.");
        await factory.Services.GetRequiredService<MailSender>().DeliverDueAsync(Ct);
        (await smtp.WaitForAsync("stedfortreder@familie.test", where: m => m.Subject!.Contains("Du er arbeidsleder for Ordningen til Even", StringComparison.Ordinal))).ShouldNotBeNull();
        System.Net.WebUtility.HtmlDecode(await Html.GetAsync(leader, $"/ordninger/{Leader10}", Ct)).ShouldContain("Sverre Stand-In – stedfortreder – fungerende arbeidsleder til og med 29. november 2026");

        // Now the deputy leads: makes a plan, and approves a sheet as «stedfortreder som fungerende arbeidsleder».
        using (var plans = await PostAsync(deputy, $"/api/v1/arrangements/{Leader10}/plans", NewPlan, Guid.NewGuid().ToString()))
            plans.StatusCode.ShouldBe(HttpStatusCode.Created);
        Guid sheet;
        using (var scope = factory.Services.CreateScope())
            sheet = await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().TimeSheets.Where(s => s.ArrangementId == Leader10 && s.State == SheetState.Submitted).Select(s => s.Id).FirstAsync(Ct);
        var revision = (await deputy.GetFromJsonAsync<JsonElement>($"/api/v1/timesheets/{sheet}", Ct)).GetProperty("revision").GetInt32();
        using (var approved = await PostAsync(deputy, $"/api/v1/timesheets/{sheet}/approve", $$"""{ "revision": {{revision}} }"""))
            approved.StatusCode.ShouldBe(HttpStatusCode.OK);

        // The work leader ends the period early from the page; the deputy stops leading at once.
        var periods = await leader.GetFromJsonAsync<JsonElement>(acting, Ct);
        var current = periods.GetProperty("periods").EnumerateArray().Single(p => p.GetProperty("activeToday").GetBoolean()).GetProperty("id").GetGuid();
        using var ended = await SelvstyrtFactory.PostFormAsync(leader, $"/ordninger/{Leader10}/stedfortreder", $"avslutt-{current:N}", new Dictionary<string, string>());
        System.Net.WebUtility.HtmlDecode(await ended.Content.ReadAsStringAsync(Ct)).ShouldContain("Perioden er avsluttet.");
        using (var after = await PostAsync(deputy, $"/api/v1/arrangements/{Leader10}/plans", NewPlan, Guid.NewGuid().ToString()))
            after.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the period ended");

        using var check = factory.Services.CreateScope();
        var db2 = check.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        (await db2.SheetTransitions.Where(t => t.SheetId == sheet).OrderByDescending(t => t.At).Select(t => t.Role).FirstAsync(Ct)).ShouldBe(SheetRole.ActingDeputy);
        var log = await db2.RoleChanges.Where(c => c.UserId == deputyUser && c.Role == RoleKind.ActingWorkLeader).OrderBy(c => c.At).ThenBy(c => c.Granted ? 0 : 1).ToListAsync(Ct);
        log.Select(c => c.Granted).ShouldBe([true, true, false], "two periods set, one ended");
        log.ShouldAllBe(c => c.ScopeId == Leader10);
        System.Net.WebUtility.HtmlDecode(await Html.GetAsync(admin, "/brukere/logg", Ct)).ShouldContain("Fikk rollen fungerende arbeidsleder");
    }
}
