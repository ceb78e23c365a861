using System.Security.Cryptography;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Plans;

/// <summary>One shift in an assistant's own calendar.</summary>
public sealed record MyShift(Guid ArrangementId, string Arrangement, LocalDate Date, Instant Start, Instant End, PlanShiftKind Kind, bool Changed)
{
    /// <summary>The plan and the shift's key in it (<c>TimeSheet.PlanKey</c>): what a swap names.</summary>
    public Guid PlanId { get; init; }
    public string Key { get; init; } = "";
}

/// <summary>A change in the assistant's own plan.</summary>
public sealed record MyChange(string Arrangement, Instant At, string By, string Description);

/// <summary>The assistant's page: shifts across all arrangements, recent changes, and the calendar feed's state.</summary>
public sealed record MyPlanView(string Name, LocalDate From, LocalDate To, IReadOnlyList<MyShift> Shifts, IReadOnlyList<MyChange> Changes, bool HasFeed);

/// <summary>
/// «Min plan»: an assistant's published shifts in every arrangement they work in (one calendar, whatever the
/// arrangement), what changed lately, and a personal iCalendar feed with a secret, revocable address. The feed says
/// «Vakt» and the kind of shift, never the recipient's name or needs (no health details leave the app).
/// </summary>
public sealed class MyPlan(SelvstyrtDb db, CurrentUser user)
{
    private static readonly DateTimeZone Zone = CurrentUser.Zone;

    public async Task<MyPlanView?> ForUserAsync(LocalDate from, int days, CancellationToken ct)
    {
        var me = await db.Assistants.AsNoTracking().Where(a => a.UserId == user.Id).Select(a => new { a.Id, a.FullName }).FirstOrDefaultAsync(ct);
        if (me is null) return null;
        var to = from.PlusDays(days - 1);
        var shifts = await ShiftsAsync(me.Id, from, to, ct);
        var plans = await PlansAsync(me.Id, from, to, ct);
        var since = user.Now - NodaTime.Duration.FromDays(30);
        var planIds = plans.Select(p => p.Plan.Id).ToList();
        var names = plans.ToDictionary(p => p.Plan.Id, p => p.Name);
        var changes = (await db.PlanChanges.AsNoTracking().Where(c => planIds.Contains(c.PlanId) && c.At >= since).ToListAsync(ct))
            .Where(c => c.Concerns(me.Id)).OrderByDescending(c => c.At)
            .Select(c => new MyChange(names[c.PlanId], c.At, c.By, c.Description)).ToList();
        var hasFeed = await db.CalendarFeeds.AnyAsync(f => f.AssistantId == me.Id && f.RevokedAt == null, ct);
        return new MyPlanView(me.FullName, from, to, shifts, changes, hasFeed);
    }

    private sealed record PlanOf(WorkPlan Plan, string Name);

    private async Task<List<PlanOf>> PlansAsync(Guid assistantId, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var arrangements = await db.Arrangements.AsNoTracking()
            .Where(a => a.Assignments.Any(s => s.AssistantId == assistantId && s.From <= to && (s.To == null || s.To >= from)))
            .Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        var ids = arrangements.Select(a => a.Id).ToList();
        var plans = await db.WorkPlans.AsNoTracking().Include(p => p.Shifts).Include(p => p.Deviations).AsSplitQuery()
            .Where(p => ids.Contains(p.ArrangementId) && p.Status == PlanStatus.Published && p.StartsOn <= to && (p.EndsOn == null || p.EndsOn >= from))
            .ToListAsync(ct);
        return plans.Select(p => new PlanOf(p, arrangements.First(a => a.Id == p.ArrangementId).Name)).ToList();
    }

    private async Task<List<MyShift>> ShiftsAsync(Guid assistantId, LocalDate from, LocalDate to, CancellationToken ct)
        => (await PlansAsync(assistantId, from, to, ct))
            .SelectMany(p => p.Plan.RollOut(from, to, Zone).Where(s => s.AssistantId == assistantId && s.Date >= from)
                .Select(s => new MyShift(p.Plan.ArrangementId, p.Name, s.Date, s.Start, s.End, s.Kind, s.DeviationId is not null)
                {
                    PlanId = p.Plan.Id, Key = Domain.TimeSheets.TimeSheet.PlanKey(s.TemplateId, s.Date),
                }))
            .OrderBy(s => s.Start).ToList();

    /// <summary>Makes a new secret address (revoking the old one) and returns the secret once; only its hash is stored.</summary>
    public async Task<string?> RenewFeedAsync(CancellationToken ct)
    {
        if (await MyAssistantIdAsync(ct) is not { } me) return null;
        await RevokeAllAsync(me, ct);
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        db.CalendarFeeds.Add(CalendarFeed.Create(Guid.CreateVersion7(), me, secret, user.Now));
        await db.SaveChangesAsync(ct);
        return secret;
    }

    public async Task<bool> RevokeFeedAsync(CancellationToken ct)
    {
        if (await MyAssistantIdAsync(ct) is not { } me) return false;
        await RevokeAllAsync(me, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private Task<Guid?> MyAssistantIdAsync(CancellationToken ct)
        => db.Assistants.AsNoTracking().Where(a => a.UserId == user.Id).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);

    private async Task RevokeAllAsync(Guid assistant, CancellationToken ct)
    {
        foreach (var old in await db.CalendarFeeds.Where(f => f.AssistantId == assistant && f.RevokedAt == null).ToListAsync(ct)) old.Revoke(user.Now);
    }

    /// <summary>The iCalendar text for a secret, or null when it is unknown or revoked (answered as 404).</summary>
    public async Task<string?> FeedAsync(string secret, CancellationToken ct)
    {
        var hash = CalendarFeed.Hash(secret);
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash && f.RevokedAt == null, ct);
        if (feed is null) return null;
        var today = user.Today;
        var shifts = await ShiftsAsync(feed.AssistantId, today.PlusDays(-30), today.PlusDays(180), ct);
        var calendar = new Ical.Net.Calendar { ProductId = "-//Selvstyrt//Min plan//NB" };
        calendar.AddProperty("X-WR-CALNAME", "Vakter (Selvstyrt)");
        foreach (var s in shifts)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{s.ArrangementId:N}-{s.Start.ToUnixTimeSeconds()}@selvstyrt",
                Summary = $"Vakt: {KindName(s.Kind)}",
                DtStart = new CalDateTime(s.Start.ToDateTimeUtc()),
                DtEnd = new CalDateTime(s.End.ToDateTimeUtc()),
                DtStamp = new CalDateTime(user.Now.ToDateTimeUtc()),
                Description = "Fra arbeidsplanen i Selvstyrt. Se detaljer i appen.",
            });
        }
        return new CalendarSerializer().SerializeToString(calendar);
    }

    /// <summary>The kind in Norwegian (the calendar feed has no resource context).</summary>
    public static string KindName(PlanShiftKind kind) => kind switch
    {
        PlanShiftKind.Day => "dag",
        PlanShiftKind.Evening => "kveld",
        PlanShiftKind.AwakeNight => "våken natt",
        PlanShiftKind.SleepingNight => "sovende natt",
        PlanShiftKind.TwentyFourHour => "døgnvakt",
        PlanShiftKind.Travel => "reise",
        _ => "hjemmevakt",
    };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
