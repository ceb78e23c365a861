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
    public static readonly LocalDate October = new(2026, 10, 1);
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    public static IEnumerable<TimeSheet> For(WorkPlan plan, Guid providerId, Guid arrangementId, IReadOnlyList<(Guid Id, string Name)> staff, (Guid Id, string Name) leader, (Guid Id, string Name) admin)
        => Month(plan, providerId, arrangementId, staff, leader, admin, October, settled: false);

    /// <summary>
    /// One month's sheets of an arrangement: every sheet submitted, approved and attested a few days after the month
    /// (<paramref name="settled"/>, the scaled demo's year of settled months), or October's ladder described above.
    /// </summary>
    public static IEnumerable<TimeSheet> Month(WorkPlan plan, Guid providerId, Guid arrangementId, IReadOnlyList<(Guid Id, string Name)> staff, (Guid Id, string Name) leader,
        (Guid Id, string Name) admin, LocalDate month, bool settled)
    {
        var last = month.PlusMonths(1).PlusDays(-1);
        var shifts = plan.RollOut(month, last, Zone).Where(s => s.Date >= month && s.Date <= last).ToList();
        var after = month.PlusMonths(1).AtMidnight().InUtc().ToInstant();
        var submitted = after + Duration.FromHours(24 + 8);
        var approved = after + Duration.FromHours(48 + 9);
        var attested = after + Duration.FromHours(72 + 10);
        for (var i = 0; i < staff.Count; i++)
        {
            var (assistant, name) = staff[i];
            var sheet = TimeSheet.Create(DemoIds.For($"sheet:{arrangementId}:{assistant}:{month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)}"), providerId, arrangementId, assistant, month);
            var own = shifts.Where(s => s.AssistantId == assistant).ToList();
            for (var k = 0; k < own.Count; k++)
                DemoData.Ok(sheet.AddPlanned(DemoIds.For($"entry:{sheet.Id}:{k}"), own[k], plan.Id));
            var self = new SheetActor(submitted, assistant.ToString(), name, SheetRole.Assistant);
            if (!settled && i == staff.Count - 1) { yield return sheet; continue; }
            DemoData.Ok(sheet.ConfirmAllOpen(self));
            if (!settled && i == 1 && sheet.Entries.Count > 0)
            {
                var entry = sheet.Entries[0];
                DemoData.Ok(sheet.Change(entry.Id, entry.Times with { End = entry.End + Duration.FromHours(1), OvertimeMinutes = 60, OvertimeReason = "Avløser kom for sent" },
                    "Ble en time lenger fordi avløseren kom for sent", self));
            }
            DemoData.Ok(sheet.Submit(self));
            if (!settled && i >= staff.Count - 3) { yield return sheet; continue; }
            DemoData.Ok(sheet.Approve(new SheetActor(approved, leader.Id.ToString(), leader.Name, SheetRole.WorkLeader)));
            if (!settled && i >= staff.Count - 6) { yield return sheet; continue; }
            DemoData.Ok(sheet.Attest(new SheetActor(attested, admin.Id.ToString(), admin.Name, SheetRole.Employer)));
            yield return sheet;
        }
    }
}
