using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.HourAccounts;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.HourAccounts;

/// <summary>
/// One arrangement's hour account for a calendar year: the current week, month, year (and averaging period)
/// with balance and forecast, every ISO week of the year, and the registered unused hours and opening
/// balances. Readable by everyone who may see the decision; an assistant gets 404. The read is access-logged.
/// </summary>
public static class GetHourAccount
{
    public sealed record UnusedView(Guid Id, LocalDate Date, decimal Hours, string Reason);

    public sealed record OpeningView(Guid Id, LocalDate Date, decimal Hours, string Note);

    /// <summary><see cref="UsedIsPlanned"/>: used hours are planned hours until time sheets exist (issue 6).</summary>
    public sealed record View(
        Guid Id, string Name, int Year, LocalDate Today, decimal? HoursPerWeek, decimal ThresholdPercent, decimal RunRatePerWeek,
        IReadOnlyList<PeriodSummary> Current, IReadOnlyList<WeekRow> Weeks, IReadOnlyList<UnusedView> Unused, IReadOnlyList<OpeningView> Openings,
        bool UsedIsPlanned, bool HasPublishedPlan, bool CanRegisterUnused, bool CanRegisterOpening);

    public sealed class Handler(SelvstyrtDb db, ArrangementAccess access, HourData data, CurrentUser user)
    {
        public async Task<Result<View>> HandleAsync(Guid id, int? year, CancellationToken ct)
        {
            var relation = await access.RelationTo(id, ct);
            if (!relation.CanSeeHourAccount()) return new NotFound();
            var today = user.Today;
            var y = year ?? today.Year;
            if (y < 2000 || y > today.Year + 5) return Invalid.Field("year", $"Året må være mellom 2000 og {today.Year + 5}.");
            var yearStart = new LocalDate(y, 1, 1);
            var yearEnd = new LocalDate(y, 12, 31);
            var to = LocalDate.Max(yearEnd, today.PlusYears(1));
            var hours = (await data.LoadAsync([id], LocalDate.Min(yearStart, today.PlusYears(-1)), to, ct, withHistory: true))[id];
            var ledger = hours.Ledger;
            var name = await db.Arrangements.AsNoTracking().Where(a => a.Id == id).Select(a => a.Name).SingleAsync(ct);
            var unused = await db.UnusedHours.AsNoTracking().Where(u => u.ArrangementId == id && u.Date >= yearStart && u.Date <= yearEnd)
                .OrderByDescending(u => u.Date).Select(u => new UnusedView(u.Id, u.Date, u.Hours, u.Reason)).ToListAsync(ct);
            var openings = await db.OpeningBalances.AsNoTracking().Where(o => o.ArrangementId == id)
                .OrderByDescending(o => o.Date).Select(o => new OpeningView(o.Id, o.Date, o.Hours, o.Note)).ToListAsync(ct);
            var hasPlan = hours.Days.Values.Any(d => d.Covered);
            await access.LogReadAsync(id, relation, "timekonto", ct);
            return new View(id, name, y, today, hours.Decisions.FirstOrDefault(d => d.IsValidOn(today))?.HoursPerWeek, hours.ThresholdPercent,
                Math.Round(ledger.RunRatePerDay * 7m, 2), ledger.Current(), ledger.Weeks(yearStart, yearEnd), unused, openings,
                UsedIsPlanned: true, hasPlan, relation.CanEdit(), relation.CanManageDecisions());
        }
    }
}
