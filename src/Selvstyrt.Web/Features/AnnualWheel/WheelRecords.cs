using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.Quality;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Notifications;
using Selvstyrt.Web.Features.Quality;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.AnnualWheel;

/// <summary>
/// The annual wheel (issue 20, part 6; the handbook's appendix 6): each arrangement's tasks by month, generated every year by the
/// daily job (and by hand for an arrangement that starts mid-year), done by name and day, with the work leader's own tasks beside
/// them. Those who lead the arrangement and the office and provider that manage it read and change it; the recipient and a deputy
/// read it; an auditor with a purpose reads every arrangement's.
/// </summary>
public sealed class WheelRecords(SelvstyrtDb db, CurrentUser user, ArrangementAccess access, QualityTargets targets)
{
    /// <summary>A reminder is sent this many days before a task is due, and again once it is overdue.</summary>
    public const int RemindDaysBefore = 14;

    public sealed record Wheel(Guid ArrangementId, string Name, int Year, IReadOnlyList<WheelTask> Tasks, bool CanEdit);

    /// <summary>One arrangement's year in the overview: tasks, done, overdue, and per period (1-4) done of all.</summary>
    public sealed record Line(Guid ArrangementId, string Name, string Office, int Tasks, int Done, int Overdue, IReadOnlyList<(int Done, int All)> Periods,
        WheelTask? Next);

    /// <summary>The wheel of one arrangement and year, by deadline (empty until the daily job or <see cref="GenerateAsync"/> makes it).</summary>
    public async Task<Result<Wheel>> GetAsync(Guid arrangementId, int year, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!CanRead(relation)) return new NotFound();
        var name = await db.Arrangements.AsNoTracking().Where(a => a.Id == arrangementId).Select(a => a.Name).FirstAsync(ct);
        var tasks = await db.WheelTasks.AsNoTracking().Where(t => t.ArrangementId == arrangementId && t.Year == year).OrderBy(t => t.DueOn).ThenBy(t => t.Kind).ToListAsync(ct);
        return new Wheel(arrangementId, name, year, tasks, relation.CanEdit());
    }

    /// <summary>Makes the year's catalogue tasks of an arrangement the user may change; those already there are kept as they are.</summary>
    public async Task<Result<int>> GenerateAsync(Guid arrangementId, int? year, CancellationToken ct)
    {
        if (await RefusedAsync(arrangementId, ct) is { } refused) return refused;
        if (year is null || year < user.Today.Year - 1 || year > user.Today.Year + 1)
            return Invalid.Field("year", $"Året må være mellom {user.Today.Year - 1} og {user.Today.Year + 1}.");
        return await GenerateForAsync(db, [arrangementId], year.Value, ct);
    }

    /// <summary>Makes the year's catalogue tasks for the arrangements (the daily job calls this for every active one).</summary>
    public static async Task<int> GenerateForAsync(SelvstyrtDb db, IReadOnlyCollection<Guid> arrangementIds, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var first = new LocalDate(year, 1, 1);
        var arrangements = await db.Arrangements.AsNoTracking().Where(a => arrangementIds.Contains(a.Id) && (a.EndDate == null || a.EndDate >= first))
            .Select(a => new { a.Id, a.ProviderId, a.OfficeId, a.StartDate, a.EndDate }).ToListAsync(ct);
        var ids = arrangements.Select(a => a.Id).ToList();
        var have = (await db.WheelTasks.AsNoTracking().Where(t => ids.Contains(t.ArrangementId) && t.Year == year).Select(t => t.Id).ToListAsync(ct)).ToHashSet();
        var made = arrangements.SelectMany(a => WheelTask.Generate(a.ProviderId, a.OfficeId, a.Id, year, a.StartDate, a.EndDate)).Where(t => !have.Contains(t.Id)).ToList();
        if (made.Count == 0) return 0;
        db.WheelTasks.AddRange(made);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance or request made them at the same moment; the keyed ids make theirs the same tasks.
            db.ChangeTracker.Clear();
            return 0;
        }
        return made.Count;
    }

    /// <summary>The daily job: this year's wheel for every active arrangement, and from 1 October next year's too.</summary>
    public static async Task<int> GenerateYearAsync(SelvstyrtDb db, LocalDate today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var active = await db.Arrangements.AsNoTracking().Where(a => a.EndDate == null || a.EndDate >= today).Select(a => a.Id).ToListAsync(ct);
        var made = await GenerateForAsync(db, active, today.Year, ct);
        if (today.Month >= 10) made += await GenerateForAsync(db, active, today.Year + 1, ct);
        return made;
    }

    /// <summary>The daily reminder: a task due within two weeks, and one overdue, told once each to those who lead the arrangement.</summary>
    public static async Task<int> RemindAsync(SelvstyrtDb db, NotificationStore store, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(store);
        var today = now.InZone(CurrentUser.Zone).Date;
        var soon = today.PlusDays(RemindDaysBefore);
        var open = await db.WheelTasks.AsNoTracking().Where(t => t.DoneOn == null && t.DueOn <= soon && t.DueOn >= today.PlusDays(-31)).ToListAsync(ct);
        if (open.Count == 0) return 0;
        var arrangements = open.Select(t => t.ArrangementId).Distinct().ToList();
        var leaders = (await Leading.On(db, today).Where(l => arrangements.Contains(l.ArrangementId)).Select(l => new { l.ArrangementId, l.UserId }).ToListAsync(ct))
            .ToLookup(l => l.ArrangementId, l => l.UserId);
        var wanted = new List<Notification>();
        foreach (var t in open)
        {
            var late = t.Overdue(today);
            foreach (var leader in leaders[t.ArrangementId].Distinct())
                wanted.Add(Notification.Create(Guid.CreateVersion7(), leader, "arshjul",
                    late ? $"Fristen er passert: {t.Title}" : $"Årshjulet: {t.Title} innen {Dates.Format(t.DueOn)}",
                    (late ? $"Oppgaven i årshjulet skulle vært gjort {Dates.Format(t.DueOn)}. " : "") + t.Why,
                    $"/ordninger/{t.ArrangementId}/arshjul?ar={t.Year}", $"wheel:{t.Id:N}:{(late ? "late" : "soon")}:{leader:N}", now));
        }
        return await store.StoreNewAsync(wanted, ct);
    }

    /// <summary>The open tasks due within two weeks or overdue (by at most a month) in the arrangements the user leads (for the start page).</summary>
    public Task<int> DueForMeAsync(CancellationToken ct)
    {
        var uid = user.Id;
        var today = user.Today;
        var soon = today.PlusDays(RemindDaysBefore);
        var earliest = today.PlusDays(-31);
        var led = Leading.On(db, today).Where(l => l.UserId == uid).Select(l => l.ArrangementId);
        return db.WheelTasks.CountAsync(t => led.Contains(t.ArrangementId) && t.DoneOn == null && t.DueOn <= soon && t.DueOn >= earliest, ct);
    }

    /// <summary>The year's overview of every arrangement the user manages or leads (or audits), by office and name.</summary>
    public async Task<List<Line>> OverviewAsync(int year, CancellationToken ct)
    {
        var auditors = targets.AuditedProviders();
        var editable = access.EditableArrangements().Select(a => a.Id);
        var rows = await db.Arrangements.AsNoTracking().Where(a => editable.Contains(a.Id) || auditors.Contains(a.ProviderId))
            .Join(db.Offices, a => a.OfficeId, o => o.Id, (a, o) => new { a.Id, a.Name, Office = o.Name }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var tasks = (await db.WheelTasks.AsNoTracking().Where(t => ids.Contains(t.ArrangementId) && t.Year == year).ToListAsync(ct)).ToLookup(t => t.ArrangementId);
        var today = user.Today;
        return [.. rows.Where(r => tasks[r.Id].Any()).OrderBy(r => r.Office, Names.Norwegian).ThenBy(r => r.Name, Names.Norwegian).Select(r =>
        {
            var list = tasks[r.Id].ToList();
            var periods = Enumerable.Range(1, 4).Select(p => (list.Count(t => t.Period == p && t.DoneOn is not null), list.Count(t => t.Period == p))).ToList();
            return new Line(r.Id, r.Name, r.Office, list.Count, list.Count(t => t.DoneOn is not null), list.Count(t => t.Overdue(today)), periods,
                list.Where(t => t.DoneOn is null).OrderBy(t => t.DueOn).FirstOrDefault());
        })];
    }

    /// <summary>Adds the work leader's own task to the wheel (idempotent on the key).</summary>
    public async Task<Result<(Guid Id, bool Existed)>> AddAsync(Guid arrangementId, string? title, string? why, LocalDate? dueOn, string? key, CancellationToken ct)
    {
        var id = Creates.IdFor($"wheel-own:{arrangementId}", key);
        if (!id.IsSuccess) return id.Error!;
        if (await RefusedAsync(arrangementId, ct) is { } refused) return refused;
        if (await db.WheelTasks.AnyAsync(t => t.Id == id.Value && t.ArrangementId == arrangementId, ct)) return (id.Value, true);
        var a = await db.Arrangements.AsNoTracking().Where(x => x.Id == arrangementId).Select(x => new { x.ProviderId, x.OfficeId }).FirstAsync(ct);
        var made = WheelTask.Own(id.Value, a.ProviderId, a.OfficeId, arrangementId, title, why, dueOn, user.Today);
        if (!made.IsSuccess) return made.Error!;
        db.WheelTasks.Add(made.Value!);
        await db.SaveChangesAsync(ct);
        return (id.Value, false);
    }

    public Task<Result<Guid>> CompleteAsync(Guid arrangementId, Guid taskId, string? note, CancellationToken ct)
        => EditAsync(arrangementId, taskId, t => t.Complete(user.DisplayName, user.Today, note), ct);

    public Task<Result<Guid>> ReopenAsync(Guid arrangementId, Guid taskId, CancellationToken ct) => EditAsync(arrangementId, taskId, t => t.Reopen(), ct);

    /// <summary>Removes the work leader's own task; the catalogue's tasks are part of the wheel and are marked done instead.</summary>
    public async Task<Result<Guid>> RemoveAsync(Guid arrangementId, Guid taskId, CancellationToken ct)
    {
        if (await RefusedAsync(arrangementId, ct) is { } refused) return refused;
        var task = await db.WheelTasks.FirstOrDefaultAsync(t => t.Id == taskId && t.ArrangementId == arrangementId, ct);
        if (task is null) return new NotFound();
        if (task.Kind != WheelTaskKind.Own) return Invalid.Field("kind", "Oppgavene fra årshjulet kan ikke fjernes. Merk dem som gjort, med en merknad om de ikke gjelder.");
        db.WheelTasks.Remove(task);
        await db.SaveChangesAsync(ct);
        return taskId;
    }

    /// <summary>Who reads an arrangement's wheel: those who may change it, a deputy, the recipient, an auditor with a purpose.</summary>
    public static bool CanRead(Relation r) => r.CanEdit() || (r & (Relation.Deputy | Relation.Recipient | Relation.Auditor)) != 0;

    /// <summary>Why the user may not change the arrangement's wheel (403 when they read it, 404 when not), or null when they may.</summary>
    private async Task<Error?> RefusedAsync(Guid arrangementId, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        return relation.CanEdit() ? null : CanRead(relation) ? new Forbidden("Du kan lese årshjulet, men ikke endre det.") : new NotFound();
    }

    private async Task<Result<Guid>> EditAsync(Guid arrangementId, Guid taskId, Func<WheelTask, Result<WheelTask>> edit, CancellationToken ct)
    {
        if (await RefusedAsync(arrangementId, ct) is { } refused) return refused;
        var task = await db.WheelTasks.FirstOrDefaultAsync(t => t.Id == taskId && t.ArrangementId == arrangementId, ct);
        if (task is null) return new NotFound();
        var result = edit(task);
        if (!result.IsSuccess) return result.Error!;
        return await db.SaveOrConflictAsync(taskId, "Oppgaven ble endret av noen andre samtidig. Les årshjulet på nytt.", ct);
    }
}
