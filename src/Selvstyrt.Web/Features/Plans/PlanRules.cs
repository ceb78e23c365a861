using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Plans;

/// <summary>The findings of a plan and what the last edit changed (for the live region).</summary>
public sealed record PlanCheckResult(IReadOnlyList<PlanFinding> Findings, int Added, int Removed, DateInterval Window)
{
    /// <summary>The employer's agreements that cover someone in the plan within the window: the findings are judged by them.</summary>
    public IReadOnlyList<CoveringAgreement> Agreements { get; init; } = [];

    /// <summary>The long-shift bases (AML-10-12-4, Arbeidstilsynet) with their agreements, to say which one covers a long shift.</summary>
    public IReadOnlyList<(LegalBasis Basis, CoveringAgreement Agreement)> LongShiftBases { get; init; } = [];

    /// <summary>The agreement that lets an assistant work a shift above 13 hours on a day, or null.</summary>
    public CoveringAgreement? LongShiftCover(Guid assistant, LocalDate day)
        => LongShiftBases.FirstOrDefault(x => x.Basis.Covers(assistant.ToString(), day)).Agreement;

    public int OpenBreaches => Findings.Count(f => f.IsOpenBreach);
}

/// <summary>An agreement the plan's findings are judged by: its id, name and the code of its legal basis.</summary>
public sealed record CoveringAgreement(Guid Id, string Name, string Code);

/// <summary>
/// Runs the rules engine on a plan with its context: the plan's assistants, their declared other-employer hours, and
/// their published shifts in the employer's other arrangements. One <see cref="IncrementalChecker"/> per plan is kept
/// in memory and fed the difference after each edit, so an edit re-checks only the assistants it touched; when the
/// context (other plans, the assistants, the plan's dates) has changed, the checker is built anew.
/// </summary>
public sealed class PlanRules(SelvstyrtDb db, IMemoryCache cache, Agreements.AgreementBases agreements)
{
    private static readonly DateTimeZone Zone = CurrentUser.Zone;

    private sealed class Entry(IncrementalChecker checker, string stamp, Dictionary<string, ShiftInput> own)
    {
        public IncrementalChecker Checker { get; } = checker;
        public string Stamp { get; } = stamp;
        public Dictionary<string, ShiftInput> Own { get; set; } = own;
    }

    /// <summary>Checks the plan as it is now; <paramref name="info"/> replaces the plan's own dates (the publish form's).</summary>
    public async Task<PlanCheckResult> CheckAsync(WorkPlan plan, Arrangement arrangement, LocalDate today, PlanInfo? info, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(arrangement);
        var window = PlanCheck.Window(plan, today);
        var scope = await ScopeAsync(plan, arrangement, window, ct);
        var planInfo = info ?? new PlanInfo(plan.DiscussedOn, plan.StartsOn);
        var stamp = string.Join(';', scope.Stamp, window.Start, window.End, planInfo.DiscussedOn, planInfo.StartsOn);
        var own = PlanCheck.Shifts(plan, plan.ArrangementId, window, Employer(arrangement).Id, Zone).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var key = ("plan-rules", plan.Id);
        int added = 0, removed = 0;
        IReadOnlyList<Finding> findings;
        if (cache.TryGetValue(key, out Entry? entry) && entry!.Stamp == stamp)
        {
            lock (entry)
            {
                foreach (var (id, old) in entry.Own)
                {
                    if (own.ContainsKey(id)) continue;
                    Count(entry.Checker.Remove(id), ref added, ref removed);
                }
                foreach (var (id, shift) in own)
                {
                    if (!entry.Own.TryGetValue(id, out var old)) Count(entry.Checker.Add(shift), ref added, ref removed);
                    else if (!Same(old, shift)) Count(entry.Checker.Replace(shift), ref added, ref removed);
                }
                entry.Own = own;
                findings = entry.Checker.Findings;
            }
        }
        else
        {
            var context = await ContextAsync(plan, arrangement, window, scope, ct);
            var input = PlanCheck.Input(plan, context, window, Zone, planInfo);
            var checker = new IncrementalChecker(input);
            cache.Set(key, new Entry(checker, stamp, own), new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10), Size = 1 });
            findings = checker.Findings;
        }
        var people = scope.Assistants.Select(a => a.ToString()).ToHashSet(StringComparer.Ordinal);
        var covering = scope.Bases.Bases
            .Where(b => (b.From is null || b.From <= window.End) && (b.To is null || b.To >= window.Start) && (b.Assistants is null || b.Assistants.Overlaps(people)))
            .Select(b => new CoveringAgreement(Guid.Parse(b.Id!), scope.Bases.Names.GetValueOrDefault(b.Id!) ?? "", LegalBasis.Code(b.Kind))).ToList();
        var longShift = (from b in scope.Bases.Bases
                         where b.Kind is LegalBasisKind.TariffDeviation or LegalBasisKind.Arbeidstilsynet
                         join c in covering on b.Id equals c.Id.ToString()
                         select (b, c)).ToList();
        return new PlanCheckResult(PlanCheck.Relevant(plan, findings), added, removed, window) { Agreements = covering, LongShiftBases = longShift };
    }

    /// <summary>
    /// The input the editor's check runs on (the plan's window, the assistants' other shifts and declared hours, the
    /// employer's agreements), as the batch check's document takes it: <c>selvstyrt check</c> on it gives the same findings.
    /// </summary>
    public async Task<CheckInput> InputAsync(WorkPlan plan, Arrangement arrangement, LocalDate today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(arrangement);
        var window = PlanCheck.Window(plan, today);
        var scope = await ScopeAsync(plan, arrangement, window, ct);
        var context = await ContextAsync(plan, arrangement, window, scope, ct);
        return PlanCheck.Input(plan, context, window, Zone, new PlanInfo(plan.DiscussedOn, plan.StartsOn));
    }

    private static void Count(FindingChanges changes, ref int added, ref int removed)
    {
        added += changes.Added.Count;
        removed += changes.Removed.Count;
    }

    private static bool Same(ShiftInput a, ShiftInput b)
        => a.Assistant == b.Assistant && a.Start == b.Start && a.End == b.End && a.OnCall == b.OnCall && a.Travel == b.Travel
           && a.Passive.SequenceEqual(b.Passive) && a.Pauses.SequenceEqual(b.Pauses);

    /// <summary>Who and what the check depends on besides the plan, with a stamp that changes when any of it does.</summary>
    private sealed record CheckScope(List<Guid> Assistants, List<Guid> OtherPlans, bool FullyContinuous, Agreements.AgreementBases.Set Bases, string Stamp);

    /// <summary>
    /// The cheap part, run on every edit: the plan's assistants, the published plans of the employer's other arrangements
    /// they work in, and a stamp of their revisions and the assistants' last change. Only when the stamp differs from the
    /// cached checker's is the full context loaded (<see cref="ContextAsync"/>).
    /// </summary>
    private async Task<CheckScope> ScopeAsync(WorkPlan plan, Arrangement arrangement, DateInterval window, CancellationToken ct, IReadOnlyCollection<Guid>? people = null)
    {
        var ids = people?.ToList() ?? plan.Shifts.Where(s => s.AssistantId is not null).Select(s => s.AssistantId!.Value)
            .Concat(plan.Deviations.Where(d => d.AssistantId is not null).Select(d => d.AssistantId!.Value)).Distinct().ToList();
        var assistants = await db.Assistants.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.UpdatedAt, Other = a.OtherEmployerHours.Count }).ToListAsync(ct);
        var others = arrangement.EmployerModel == EmployerModel.Recipient
            ? []
            : await db.WorkPlans.AsNoTracking()
                .Where(p => p.ArrangementId != arrangement.Id && p.Status == PlanStatus.Published && p.StartsOn <= window.End && (p.EndsOn == null || p.EndsOn >= window.Start)
                            && db.Arrangements.Any(a => a.Id == p.ArrangementId && a.ProviderId == arrangement.ProviderId && a.EmployerModel != EmployerModel.Recipient
                                                        && a.Assignments.Any(s => ids.Contains(s.AssistantId))))
                .Select(p => new { p.Id, p.Revision, p.EndsOn }).ToListAsync(ct);
        var continuous = plan.Coverage.Any(c => c.Days == WeekDays.All && c.LengthMinutes >= 24 * 60);
        var bases = await agreements.ForAsync(arrangement, ct);
        var stamp = bases.Stamp + "|" + string.Join(',', others.OrderBy(p => p.Id).Select(p => $"{p.Id:N}:{p.Revision}:{p.EndsOn}"))
                    + "|" + string.Join(',', assistants.OrderBy(a => a.Id).Select(a => $"{a.Id:N}:{a.UpdatedAt?.ToUnixTimeTicks()}:{a.Other}"))
                    + "|" + continuous;
        return new CheckScope(ids, others.Select(p => p.Id).ToList(), continuous, bases, stamp);
    }

    /// <summary>
    /// The context for given assistants (the roster generator's: everyone who may be planned, not only those in the
    /// plan): their profiles, declared hours for other employers, and their shifts in the employer's other published plans.
    /// </summary>
    public async Task<PlanCheckContext> ContextForAsync(WorkPlan plan, Arrangement arrangement, IReadOnlyCollection<Guid> assistants, DateInterval window, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(arrangement);
        var scope = await ScopeAsync(plan, arrangement, window, ct, assistants);
        return await ContextAsync(plan, arrangement, window, scope, ct);
    }

    /// <summary>The full context for a new checker: the assistants' profiles and their shifts in the other plans.</summary>
    private async Task<PlanCheckContext> ContextAsync(WorkPlan plan, Arrangement arrangement, DateInterval window, CheckScope scope, CancellationToken ct)
    {
        var employerId = Employer(arrangement).Id;
        var assistants = await db.Assistants.AsNoTracking().Include(a => a.Employments).Include(a => a.OtherEmployerHours).AsSplitQuery()
            .Where(a => scope.Assistants.Contains(a.Id)).ToListAsync(ct);
        var otherPlans = scope.OtherPlans.Count == 0
            ? []
            : await db.WorkPlans.AsNoTracking().Include(p => p.Shifts).Include(p => p.Deviations).AsSplitQuery()
                .Where(p => scope.OtherPlans.Contains(p.Id)).ToListAsync(ct);
        var wanted = scope.Assistants.ToHashSet();
        var otherShifts = otherPlans
            .SelectMany(p => p.RollOut(window.Start, window.End, Zone).Where(s => s.AssistantId is { } a && wanted.Contains(a))
                .Select(s => PlanCheck.ToInput(s, p.ArrangementId.ToString(), employerId)))
            .GroupBy(s => s.Id, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var employer = EmployerProfileOf(arrangement, scope.Bases, window.Start);
        return new PlanCheckContext(employer, assistants.Select(a => Profile(a, employerId, window.Start)).ToList(), otherShifts, scope.FullyContinuous);
    }

    /// <summary>The employer as the rules see it: the provider (or municipality) under AML, or the recipient under the household regulation.</summary>
    public static (string Id, Regime Regime) Employer(Arrangement arrangement)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        return arrangement.EmployerModel == EmployerModel.Recipient
            ? (arrangement.RecipientId.ToString(), Regime.Household)
            : (arrangement.ProviderId.ToString(), Regime.Aml);
    }

    /// <summary>The arrangement's employer as the engine's profile, with the legal bases of its agreements and the tariff night window in force on <paramref name="on"/> (<see cref="Agreements.AgreementBases"/>).</summary>
    public static EmployerProfile EmployerProfileOf(Arrangement arrangement, Agreements.AgreementBases.Set agreements, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        ArgumentNullException.ThrowIfNull(agreements);
        var (id, regime) = Employer(arrangement);
        return regime == Regime.Household
            ? new EmployerProfile(id, regime, null, WeekAnchor.Monday, null, [], new EmployerSettings())
            : new EmployerProfile(id, regime, null, WeekAnchor.Monday, null, agreements.Bases, agreements.SettingsOn(on));
    }

    /// <summary>An assistant as the engine sees them on a day: birth date, employment and seniority, declared other-employer hours.</summary>
    public static AssistantProfile Profile(Assistant a, string employer, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(a);
        var employment = a.EmploymentOn(on) ?? a.Employments.OrderByDescending(e => e.Start).FirstOrDefault();
        var other = a.OtherEmployerHours.Select(o => new OtherEmployerHoursDeclared(o.EmployerName, (double)o.HoursPerWeek, o.From, o.To)).ToList();
        return new AssistantProfile(a.Id.ToString(), employer, a.BirthDate, employment?.Start, employment?.SeniorityYearsOn(on), null, PlanHours.FullTimeRota, other);
    }

    /// <summary>The paragraph a rule cites (for the finding list).</summary>
    public static string Paragraph(string rule) => RuleEngine.Rules.FirstOrDefault(r => r.Id == rule)?.Paragraph ?? rule;

    /// <summary>Short text for a severity.</summary>
    public static string SeverityCode(Severity s) => s.ToString().ToLower(CultureInfo.InvariantCulture);
}
