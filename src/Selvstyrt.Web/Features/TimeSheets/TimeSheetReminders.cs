using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.TimeSheets;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Resources;

namespace Selvstyrt.Web.Features.TimeSheets;

/// <summary>
/// Deadline reminders for time sheets, stored as notifications by the daily job. From three days before the
/// provider's deadline (the day of the month after), every assistant who is in a published plan of an arrangement that
/// month and has not submitted its sheet gets one reminder, and one more once the deadline has passed; work leaders
/// get one per sheet still waiting for approval after the deadline. Idempotent by each notification's key.
/// </summary>
public sealed class TimeSheetReminders(SelvstyrtDb db, IStringLocalizer<Texts> texts, Notifications.NotificationStore store)
{
    public async Task<int> RecordAsync(Instant now, CancellationToken ct)
    {
        var today = now.InZone(CurrentUser.Zone).Date;
        var month = new LocalDate(today.Year, today.Month, 1).PlusMonths(-1);
        var last = month.PlusMonths(1).PlusDays(-1);
        var providers = await db.Providers.AsNoTracking().Select(p => new { p.Id, p.TimeSheetDeadlineDay }).ToListAsync(ct);
        var culture = CultureInfo.GetCultureInfo("nb-NO");
        var wanted = new List<Notification>();
        foreach (var provider in providers)
        {
            var deadline = TimeSheetService.Deadline(month, provider.TimeSheetDeadlineDay);
            if (today < deadline.PlusDays(-3)) continue;
            var overdue = today > deadline;
            var stage = overdue ? "forfalt" : "snart";
            var monthName = month.ToString("MMMM yyyy", culture);
            var date = deadline.ToString("d. MMMM", culture);

            // Who is in a published plan of the provider's arrangements that month.
            var plans = await db.WorkPlans.AsNoTracking()
                .Where(p => p.Status == PlanStatus.Published && p.StartsOn <= last && (p.EndsOn == null || p.EndsOn >= month)
                            && db.Arrangements.Any(a => a.Id == p.ArrangementId && a.ProviderId == provider.Id && a.EmployerModel != EmployerModel.Recipient))
                .ToDictionaryAsync(p => p.Id, p => p.ArrangementId, ct);
            var planIds = plans.Keys.ToList();
            var planned = (await db.PlanShifts.AsNoTracking().Where(s => planIds.Contains(s.PlanId) && s.AssistantId != null)
                    .Select(s => new { s.PlanId, AssistantId = s.AssistantId!.Value }).Distinct().ToListAsync(ct))
                .Select(s => (ArrangementId: plans[s.PlanId], s.AssistantId)).Distinct().ToList();
            var sheets = await db.TimeSheets.AsNoTracking().Where(s => s.ProviderId == provider.Id && s.Month == month)
                .Select(s => new { s.Id, s.ArrangementId, s.AssistantId, s.State }).ToListAsync(ct);
            var users = await db.Assistants.AsNoTracking().Where(a => a.ProviderId == provider.Id && a.UserId != null)
                .ToDictionaryAsync(a => a.Id, a => a.UserId!.Value, ct);
            var names = await db.Arrangements.AsNoTracking().Where(a => a.ProviderId == provider.Id).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
            foreach (var p in planned)
            {
                if (!users.TryGetValue(p.AssistantId, out var userId)) continue;
                var sheet = sheets.FirstOrDefault(s => s.ArrangementId == p.ArrangementId && s.AssistantId == p.AssistantId);
                if (sheet is not null && sheet.State is not (SheetState.Draft or SheetState.Rejected)) continue;
                wanted.Add(Notification.Create(Guid.CreateVersion7(), userId, "timeliste-frist",
                    string.Format(culture, texts[$"SheetReminder.Subject.{stage}"], monthName, names[p.ArrangementId]),
                    string.Format(culture, texts[$"SheetReminder.Body.{stage}"], monthName, names[p.ArrangementId], date),
                    sheet is null ? "/timelister" : $"/timelister/{sheet.Id}", $"timeliste-frist-{stage}:{p.ArrangementId:N}:{p.AssistantId:N}:{month:yyyy-MM}", now));
            }
            if (!overdue) continue;
            var waiting = sheets.Where(s => s.State == SheetState.Submitted).ToList();
            var arrangementIds = waiting.Select(s => s.ArrangementId).Distinct().ToList();
            var leaders = (await Leading.On(db, today).Where(l => arrangementIds.Contains(l.ArrangementId))
                .ToListAsync(ct)).ToLookup(r => r.ArrangementId, r => r.UserId);
            foreach (var s in waiting)
            {
                foreach (var leader in leaders[s.ArrangementId].Distinct())
                {
                    wanted.Add(Notification.Create(Guid.CreateVersion7(), leader, "timeliste-godkjenning",
                        string.Format(culture, texts["SheetReminder.ApproveSubject"], monthName, names[s.ArrangementId]),
                        string.Format(culture, texts["SheetReminder.ApproveBody"], monthName, date),
                        $"/timelister/{s.Id}", $"timeliste-godkjenning:{s.Id:N}", now));
                }
            }
        }
        return await store.StoreNewAsync(wanted, ct);
    }
}
