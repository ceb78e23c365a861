using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Notifications;

namespace Selvstyrt.Web.Features.Competences;

/// <summary>
/// The daily reminder of competences that run out (issue 19, part 3): a month before a competence's last valid day, the
/// assistant, the coordinator of their office and those who lead the arrangements they work in are told, once per
/// competence and last day, so the training is renewed before the plan editor and «Finn vikar» stop counting it.
/// </summary>
public sealed class CompetenceReminders(SelvstyrtDb db, NotificationStore store)
{
    /// <summary>How many days ahead a competence's last valid day is told.</summary>
    public const int DaysAhead = 30;

    public async Task<int> RecordAsync(Instant now, CancellationToken ct)
    {
        var today = now.InZone(CurrentUser.Zone).Date;
        var until = today.PlusDays(DaysAhead);
        var expiring = await db.AssistantCompetences.AsNoTracking()
            .Where(c => c.RevokedOn == null && c.ValidTo != null && c.ValidTo >= today && c.ValidTo <= until)
            .Join(db.CompetenceKinds, c => c.KindId, k => k.Id, (c, k) => new { c.Id, c.AssistantId, c.ValidTo, k.Name })
            .Join(db.Assistants, c => c.AssistantId, a => a.Id, (c, a) => new { c.Id, c.AssistantId, c.ValidTo, c.Name, a.FullName, a.UserId, a.OfficeId })
            .ToListAsync(ct);
        if (expiring.Count == 0) return 0;
        var assistants = expiring.Select(e => e.AssistantId).Distinct().ToList();
        var offices = expiring.Where(e => e.OfficeId is not null).Select(e => e.OfficeId!.Value).Distinct().ToList();
        var coordinators = (await db.ProviderGrants.AsNoTracking()
            .Where(g => g.Role == ProviderRole.OfficeCoordinator && g.OfficeId != null && offices.Contains(g.OfficeId.Value))
            .Select(g => new { OfficeId = g.OfficeId!.Value, g.UserId }).ToListAsync(ct)).ToLookup(g => g.OfficeId, g => g.UserId);
        var leaders = (await db.Assignments.AsNoTracking()
            .Where(s => assistants.Contains(s.AssistantId) && s.From <= today && (s.To == null || s.To >= today))
            .Join(db.ArrangementRoles.Where(r => r.Kind != ArrangementRoleKind.Recipient && r.Kind != ArrangementRoleKind.Deputy && r.From <= today && (r.To == null || r.To >= today)),
                s => s.ArrangementId, r => r.ArrangementId, (s, r) => new { s.AssistantId, r.UserId })
            .ToListAsync(ct)).ToLookup(x => x.AssistantId, x => x.UserId);
        var wanted = new List<Notification>();
        foreach (var e in expiring)
        {
            var last = Dates.Format(e.ValidTo!.Value);
            var key = $"competence-expiry:{e.Id:N}:{e.ValidTo:yyyyMMdd}";
            if (e.UserId is { } self)
                wanted.Add(Notification.Create(Guid.CreateVersion7(), self, "kompetanse-utlop", $"Kompetansen din «{e.Name}» går ut {last}",
                    $"«{e.Name}» gjelder til og med {last}. Snakk med arbeidslederen om ny opplæring, så du kan fortsette å ta vakter som krever den.",
                    $"/assistenter/{e.AssistantId}", key, now));
            var others = (e.OfficeId is { } office ? coordinators[office] : []).Concat(leaders[e.AssistantId]).Where(u => u != e.UserId).Distinct();
            foreach (var userId in others)
                wanted.Add(Notification.Create(Guid.CreateVersion7(), userId, "kompetanse-utlop", $"«{e.Name}» for {e.FullName} går ut {last}",
                    $"{e.FullName} har «{e.Name}» til og med {last}. Etter det kan {e.FullName} ikke settes på, tilbys eller foreslås for vakter som krever den.",
                    $"/assistenter/{e.AssistantId}", key, now));
        }
        return await store.StoreNewAsync(wanted, ct);
    }
}
