using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Selvstyrt.Web.Features.TimeSheets;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.TimeSheets;

/// <summary>Deadline reminders (issue 6): stored as notifications, once per stage, for the assistant and, after the deadline, the work leader.</summary>
public sealed class TimeSheetReminderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Guid AssistantUser = DemoIds.For("user:" + DemoLogins.Assistant);
    private static readonly Guid LeaderUser = DemoIds.For("user:" + DemoLogins.WorkLeader);

    private static async Task<(int New, List<(Guid User, string Key)> All)> RunAsync(SelvstyrtFactory factory, Instant at)
    {
        using var scope = factory.Services.CreateScope();
        var recorded = await scope.ServiceProvider.GetRequiredService<TimeSheetReminders>().RecordAsync(at, Ct);
        var db = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        var all = await db.Notifications.AsNoTracking().Where(n => n.Kind.StartsWith("timeliste")).Select(n => new { n.UserId, n.DedupKey }).ToListAsync(Ct);
        return (recorded, all.Select(n => (n.UserId, n.DedupKey)).ToList());
    }

    [Theory, DatabaseData]
    public async Task Reminders_BeforeAndAfterTheDeadline_OncePerStage(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);

        // 29 November: more than three days before 3 December, nothing yet for November; October's deadline passed,
        // and its two submitted demo sheets wait for the work leader.
        var (october, all) = await RunAsync(factory, Instant.FromUtc(2026, 11, 29, 6, 0));
        all.Count(n => n.User == LeaderUser && n.Key.StartsWith("timeliste-godkjenning:", StringComparison.Ordinal)).ShouldBe(2);
        all.ShouldNotContain(n => n.Key.Contains("2026-11", StringComparison.Ordinal));
        october.ShouldBe(all.Count);

        // 1 December: the demo assistant has not started November in the 24/7 2:1 arrangement.
        var (first, after) = await RunAsync(factory, Instant.FromUtc(2026, 12, 1, 6, 0));
        first.ShouldBeGreaterThan(0);
        after.ShouldContain(n => n.User == AssistantUser && n.Key == $"timeliste-frist-snart:{DemoIds.For("arrangement:10"):N}:{DemoIds.For("assistant:42"):N}:2026-11");
        (await RunAsync(factory, Instant.FromUtc(2026, 12, 2, 6, 0))).New.ShouldBe(0, "the same stage is reminded once");

        // 4 December: overdue, one more.
        var (overdue, final) = await RunAsync(factory, Instant.FromUtc(2026, 12, 4, 6, 0));
        overdue.ShouldBeGreaterThan(0);
        final.ShouldContain(n => n.User == AssistantUser && n.Key.StartsWith("timeliste-frist-forfalt:", StringComparison.Ordinal) && n.Key.EndsWith("2026-11", StringComparison.Ordinal));
    }
}
