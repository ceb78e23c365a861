using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Competences;

/// <summary>
/// The training plans of an arrangement's assistants (issue 19, part 3): drafted for a new assistant from what the arrangement
/// and its shift types require and the handbook's first topics, changed, marked done (an item for a competence kind records
/// the competence in the same save) or cancelled by those who lead the arrangement and the employer's side; the assistant reads
/// their own. The probation talk follows it up.
/// </summary>
public sealed class TrainingRecords(SelvstyrtDb db, CurrentUser user, ArrangementAccess access, CompetenceRecords competences)
{
    public sealed record ItemView(Guid Id, Guid AssistantId, string Topic, Guid? CompetenceKindId, LocalDate? DueOn, string? Trainer, LocalDate? DoneOn, string? DoneBy,
        LocalDate? CancelledOn, bool Late);

    /// <summary>An assistant's plan in the arrangement, with the probation's end and the probation talk, if any.</summary>
    public sealed record PersonPlan(Guid AssistantId, string Name, LocalDate From, LocalDate? ProbationEnd, Guid? ProbationTalkId, TalkStatus? ProbationTalk,
        IReadOnlyList<ItemView> Items);

    public sealed record Overview(Guid ArrangementId, string Arrangement, IReadOnlyList<PersonPlan> People, IReadOnlyList<CompetenceRecords.KindView> Kinds);

    public async Task<Result<Overview>> OverviewAsync(Guid arrangementId, CancellationToken ct)
    {
        var allowed = await LeadsAsync(arrangementId, ct);
        if (!allowed.IsSuccess) return allowed.Error!;
        var today = user.Today;
        var places = await db.Assignments.AsNoTracking().Where(s => s.ArrangementId == arrangementId && (s.To == null || s.To >= today))
            .Join(db.Assistants, s => s.AssistantId, a => a.Id, (s, a) => new { s.AssistantId, s.From, a.FullName }).ToListAsync(ct);
        var ids = places.Select(p => p.AssistantId).Distinct().ToList();
        var items = await db.TrainingItems.AsNoTracking().Where(i => i.ArrangementId == arrangementId).ToListAsync(ct);
        var probations = await db.Employments.AsNoTracking().Where(e => ids.Contains(e.AssistantId) && e.ProbationEnd != null && (e.End == null || e.End >= today))
            .Select(e => new { e.AssistantId, e.ProbationEnd }).ToListAsync(ct);
        var talks = await db.Talks.AsNoTracking().Where(t => t.ArrangementId == arrangementId && t.Kind == TalkKind.Probation && t.CancelledOn == null).ToListAsync(ct);
        var nb = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nb-NO"), false);
        var people = places.GroupBy(p => p.AssistantId).Select(g =>
        {
            var talk = talks.Where(t => t.AssistantId == g.Key).OrderByDescending(t => t.PlannedOn).FirstOrDefault();
            return new PersonPlan(g.Key, g.First().FullName, g.Min(p => p.From), probations.Where(p => p.AssistantId == g.Key).Max(p => p.ProbationEnd), talk?.Id, talk?.Status,
                [.. items.Where(i => i.AssistantId == g.Key).OrderBy(i => i.DueOn ?? LocalDate.MaxIsoValue).ThenBy(i => i.Topic, nb).Select(i => View(i, today))]);
        })
            // The newest first: they are the ones with a plan to follow.
            .OrderByDescending(p => p.From).ThenBy(p => p.Name, nb).ToList();
        var provider = allowed.Value!.ProviderId;
        var kinds = (await competences.KindsAsync(ct)).Where(k => k.ProviderId == provider && k.RetiredOn is null).ToList();
        return new Overview(arrangementId, allowed.Value.Name, people, kinds);
    }

    /// <summary>The user's own training items, as the assistant, in every arrangement.</summary>
    public async Task<List<(string Arrangement, ItemView Item)>> MineAsync(CancellationToken ct)
    {
        var uid = user.Id;
        if (uid == Guid.Empty) return [];
        var today = user.Today;
        var rows = await db.TrainingItems.AsNoTracking().Where(i => i.CancelledOn == null && db.Assistants.Any(a => a.Id == i.AssistantId && a.UserId == uid))
            .Join(db.Arrangements, i => i.ArrangementId, a => a.Id, (i, a) => new { i, a.Name }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.i.DoneOn is not null).ThenBy(r => r.i.DueOn ?? LocalDate.MaxIsoValue).Select(r => (r.Name, View(r.i, today)))];
    }

    /// <summary>
    /// Drafts the plan for an assistant with a place in the arrangement: one item per competence the arrangement and its shift
    /// types require that they do not hold, then the first topics; topics already in their plan are left out. Returns how many were added.
    /// </summary>
    public async Task<Result<int>> DraftAsync(Guid arrangementId, Guid? assistantId, CancellationToken ct)
    {
        var allowed = await LeadsAsync(arrangementId, ct);
        if (!allowed.IsSuccess) return allowed.Error!;
        var today = user.Today;
        var place = assistantId is { } aid
            ? await db.Assignments.AsNoTracking().Where(s => s.ArrangementId == arrangementId && s.AssistantId == aid).OrderByDescending(s => s.From).FirstOrDefaultAsync(ct)
            : null;
        if (place is null) return Invalid.Field("assistantId", "Velg en assistent som arbeider i ordningen.");
        var arrangement = await db.Arrangements.AsNoTracking().FirstAsync(a => a.Id == arrangementId, ct);
        var templateNeeds = await db.ShiftTemplates.AsNoTracking().Where(t => t.ArrangementId == arrangementId).Select(t => t.Competences).ToListAsync(ct);
        var required = Qualification.Required(arrangement.RequiredCompetences, [.. templateNeeds.SelectMany(c => c)]);
        var held = (await CompetenceRecords.HeldAsync(db, [place.AssistantId], ct)).GetValueOrDefault(place.AssistantId) ?? [];
        var kinds = await db.CompetenceKinds.AsNoTracking().Where(k => k.ProviderId == arrangement.ProviderId && k.RetiredOn == null).ToListAsync(ct);
        var probation = await db.Employments.AsNoTracking().Where(e => e.AssistantId == place.AssistantId && e.ProbationEnd != null && (e.End == null || e.End >= today))
            .MaxAsync(e => e.ProbationEnd, ct);
        var due = TrainingDraft.DueOn(place.From, today, probation);
        var existing = (await db.TrainingItems.AsNoTracking().Where(i => i.ArrangementId == arrangementId && i.AssistantId == place.AssistantId && i.CancelledOn == null)
            .Select(i => i.Topic).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var topics = Qualification.Missing(required, held, due)
            .Select(name => (Topic: name, Kind: kinds.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase))?.Id))
            .Concat(TrainingDraft.FirstTopics.Select(t => (Topic: t, Kind: (Guid?)null)))
            .Where(t => !existing.Contains(t.Topic)).ToList();
        // The same draft twice makes the same ids: a retry (or a topic cancelled before) adds nothing.
        var drafted = topics.Select(t => (t.Topic, t.Kind, Id: KeyedId.For($"training:{arrangementId}:{place.AssistantId}", t.Topic.ToUpperInvariant()))).ToList();
        var ids = drafted.Select(d => d.Id).ToList();
        var taken = (await db.TrainingItems.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct)).ToHashSet();
        var added = 0;
        foreach (var (topic, kind, id) in drafted.Where(d => !taken.Contains(d.Id)))
        {
            var made = TrainingItem.Plan(id, arrangementId, place.AssistantId, topic, kind, due, null, today, null);
            if (!made.IsSuccess) return made.Error!;
            db.TrainingItems.Add(made.Value!);
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>One more item in an assistant's plan; idempotent on the key.</summary>
    public async Task<Result<(Guid Id, bool Existed)>> AddAsync(Guid arrangementId, Guid? assistantId, string? topic, Guid? kindId, LocalDate? dueOn, string? trainer, string? key,
        CancellationToken ct)
    {
        var allowed = await LeadsAsync(arrangementId, ct);
        if (!allowed.IsSuccess) return allowed.Error!;
        if (key is { Length: > 100 }) return Invalid.Field("idempotencyKey", "Idempotensnøkkelen kan være høyst 100 tegn.");
        var id = string.IsNullOrEmpty(key) ? Guid.CreateVersion7() : KeyedId.For($"training:{arrangementId}", key);
        if (await db.TrainingItems.AnyAsync(i => i.Id == id, ct)) return (id, true);
        if (assistantId is not { } aid || !await db.Assignments.AnyAsync(s => s.ArrangementId == arrangementId && s.AssistantId == aid, ct))
            return Invalid.Field("assistantId", "Velg en assistent som arbeider i ordningen.");
        var kind = kindId is { } k ? await db.CompetenceKinds.AsNoTracking().FirstOrDefaultAsync(x => x.Id == k && x.ProviderId == allowed.Value!.ProviderId, ct) : null;
        if (kindId is not null && kind is null) return Invalid.Field("kindId", "Velg en av arbeidsgiverens kompetanser.");
        var made = TrainingItem.Plan(id, arrangementId, aid, string.IsNullOrWhiteSpace(topic) ? kind?.Name : topic, kind?.Id, dueOn, trainer, user.Today, key);
        if (!made.IsSuccess) return made.Error!;
        db.TrainingItems.Add(made.Value!);
        await db.SaveChangesAsync(ct);
        return (id, false);
    }

    public Task<Result<Guid>> ChangeAsync(Guid itemId, string? topic, LocalDate? dueOn, string? trainer, CancellationToken ct)
        => EditAsync(itemId, i => i.Change(topic, dueOn, trainer, user.Today), ct);

    public Task<Result<Guid>> CancelAsync(Guid itemId, CancellationToken ct) => EditAsync(itemId, i => i.Cancel(user.Today), ct);

    /// <summary>Marks the item done; an item for a competence kind records the competence on the assistant in the same save.</summary>
    public async Task<Result<Guid>> CompleteAsync(Guid itemId, LocalDate? doneOn, string? by, CancellationToken ct)
    {
        var item = await db.TrainingItems.FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null || !(await access.RelationTo(item.ArrangementId, ct)).CanEdit()) return new NotFound();
        var wasDone = item.DoneOn is not null;
        var done = item.Complete(doneOn, by ?? user.DisplayName, user.Today);
        if (!done.IsSuccess) return done.Error!;
        if (item.CompetenceKindId is { } kind && !wasDone)
        {
            // Saves the item with it; the key makes a retry find the same competence.
            var recorded = await competences.RecordAsync(item.AssistantId, kind, item.DoneOn, item.DoneBy, null, $"training:{item.Id:N}", ct);
            return recorded.IsSuccess ? item.Id : recorded.Error!;
        }
        return await SaveAsync(item.Id, ct);
    }

    private static ItemView View(TrainingItem i, LocalDate today)
        => new(i.Id, i.AssistantId, i.Topic, i.CompetenceKindId, i.DueOn, i.Trainer, i.DoneOn, i.DoneBy, i.CancelledOn, i.IsLate(today));

    private sealed record Allowed(Guid ProviderId, string Name);

    /// <summary>Those who lead the arrangement and the employer's side; everyone else is told it does not exist.</summary>
    private async Task<Result<Allowed>> LeadsAsync(Guid arrangementId, CancellationToken ct)
    {
        if (!(await access.RelationTo(arrangementId, ct)).CanEdit()) return new NotFound();
        var a = await db.Arrangements.AsNoTracking().Where(x => x.Id == arrangementId).Select(x => new { x.ProviderId, x.Name }).FirstAsync(ct);
        return new Allowed(a.ProviderId, a.Name);
    }

    private async Task<Result<Guid>> EditAsync(Guid itemId, Func<TrainingItem, Result<TrainingItem>> edit, CancellationToken ct)
    {
        var item = await db.TrainingItems.FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null || !(await access.RelationTo(item.ArrangementId, ct)).CanEdit()) return new NotFound();
        var result = edit(item);
        if (!result.IsSuccess) return result.Error!;
        return await SaveAsync(item.Id, ct);
    }

    private Task<Result<Guid>> SaveAsync(Guid id, CancellationToken ct) => db.SaveOrConflictAsync(id, "Opplæringsplanen ble endret av noen andre samtidig. Les den på nytt.", ct);
}
