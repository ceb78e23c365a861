using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Hiring;

/// <summary>
/// Whether assistants may work in an arrangement on a day (issue 19, part 2): employed that day (ANSATT-1), the police certificate of
/// the employment shown and cleared (BPA-POL-5-4), the confidentiality declaration signed (TAUSHET-1), and a close relative approved by the
/// municipality (BPA-NAER). Publishing a plan, changing a published one, giving or taking a vacant shift, a swap, and confirming
/// or clocking in on a time sheet all ask here, so a shift before the certificate can be neither published nor confirmed.
/// Read once for a set of assistants; each question is then answered from memory.
/// </summary>
public sealed class WorkReadiness
{
    /// <summary>An assistant who may not work on their first day in a plan, with why.</summary>
    public sealed record Gap(Guid AssistantId, string Name, LocalDate Day, IReadOnlyList<HiringFinding> Findings)
    {
        public string Sentence => $"{Name}: {string.Join(" ", Findings.Select(f => f.Message))}";
    }

    private sealed record Certificate(Guid EmploymentId, LocalDate Start, LocalDate? End, LocalDate? ClearsFrom, LocalDate? ShownOn);

    private sealed record Place(LocalDate From, LocalDate? To, CloseRelation? Relation, LocalDate? ApprovedOn);

    private readonly Dictionary<Guid, List<Certificate>> _employments;
    private readonly Dictionary<Guid, LocalDate> _declared;
    private readonly Dictionary<Guid, List<Place>> _places;

    private WorkReadiness(Dictionary<Guid, List<Certificate>> employments, Dictionary<Guid, LocalDate> declared, Dictionary<Guid, List<Place>> places)
        => (_employments, _declared, _places) = (employments, declared, places);

    /// <summary>Reads what decides the assistants' readiness for work in the arrangement (three queries).</summary>
    public static async Task<WorkReadiness> ForAsync(SelvstyrtDb db, IReadOnlyCollection<Guid> assistants, Guid arrangementId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = assistants.Distinct().ToList();
        var employments = (await db.Employments.AsNoTracking().Where(e => ids.Contains(e.AssistantId))
                .GroupJoin(db.PoliceCertificates.AsNoTracking(), e => e.Id, c => c.EmploymentId, (e, cs) => new { e, cs })
                .SelectMany(x => x.cs.DefaultIfEmpty(), (x, c) => new { x.e.AssistantId, x.e.Id, x.e.Start, x.e.End, Certificate = c })
                .ToListAsync(ct))
            .GroupBy(x => x.AssistantId)
            .ToDictionary(g => g.Key, g => g.Select(x => new Certificate(x.Id, x.Start, x.End, x.Certificate?.ClearsFrom, x.Certificate?.ShownOn)).ToList());
        var declared = (await db.ConfidentialityDeclarations.AsNoTracking().Where(d => ids.Contains(d.AssistantId)).Select(d => new { d.AssistantId, d.SignedOn }).ToListAsync(ct))
            .GroupBy(d => d.AssistantId).ToDictionary(g => g.Key, g => g.Min(d => d.SignedOn));
        var places = (await db.Assignments.AsNoTracking().Where(s => s.ArrangementId == arrangementId && ids.Contains(s.AssistantId))
                .Select(s => new { s.AssistantId, s.From, s.To, s.Relation, s.RelativeApprovedOn }).ToListAsync(ct))
            .GroupBy(s => s.AssistantId).ToDictionary(g => g.Key, g => g.Select(s => new Place(s.From, s.To, s.Relation, s.RelativeApprovedOn)).ToList());
        return new WorkReadiness(employments, declared, places);
    }

    /// <summary>What stands in the way of the assistant working in the arrangement on the day; empty when nothing does.</summary>
    public IReadOnlyList<HiringFinding> On(Guid assistantId, LocalDate day)
    {
        var findings = new List<HiringFinding>();
        var employments = _employments.GetValueOrDefault(assistantId) ?? [];
        var employment = employments.FirstOrDefault(e => e.Start <= day && (e.End is null || e.End >= day));
        if (employment is null)
        {
            // Not employed that day (ANSATT-1): the certificate of the next employment is the one that will count.
            var next = employments.Where(e => e.Start > day).OrderBy(e => e.Start).FirstOrDefault();
            findings.Add(HiringRules.Employed(false, next?.Start, day)!);
            employment = next;
        }
        var clears = employment?.ClearsFrom is { } from && from <= day;
        if (HiringRules.PoliceCertificate(employment?.ShownOn, clears, day) is { } police) findings.Add(police);
        if (HiringRules.Confidentiality(_declared.TryGetValue(assistantId, out var signed) ? signed : null, day) is { } secret) findings.Add(secret);
        var place = _places.GetValueOrDefault(assistantId)?.FirstOrDefault(p => p.From <= day && (p.To is null || p.To >= day));
        if (place is not null && HiringRules.CloseRelative(place.Relation, place.ApprovedOn, day) is { } relative) findings.Add(relative);
        return findings;
    }

    /// <summary>
    /// The assistants of a plan who may not work on their first day in it from <paramref name="from"/> (a rotation's first cycle
    /// from that day, and every exception after it): readiness only grows with time, so the first day is the one that decides.
    /// </summary>
    public static async Task<List<Gap>> PlanGapsAsync(SelvstyrtDb db, WorkPlan plan, LocalDate from, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        var first = FirstDays(plan, from);
        if (first.Count == 0) return [];
        var readiness = await ForAsync(db, first.Keys, plan.ArrangementId, ct);
        var names = await db.Assistants.AsNoTracking().Where(a => first.Keys.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.FullName, ct);
        return first.OrderBy(f => f.Value).ThenBy(f => names.GetValueOrDefault(f.Key), StringComparer.Ordinal)
            .Select(f => new Gap(f.Key, names.GetValueOrDefault(f.Key) ?? "", f.Value, readiness.On(f.Key, f.Value)))
            .Where(g => g.Findings.Count > 0).ToList();
    }

    /// <summary>Each assistant's first working day in the plan from the day (the plan's own start when later).</summary>
    public static Dictionary<Guid, LocalDate> FirstDays(WorkPlan plan, LocalDate from)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var start = LocalDate.Max(from, plan.StartsOn);
        var to = start.PlusDays((plan.RotationWeeks * 7) - 1);
        if (plan.Deviations.Count > 0) to = LocalDate.Max(to, plan.Deviations.Max(d => d.Date));
        var first = new Dictionary<Guid, LocalDate>();
        foreach (var s in plan.RollOut(start, to, CurrentUser.Zone))
            if (s.AssistantId is { } a && s.Date >= start && (!first.TryGetValue(a, out var d) || s.Date < d)) first[a] = s.Date;
        return first;
    }

    /// <summary>
    /// After an edit of a published plan: someone who now works earlier than before (or is new to it) and may not work on that
    /// day. Only those are read, so most edits ask the database nothing.
    /// </summary>
    public static async Task<Gap?> EarlierUnreadyAsync(SelvstyrtDb db, WorkPlan plan, IReadOnlyDictionary<Guid, LocalDate> firstDaysBefore, LocalDate from, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(firstDaysBefore);
        var earlier = FirstDays(plan, from).Where(f => !firstDaysBefore.TryGetValue(f.Key, out var d) || f.Value < d).ToDictionary(f => f.Key, f => f.Value);
        if (earlier.Count == 0) return null;
        var readiness = await ForAsync(db, earlier.Keys, plan.ArrangementId, ct);
        var (assistant, day) = earlier.Select(f => (f.Key, f.Value)).FirstOrDefault(f => readiness.On(f.Key, f.Value).Count > 0);
        if (assistant == Guid.Empty) return null;
        var name = await db.Assistants.AsNoTracking().Where(a => a.Id == assistant).Select(a => a.FullName).FirstAsync(ct);
        return new Gap(assistant, name, day, readiness.On(assistant, day));
    }
}
