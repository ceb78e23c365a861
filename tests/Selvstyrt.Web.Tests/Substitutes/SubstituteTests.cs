using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Data.Identity;
using Selvstyrt.Domain.Absences;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Testing;
using Selvstyrt.Web.Features.Substitutes;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Substitutes;

/// <summary>
/// «Finn vikar» on both engines (issue 17, part 5): after a sick report the vacancy is on the work leader's list; the
/// candidates are judged by the rules engine (never the absent assistant, and everyone left out with the reason); an offer
/// is made once however often it is sent; the substitute accepts from «Min plan» and the shift is theirs; of 50 accepts at
/// once exactly one wins; an open offer goes to the office's coordinator when it is due.
/// </summary>
public sealed class SubstituteTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Guid Arrangement10 = DemoIds.For("arrangement:10");
    private static readonly Guid Plan10 = DemoIds.For("plan:10");
    private static readonly Guid Demo42 = DemoIds.For("assistant:42");
    private static readonly Guid Substitute = DemoIds.For($"assistant:{DemoSeeder.DemoSubstituteIndex}");
    private static readonly DateTimeZone Zone = Selvstyrt.Web.Auth.CurrentUser.Zone;

    private static string Candidates(Guid deviation) => $"/api/v1/arrangements/{Arrangement10}/plans/{Plan10}/deviations/{deviation}/candidates";

    private static string OffersPath(Guid deviation) => $"/api/v1/arrangements/{Arrangement10}/plans/{Plan10}/deviations/{deviation}/offers";

    private static async Task<WorkPlan> Plan10Async(SelvstyrtFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().WorkPlans.Include(p => p.Shifts).Include(p => p.Deviations).AsSplitQuery().AsNoTracking().SingleAsync(p => p.Id == Plan10, Ct);
    }

    /// <summary>The demo assistant reports three days sick from their first shift after today; returns the vacancies it made.</summary>
    private static async Task<List<Guid>> ReportSickAsync(SelvstyrtFactory factory)
    {
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var tomorrow = new LocalDate(2026, 11, 24);
        var first = (await Plan10Async(factory)).RollOut(tomorrow, tomorrow.PlusDays(27), Zone).Where(s => s.AssistantId == Demo42 && s.Date >= tomorrow).Min(s => s.Date);
        using var reported = await ApiCalls.PostAsync(assistant, "/api/v1/absences",
            $$"""{ "kind": "SelfCertified", "from": "{{first:yyyy-MM-dd}}", "to": "{{first.PlusDays(2):yyyy-MM-dd}}" }""", Guid.NewGuid().ToString(), Ct);
        reported.StatusCode.ShouldBe(HttpStatusCode.Created, await reported.Content.ReadAsStringAsync(Ct));
        using var scope2 = factory.Services.CreateScope();
        return await scope2.ServiceProvider.GetRequiredService<SelvstyrtDb>().PlanDeviations
            .Where(d => d.PlanId == Plan10 && d.Kind == PlanDeviationKind.Vacant && d.AssistantId == null).OrderBy(d => d.Date).Select(d => d.Id).ToListAsync(Ct);
    }

    /// <summary>The first vacancy for which <paramref name="who"/> is a candidate who can be offered it, with its candidates.</summary>
    private static async Task<(Guid Deviation, JsonElement Candidates)> VacancyForAsync(HttpClient leader, IEnumerable<Guid> vacancies, Guid who)
    {
        foreach (var v in vacancies)
        {
            var found = await leader.GetFromJsonAsync<JsonElement>(Candidates(v), Ct);
            var list = found.GetProperty("candidates");
            if (list.EnumerateArray().Any(c => c.GetProperty("assistantId").GetGuid() == who && c.GetProperty("canBeOffered").GetBoolean())) return (v, list);
        }
        throw new InvalidOperationException("The demo substitute can lawfully take none of the vacancies.");
    }

    [Theory, DatabaseData]
    public async Task SickReport_TheLeaderOffersALawfulSubstitute_WhoAcceptsFromMyPlan_AndTheShiftIsTheirs(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var vacancies = await ReportSickAsync(factory);
        vacancies.Count.ShouldBeGreaterThan(0);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);

        var open = await leader.GetFromJsonAsync<JsonElement>("/api/v1/vacancies", Ct);
        open.EnumerateArray().Select(v => v.GetProperty("deviationId").GetGuid()).ShouldBe(vacancies, ignoreOrder: true);
        (await Html.GetAsync(leader, "/", Ct)).ShouldContain($"/ledig/{vacancies[0]}");

        var (deviation, candidates) = await VacancyForAsync(leader, vacancies, Substitute);
        var all = candidates.EnumerateArray().ToList();
        all.ShouldNotContain(c => c.GetProperty("assistantId").GetGuid() == Demo42, "never the absent assistant");
        foreach (var left in all.Where(c => !c.GetProperty("lawful").GetBoolean()))
            left.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace("whoever is left out is told why");
        foreach (var c in all.Where(c => c.GetProperty("lawful").GetBoolean()))
            c.GetProperty("breaches").GetArrayLength().ShouldBe(0);
        var ranks = all.Select(c => c.GetProperty("lawful").GetBoolean()).ToList();
        ranks.ShouldBe(ranks.OrderByDescending(x => x).ToList(), "the lawful come first");

        // Offering to someone left out or without a sign-in is refused with the field named.
        var noSignIn = all.FirstOrDefault(c => c.GetProperty("lawful").GetBoolean() && !c.GetProperty("canBeOffered").GetBoolean());
        if (noSignIn.ValueKind == JsonValueKind.Object)
        {
            using var refused = await ApiCalls.PostAsync(leader, OffersPath(deviation), JsonSerializer.Serialize(new { assistantIds = new[] { noSignIn.GetProperty("assistantId").GetGuid() } }), Guid.NewGuid().ToString(), Ct);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("assistantIds")[0].GetString()!.ShouldContain("ingen innlogging");
        }
        using (var absent = await ApiCalls.PostAsync(leader, OffersPath(deviation), JsonSerializer.Serialize(new { assistantIds = new[] { Demo42 } }), Guid.NewGuid().ToString(), Ct))
            (await absent.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("assistantIds")[0].GetString()!.ShouldContain("ikke plass i ordningen");

        // The offer, sent twice with one key: one offer, one notice and one mail to the substitute.
        var key = Guid.NewGuid().ToString();
        var body = JsonSerializer.Serialize(new { assistantIds = new[] { Substitute }, escalateHoursBefore = 12 });
        using var offered = await ApiCalls.PostAsync(leader, OffersPath(deviation), body, key, Ct);
        using var again = await ApiCalls.PostAsync(leader, OffersPath(deviation), body, key, Ct);
        offered.StatusCode.ShouldBe(HttpStatusCode.Created, await offered.Content.ReadAsStringAsync(Ct));
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var offerId = (await offered.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid().ShouldBe(offerId);
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            (await data.ShiftOffers.CountAsync(o => o.DeviationId == deviation, Ct)).ShouldBe(1);
            var substituteUser = await data.Users.Where(u => u.Email == DemoLogins.Substitute).Select(u => u.Id).SingleAsync(Ct);
            (await data.Notifications.CountAsync(n => n.UserId == substituteUser && n.Kind == "vakt-tilbud", Ct)).ShouldBe(1);
            (await data.OutboxMessages.CountAsync(m => m.UserId == substituteUser, Ct)).ShouldBe(1);
        }

        // Only those asked can answer; the substitute sees it in «Min plan» and takes it there.
        var colleague = await factory.SignedInClientAsync(DemoLogins.Assistant);
        (await ApiCalls.PostAsync(colleague, $"/api/v1/shift-offers/{offerId}/accept", "{}", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var substitute = await factory.SignedInClientAsync(DemoLogins.Substitute);
        (await substitute.GetFromJsonAsync<JsonElement>("/api/v1/shift-offers", Ct)).EnumerateArray().Select(o => o.GetProperty("offerId").GetGuid()).ShouldBe([offerId]);
        var myPlan = await Html.GetAsync(substitute, "/min-plan", Ct);
        myPlan.ShouldContain("Tilbud om vakter");
        using (var accepted = await SelvstyrtFactory.PostFormAsync(substitute, "/min-plan", $"ja-{offerId:N}", new Dictionary<string, string>()))
            System.Net.WebUtility.HtmlDecode(await accepted.Content.ReadAsStringAsync(Ct)).ShouldContain("Vakten er din.");
        using (var twice = await ApiCalls.PostAsync(substitute, $"/api/v1/shift-offers/{offerId}/accept", "{}", null, Ct))
        {
            twice.StatusCode.ShouldBe(HttpStatusCode.OK, "accepting again after winning is the same answer");
            (await twice.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("alreadyYours").GetBoolean().ShouldBeTrue();
        }

        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            (await data.PlanDeviations.SingleAsync(d => d.Id == deviation, Ct)).AssistantId.ShouldBe(Substitute);
            var offer = await data.ShiftOffers.Include(o => o.Recipients).SingleAsync(o => o.Id == offerId, Ct);
            offer.State.ShouldBe(ShiftOfferState.Taken);
            offer.Recipients.Single().Answered.ShouldBe(ShiftOfferAnswer.Accepted);
            var leaderUser = await data.Users.Where(u => u.Email == DemoLogins.WorkLeader).Select(u => u.Id).SingleAsync(Ct);
            (await data.Notifications.CountAsync(n => n.UserId == leaderUser && n.Kind == "vakt-tatt", Ct)).ShouldBe(1);
        }
        (await leader.GetFromJsonAsync<JsonElement>("/api/v1/vacancies", Ct)).EnumerateArray().Select(v => v.GetProperty("deviationId").GetGuid()).ShouldNotContain(deviation);
        var history = System.Net.WebUtility.HtmlDecode(await Html.GetAsync(leader, $"/ordninger/{Arrangement10}/arbeidsplan/{Plan10}/ledig/{deviation}", Ct));
        history.ShouldContain("Vakten er ikke ledig lenger");
        history.ShouldContain("sa ja");

        // The union representative and another office's coordinator cannot search or offer.
        var union = await factory.SignedInClientAsync(DemoLogins.UnionRepresentative);
        (await union.GetAsync(Candidates(vacancies[^1]), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var west = await factory.SignedInClientAsync(DemoLogins.CoordinatorWest);
        (await west.GetAsync(Candidates(vacancies[^1]), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, DatabaseData]
    public async Task FiftyAcceptsAtOnce_GiveExactlyOneWinner_AndTheOthersAreTold(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var vacancies = await ReportSickAsync(factory);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var (deviation, candidates) = await VacancyForAsync(leader, vacancies, Substitute);
        // Sign-ins for up to four more lawful candidates, so that five people race for the shift.
        var racers = candidates.EnumerateArray().Where(c => c.GetProperty("lawful").GetBoolean()).Select(c => c.GetProperty("assistantId").GetGuid())
            .Where(a => a != Substitute).Take(4).ToList();
        var logins = new Dictionary<Guid, string> { [Substitute] = DemoLogins.Substitute };
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            foreach (var a in racers)
            {
                var email = $"vikar-{a:N}@eksempel.no";
                var user = new AppUser { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
                (await users.CreateAsync(user, DemoLogins.Password)).Succeeded.ShouldBeTrue();
                (await data.Assistants.SingleAsync(x => x.Id == a, Ct)).LinkUser(user.Id).IsSuccess.ShouldBeTrue();
                logins[a] = email;
            }
            await data.SaveChangesAsync(Ct);
        }
        logins.Count.ShouldBeGreaterThanOrEqualTo(2, "the 24/7 arrangement has several lawful candidates");
        using (var offered = await ApiCalls.PostAsync(leader, OffersPath(deviation), JsonSerializer.Serialize(new { assistantIds = logins.Keys }), Guid.NewGuid().ToString(), Ct))
            offered.StatusCode.ShouldBe(HttpStatusCode.Created, await offered.Content.ReadAsStringAsync(Ct));
        Guid offerId;
        using (var scope = factory.Services.CreateScope())
            offerId = await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().ShiftOffers.Where(o => o.DeviationId == deviation).Select(o => o.Id).SingleAsync(Ct);

        var clients = new List<(Guid Assistant, HttpClient Client, JsonElement Token)>();
        foreach (var (assistant, email) in logins)
        {
            var client = await factory.SignedInClientAsync(email);
            clients.Add((assistant, client, await client.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery", Ct)));
        }
        var attempts = Enumerable.Range(0, 50).Select(i => clients[i % clients.Count]).ToList();
        var answers = await Task.WhenAll(attempts.Select(async c =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/shift-offers/{offerId}/accept") { Content = JsonContent.Create(new { }) };
            request.Headers.Add(c.Token.GetProperty("headerName").GetString()!, c.Token.GetProperty("token").GetString());
            using var response = await c.Client.SendAsync(request, Ct);
            return (c.Assistant, response.StatusCode, Body: await response.Content.ReadAsStringAsync(Ct));
        }));

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK || a.StatusCode == HttpStatusCode.Conflict);
        var winners = answers.Where(a => a.StatusCode == HttpStatusCode.OK).Select(a => a.Assistant).Distinct().ToList();
        winners.Count.ShouldBe(1, string.Join("\n", answers.Select(a => $"{a.Assistant}: {(int)a.StatusCode} {a.Body}")));
        answers.Where(a => a.StatusCode == HttpStatusCode.Conflict).ShouldAllBe(a => a.Assistant != winners[0]);
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            (await data.PlanDeviations.SingleAsync(d => d.Id == deviation, Ct)).AssistantId.ShouldBe(winners[0]);
            var offer = await data.ShiftOffers.Include(o => o.Recipients).SingleAsync(o => o.Id == offerId, Ct);
            offer.TakenBy.ShouldBe(winners[0]);
            offer.Recipients.Count(r => r.Answered == ShiftOfferAnswer.Accepted).ShouldBe(1);
            offer.Recipients.Where(r => r.AssistantId != winners[0]).ShouldAllBe(r => r.Answered == ShiftOfferAnswer.Closed);
            (await data.PlanChanges.CountAsync(c => c.PlanId == Plan10 && c.Description.Contains("tatt av en vikar"), Ct)).ShouldBe(1, "the shift was given once");
            var losers = logins.Where(l => l.Key != winners[0]).Select(l => l.Value).ToList();
            (await data.Notifications.CountAsync(n => n.Kind == "vakt-tilbud-tatt" && data.Users.Any(u => u.Id == n.UserId && losers.Contains(u.Email!)), Ct)).ShouldBe(losers.Count);
        }
    }

    [Theory, DatabaseData]
    public async Task AnOpenOffer_GoesToTheOfficesCoordinator_WhenDue_AndCanBeWithdrawn(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var vacancies = await ReportSickAsync(factory);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var (deviation, _) = await VacancyForAsync(leader, vacancies, Substitute);
        using var offered = await ApiCalls.PostAsync(leader, OffersPath(deviation), JsonSerializer.Serialize(new { assistantIds = new[] { Substitute }, escalateHoursBefore = 168 }), Guid.NewGuid().ToString(), Ct);
        var offerId = (await offered.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        ShiftOffer stored;
        using (var scope = factory.Services.CreateScope())
            stored = await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().ShiftOffers.AsNoTracking().SingleAsync(o => o.Id == offerId, Ct);
        async Task<int> EscalateAsync(Instant at)
        {
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ShiftOffers>().EscalateDueAsync(at, Ct);
        }
        (await EscalateAsync(stored.EscalateAt - Duration.FromMinutes(1))).ShouldBe(0, "not before it is due");
        (await EscalateAsync(stored.EscalateAt)).ShouldBe(1);
        (await EscalateAsync(stored.EscalateAt + Duration.FromMinutes(5))).ShouldBe(0, "once");
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            var east = await data.Users.Where(u => u.Email == DemoLogins.CoordinatorEast).Select(u => u.Id).SingleAsync(Ct);
            var west = await data.Users.Where(u => u.Email == DemoLogins.CoordinatorWest).Select(u => u.Id).SingleAsync(Ct);
            (await data.Notifications.SingleAsync(n => n.UserId == east && n.Kind == "vakt-eskalert", Ct)).Link.ShouldEndWith($"/ledig/{deviation}");
            (await data.Notifications.CountAsync(n => n.UserId == west && n.Kind == "vakt-eskalert", Ct)).ShouldBe(0, "only the arrangement's office");
        }
        var coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var row = (await coordinator.GetFromJsonAsync<JsonElement>("/api/v1/vacancies", Ct)).EnumerateArray().Single(v => v.GetProperty("deviationId").GetGuid() == deviation);
        row.GetProperty("escalated").GetBoolean().ShouldBeTrue();

        using (var withdrawn = await ApiCalls.PostAsync(coordinator, $"/api/v1/arrangements/{Arrangement10}/shift-offers/{offerId}/withdraw", "{}", null, Ct))
            withdrawn.StatusCode.ShouldBe(HttpStatusCode.OK, await withdrawn.Content.ReadAsStringAsync(Ct));
        var substitute = await factory.SignedInClientAsync(DemoLogins.Substitute);
        (await substitute.GetFromJsonAsync<JsonElement>("/api/v1/shift-offers", Ct)).GetArrayLength().ShouldBe(0);
        using var late = await ApiCalls.PostAsync(substitute, $"/api/v1/shift-offers/{offerId}/accept", "{}", null, Ct);
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await late.Content.ReadAsStringAsync(Ct)).ShouldContain("trukket tilbake");
    }
    [Theory, DatabaseData]
    public async Task TheHourAccount_CountsAVacantShiftOnlyWhenASubstituteTakesIt(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        async Task<decimal> ForecastAsync() => (await leader.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Arrangement10}/hour-account", Ct))
            .GetProperty("current").EnumerateArray().Single(p => p.GetProperty("kind").GetString() == "Year").GetProperty("forecast").GetDecimal();
        var before = await ForecastAsync();

        var vacancies = await ReportSickAsync(factory);
        var (deviation, _) = await VacancyForAsync(leader, vacancies, Substitute);
        static decimal Hours(WorkPlan plan, PlanDeviation d)
        {
            var shift = plan.RollOut(d.Date, d.Date, Zone).Single(s => s.DeviationId == d.Id);
            return (decimal)(shift.End - shift.Start).TotalHours;
        }
        var vacant = await Plan10Async(factory);
        var hours = vacant.Deviations.Where(d => vacancies.Contains(d.Id)).Sum(d => Hours(vacant, d));
        hours.ShouldBeGreaterThan(0m);
        (await ForecastAsync()).ShouldBe(before - hours, "the gaps are not used hours while nobody fills them");

        using (var offered = await ApiCalls.PostAsync(leader, OffersPath(deviation), JsonSerializer.Serialize(new { assistantIds = new[] { Substitute } }), Guid.NewGuid().ToString(), Ct))
            offered.StatusCode.ShouldBe(HttpStatusCode.Created);
        var substitute = await factory.SignedInClientAsync(DemoLogins.Substitute);
        var offerId = (await substitute.GetFromJsonAsync<JsonElement>("/api/v1/shift-offers", Ct))[0].GetProperty("offerId").GetGuid();
        using (var accepted = await ApiCalls.PostAsync(substitute, $"/api/v1/shift-offers/{offerId}/accept", "{}", null, Ct))
            accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var filled = await Plan10Async(factory);
        var d = filled.Deviations.Single(x => x.Id == deviation);
        d.AssistantId.ShouldBe(Substitute);
        var taken = Hours(filled, d);
        (await ForecastAsync()).ShouldBe(before - hours + taken, "the shift the substitute took counts again");
    }
    [Theory, DatabaseData]
    public async Task EveryoneSayingNo_TellsTheLeader_AndGivingTheShiftDirectlyClosesTheOffer(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var vacancies = await ReportSickAsync(factory);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var (deviation, candidates) = await VacancyForAsync(leader, vacancies, Substitute);
        using (var offered = await ApiCalls.PostAsync(leader, OffersPath(deviation), JsonSerializer.Serialize(new { assistantIds = new[] { Substitute } }), Guid.NewGuid().ToString(), Ct))
            offered.StatusCode.ShouldBe(HttpStatusCode.Created);
        var substitute = await factory.SignedInClientAsync(DemoLogins.Substitute);
        var offerId = (await substitute.GetFromJsonAsync<JsonElement>("/api/v1/shift-offers", Ct))[0].GetProperty("offerId").GetGuid();
        using (var no = await ApiCalls.PostAsync(substitute, $"/api/v1/shift-offers/{offerId}/decline", "{}", null, Ct))
        {
            no.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await no.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("everyoneDeclined").GetBoolean().ShouldBeTrue();
        }
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            var leaderId = await data.Users.Where(u => u.Email == DemoLogins.WorkLeader).Select(u => u.Id).SingleAsync(Ct);
            (await data.Notifications.CountAsync(n => n.UserId == leaderId && n.Kind == "vakt-tilbud-nei", Ct)).ShouldBe(1);
        }

        // A lawful colleague without a sign-in is given the shift on «Finn vikar»: the offer still open closes.
        var direct = candidates.EnumerateArray().First(c => c.GetProperty("lawful").GetBoolean() && !c.GetProperty("canBeOffered").GetBoolean()).GetProperty("assistantId").GetGuid();
        var page = $"/ordninger/{Arrangement10}/arbeidsplan/{Plan10}/ledig/{deviation}";
        var revision = (await Plan10Async(factory)).Revision;
        using (var given = await SelvstyrtFactory.PostFormAsync(leader, page, "vikar", new Dictionary<string, string> { ["Input.Give"] = direct.ToString(), ["Input.Revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            System.Net.WebUtility.HtmlDecode(await given.Content.ReadAsStringAsync(Ct)).ShouldContain("Vakten er gitt.");
        (await Plan10Async(factory)).Deviations.Single(d => d.Id == deviation).AssistantId.ShouldBe(direct);
        using var scope2 = factory.Services.CreateScope();
        var offer = await scope2.ServiceProvider.GetRequiredService<SelvstyrtDb>().ShiftOffers.AsNoTracking().SingleAsync(o => o.Id == offerId, Ct);
        offer.State.ShouldBe(ShiftOfferState.Lapsed);
        offer.ClosedReason.ShouldBe("vakten er gitt til en annen");
    }
    [Theory, DatabaseData]
    public async Task ACancelledAbsence_ClosesTheOpenOffer_AndTellsThoseAsked(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var vacancies = await ReportSickAsync(factory);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var (deviation, _) = await VacancyForAsync(leader, vacancies, Substitute);
        using (var offered = await ApiCalls.PostAsync(leader, OffersPath(deviation), JsonSerializer.Serialize(new { assistantIds = new[] { Substitute } }), Guid.NewGuid().ToString(), Ct))
            offered.StatusCode.ShouldBe(HttpStatusCode.Created);

        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var absenceId = (await assistant.GetFromJsonAsync<JsonElement>("/api/v1/absences", Ct))[0].GetProperty("absences")[0].GetProperty("id").GetGuid();
        using (var cancelled = await ApiCalls.PostAsync(assistant, $"/api/v1/absences/{absenceId}/cancel", "{}", null, Ct))
            cancelled.StatusCode.ShouldBe(HttpStatusCode.OK);

        var substitute = await factory.SignedInClientAsync(DemoLogins.Substitute);
        (await substitute.GetFromJsonAsync<JsonElement>("/api/v1/shift-offers", Ct)).GetArrayLength().ShouldBe(0, "nothing is offered any more");
        using var scope = factory.Services.CreateScope();
        var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        var offer = await data.ShiftOffers.AsNoTracking().SingleAsync(o => o.DeviationId == deviation, Ct);
        offer.State.ShouldBe(ShiftOfferState.Lapsed);
        offer.ClosedReason.ShouldBe("assistenten er tilbake");
        var substituteUser = await data.Users.Where(u => u.Email == DemoLogins.Substitute).Select(u => u.Id).SingleAsync(Ct);
        (await data.Notifications.CountAsync(n => n.UserId == substituteUser && n.Kind == "vakt-tilbud-trukket", Ct)).ShouldBe(1);
    }

    [Theory, DatabaseData]
    public async Task TheOfficesSubstitutePool_IsSearchedToo_AndOneGivenAShift_GetsAPlaceThatDay(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        // The assistants of the same office (Øst) with an employment and no place in the arrangement, and one of Vest.
        List<Guid> easts;
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            var office = await data.Arrangements.Where(a => a.Id == Arrangement10).Select(a => a.OfficeId).SingleAsync(Ct);
            var placed = await data.Assignments.Where(s => s.ArrangementId == Arrangement10).Select(s => s.AssistantId).ToListAsync(Ct);
            easts = (await data.Assistants.Include(a => a.Employments).Where(a => a.OfficeId == office && !placed.Contains(a.Id)).ToListAsync(Ct))
                .Where(a => a.EmploymentOn(new LocalDate(2026, 11, 24)) is not null).Select(a => a.Id).ToList();
        }
        easts.ShouldNotBeEmpty();
        var west = DemoIds.For("assistant:20");
        var coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var westCoordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorWest);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        string Pool(Guid who) => $"/api/v1/assistants/{who}/substitute-pool";
        (await ApiCalls.SendAsync(westCoordinator, HttpMethod.Put, Pool(easts[0]), """{ "inPool": true }""", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "not their office");
        using (var missing = await ApiCalls.SendAsync(coordinator, HttpMethod.Put, Pool(easts[0]), "{}", null, Ct))
        {
            missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await missing.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("inPool")[0].GetString()!.ShouldContain("vikarpoolen");
        }
        foreach (var e in easts) (await ApiCalls.SendAsync(coordinator, HttpMethod.Put, Pool(e), """{ "inPool": true }""", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ApiCalls.SendAsync(admin, HttpMethod.Put, Pool(west), """{ "inPool": true }""", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        System.Net.WebUtility.HtmlDecode(await Html.GetAsync(coordinator, $"/assistenter/{easts[0]}", Ct)).ShouldContain("I kontorets vikarpool");

        var vacancies = await ReportSickAsync(factory);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        (Guid Deviation, Guid Assistant)? given = null;
        foreach (var v in vacancies)
        {
            var list = (await leader.GetFromJsonAsync<JsonElement>(Candidates(v), Ct)).GetProperty("candidates").EnumerateArray().ToList();
            list.ShouldNotContain(c => c.GetProperty("assistantId").GetGuid() == west, "another office's pool is not this arrangement's");
            var pooled = list.Where(c => easts.Contains(c.GetProperty("assistantId").GetGuid())).ToList();
            pooled.Count.ShouldBe(easts.Count, "the whole pool of the office is judged");
            pooled.ShouldAllBe(c => c.GetProperty("fromPool").GetBoolean() && !c.GetProperty("known").GetBoolean());
            list.Where(c => !easts.Contains(c.GetProperty("assistantId").GetGuid())).ShouldAllBe(c => !c.GetProperty("fromPool").GetBoolean());
            foreach (var c in pooled.Where(c => !c.GetProperty("lawful").GetBoolean())) c.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace();
            if (given is null && pooled.FirstOrDefault(c => c.GetProperty("lawful").GetBoolean()) is { ValueKind: JsonValueKind.Object } lawful)
                given = (v, lawful.GetProperty("assistantId").GetGuid());
        }
        given.ShouldNotBeNull("someone of the office's pool can lawfully take one of the vacant shifts");
        var (deviationId, east) = given.Value;

        var revision = (await leader.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Arrangement10}/plans/{Plan10}", Ct)).GetProperty("revision").GetInt32();
        using (var filled = await ApiCalls.PostAsync(leader, $"/api/v1/arrangements/{Arrangement10}/plans/{Plan10}/deviations/{deviationId}/fill",
                   JsonSerializer.Serialize(new { assistantId = east, revision }), null, Ct))
            filled.StatusCode.ShouldBe(HttpStatusCode.OK, await filled.Content.ReadAsStringAsync(Ct));
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            var deviation = await data.PlanDeviations.SingleAsync(d => d.Id == deviationId, Ct);
            deviation.AssistantId.ShouldBe(east);
            var place = await data.Assignments.SingleAsync(s => s.ArrangementId == Arrangement10 && s.AssistantId == east, Ct);
            (place.From, place.To).ShouldBe((deviation.Date, (LocalDate?)deviation.Date), "a place for that day only");
        }

        // Out of the pool: no longer searched (the day's place stays with the shift they took).
        (await ApiCalls.SendAsync(coordinator, HttpMethod.Put, Pool(east), """{ "inPool": false }""", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var other in vacancies.Where(v => v != deviationId))
            (await leader.GetFromJsonAsync<JsonElement>(Candidates(other), Ct)).GetProperty("candidates").EnumerateArray()
                .ShouldNotContain(c => c.GetProperty("assistantId").GetGuid() == east && c.GetProperty("fromPool").GetBoolean());
    }
}
