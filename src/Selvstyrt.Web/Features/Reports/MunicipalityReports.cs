using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.HourAccounts;

namespace Selvstyrt.Web.Features.Reports;

/// <summary>
/// The municipality's reports, all built from the same hour accounts (<see cref="HourData"/>):
/// NS8435-RPT per month (granted, used, difference, hours by need, 2:1, unused), the invoice basis per month
/// (delivered hours × the contract's hourly rate, provider roles only), and the resource-intensive services
/// basis per year (recipients under 67). A case worker sees only their municipality; anyone else 404.
/// </summary>
public sealed class MunicipalityReports(SelvstyrtDb db, ArrangementAccess access, HourData data, CurrentUser user)
{
    public sealed record NeedHoursView(DecisionPurposes Need, decimal Granted);

    /// <summary>
    /// One arrangement's month. <see cref="Used"/> counts days before today; it is planned hours less registered
    /// unused hours where no approved time sheet covers the shift (<see cref="MonthlyReport.UsedIsPlanned"/> when none does). The night and 2:1 figures
    /// are parts of <see cref="Used"/> and may overlap (a second assistant at night counts in both).
    /// </summary>
    public sealed record MonthlyRow(
        Guid ArrangementId, string Name, string RecipientName, string CaseNumber, decimal Granted, decimal Used, decimal Difference,
        decimal? DifferencePercent, IReadOnlyList<NeedHoursView> GrantedByNeed, decimal AwakeNight, decimal SleepingNight, decimal TwoToOne, decimal Unused,
        bool Warn)
    {
        /// <summary>NS8435-RPT: competences the arrangement's assistants gained in the month (the training done).</summary>
        public int TrainingDone { get; init; }

        /// <summary>NS8435-RPT: items of the assistants' training plans due in the month (the training planned), given or not.</summary>
        public int TrainingPlanned { get; init; }

        /// <summary>NS8435-RPT: close relatives who worked there some day of the month without the municipality's approval (BPA-NAER).</summary>
        public int RelativesWithoutApproval { get; init; }
    }

    public sealed record MonthlyReport(
        Guid MunicipalityId, string MunicipalityName, string MunicipalityNumber, YearMonth Month, bool Complete, bool UsedIsPlanned,
        IReadOnlyList<MonthlyRow> Rows, decimal Granted, decimal Used, decimal Unused, decimal TwoToOne);

    public sealed record InvoiceLine(Guid ArrangementId, string Name, string CaseNumber, LocalDate From, LocalDate To, decimal Hours, decimal HourlyRate, decimal Amount, string Contract);

    public sealed record InvoiceBasis(Guid MunicipalityId, string MunicipalityName, YearMonth Month, bool Complete, IReadOnlyList<InvoiceLine> Lines, decimal Hours, decimal Amount, bool MissingRate);

    /// <summary><see cref="WageCost"/> is null until pay exists (issue 6): the report then gives hours only.</summary>
    public sealed record ResourceRow(Guid ArrangementId, string RecipientName, int AgeAtYearStart, decimal Hours, decimal? WageCost);

    public sealed record ResourceReport(Guid MunicipalityId, string MunicipalityName, int Year, IReadOnlyList<ResourceRow> Rows, decimal Hours, bool HoursOnly);

    public async Task<Result<MonthlyReport>> MonthlyAsync(Guid municipalityId, YearMonth month, CancellationToken ct)
    {
        var scope = await ScopeAsync(municipalityId, caseWorkers: true, ct);
        if (scope is null) return new NotFound();
        var (from, to) = (month.OnDayOfMonth(1), month.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1));
        var hours = await data.LoadAsync(scope.Arrangements.Select(a => a.Id).ToList(), from, to, ct);
        var today = user.Today;
        var rows = new List<MonthlyRow>();
        var approvedSeen = false;
        var (training, planned, relatives) = await PeopleFiguresAsync(scope.Arrangements.Select(a => a.Id).ToList(), from, to, ct);
        foreach (var a in scope.Arrangements)
        {
            var h = hours[a.Id];
            decimal granted = 0, used = 0, awake = 0, sleeping = 0, twoToOne = 0, unused = 0;
            var byNeed = new Dictionary<DecisionPurposes, decimal>();
            for (var date = from; date <= to; date = date.PlusDays(1))
            {
                var grant = h.Ledger.GrantOn(date);
                granted += h.Ledger.Granted(date);
                if (grant is not null)
                {
                    foreach (var need in grant.Needs.Where(n => n.Hours is not null))
                        byNeed[need.Need] = byNeed.GetValueOrDefault(need.Need) + grant.NeedAllotmentOn(need.Need, date);
                }
                if (date >= today) continue;
                var day = h.Ledger.Day(date);
                used += day.Used;
                awake += day.AwakeNight;
                sleeping += day.SleepingNight;
                twoToOne += day.TwoToOne;
                unused += day.UnusedTotal;
                approvedSeen |= day.PlannedApproved > 0 || day.Actual > 0;
            }
            var caseNumber = CaseNumber(h, from, to);
            decimal? percent = granted > 0 ? Math.Round((used - granted) / granted * 100m, 1, MidpointRounding.AwayFromZero) : null;
            var complete = to < today;
            rows.Add(new MonthlyRow(a.Id, a.Name, a.Recipient, caseNumber, Round(granted), Round(used), Round(used) - Round(granted), percent,
                byNeed.OrderBy(n => n.Key).Select(n => new NeedHoursView(n.Key, Round(n.Value))).ToList(),
                Round(awake), Round(sleeping), Round(twoToOne), Round(unused), complete && percent > h.ThresholdPercent)
            {
                TrainingDone = training.GetValueOrDefault(a.Id), TrainingPlanned = planned.GetValueOrDefault(a.Id), RelativesWithoutApproval = relatives.GetValueOrDefault(a.Id),
            });
        }
        return new MonthlyReport(municipalityId, scope.Name, scope.Number, month, to < today, UsedIsPlanned: !approvedSeen, rows,
            rows.Sum(r => r.Granted), rows.Sum(r => r.Used), rows.Sum(r => r.Unused), rows.Sum(r => r.TwoToOne));
    }

    /// <summary>
    /// The report's people columns per arrangement (issue 19, part 7): competences gained in the month by those with a place there
    /// in it, and close relatives placed there some day of the month before the municipality's approval.
    /// </summary>
    private async Task<(Dictionary<Guid, int> Training, Dictionary<Guid, int> Planned, Dictionary<Guid, int> Relatives)> PeopleFiguresAsync(List<Guid> arrangements, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var places = await db.Assignments.AsNoTracking().Where(s => arrangements.Contains(s.ArrangementId) && s.From <= to && (s.To == null || s.To >= from))
            .Select(s => new { s.ArrangementId, s.AssistantId, s.From, s.Relation, s.RelativeApprovedOn }).ToListAsync(ct);
        var people = places.Select(p => p.AssistantId).Distinct().ToList();
        var gained = await db.AssistantCompetences.AsNoTracking().Where(c => people.Contains(c.AssistantId) && c.GainedOn >= from && c.GainedOn <= to)
            .Select(c => c.AssistantId).ToListAsync(ct);
        var training = places.GroupBy(p => p.ArrangementId)
            .ToDictionary(g => g.Key, g => g.Select(p => p.AssistantId).Distinct().Sum(a => gained.Count(x => x == a)));
        var relatives = places.Where(p => p.Relation is not null && (p.RelativeApprovedOn is not { } approved || approved > LocalDate.Max(from, p.From)))
            .GroupBy(p => p.ArrangementId).ToDictionary(g => g.Key, g => g.Select(p => p.AssistantId).Distinct().Count());
        var planned = (await db.TrainingItems.AsNoTracking().Where(i => arrangements.Contains(i.ArrangementId) && i.CancelledOn == null && i.DueOn >= from && i.DueOn <= to)
            .Select(i => i.ArrangementId).ToListAsync(ct)).GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count());
        return (training, planned, relatives);
    }

    /// <summary>Whether the user may see the invoice basis of the municipality (provider roles only).</summary>
    public Task<bool> CanInvoiceAsync(Guid municipalityId, CancellationToken ct) => access.ReportableArrangements(municipalityId, caseWorkers: false).AnyAsync(ct);

    public async Task<Result<InvoiceBasis>> InvoiceAsync(Guid municipalityId, YearMonth month, CancellationToken ct)
    {
        var scope = await ScopeAsync(municipalityId, caseWorkers: false, ct);
        if (scope is null) return new NotFound();
        var (from, to) = (month.OnDayOfMonth(1), month.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1));
        var hours = await data.LoadAsync(scope.Arrangements.Select(a => a.Id).ToList(), from, to, ct);
        var today = user.Today;
        var lines = new List<InvoiceLine>();
        var missing = false;
        foreach (var a in scope.Arrangements)
        {
            var h = hours[a.Id];
            var caseNumber = CaseNumber(h, from, to);
            // One line per contract version in force during the month (a rate change mid-month gives two lines).
            foreach (var segment in Segments(from, LocalDate.Min(to, today.PlusDays(-1)), h))
            {
                var delivered = 0m;
                for (var date = segment.From; date <= segment.To; date = date.PlusDays(1)) delivered += h.Ledger.Day(date).Used;
                if (delivered == 0) continue;
                if (segment.Rate is null) missing = true;
                var rate = segment.Rate ?? 0m;
                var rounded = Round(delivered);
                lines.Add(new InvoiceLine(a.Id, a.Name, caseNumber, segment.From, segment.To, rounded, rate, Math.Round(rounded * rate, 2, MidpointRounding.AwayFromZero), segment.Reference));
            }
        }
        return new InvoiceBasis(municipalityId, scope.Name, month, to < today, lines, lines.Sum(l => l.Hours), lines.Sum(l => l.Amount), missing);
    }

    public async Task<Result<ResourceReport>> ResourceIntensiveAsync(Guid municipalityId, int year, CancellationToken ct)
    {
        var scope = await ScopeAsync(municipalityId, caseWorkers: true, ct);
        if (scope is null) return new NotFound();
        var from = new LocalDate(year, 1, 1);
        var to = new LocalDate(year, 12, 31);
        var under67 = scope.Arrangements.Where(a => Period.Between(a.BirthDate, from, PeriodUnits.Years).Years < 67).ToList();
        var hours = await data.LoadAsync(under67.Select(a => a.Id).ToList(), from, to, ct);
        var today = user.Today;
        var rows = under67.Select(a =>
        {
            var used = 0m;
            for (var date = from; date <= to && date < today; date = date.PlusDays(1)) used += hours[a.Id].Ledger.Day(date).Used;
            return new ResourceRow(a.Id, a.Recipient, Period.Between(a.BirthDate, from, PeriodUnits.Years).Years, Round(used), null);
        }).ToList();
        return new ResourceReport(municipalityId, scope.Name, year, rows, rows.Sum(r => r.Hours), HoursOnly: true);
    }

    private sealed record ScopeArrangement(Guid Id, string Name, string Recipient, LocalDate BirthDate);

    private sealed record Scope(string Name, string Number, List<ScopeArrangement> Arrangements);

    private async Task<Scope?> ScopeAsync(Guid municipalityId, bool caseWorkers, CancellationToken ct)
    {
        var arrangements = await access.ReportableArrangements(municipalityId, caseWorkers).AsNoTracking()
            .OrderBy(a => a.Name)
            .Select(a => new ScopeArrangement(a.Id, a.Name,
                db.Recipients.Where(r => r.Id == a.RecipientId).Select(r => r.FullName).First(),
                db.Recipients.Where(r => r.Id == a.RecipientId).Select(r => r.BirthDate).First()))
            .ToListAsync(ct);
        if (arrangements.Count == 0) return null;
        var m = await db.Municipalities.AsNoTracking().Where(x => x.Id == municipalityId).Select(x => new { x.Name, x.Number }).SingleAsync(ct);
        return new Scope(m.Name, m.Number, arrangements);
    }

    private static IEnumerable<(LocalDate From, LocalDate To, decimal? Rate, string Reference)> Segments(LocalDate from, LocalDate to, ArrangementHours h)
    {
        var start = from;
        while (start <= to)
        {
            var contract = h.Contracts.FirstOrDefault(c => c.Covers(start));
            var end = to;
            if (contract?.ValidTo is { } cEnd) end = LocalDate.Min(end, cEnd);
            var next = h.Contracts.Where(c => c.ValidFrom > start).Select(c => (LocalDate?)c.ValidFrom).Min();
            if (next is { } n) end = LocalDate.Min(end, n.PlusDays(-1));
            yield return (start, end, contract?.HourlyRate, contract?.Reference ?? "");
            start = end.PlusDays(1);
        }
    }

    /// <summary>The case number of the latest version in force during the period.</summary>
    private static string CaseNumber(ArrangementHours h, LocalDate from, LocalDate to)
        => h.Decisions.LastOrDefault(d => !d.IsReplacedEntirely && d.ValidFrom <= to && (d.ValidTo == null || d.ValidTo >= from))?.CaseNumber ?? "";

    private static decimal Round(decimal hours) => Math.Round(hours, 2, MidpointRounding.AwayFromZero);
}
