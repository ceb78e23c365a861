using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Billing;
using Selvstyrt.Domain.HourAccounts;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.HourAccounts;

/// <summary>One arrangement's hour account over a range of dates, with the decisions it was built from.</summary>
public sealed record ArrangementHours(
    Guid ArrangementId, Guid ProviderId, Guid MunicipalityId, HourLedger Ledger, IReadOnlyList<Decision> Decisions,
    IReadOnlyDictionary<LocalDate, DayHours> Days, decimal ThresholdPercent, IReadOnlyList<MunicipalityContract> Contracts);

/// <summary>
/// Loads what the hour accounts of many arrangements need in a fixed number of queries (decisions, published
/// plans, unused hours, opening balances, contracts), rolls the plans out and builds one <see cref="HourLedger"/>
/// per arrangement. The hour account page, the risk list and the municipality reports all come from here,
/// so their numbers agree by construction.
/// </summary>
public sealed class HourData(SelvstyrtDb db, CurrentUser user)
{
    /// <param name="arrangementIds">Arrangements the caller has already been authorised for.</param>
    /// <param name="from">First date needed (balances need the history from the first decision: use <see cref="FromFirstDecision"/>).</param>
    /// <param name="to">Last date needed.</param>
    /// <param name="ct">Cancels the queries.</param>
    public async Task<Dictionary<Guid, ArrangementHours>> LoadAsync(IReadOnlyCollection<Guid> arrangementIds, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var ids = arrangementIds.Distinct().ToList();
        var today = user.Today;
        var arrangements = await db.Arrangements.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.ProviderId, a.MunicipalityId }).ToListAsync(ct);
        var decisions = (await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.ArrangementId)).ToListAsync(ct)).ToLookup(d => d.ArrangementId);
        var plans = (await db.WorkPlans.AsNoTracking().Include(p => p.Shifts)
            .Where(p => ids.Contains(p.ArrangementId) && p.Status == PlanStatus.Published && p.StartsOn <= to && (p.EndsOn == null || p.EndsOn >= from))
            .ToListAsync(ct)).ToLookup(p => p.ArrangementId);
        var unused = (await db.UnusedHours.AsNoTracking().Where(u => ids.Contains(u.ArrangementId) && u.Date >= from && u.Date <= to)
            .Select(u => new { u.ArrangementId, u.Date, u.Hours }).ToListAsync(ct)).ToLookup(u => u.ArrangementId);
        var openings = (await db.OpeningBalances.AsNoTracking().Where(o => ids.Contains(o.ArrangementId) && o.Date <= to)
            .Select(o => new { o.ArrangementId, o.Date, o.Hours }).ToListAsync(ct)).ToLookup(o => o.ArrangementId);
        var providerIds = arrangements.Select(a => a.ProviderId).Distinct().ToList();
        var contracts = (await db.MunicipalityContracts.AsNoTracking().Where(c => providerIds.Contains(c.ProviderId)).ToListAsync(ct))
            .ToLookup(c => (c.ProviderId, c.MunicipalityId));

        var result = new Dictionary<Guid, ArrangementHours>();
        foreach (var a in arrangements)
        {
            var versions = decisions[a.Id].OrderBy(d => d.ValidFrom).ThenBy(d => d.VersionNo).ToList();
            var days = Days(plans[a.Id].ToList(), from, to);
            DailyHours.AddUnused(days, unused[a.Id].Select(u => (u.Date, u.Hours)));
            var own = contracts[(a.ProviderId, a.MunicipalityId)].OrderBy(c => c.ValidFrom).ToList();
            var threshold = own.FirstOrDefault(c => c.Covers(today))?.WarnThresholdPercent ?? MunicipalityContract.DefaultThresholdPercent;
            var ledger = new HourLedger(new LedgerInput(Grants(versions), days, openings[a.Id].Select(o => (o.Date, o.Hours)).ToList(), today, threshold));
            result[a.Id] = new ArrangementHours(a.Id, a.ProviderId, a.MunicipalityId, ledger, versions, days, threshold, own);
        }
        return result;
    }

    /// <summary>The first day of the arrangements' earliest decision (or <paramref name="fallback"/>), where balances start.</summary>
    public async Task<LocalDate> FromFirstDecision(IReadOnlyCollection<Guid> arrangementIds, LocalDate fallback, CancellationToken ct)
    {
        var ids = arrangementIds.ToList();
        var first = await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.ArrangementId)).Select(d => (LocalDate?)d.ValidFrom).MinAsync(ct);
        var opening = await db.OpeningBalances.AsNoTracking().Where(o => ids.Contains(o.ArrangementId)).Select(o => (LocalDate?)o.Date).MinAsync(ct);
        var earliest = new[] { first, opening, fallback }.Where(d => d is not null).Min()!.Value;
        return LocalDate.Min(earliest, fallback);
    }

    /// <summary>Decision versions as grants, each with the span of its chain (first version's start, last version's end).</summary>
    public static List<GrantVersion> Grants(IReadOnlyList<Decision> versions)
    {
        var byId = versions.ToDictionary(d => d.Id);
        var grants = new List<GrantVersion>();
        foreach (var d in versions.Where(v => !v.IsReplacedEntirely))
        {
            var root = d;
            while (root.PreviousVersionId is { } prev && byId.TryGetValue(prev, out var p)) root = p;
            var chain = versions.Where(v => SameChain(v, root, byId) && !v.IsReplacedEntirely).ToList();
            var chainTo = chain.Any(v => v.ValidTo is null) ? null : chain.Max(v => v.ValidTo);
            grants.Add(GrantVersion.Of(d.Terms, root.ValidFrom, chainTo));
        }
        return grants;
    }

    private static bool SameChain(Decision d, Decision root, Dictionary<Guid, Decision> byId)
    {
        var x = d;
        while (x.PreviousVersionId is { } prev && byId.TryGetValue(prev, out var p)) x = p;
        return x.Id == root.Id;
    }

    /// <summary>
    /// Rolls out the published plans: where two overlap, the one that starts later takes over from its start.
    /// Dates a published plan covers are «covered» (their planned hours go into the forecast).
    /// </summary>
    private static Dictionary<LocalDate, DayHours> Days(List<WorkPlan> plans, LocalDate from, LocalDate to)
    {
        var ordered = plans.OrderBy(p => p.StartsOn).ToList();
        var shifts = new List<PlannedShift>();
        var spans = new List<(LocalDate From, LocalDate To)>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var plan = ordered[i];
            var end = plan.EndsOn ?? to;
            if (i + 1 < ordered.Count) end = LocalDate.Min(end, ordered[i + 1].StartsOn.PlusDays(-1));
            if (end < plan.StartsOn) continue;
            spans.Add((plan.StartsOn, end));
            shifts.AddRange(plan.RollOut(LocalDate.Max(from, plan.StartsOn), LocalDate.Min(to, end), CurrentUser.Zone).Where(s => s.Date <= end));
        }
        return DailyHours.From(shifts, from, to, CurrentUser.Zone, date => spans.Any(s => s.From <= date && date <= s.To));
    }
}
