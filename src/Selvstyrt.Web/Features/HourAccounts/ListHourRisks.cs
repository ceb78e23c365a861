using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.HourAccounts;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.HourAccounts;

/// <summary>
/// «Timekontoer»: every arrangement the user leads or oversees, riskiest first: a VEDTAK-1 warning (forecast over
/// the municipality's threshold this month, this year or in the averaging period), then a decision that expires
/// within the provider's reminder days, then the largest forecast deviation.
/// </summary>
public static class ListHourRisks
{
    public sealed record Row(
        Guid Id, string Name, string MunicipalityName, decimal? HoursPerWeek, LocalDate? DecisionValidTo, int? DaysToExpiry,
        decimal? MonthDeviation, decimal? YearDeviation, decimal? AveragingDeviation, decimal ThresholdPercent, bool Warn, bool ExpiresSoon, bool NoDecision);

    public sealed class Handler(SelvstyrtDb db, ArrangementAccess access, HourData data, CurrentUser user)
    {
        public Task<List<Row>> HandleAsync(CancellationToken ct) => RowsAsync(access.LeadOrOverseenArrangements(), ct);

        /// <summary>The rows for arrangements the caller has already chosen (the user's, or every one for the daily job's warnings).</summary>
        public async Task<List<Row>> RowsAsync(IQueryable<Domain.Arrangements.Arrangement> within, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(within);
            var today = user.Today;
            var arrangements = await within.AsNoTracking()
                .Select(a => new
                {
                    a.Id, a.Name,
                    Municipality = db.Municipalities.Where(m => m.Id == a.MunicipalityId).Select(m => m.Name).First(),
                    ReminderDays = db.Providers.Where(p => p.Id == a.ProviderId).Select(p => p.DecisionReminderDays).First(),
                })
                .ToListAsync(ct);
            if (arrangements.Count == 0) return [];
            var from = new LocalDate(today.Year, 1, 1).PlusDays(-HourLedger.RunRateDays);
            var to = LocalDate.Max(new LocalDate(today.Year, 12, 31), today.PlusYears(1));
            var hours = await data.LoadAsync(arrangements.Select(a => a.Id).ToList(), from, to, ct);
            var rows = new List<Row>();
            foreach (var a in arrangements)
            {
                var h = hours[a.Id];
                var current = h.Ledger.Current();
                var inForce = DecisionHistory.InForce(h.Decisions, today);
                var lastEnd = DecisionHistory.CoveredUntil(h.Decisions.ToList(), today);
                int? days = lastEnd is { } end ? Period.Between(today, end, PeriodUnits.Days).Days : null;
                var month = current.Single(p => p.Kind == AccountPeriodKind.Month);
                var year = current.Single(p => p.Kind == AccountPeriodKind.Year);
                var averaging = current.SingleOrDefault(p => p.Kind == AccountPeriodKind.Averaging);
                var warn = month.Warn || year.Warn || averaging?.Warn == true;
                rows.Add(new Row(a.Id, a.Name, a.Municipality, inForce?.HoursPerWeek, lastEnd, days, month.ForecastDeviationPercent,
                    year.ForecastDeviationPercent, averaging?.ForecastDeviationPercent, h.ThresholdPercent, warn,
                    days is { } d && d <= a.ReminderDays, inForce is null));
            }
            return rows
                .OrderByDescending(r => r.Warn || r.NoDecision)
                .ThenByDescending(r => r.ExpiresSoon)
                .ThenByDescending(r => new[] { r.MonthDeviation, r.YearDeviation, r.AveragingDeviation }.Max() ?? decimal.MinValue)
                .ThenBy(r => r.DaysToExpiry ?? int.MaxValue)
                .ToList();
        }
    }
}
