using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Domain.Quality;
using Selvstyrt.Testing;
using Selvstyrt.Web.Features.AnnualWheel;
using Selvstyrt.Web.Features.Notifications;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.AnnualWheel;

/// <summary>
/// Issue 20, part 6 on both engines, from the demo: the daily job makes next year's wheel once (from October) and reminds the
/// arrangement's leaders once of a task due soon and once of one that is late; the work leader reads the year, marks a task done on
/// the page and reopens it in the API, adds an own task (once per key) and removes it; the deputy reads without changing; the
/// assistant and another office's coordinator do not see it; the office's overview shows who is behind.
/// </summary>
public sealed class WheelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Guid Even = DemoIds.For("arrangement:10");

    private static Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) => ApiCalls.OkAsync(response, expected, Ct);

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, object body, string? key = null) => ApiCalls.PostJsonAsync(client, path, body, key, Ct);

    [Theory, DatabaseData]
    public async Task TheDailyJob_MakesNextYearOnce_AndRemindsTheLeadersOnce_OfWhatIsDueAndWhatIsLate(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        await Stored.ReadAsync(factory, d => d.WheelTasks.Where(t => t.ArrangementId == Even && t.Year == 2027).ExecuteDeleteAsync(Ct));

        async Task<int> GenerateAsync(LocalDate today)
        {
            using var scope = factory.Services.CreateScope();
            return await WheelRecords.GenerateYearAsync(scope.ServiceProvider.GetRequiredService<SelvstyrtDb>(), today, Ct);
        }
        (await GenerateAsync(new LocalDate(2026, 9, 30))).ShouldBe(0, "next year's wheel is made from October");
        (await GenerateAsync(new LocalDate(2026, 11, 23))).ShouldBe(8);
        (await GenerateAsync(new LocalDate(2026, 11, 24))).ShouldBe(0, "the tasks are there");
        (await leader.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Even}/annual-wheel?year=2027", Ct)).GetProperty("tasks").GetArrayLength().ShouldBe(8);

        // An own task due 1 December is due within two weeks; the Christmas plan (15 November) is late. Advertising (30 September) is
        // more than a month late: it shows on the page, but is not sent again every day.
        var own = (await OkAsync(await Post(leader, $"/api/v1/arrangements/{Even}/annual-wheel/tasks", new { title = "Brannøvelse med assistentene", dueOn = "2026-12-01" },
            Guid.NewGuid().ToString()), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var christmas = WheelTask.IdFor(Even, 2026, WheelTaskKind.ChristmasPlan);
        async Task<List<string>> RemindAsync(Instant at)
        {
            using var scope = factory.Services.CreateScope();
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            await WheelRecords.RemindAsync(data, scope.ServiceProvider.GetRequiredService<NotificationStore>(), at, Ct);
            return await data.Notifications.AsNoTracking().Where(n => n.DedupKey.StartsWith("wheel:")).Select(n => n.DedupKey).ToListAsync(Ct);
        }
        var leaders = await Stored.ReadAsync(factory, d => Selvstyrt.Web.Auth.Leading.On(d, new LocalDate(2026, 11, 23)).Where(l => l.ArrangementId == Even)
            .Select(l => l.UserId).Distinct().ToListAsync(Ct));
        var sent = await RemindAsync(Instant.FromUtc(2026, 11, 23, 6, 0));
        sent.Order().ShouldBe(leaders.SelectMany(l => new[] { $"wheel:{christmas:N}:late:{l:N}", $"wheel:{own:N}:soon:{l:N}" }).Order());
        (await RemindAsync(Instant.FromUtc(2026, 11, 24, 6, 0))).Count.ShouldBe(sent.Count, "each is told once");
        var notice = await Stored.ReadAsync(factory, d => d.Notifications.AsNoTracking().FirstAsync(n => n.DedupKey.StartsWith($"wheel:{christmas:N}:late"), Ct));
        notice.Subject.ShouldBe("Fristen er passert: Planlegg og ferdigstill arbeidsplanen for jul og nyttår");
        notice.Link.ShouldBe($"/ordninger/{Even}/arshjul?ar=2026");
    }

    [Theory, DatabaseData]
    public async Task TheWorkLeader_MarksTasksDone_AndAddsTheirOwn_WhileOthersReadOrSeeNothing(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var christmas = WheelTask.IdFor(Even, 2026, WheelTaskKind.ChristmasPlan);

        var wheel = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Even}/annual-wheel?year=2026", Ct);
        wheel.GetProperty("canEdit").GetBoolean().ShouldBeTrue();
        var task = wheel.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == christmas);
        (task.GetProperty("overdue").GetBoolean(), task.GetProperty("period").GetInt32()).ShouldBe((true, 4));

        // Marked done on the page, with a note; reopened in the API.
        var page = $"/ordninger/{Even}/arshjul?ar=2026";
        (await Html.GetAsync(leader, page, Ct)).ShouldContain("Fristen er passert");
        var done = await SelvstyrtFactory.PostFormAsync(leader, page, $"oppgave-{christmas:N}",
            new Dictionary<string, string> { ["Act.TaskId"] = christmas.ToString(), ["Act.Action"] = "done", ["Act.Note"] = "Publisert 20. november" });
        (await Html.ReadAsync(done)).ShouldContain("Oppgaven er merket som gjort.");
        var stored = await Stored.ReadAsync(factory, d => d.WheelTasks.AsNoTracking().SingleAsync(t => t.Id == christmas, Ct));
        (stored.DoneOn, stored.DoneBy, stored.Note).ShouldBe((new LocalDate(2026, 11, 23), "Even Tangen", "Publisert 20. november"));
        await OkAsync(await ApiCalls.SendAsync(leader, HttpMethod.Delete, $"/api/v1/arrangements/{Even}/annual-wheel/tasks/{christmas}/done", "{}", null, Ct));
        (await Stored.ReadAsync(factory, d => d.WheelTasks.AsNoTracking().SingleAsync(t => t.Id == christmas, Ct))).DoneOn.ShouldBeNull();

        // An own task: once per key, every bad field named, removable; the catalogue's are not.
        var key = Guid.NewGuid().ToString();
        var body = new { title = "Personalmøte før jul", why = "Gå gjennom julevaktene", dueOn = "2026-12-10" };
        var own = (await OkAsync(await Post(leader, $"/api/v1/arrangements/{Even}/annual-wheel/tasks", body, key), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await OkAsync(await Post(leader, $"/api/v1/arrangements/{Even}/annual-wheel/tasks", body, key))).GetProperty("id").GetGuid().ShouldBe(own);
        var errors = await ApiCalls.ErrorsAsync(await Post(leader, $"/api/v1/arrangements/{Even}/annual-wheel/tasks", new { title = "", dueOn = (string?)null }), Ct);
        (errors.GetProperty("title")[0].GetString(), errors.GetProperty("dueOn")[0].GetString()).ShouldBe(("Skriv hva som skal gjøres.", "Fyll ut fristen."));
        (await ApiCalls.ErrorsAsync(await ApiCalls.SendAsync(leader, HttpMethod.Delete, $"/api/v1/arrangements/{Even}/annual-wheel/tasks/{christmas}", "{}", null, Ct), Ct))
            .GetProperty("kind")[0].GetString()!.ShouldContain("kan ikke fjernes");
        await OkAsync(await ApiCalls.SendAsync(leader, HttpMethod.Delete, $"/api/v1/arrangements/{Even}/annual-wheel/tasks/{own}", "{}", null, Ct));
        (await Stored.ReadAsync(factory, d => d.WheelTasks.CountAsync(t => t.ArrangementId == Even && t.Year == 2026, Ct))).ShouldBe(8);

        // The deputy of arrangement 5 reads it but changes nothing; the assistant and the West coordinator do not see arrangement 10's.
        var five = DemoIds.For("arrangement:5");
        var deputy = await factory.SignedInClientAsync(DemoLogins.Deputy);
        (await deputy.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{five}/annual-wheel", Ct)).GetProperty("canEdit").GetBoolean().ShouldBeFalse();
        (await Post(deputy, $"/api/v1/arrangements/{five}/annual-wheel/tasks/{WheelTask.IdFor(five, 2026, WheelTaskKind.ChristmasPlan)}/done", new { })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
        foreach (var outsider in new[] { DemoLogins.Assistant, DemoLogins.CoordinatorWest })
        {
            var client = await factory.SignedInClientAsync(outsider);
            (await client.GetAsync($"/api/v1/arrangements/{Even}/annual-wheel", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, outsider);
            (await client.GetAsync($"/ordninger/{Even}/arshjul", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, outsider);
        }

        // The East office's overview: arrangement 10 is behind; the West's arrangements are not in it.
        var overview = await (await factory.SignedInClientAsync(DemoLogins.CoordinatorEast)).GetFromJsonAsync<JsonElement>("/api/v1/annual-wheel?year=2026", Ct);
        var lines = overview.GetProperty("arrangements").EnumerateArray().ToList();
        lines.Single(l => l.GetProperty("arrangementId").GetGuid() == Even).GetProperty("overdue").GetInt32().ShouldBe(2);
        lines.Select(l => l.GetProperty("arrangementId").GetGuid()).ShouldNotContain(DemoIds.For("arrangement:6"));
        lines.Where(l => l.GetProperty("arrangementId").GetGuid() != Even).ShouldAllBe(l => l.GetProperty("overdue").GetInt32() == 0);
    }
}
