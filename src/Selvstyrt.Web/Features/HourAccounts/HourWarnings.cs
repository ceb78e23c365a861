using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Notifications;
using Selvstyrt.Web.Resources;

namespace Selvstyrt.Web.Features.HourAccounts;

/// <summary>
/// VEDTAK-1 warnings as notifications (issue 23): the daily job computes every active arrangement's hour account and, where
/// the forecast goes over the municipality's threshold (this month, this year or the averaging period), records one
/// notification a month for its work leader, co-work leader and office coordinator. The start page lists this month's as
/// things to do, which keeps it fast however many arrangements a coordinator follows (the ledgers are not computed per
/// page view).
/// </summary>
public sealed class HourWarnings(SelvstyrtDb db, ListHourRisks.Handler risks, IStringLocalizer<Texts> texts, NotificationStore store)
{
    public const string Kind = "hour-warning";

    public async Task<int> RecordAsync(Instant now, CancellationToken ct)
    {
        var today = now.InZone(CurrentUser.Zone).Date;
        var warned = (await risks.RowsAsync(db.Arrangements.Where(a => a.RestrictedOn == null && (a.EndDate == null || a.EndDate >= today)), ct)).Where(r => r.Warn).ToList();
        if (warned.Count == 0) return 0;
        var ids = warned.Select(r => r.Id).ToList();
        var offices = await db.Arrangements.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.OfficeId, ct);
        var culture = CultureInfo.GetCultureInfo("nb-NO");
        var month = today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return await store.StoreForLeadersAsync([.. warned.Select(r => (r.Id, offices[r.Id]))], today, tell => warned.SelectMany(r =>
        {
            var worst = new[] { r.MonthDeviation, r.YearDeviation, r.AveragingDeviation }.Max() ?? 0m;
            var subject = string.Format(culture, texts["HourWarning.Subject"], r.Name);
            var body = string.Format(culture, texts["HourWarning.Body"], r.Name, worst.ToString("0.#", culture), r.ThresholdPercent.ToString("0.#", culture));
            return tell(r.Id, offices[r.Id]).Select(userId => Notification.Create(Guid.CreateVersion7(), userId, Kind, subject, body, $"/ordninger/{r.Id}/timekonto", $"{Kind}:{r.Id:N}:{month}", now));
        }).ToList(), ct);
    }

    /// <summary>This month's warnings for the user (the start page's tasks): the subject and where to act.</summary>
    public async Task<IReadOnlyList<(string Subject, string Link)>> ThisMonthAsync(Guid userId, LocalDate today, CancellationToken ct)
    {
        var suffix = ":" + today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var rows = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.Kind == Kind && n.DedupKey.EndsWith(suffix))
            .Select(n => new { n.Subject, n.Link }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Subject, r.Link)).OrderBy(r => r.Subject, StringComparer.CurrentCulture)];
    }
}
