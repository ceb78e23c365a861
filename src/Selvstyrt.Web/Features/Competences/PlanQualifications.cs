using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Plans;

namespace Selvstyrt.Web.Features.Competences;

/// <summary>
/// Who in a plan lacks a competence their shift requires (what everyone in the arrangement must hold, and the shift template's), on the day that counts: a rotation shift's
/// from the later of today and the plan's start, an exception's on its date (past dates are left alone). The plan editor
/// compares before and after an edit, so an edit that puts someone unqualified on a shift is refused, while a competence
/// that runs out later does not block unrelated edits. One instance serves both looks: the templates are read once, and
/// what each assistant holds is read once per assistant.
/// </summary>
public sealed class PlanQualifications
{
    public sealed record Gap(string Key, Guid AssistantId, LocalDate Date, IReadOnlyList<string> Missing);

    private readonly SelvstyrtDb _db;
    private readonly IReadOnlyList<string> _everyone;
    private readonly Dictionary<Guid, IReadOnlyList<string>> _required;
    private readonly Dictionary<Guid, List<HeldCompetence>> _held = [];

    private PlanQualifications(SelvstyrtDb db, IReadOnlyList<string> everyone, Dictionary<Guid, IReadOnlyList<string>> required)
        => (_db, _everyone, _required) = (db, everyone, required);

    /// <summary>
    /// The checker for an arrangement's plans (what everyone there must hold, and what each template adds), or null when nothing
    /// is required (nothing to check).
    /// </summary>
    public static async Task<PlanQualifications?> ForAsync(SelvstyrtDb db, Guid arrangementId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var everyone = await db.Arrangements.AsNoTracking().Where(a => a.Id == arrangementId).Select(a => a.RequiredCompetences).FirstOrDefaultAsync(ct) ?? [];
        var required = (await db.ShiftTemplates.AsNoTracking().Where(t => t.ArrangementId == arrangementId).Select(t => new { t.Id, t.Competences }).ToListAsync(ct))
            .Where(t => t.Competences.Count > 0).ToDictionary(t => t.Id, t => Qualification.Required(everyone, t.Competences));
        return required.Count == 0 && everyone.Count == 0 ? null : new PlanQualifications(db, everyone, required);
    }

    private IReadOnlyList<string> Needs(Guid? template) => template is { } t && _required.TryGetValue(t, out var needs) ? needs : _everyone;

    public async Task<List<Gap>> GapsAsync(WorkPlan plan, LocalDate today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var from = LocalDate.Max(today, plan.StartsOn);
        var wanted = new List<(string Key, Guid Assistant, LocalDate Date, IReadOnlyList<string> Needs)>();
        foreach (var s in plan.Shifts)
            if (s.AssistantId is { } a && Needs(s.TemplateId) is { Count: > 0 } needs) wanted.Add(($"shift:{s.Id:N}", a, from, needs));
        var templateOf = plan.Shifts.ToDictionary(s => s.Id, s => s.TemplateId);
        foreach (var d in plan.Deviations.Where(d => d.Date >= today))
            if (d.AssistantId is { } a && Needs(d.ShiftId is { } sid ? templateOf.GetValueOrDefault(sid) : null) is { Count: > 0 } needs)
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

    /// <summary>One assistant's gaps in a plan, for the editor's list and the publication's refusal: the first day and all that is missing.</summary>
    public sealed record PersonGap(Guid AssistantId, string Name, LocalDate From, IReadOnlyList<string> Missing)
    {
        public string Sentence => Qualification.Sentence(Name, Missing);
    }

    /// <summary>The plan's gaps from <paramref name="from"/>, one line per assistant (none when the arrangement requires nothing).</summary>
    public static async Task<List<PersonGap>> PeopleAsync(SelvstyrtDb db, WorkPlan plan, LocalDate from, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        if (await ForAsync(db, plan.ArrangementId, ct) is not { } checker) return [];
        var gaps = await checker.GapsAsync(plan, from, ct);
        if (gaps.Count == 0) return [];
        var ids = gaps.Select(g => g.AssistantId).Distinct().ToList();
        var names = await db.Assistants.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.FullName, ct);
        return [.. gaps.GroupBy(g => g.AssistantId).Select(g => new PersonGap(g.Key, names.GetValueOrDefault(g.Key, ""), g.Min(x => x.Date),
                [.. g.SelectMany(x => x.Missing).Distinct(StringComparer.OrdinalIgnoreCase)]))
            .OrderBy(g => g.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nb-NO"), false))];
    }

    /// <summary>What an assistant lacks of what a rotation shift's template requires, on the date (a swap's taker, for instance).</summary>
    public static async Task<IReadOnlyList<string>> MissingAsync(SelvstyrtDb db, WorkPlan plan, Guid shiftId, Guid assistant, LocalDate date, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        var everyone = await db.Arrangements.AsNoTracking().Where(a => a.Id == plan.ArrangementId).Select(a => a.RequiredCompetences).FirstOrDefaultAsync(ct) ?? [];
        var template = plan.Shifts.FirstOrDefault(s => s.Id == shiftId)?.TemplateId;
        var required = Qualification.Required(everyone, template is { } t
            ? await db.ShiftTemplates.AsNoTracking().Where(x => x.Id == t).Select(x => x.Competences).FirstOrDefaultAsync(ct)
            : null);
        if (required.Count == 0) return [];
        var held = await CompetenceRecords.HeldAsync(db, [assistant], ct);
        return Qualification.Missing(required, held.GetValueOrDefault(assistant) ?? [], date);
    }
}
