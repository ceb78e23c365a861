using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Domain.TimeSheets;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Host;

/// <summary>
/// Issue 21, P4: the demo at a larger scale (<c>Demo:Scale</c>), which the page benchmark runs on. A copy is a provider's worth of
/// arrangements of its own: its work leaders sign in and see their own arrangement only, and every arrangement has settled
/// time sheets for the months before October, while the demo itself stays as it is.
/// </summary>
public sealed class ScaledDemoTests
{
    [Theory, DatabaseData]
    public async Task DemoAtScaleTwo_HasACopyWithItsOwnLeadersAndAYearOfSettledSheets(DatabaseKind db)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = Hosts.Fresh(db, new Dictionary<string, string?> { ["Demo:Scale"] = "2" });
        var copy = DemoIds.For("x1:arrangement:10");

        var (arrangements, assistants, sheetStates, months, demoOctober) = await Stored.ReadAsync(factory, async d =>
        (
            await d.Arrangements.CountAsync(ct),
            await d.Assistants.CountAsync(ct),
            await d.TimeSheets.Where(s => s.ArrangementId == copy).Select(s => s.State).Distinct().ToListAsync(ct),
            await d.TimeSheets.Where(s => s.ArrangementId == copy).Select(s => s.Month).Distinct().CountAsync(ct),
            await d.TimeSheets.Where(s => s.ArrangementId == DemoIds.For("arrangement:10") && s.Month == new LocalDate(2026, 10, 1)).Select(s => s.State).ToListAsync(ct)));
        var leader = await factory.SignedInClientAsync("arbeidsleder10.1@demo.no");
        var own = await leader.GetAsync($"/ordninger/{copy}", ct);
        var demo = await leader.GetAsync($"/ordninger/{DemoIds.For("arrangement:10")}", ct);

        arrangements.ShouldBe(20);
        assistants.ShouldBe(121, "60 in each copy and the demo's former assistant");
        sheetStates.ShouldBe([SheetState.Attested]);
        months.ShouldBe(10, "January to October 2026");
        demoOctober.ShouldContain(SheetState.Draft, "the demo's own October keeps its sheets at every step");
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        demo.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
