using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Domain.TimeSheets;
using Selvstyrt.Testing;
using Selvstyrt.Web.Features.TimeSheets;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.TimeSheets;

/// <summary>
/// The pay run judges a month's actual time with the last week of the month before (issue 21, P4 made it read only that week):
/// rest across the month's start still counts (AML-10-8-1).
/// </summary>
public sealed class SheetPayContextTests(Hosts hosts)
{
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    [Theory, DatabaseData]
    public async Task MonthStartAfterALateShift_DailyRestBreach_NamesTheShiftOfTheMonthBefore(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var ct = TestContext.Current.CancellationToken;
        // Arrangement 1's first assistant; months far from the demo's own sheets, so other tests never meet them.
        var arrangement = DemoIds.For("arrangement:1");
        var assistant = DemoIds.For("assistant:0");
        var actor = new SheetActor(Instant.FromUtc(2027, 3, 2, 8, 0), assistant.ToString(), "Assistent", SheetRole.Assistant);
        var february = TimeSheet.Create(Guid.NewGuid(), DemoSeeder.ProviderId, arrangement, assistant, new LocalDate(2027, 2, 1));
        var late = Add(february, new LocalDate(2027, 2, 28), 15, 8, actor);
        var march = TimeSheet.Create(Guid.NewGuid(), DemoSeeder.ProviderId, arrangement, assistant, new LocalDate(2027, 3, 1));
        var morning = Add(march, new LocalDate(2027, 3, 1), 6, 8, actor);
        using (var scope = factory.Services.CreateScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            context.TimeSheets.AddRange(february, march);
            await context.SaveChangesAsync(ct);
        }

        IReadOnlyList<Selvstyrt.Domain.Rules.Engine.Finding> findings;
        using (var scope = factory.Services.CreateScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            var loaded = await context.TimeSheets.AsNoTracking().Include(s => s.Entries).SingleAsync(s => s.Id == march.Id, ct);
            var run = await scope.ServiceProvider.GetRequiredService<SheetPay>().RunAsync([loaded], ct);
            findings = [.. run.FindingsOf(loaded)];
        }

        // 28 February 15:00-23:00, then 1 March 06:00: seven hours of rest where eleven are the rule.
        var rest = findings.Where(f => f.Rule == "AML-10-8-1").ToList();
        rest.ShouldNotBeEmpty();
        rest.ShouldAllBe(f => f.Shifts.Contains(morning.ToString()) && f.Shifts.Contains(late.ToString()));
    }

    private static Guid Add(TimeSheet sheet, LocalDate date, int hour, int hours, SheetActor actor)
    {
        var start = Oslo.AtStrictly(date.At(new LocalTime(hour, 0))).ToInstant();
        var id = Guid.NewGuid();
        var added = sheet.AddUnplanned(id, new EntryTimes(start, start + Duration.FromHours(hours), 0, 0, 0, 0, null), "Ekstra vakt", date, actor);
        added.IsSuccess.ShouldBeTrue(added.Error?.Message);
        return added.Value!.Id;
    }
}
