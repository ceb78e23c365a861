using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Notifications;

namespace Selvstyrt.Web.Features.Talks;

/// <summary>
/// The daily reminder of talks that are due (issue 19, part 4): a month before an assistant's yearly appraisal talk or probation
/// talk is due in an arrangement (the probation talk also once overdue, until the probation ends), those who lead it are told, once per assistant, arrangement, kind and due day.
/// </summary>
public sealed class TalkReminders(SelvstyrtDb db, NotificationStore store)
{
    public async Task<int> RecordAsync(Instant now, CancellationToken ct)
    {
        var today = now.InZone(CurrentUser.Zone).Date;
        var places = await db.Assignments.AsNoTracking().Where(s => s.From <= today && (s.To == null || s.To >= today))
            .Join(db.Assistants, s => s.AssistantId, a => a.Id, (s, a) => new TalkRecords.PlaceRow(s.ArrangementId, s.AssistantId, s.From, a.FullName)).ToListAsync(ct);
        var due = (await TalkRecords.DueAsync(db, places, today, ct))
            .Where(d => Appraisal(d.Due, today) || d.Due.ProbationSoon(today)).ToList();
        if (due.Count == 0) return 0;
        var arrangements = due.Select(d => d.ArrangementId).Distinct().ToList();
        var leaders = (await Leading.On(db, today).Where(l => arrangements.Contains(l.ArrangementId)).Select(l => new { l.ArrangementId, l.UserId }).ToListAsync(ct))
            .ToLookup(l => l.ArrangementId, l => l.UserId);
        var wanted = new List<Notification>();
        foreach (var (arrangementId, d) in due)
        {
            var link = $"/ordninger/{arrangementId}/samtaler";
            foreach (var leader in leaders[arrangementId].Distinct())
            {
                if (d.ProbationSoon(today))
                    wanted.Add(Notification.Create(Guid.CreateVersion7(), leader, "samtale", $"Prøvetidssamtale med {d.Assistant} innen {Dates.Format(d.ProbationDue!.Value)}",
                        $"Prøvetiden til {d.Assistant} slutter {Dates.Format(d.ProbationEnd!.Value)}. Hold prøvetidssamtalen før det, så det er tid til å følge opp.", link,
                        $"talk-due:probation:{d.AssistantId:N}:{arrangementId:N}:{d.ProbationDue:yyyyMMdd}", now));
                if (Appraisal(d, today))
                    wanted.Add(Notification.Create(Guid.CreateVersion7(), leader, "samtale", $"Medarbeidersamtale med {d.Assistant} innen {Dates.Format(d.AppraisalDue)}",
                        $"Det er snart et år siden {(d.LastAppraisal is null ? $"{d.Assistant} begynte" : "forrige medarbeidersamtale")}. Planlegg samtalen på ordningens side for samtaler.",
                        link, $"talk-due:appraisal:{d.AssistantId:N}:{arrangementId:N}:{d.AppraisalDue:yyyyMMdd}", now));
            }
        }
        return await store.StoreNewAsync(wanted, ct);
    }

    /// <summary>
    /// An appraisal talk is told in the month before it is due; one already overdue when this began (talks never recorded here) is
    /// shown on the arrangement's page, not mailed to every leader at once.
    /// </summary>
    private static bool Appraisal(TalkRecords.DueRow d, LocalDate today) => d.AppraisalSoon(today) && d.AppraisalDue >= today;
}
