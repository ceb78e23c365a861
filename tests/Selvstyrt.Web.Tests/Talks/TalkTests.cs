using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Web.Features.Talks;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Talks;

/// <summary>
/// Issue 19, parts 4 and 5 on both engines, from the demo (Even's 24/7 arrangement and the demo assistant): an appraisal talk is
/// planned once per key, each side's preparation stays its own until shared, the work leader writes the minutes, both accept
/// them and they are then fixed; the yearly talk is reminded; a work leader asks the employer for help and the office's
/// coordinator answers; nobody else reads either.
/// </summary>
public sealed class TalkTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Guid Arrangement = DemoIds.For("arrangement:10");
    private static readonly Guid Demo42 = DemoIds.For("assistant:42");

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(expected, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Task<HttpResponseMessage> Put(HttpClient client, string path, object body) => ApiCalls.SendAsync(client, HttpMethod.Put, path, JsonSerializer.Serialize(body), null, Ct);

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, object body, string? key = null) => ApiCalls.PostAsync(client, path, JsonSerializer.Serialize(body), key, Ct);

    [Theory, DatabaseData]
    public async Task AnAppraisalTalk_IsPreparedByEachSide_HeldWithMinutes_AndFixedOnceBothAccept(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var talks = $"/api/v1/arrangements/{Arrangement}/talks";

        // Planned once per key; the subject is required for a conflict talk; only someone with a place in the arrangement.
        var key = Guid.NewGuid().ToString();
        var id = (await OkAsync(await Post(leader, talks, new { assistantId = Demo42, kind = "appraisal", plannedOn = "2026-12-10" }, key), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        (await OkAsync(await Post(leader, talks, new { assistantId = Demo42, kind = "appraisal", plannedOn = "2026-12-10" }, key))).GetProperty("id").GetGuid().ShouldBe(id);
        (await ApiCalls.ErrorsAsync(await Post(leader, talks, new { assistantId = Demo42, kind = "conflict", plannedOn = "2026-12-01" }), Ct))
            .GetProperty("subject")[0].GetString()!.ShouldBe("Skriv hva samtalen skal handle om.");
        (await ApiCalls.ErrorsAsync(await Post(leader, talks, new { assistantId = DemoIds.For("assistant:20"), kind = "followUp", plannedOn = "2026-12-01", subject = "Vaktbytter" }), Ct))
            .GetProperty("assistantId")[0].GetString()!.ShouldContain("arbeider i ordningen");

        // The assistant prepares without sharing: the leader does not see it; an unknown topic is named.
        var talk = $"/api/v1/talks/{id}";
        await OkAsync(await Put(assistant, $"{talk}/preparation",
            new { topics = new { training = new { notes = "Vil lære respirator", goal = "Kurs før sommeren" } }, share = false }));
        (await ApiCalls.ErrorsAsync(await Put(assistant, $"{talk}/preparation", new { topics = new { lonn = new { notes = "x" } } }), Ct))
            .GetProperty("topics.lonn")[0].GetString()!.ShouldContain("ikke et tema");
        var seen = await leader.GetFromJsonAsync<JsonElement>(talk, Ct);
        seen.GetProperty("yourSide").GetString().ShouldBe("Leader");
        seen.GetProperty("theirPreparation").ValueKind.ShouldBe(JsonValueKind.Null);
        var own = await assistant.GetFromJsonAsync<JsonElement>(talk, Ct);
        own.GetProperty("yourPreparation")[0].GetProperty("notes").GetString().ShouldBe("Vil lære respirator");

        // Nothing to accept before the minutes; the assistant does not write them.
        (await Post(leader, $"{talk}/accept", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var minutes = new { heldOn = "2026-11-23", present = "Even (arbeidsleder), Sofie (assistent)", minutes = "Vi snakket om nattevaktene og opplæringen.", agreed = "Respiratorkurs innen juni." };
        (await Put(assistant, $"{talk}/minutes", minutes)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Shared: now the leader reads it.
        await OkAsync(await Put(assistant, $"{talk}/preparation",
            new { topics = new { training = new { notes = "Vil lære respirator", goal = "Kurs før sommeren" } }, share = true }));
        (await leader.GetFromJsonAsync<JsonElement>(talk, Ct)).GetProperty("theirPreparation")[0].GetProperty("goal").GetString().ShouldBe("Kurs før sommeren");

        // A minute in the future is refused naming the field; the real ones are saved and held.
        (await ApiCalls.ErrorsAsync(await Put(leader, $"{talk}/minutes", minutes with { heldOn = "2026-11-30" }), Ct)).GetProperty("heldOn")[0].GetString()!.ShouldContain("fram i tid");
        await OkAsync(await Put(leader, $"{talk}/minutes", minutes));
        (await leader.GetFromJsonAsync<JsonElement>(talk, Ct)).GetProperty("status").GetString().ShouldBe("Held");

        // Both accept (the assistant with a remark): the minutes are fixed.
        await OkAsync(await ApiCalls.PostAsync(leader, $"{talk}/accept", "", null, Ct));
        await OkAsync(await Post(assistant, $"{talk}/accept", new { comment = "Kurset må være i arbeidstiden." }));
        var done = await assistant.GetFromJsonAsync<JsonElement>(talk, Ct);
        done.GetProperty("status").GetString().ShouldBe("Accepted");
        done.GetProperty("assistantComment").GetString().ShouldBe("Kurset må være i arbeidstiden.");
        (await Put(leader, $"{talk}/minutes", minutes with { minutes = "Endret i ettertid." })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // The next one is due a year after this one; the assistant lists it among their own.
        var overview = await leader.GetFromJsonAsync<JsonElement>(talks, Ct);
        var due = overview.GetProperty("due").EnumerateArray().Single(d => d.GetProperty("assistantId").GetGuid() == Demo42);
        due.GetProperty("appraisalDue").GetString().ShouldBe("2027-11-23");
        (await assistant.GetFromJsonAsync<JsonElement>("/api/v1/talks/mine", Ct)).GetProperty("talks").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ShouldContain(id);

        // The assistant's page shows the minutes and their acceptance.
        var page = await Html.GetAsync(assistant, $"/samtaler/{id}", Ct);
        page.ShouldContain("Respiratorkurs innen juni.");
        page.ShouldContain("Kurset må være i arbeidstiden.");

        // Nobody else finds it: the union representative, the other office's coordinator, the case worker, a colleague.
        foreach (var who in new[] { DemoLogins.UnionRepresentative, DemoLogins.CoordinatorWest, DemoLogins.CaseWorkerOslo, DemoLogins.Substitute })
            (await (await factory.SignedInClientAsync(who)).GetAsync(talk, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, who);
    }

    [Theory, DatabaseData]
    public async Task TheYearlyTalkIsReminded_AndAWorkLeadersRequestIsAnsweredByTheEmployer(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        using var scope = factory.Services.CreateScope();
        var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        async Task<Guid> UserAsync(string email) => await data.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);

        // Last year's appraisal with the demo assistant was held 8 December 2025: the next is due 8 December, told once to the leader.
        var reminders = scope.ServiceProvider.GetRequiredService<TalkReminders>();
        var now = factory.Clock.GetCurrentInstant();
        (await reminders.RecordAsync(now, Ct)).ShouldBeGreaterThan(0);
        (await reminders.RecordAsync(now, Ct)).ShouldBe(0, "told once");
        var even = await UserAsync(DemoLogins.WorkLeader);
        var told = await data.Notifications.AsNoTracking().Where(n => n.UserId == even && n.Kind == "samtale").Select(n => n.Subject).ToListAsync(Ct);
        told.ShouldContain(s => s.StartsWith("Medarbeidersamtale med", StringComparison.Ordinal) && s.EndsWith("innen 8.12.2026", StringComparison.Ordinal));

        // The leader asks the employer to end an employment: the assistant is required; a retry is one request.
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var requests = $"/api/v1/arrangements/{Arrangement}/employer-requests";
        (await ApiCalls.ErrorsAsync(await Post(leader, requests, new { kind = "endEmployment", text = "Vi har prøvd lenge." }), Ct))
            .GetProperty("assistantId")[0].GetString()!.ShouldBe("Velg assistenten arbeidsforholdet gjelder.");
        (await ApiCalls.ErrorsAsync(await Post(leader, requests, new { kind = "help", text = "" }), Ct)).GetProperty("text")[0].GetString()!.ShouldBe("Skriv hva du trenger hjelp til.");
        var key = Guid.NewGuid().ToString();
        var body = new { kind = "help", assistantId = Demo42, text = "Vi er uenige om vaktbytter. Kan dere være med på en samtale?" };
        var id = (await OkAsync(await Post(leader, requests, body, key), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await OkAsync(await Post(leader, requests, body, key))).GetProperty("id").GetGuid().ShouldBe(id);

        // The office's coordinator is told and sees it unanswered; the other office's does not see it; the leader cannot answer.
        var coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var east = await UserAsync(DemoLogins.CoordinatorEast);
        (await data.Notifications.AsNoTracking().CountAsync(n => n.UserId == east && n.Kind == "henvendelse", Ct)).ShouldBe(1);
        var open = (await coordinator.GetFromJsonAsync<JsonElement>("/api/v1/employer-requests", Ct)).GetProperty("requests").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
        open.GetProperty("answer").ValueKind.ShouldBe(JsonValueKind.Null);
        (await (await factory.SignedInClientAsync(DemoLogins.CoordinatorWest)).GetFromJsonAsync<JsonElement>("/api/v1/employer-requests", Ct))
            .GetProperty("requests").EnumerateArray().ShouldNotContain(r => r.GetProperty("id").GetGuid() == id);
        (await Post(leader, $"/api/v1/employer-requests/{id}/answer", new { answer = "Ja." })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ApiCalls.ErrorsAsync(await Post(coordinator, $"/api/v1/employer-requests/{id}/answer", new { answer = " " }), Ct)).GetProperty("answer")[0].GetString()!.ShouldBe("Skriv svaret.");
        await OkAsync(await Post(coordinator, $"/api/v1/employer-requests/{id}/answer", new { answer = "Ja, HMS-rådgiveren kommer på samtalen 1. desember." }));

        // The leader reads the answer on the arrangement's talks; the assistant and the case worker do not reach the list.
        var overview = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Arrangement}/talks", Ct);
        overview.GetProperty("requests").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id).GetProperty("answer").GetString()!.ShouldStartWith("Ja, HMS-rådgiveren");
        (await data.Notifications.AsNoTracking().CountAsync(n => n.UserId == even && n.Kind == "henvendelse", Ct)).ShouldBe(1);
        foreach (var who in new[] { DemoLogins.Assistant, DemoLogins.CaseWorkerOslo, DemoLogins.UnionRepresentative })
            (await (await factory.SignedInClientAsync(who)).GetAsync($"/api/v1/arrangements/{Arrangement}/talks", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, who);
    }
}
