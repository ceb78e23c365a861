using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Billing;
using Selvstyrt.Domain.HourAccounts;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.TimeSheets;
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
    /// <param name="from">First date needed.</param>
    /// <param name="to">Last date needed.</param>
    /// <param name="ct">Cancels the queries.</param>
    /// <param name="withHistory">
    /// Start at the first decision or opening balance when that is earlier than <paramref name="from"/>: balances
    /// (<see cref="HourLedger.BalanceAtEndOf"/>) need every day of their averaging period.
    /// </param>
    public async Task<Dictionary<Guid, ArrangementHours>> LoadAsync(IReadOnlyCollection<Guid> arrangementIds, LocalDate from, LocalDate to, CancellationToken ct, bool withHistory = false)
    {
        var ids = arrangementIds.Distinct().ToList();
        var today = user.Today;
        var arrangements = await db.Arrangements.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.ProviderId, a.MunicipalityId }).ToListAsync(ct);
        var allDecisions = await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.ArrangementId)).ToListAsync(ct);
        var decisions = allDecisions.ToLookup(d => d.ArrangementId);
        var allOpenings = await db.OpeningBalances.AsNoTracking().Where(o => ids.Contains(o.ArrangementId) && o.Date <= to)
            .Select(o => new { o.ArrangementId, o.Date, o.Hours }).ToListAsync(ct);
        var openings = allOpenings.ToLookup(o => o.ArrangementId);
        if (withHistory)
        {
            foreach (var d in allDecisions) from = LocalDate.Min(from, d.ValidFrom);
            foreach (var o in allOpenings) from = LocalDate.Min(from, o.Date);
        }
        var plans = (await db.WorkPlans.AsNoTracking().Include(p => p.Shifts).Include(p => p.Deviations).AsSplitQuery()
            .Where(p => ids.Contains(p.ArrangementId) && p.Status == PlanStatus.Published && p.StartsOn <= to && (p.EndsOn == null || p.EndsOn >= from))
            .ToListAsync(ct)).ToLookup(p => p.ArrangementId);
        var unused = (await db.UnusedHours.AsNoTracking().Where(u => ids.Contains(u.ArrangementId) && u.Date >= from && u.Date <= to)
            .Select(u => new { u.ArrangementId, u.Date, u.Hours }).ToListAsync(ct)).ToLookup(u => u.ArrangementId);
        // Approved time sheets replace the plan for their assistant and month (issue 6). Only the columns the account needs:
        // at ten times the demo, whole sheets with every entry were most of the risk list's time (issue 21, P4).
        var firstMonth = new LocalDate(from.Year, from.Month, 1);
        var approvedSheets = db.TimeSheets.AsNoTracking()
            .Where(s => ids.Contains(s.ArrangementId) && s.Month >= firstMonth && s.Month <= to
                        && (s.State == SheetState.Approved || s.State == SheetState.Attested || s.State == SheetState.Exported));
        var sheetMonths = (await approvedSheets.Select(s => new SheetMonth(s.ArrangementId, s.AssistantId, s.Month)).ToListAsync(ct)).ToLookup(s => s.ArrangementId);
        var sheetEntries = (await approvedSheets
            .SelectMany(s => s.Entries, (s, e) => new { s.ArrangementId, Entry = e })
            .Where(x => x.Entry.SupersededById == null && (x.Entry.Source != EntrySource.Correction || x.Entry.CorrectionApprovedAt != null)
                        && (x.Entry.Status == EntryStatus.Worked || (x.Entry.Status == EntryStatus.NotWorked && !x.Entry.Substituted && x.Entry.PlannedStart != null && x.Entry.PlannedEnd != null)))
            .Select(x => new SheetTime(x.ArrangementId, x.Entry.Status, x.Entry.Start, x.Entry.End, x.Entry.FreePauseMinutes, x.Entry.PassiveOffsetMinutes, x.Entry.PassiveMinutes,
                x.Entry.OvertimeMinutes, x.Entry.PlannedStart, x.Entry.PlannedEnd))
            .ToListAsync(ct)).ToLookup(x => x.ArrangementId);
        var providerIds = arrangements.Select(a => a.ProviderId).Distinct().ToList();
        var contracts = (await db.MunicipalityContracts.AsNoTracking().Where(c => providerIds.Contains(c.ProviderId)).ToListAsync(ct))
            .ToLookup(c => (c.ProviderId, c.MunicipalityId));

        var result = new Dictionary<Guid, ArrangementHours>();
        foreach (var a in arrangements)
        {
            var versions = decisions[a.Id].OrderBy(d => d.ValidFrom).ThenBy(d => d.VersionNo).ToList();
            var (days, shifts) = Days(plans[a.Id].ToList(), from, to);
            DailyHours.AddUnused(days, unused[a.Id].Select(u => (u.Date, u.Hours)));
            DailyHours.AddFromSheets(days, FromSheets(sheetMonths[a.Id], sheetEntries[a.Id], shifts), CurrentUser.Zone);
            var own = contracts[(a.ProviderId, a.MunicipalityId)].OrderBy(c => c.ValidFrom).ToList();
            var threshold = own.FirstOrDefault(c => c.Covers(today))?.WarnThresholdPercent ?? MunicipalityContract.DefaultThresholdPercent;
            var ledger = new HourLedger(new LedgerInput(Grants(versions), days, openings[a.Id].Select(o => (o.Date, o.Hours)).ToList(), today, threshold));
            result[a.Id] = new ArrangementHours(a.Id, a.ProviderId, a.MunicipalityId, ledger, versions, days, threshold, own);
        }
        return result;
    }

    /// <summary>Decision versions as grants, each with the span of its chain (first version's start, last version's end).</summary>
    public static List<GrantVersion> Grants(IReadOnlyList<Decision> versions)
    {
        var byId = versions.ToDictionary(d => d.Id);
        Decision RootOf(Decision d)
        {
            while (d.PreviousVersionId is { } prev && byId.TryGetValue(prev, out var p)) d = p;
            return d;
        }
        var chains = versions.Where(v => !v.IsReplacedEntirely).ToLookup(v => RootOf(v).Id);
        return versions.Where(v => !v.IsReplacedEntirely).Select(d =>
        {
            var root = RootOf(d);
            var chain = chains[root.Id].ToList();
            return GrantVersion.Of(d.Terms, root.ValidFrom, chain.Any(v => v.ValidTo is null) ? null : chain.Max(v => v.ValidTo));
        }).ToList();
    }

    /// <summary>An approved sheet's assistant and month: the planned shifts it replaces.</summary>
    private sealed record SheetMonth(Guid ArrangementId, Guid AssistantId, LocalDate Month);

    /// <summary>A counting entry of an approved sheet: worked, or not worked without a substitute.</summary>
    private sealed record SheetTime(Guid ArrangementId, EntryStatus Status, Instant Start, Instant End, int FreePauseMinutes, int PassiveOffsetMinutes, int PassiveMinutes,
        int OvertimeMinutes, Instant? PlannedStart, Instant? PlannedEnd);

    /// <summary>
    /// What approved sheets say about the days: each worked entry's working time, the planned shifts of the same
    /// assistant and month that the sheet replaces, and the planned time of shifts not worked without a substitute.
    /// </summary>
    private static IEnumerable<(Instant Start, Instant End, DailyHours.SheetPart Part)> FromSheets(IEnumerable<SheetMonth> sheets, IEnumerable<SheetTime> entries, List<PlannedShift> planned)
    {
        foreach (var e in entries)
        {
            if (e.Status == EntryStatus.Worked)
            {
                var times = new EntryTimes(e.Start, e.End, e.FreePauseMinutes, e.PassiveOffsetMinutes, e.PassiveMinutes, e.OvertimeMinutes, null);
                foreach (var (start, end) in times.WorkIntervals()) yield return (start, end, DailyHours.SheetPart.Worked);
            }
            else
            {
                yield return (e.PlannedStart!.Value, e.PlannedEnd!.Value, DailyHours.SheetPart.NotWorked);
            }
        }
        var byAssistant = planned.Where(s => s.AssistantId is not null).ToLookup(s => s.AssistantId!.Value);
        foreach (var sheet in sheets)
        {
            var last = sheet.Month.PlusMonths(1).PlusDays(-1);
            foreach (var s in byAssistant[sheet.AssistantId].Where(s => s.Date >= sheet.Month && s.Date <= last))
                yield return (s.Start, s.End, DailyHours.SheetPart.PlannedReplaced);
        }
    }

    /// <summary>
    /// Rolls out the published plans: where two overlap, the one that starts later takes over from its start.
    /// Dates a published plan covers are «covered» (their planned hours go into the forecast).
    /// </summary>
    private static (Dictionary<LocalDate, DayHours> Days, List<PlannedShift> Shifts) Days(List<WorkPlan> plans, LocalDate from, LocalDate to)
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
            // A vacant shift (its assistant away, nobody in it yet) is not used hours: it counts when a substitute takes it.
            shifts.AddRange(plan.RollOut(LocalDate.Max(from, plan.StartsOn), LocalDate.Min(to, end), CurrentUser.Zone)
                .Where(s => s.Date <= end && !s.IsVacant));
        }
        return (DailyHours.From(shifts, from, to, CurrentUser.Zone, date => spans.Any(s => s.From <= date && date <= s.To)), shifts);
    }
}
