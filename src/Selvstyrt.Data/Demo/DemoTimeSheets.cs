using NodaTime;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.TimeSheets;

namespace Selvstyrt.Data.Demo;

/// <summary>
/// October 2026's time sheets of the 24/7 2:1 arrangement, so that the work leader's queue and the provider's
/// attest-and-export page have a month to show: most sheets attested, some approved, two waiting for approval, one
/// still a draft. One assistant changed a shift (stayed an hour longer, marked as overtime with a reason).
/// </summary>
internal static class DemoTimeSheets
{
    public static readonly LocalDate Month = new(2026, 10, 1);
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    public static IEnumerable<TimeSheet> For(WorkPlan plan, Guid providerId, Guid arrangementId, IReadOnlyList<(Guid Id, string Name)> staff, (Guid Id, string Name) leader, (Guid Id, string Name) admin)
    {
        var last = Month.PlusMonths(1).PlusDays(-1);
        var shifts = plan.RollOut(Month, last, Zone).Where(s => s.Date >= Month && s.Date <= last).ToList();
        var submitted = Instant.FromUtc(2026, 11, 2, 8, 0);
        var approved = Instant.FromUtc(2026, 11, 3, 9, 0);
        var attested = Instant.FromUtc(2026, 11, 4, 10, 0);
        for (var i = 0; i < staff.Count; i++)
        {
            var (assistant, name) = staff[i];
            var sheet = TimeSheet.Create(DemoIds.For($"sheet:{arrangementId}:{assistant}:2026-10"), providerId, arrangementId, assistant, Month);
            var own = shifts.Where(s => s.AssistantId == assistant).ToList();
            for (var k = 0; k < own.Count; k++)
                DemoData.Ok(sheet.AddPlanned(DemoIds.For($"entry:{sheet.Id}:{k}"), own[k], plan.Id));
            var self = new SheetActor(submitted, assistant.ToString(), name, SheetRole.Assistant);
            if (i == staff.Count - 1) { yield return sheet; continue; }
            DemoData.Ok(sheet.ConfirmAllOpen(self));
            if (i == 1 && sheet.Entries.Count > 0)
            {
                var entry = sheet.Entries[0];
                DemoData.Ok(sheet.Change(entry.Id, entry.Times with { End = entry.End + Duration.FromHours(1), OvertimeMinutes = 60, OvertimeReason = "Avløser kom for sent" },
                    "Ble en time lenger fordi avløseren kom for sent", self));
            }
            DemoData.Ok(sheet.Submit(self));
            if (i >= staff.Count - 3) { yield return sheet; continue; }
            DemoData.Ok(sheet.Approve(new SheetActor(approved, leader.Id.ToString(), leader.Name, SheetRole.WorkLeader)));
            if (i >= staff.Count - 6) { yield return sheet; continue; }
            DemoData.Ok(sheet.Attest(new SheetActor(attested, admin.Id.ToString(), admin.Name, SheetRole.Employer)));
            yield return sheet;
        }
    }
}
