using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Plans;

namespace Selvstyrt.Web.Features.Competences;

/// <summary>
/// Who in a plan lacks a competence their shift requires (the shift template's), on the day that counts: a rotation shift's
/// from the later of today and the plan's start, an exception's on its date (past dates are left alone). The plan editor
/// compares before and after an edit, so an edit that puts someone unqualified on a shift is refused, while a competence
/// that runs out later does not block unrelated edits. One instance serves both looks: the templates are read once, and
/// what each assistant holds is read once per assistant.
/// </summary>
public sealed class PlanQualifications
{
    public sealed record Gap(string Key, Guid AssistantId, LocalDate Date, IReadOnlyList<string> Missing);

    private readonly SelvstyrtDb _db;
    private readonly Dictionary<Guid, IReadOnlyList<string>> _required;
    private readonly Dictionary<Guid, List<HeldCompetence>> _held = [];

    private PlanQualifications(SelvstyrtDb db, Dictionary<Guid, IReadOnlyList<string>> required) => (_db, _required) = (db, required);

    /// <summary>The checker for an arrangement's plans, or null when none of its templates requires a competence (nothing to check).</summary>
    public static async Task<PlanQualifications?> ForAsync(SelvstyrtDb db, Guid arrangementId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var required = (await db.ShiftTemplates.AsNoTracking().Where(t => t.ArrangementId == arrangementId).Select(t => new { t.Id, t.Competences }).ToListAsync(ct))
            .Where(t => t.Competences.Count > 0).ToDictionary(t => t.Id, t => t.Competences);
        return required.Count == 0 ? null : new PlanQualifications(db, required);
    }

    public async Task<List<Gap>> GapsAsync(WorkPlan plan, LocalDate today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var from = LocalDate.Max(today, plan.StartsOn);
        var wanted = new List<(string Key, Guid Assistant, LocalDate Date, IReadOnlyList<string> Needs)>();
        foreach (var s in plan.Shifts)
            if (s.AssistantId is { } a && s.TemplateId is { } t && _required.TryGetValue(t, out var needs)) wanted.Add(($"shift:{s.Id:N}", a, from, needs));
        var templateOf = plan.Shifts.Where(s => s.TemplateId is not null).ToDictionary(s => s.Id, s => s.TemplateId!.Value);
        foreach (var d in plan.Deviations.Where(d => d.Date >= today))
            if (d.AssistantId is { } a && d.ShiftId is { } sid && templateOf.TryGetValue(sid, out var t) && _required.TryGetValue(t, out var needs))
                wanted.Add(($"deviation:{d.Id:N}", a, d.Date, needs));
        var unread = wanted.Select(w => w.Assistant).Distinct().Where(a => !_held.ContainsKey(a)).ToList();
        if (unread.Count > 0)
        {
            var read = await CompetenceRecords.HeldAsync(_db, unread, ct);
            foreach (var a in unread) _held[a] = read.GetValueOrDefault(a) ?? [];
        }
        return wanted.Select(w => new Gap(w.Key, w.Assistant, w.Date, Qualification.Missing(w.Needs, _held[w.Assistant], w.Date)))
            .Where(g => g.Missing.Count > 0).ToList();
    }

    /// <summary>What an assistant lacks of what a rotation shift's template requires, on the date (a swap's taker, for instance).</summary>
    public static async Task<IReadOnlyList<string>> MissingAsync(SelvstyrtDb db, WorkPlan plan, Guid shiftId, Guid assistant, LocalDate date, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Shifts.FirstOrDefault(s => s.Id == shiftId)?.TemplateId is not { } template) return [];
        var required = await db.ShiftTemplates.AsNoTracking().Where(t => t.Id == template).Select(t => t.Competences).FirstOrDefaultAsync(ct) ?? [];
        if (required.Count == 0) return [];
        var held = await CompetenceRecords.HeldAsync(db, [assistant], ct);
        return Qualification.Missing(required, held.GetValueOrDefault(assistant) ?? [], date);
    }
}
