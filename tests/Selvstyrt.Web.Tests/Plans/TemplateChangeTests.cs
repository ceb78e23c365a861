using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Selvstyrt.Data.Demo;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Plans;

/// <summary>
/// Issue 23 on both engines: a pause set on a shift type counts for the shifts placed from it. The work leader of the 24/7
/// 2:1 arrangement takes the 30-minute pause off «Dag» through the API: every day shift of the published plan loses it, and
/// AML-10-9-1 warns on each (the change is logged once); she puts it back on the shift types page, and the warnings go. A
/// shift type no shift uses is deleted; an assistant can change nothing.
/// </summary>
public sealed class TemplateChangeTests
{
    private static readonly Guid Arrangement = DemoIds.For("arrangement:10");
    private static readonly Guid Plan = DemoIds.For("plan:10");
    private static readonly Guid Day = DemoIds.For("template:10:Dag");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<int> PauseWarningsAsync(HttpClient client)
        => (await client.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Arrangement}/plans/{Plan}/findings", Ct)).EnumerateArray()
            .Count(f => f.GetProperty("rule").GetString() == "AML-10-9-1");

    private static string Body(int pause)
        => $$"""{ "name": "Dag", "start": "07:00:00", "lengthMinutes": 480, "kind": "Day", "paidPauseMinutes": {{pause}}, "staffing": 2 }""";

    [Theory, DatabaseData]
    public async Task APauseSetOnAShiftType_CountsForItsShifts_AndTheWarningsComeAndGoWithIt(DatabaseKind db)
    {
        await using var host = Hosts.Fresh(db);
        var leader = await host.SignedInClientAsync(DemoLogins.WorkLeader);
        var assistant = await host.SignedInClientAsync(DemoLogins.Assistant);
        var dayShifts = await Stored.ReadAsync(host, d => d.PlanShifts.CountAsync(s => s.PlanId == Plan && s.TemplateId == Day, Ct));
        dayShifts.ShouldBeGreaterThan(0, "the demo's day shifts are placed from «Dag»");
        var before = await PauseWarningsAsync(leader);
        var changesBefore = await Stored.ReadAsync(host, d => d.PlanChanges.CountAsync(c => c.PlanId == Plan, Ct));

        using (var refused = await ApiCalls.SendAsync(assistant, HttpMethod.Put, $"/api/v1/arrangements/{Arrangement}/templates/{Day}", Body(0), ct: Ct))
            ((int)refused.StatusCode).ShouldBeOneOf([403, 404]);
        var off = await ApiCalls.OkAsync(await ApiCalls.SendAsync(leader, HttpMethod.Put, $"/api/v1/arrangements/{Arrangement}/templates/{Day}", Body(0), ct: Ct), ct: Ct);

        off.GetProperty("shiftsWithNewPause").GetInt32().ShouldBe(dayShifts);
        (await Stored.ReadAsync(host, d => d.PlanShifts.CountAsync(s => s.PlanId == Plan && s.TemplateId == Day && s.PaidPauseMinutes == 0, Ct))).ShouldBe(dayShifts);
        (await PauseWarningsAsync(leader)).ShouldBeGreaterThan(before, "an eight-hour day without a pause warns (AML-10-9-1)");
        (await Stored.ReadAsync(host, d => d.PlanChanges.CountAsync(c => c.PlanId == Plan, Ct))).ShouldBe(changesBefore + 1, "one log line for the plan");
        (await Stored.ReadAsync(host, d => d.PlanChanges.Where(c => c.PlanId == Plan).OrderByDescending(c => c.At).Select(c => c.Description).FirstAsync(Ct)))
            .ShouldBe($"Pausen i vakttypen «Dag» er nå 0 minutter betalt pause i {dayShifts} vakter");

        // Back on the shift types page: the form opens filled with the type, and saving it with the pause takes the warnings away.
        var form = $"/ordninger/{Arrangement}/vakttyper?endre={Day}";
        var page = WebUtility.HtmlDecode(await Html.GetAsync(leader, form, Ct));
        page.ShouldContain("Endre vakttypen «Dag»");
        page.ShouldContain("value=\"07:00\"");
        using var saved = await SelvstyrtFactory.PostFormAsync(leader, form, "ny-mal", new Dictionary<string, string>
        {
            ["Input.Name"] = "Dag", ["Input.Start"] = "07:00", ["Input.Hours"] = "8", ["Input.Kind"] = "Day", ["Input.Pause"] = "30", ["Input.Staffing"] = "2",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = WebUtility.HtmlDecode(await Html.GetAsync(leader, saved.Headers.Location!.OriginalString, Ct));
        after.ShouldContain($"Pausen gjelder nå også {dayShifts} vakter");
        (await PauseWarningsAsync(leader)).ShouldBe(before);

        // A shift type no shift uses goes; the shifts of another stay when it goes.
        var ventilator = DemoIds.For("template:10:Respiratorvakt");
        var placed = await Stored.ReadAsync(host, d => d.PlanShifts.CountAsync(s => s.TemplateId == ventilator, Ct));
        (await ApiCalls.SendAsync(leader, HttpMethod.Delete, $"/api/v1/arrangements/{Arrangement}/templates/{ventilator}", "", ct: Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Stored.ReadAsync(host, d => d.ShiftTemplates.CountAsync(t => t.Id == ventilator, Ct))).ShouldBe(0);
        (await Stored.ReadAsync(host, d => d.PlanShifts.CountAsync(s => s.PlanId == Plan, Ct))).ShouldBeGreaterThan(placed);
        (await ApiCalls.SendAsync(leader, HttpMethod.Delete, $"/api/v1/arrangements/{Arrangement}/templates/{ventilator}", "", ct: Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
