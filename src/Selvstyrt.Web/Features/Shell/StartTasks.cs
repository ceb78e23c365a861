using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.TimeSheets;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Shell;

/// <summary>
/// What the start page says needs doing now (issue 23), per role: the work leader's gaps in cover this week, time sheets
/// to approve and swaps to decide; the assistant's next shifts, time sheets not yet sent and unread notices; the case
/// worker's monthly reports ready. Each answer carries what the page needs to link to the place where it is done. Only
/// arrangements the user leads are read for gaps, so the start page stays cheap however large the provider.
/// </summary>
public sealed class StartTasks(SelvstyrtDb db, CurrentUser user)
{
    /// <summary>One led arrangement's cover this week (today to Sunday), from the published plan in force.</summary>
    public sealed record WeekCover(Guid ArrangementId, string Arrangement, Guid PlanId, int RotationWeek, int Gaps, decimal GapHours, CoverageGap? First, LocalDate? FirstDate);

    /// <summary>A month's time sheet of the assistant's that is past its month and not yet sent (or sent back).</summary>
    public sealed record DueSheet(Guid ArrangementId, string Arrangement, LocalDate Month, Guid? SheetId, SheetState? State);

    public sealed record ReadyReport(Guid MunicipalityId, string Municipality, YearMonth Month);

    public async Task<IReadOnlyList<WeekCover>> CoverThisWeekAsync(CancellationToken ct)
    {
        var uid = user.Id;
        var today = user.Today;
        var sunday = today.With(DateAdjusters.NextOrSame(IsoDayOfWeek.Sunday));
        var led = Leading.On(db, today).Where(l => l.UserId == uid).Select(l => l.ArrangementId);
        var plans = await db.WorkPlans.AsNoTracking().Include(p => p.Shifts).Include(p => p.Coverage).AsSplitQuery()
            .Where(p => led.Contains(p.ArrangementId) && p.Status == PlanStatus.Published && p.StartsOn <= sunday && (p.EndsOn == null || p.EndsOn >= today))
            .ToListAsync(ct);
        var names = await db.Arrangements.AsNoTracking().Where(a => led.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var result = new List<WeekCover>();
        foreach (var plan in plans.Where(p => p.Coverage.Count > 0).OrderBy(p => names.GetValueOrDefault(p.ArrangementId), StringComparer.CurrentCulture))
        {
            var cover = PlanCoverage.Of(plan);
            var gaps = new List<(LocalDate Date, CoverageGap Gap)>();
            for (var date = LocalDate.Max(today, plan.StartsOn); date <= sunday && (plan.EndsOn is null || date <= plan.EndsOn); date = date.PlusDays(1))
            {
                var week = plan.RotationWeekOf(date);
                gaps.AddRange(cover[week - 1].Gaps.Where(g => g.Day == date.DayOfWeek).Select(g => (date, g)));
            }
            var first = gaps.OrderBy(g => g.Date).ThenBy(g => g.Gap.StartMinute).FirstOrDefault();
            result.Add(new WeekCover(plan.ArrangementId, names.GetValueOrDefault(plan.ArrangementId) ?? "", plan.Id, plan.RotationWeekOf(LocalDate.Max(today, plan.StartsOn)),
                gaps.Count, gaps.Sum(g => g.Gap.LengthMinutes * (g.Gap.Needed - g.Gap.Planned)) / 60m, first.Gap, gaps.Count > 0 ? first.Date : null));
        }
        return result;
    }

    /// <summary>Sheets sent to the user as work leader or co-work leader and not yet approved.</summary>
    public Task<int> SheetsToApproveAsync(CancellationToken ct)
    {
        var uid = user.Id;
        var led = Leading.On(db, user.Today).Where(l => l.UserId == uid).Select(l => l.ArrangementId);
        return db.TimeSheets.CountAsync(s => s.State == SheetState.Submitted && led.Contains(s.ArrangementId), ct);
    }

    /// <summary>Swaps a colleague has said yes to, waiting for the user's decision as leader: per arrangement.</summary>
    public async Task<IReadOnlyList<(Guid ArrangementId, string Arrangement, int Count)>> SwapsToDecideAsync(CancellationToken ct)
    {
        var uid = user.Id;
        var led = Leading.On(db, user.Today).Where(l => l.UserId == uid).Select(l => l.ArrangementId);
        var rows = await db.ShiftSwaps.AsNoTracking().Where(s => s.State == ShiftSwapState.AwaitingApproval && led.Contains(s.ArrangementId))
            .GroupBy(s => s.ArrangementId).Select(g => new { Id = g.Key, Count = g.Count() }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var names = await db.Arrangements.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return [.. rows.Select(r => (r.Id, names.GetValueOrDefault(r.Id) ?? "", r.Count)).OrderBy(r => r.Item2, StringComparer.CurrentCulture)];
    }

    /// <summary>
    /// The assistant's sheets of months that have ended and are not sent: the month before this one in each arrangement
    /// they worked in (none started, a draft or one sent back), and any older one still under way.
    /// </summary>
    public IReadOnlyList<DueSheet> SheetsDue(IReadOnlyList<TimeSheets.MyMonth> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var thisMonth = new LocalDate(user.Today.Year, user.Today.Month, 1);
        return [.. months.Where(m => m.Month < thisMonth && (m.Sheet is null ? m.Month == thisMonth.PlusMonths(-1) : m.Sheet.State is SheetState.Draft or SheetState.Rejected))
            .Select(m => new DueSheet(m.ArrangementId, m.ArrangementName, m.Month, m.Sheet?.Id, m.Sheet?.State))
            .OrderBy(m => m.Month)];
    }

    public Task<int> UnreadNoticesAsync(CancellationToken ct)
    {
        var uid = user.Id;
        return db.Notifications.CountAsync(n => n.UserId == uid && n.ReadAt == null, ct);
    }

    /// <summary>For a case worker: last month's report for each municipality they work for (the month has ended, so it is ready).</summary>
    public async Task<IReadOnlyList<ReadyReport>> ReportsReadyAsync(CancellationToken ct)
    {
        var uid = user.Id;
        var month = user.Today.PlusMonths(-1).ToYearMonth();
        var municipalities = await db.ProviderGrants.AsNoTracking().Where(g => g.UserId == uid && g.Role == Domain.Access.ProviderRole.CaseWorker && g.MunicipalityId != null)
            .Join(db.Municipalities, g => g.MunicipalityId, m => m.Id, (g, m) => new { m.Id, m.Name }).Distinct().ToListAsync(ct);
        return [.. municipalities.OrderBy(m => m.Name, StringComparer.CurrentCulture).Select(m => new ReadyReport(m.Id, m.Name, month))];
    }
}
