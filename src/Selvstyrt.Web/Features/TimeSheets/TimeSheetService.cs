using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Domain.TimeSheets;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.TimeSheets;

/// <summary>A sheet in a list.</summary>
public sealed record SheetSummary(Guid Id, Guid ArrangementId, string ArrangementName, Guid AssistantId, string AssistantName, LocalDate Month, SheetState State, int Revision);

/// <summary>A month the assistant can keep a sheet for: an arrangement they work in, and the sheet if it has been started.</summary>
public sealed record MyMonth(Guid ArrangementId, string ArrangementName, LocalDate Month, SheetSummary? Sheet);

/// <summary>One sheet with everything its page shows: who may do what, the findings and the pay basis.</summary>
public sealed record SheetView(TimeSheet Sheet, string AssistantName, string ArrangementName, Relation Relation, bool IsOwner, LocalDate Deadline,
    IReadOnlyList<Finding> Findings, IReadOnlyList<Completeness> Completeness, IReadOnlyList<PayLine> Lines, PayBasis? Basis, Domain.Rules.Pay.Tariff? Tariff)
{
    public bool CanEdit => IsOwner && Sheet.State is SheetState.Draft or SheetState.Rejected;
    public bool CanApprove => Relation.Leads();
    public bool CanAttest => (Relation & (Relation.ProviderAdmin | Relation.OfficeCoordinator)) != 0;
    public bool CanCorrect => (IsOwner || CanApprove) && Sheet.State is SheetState.Approved or SheetState.Attested;
    public int Breaches => Findings.Count(f => f.Severity == Severity.Breach);
    public PayLine? LineOf(Guid entry) => Lines.FirstOrDefault(l => l.EntryId == entry);
}

/// <summary>The fields of an entry form (change, unplanned work, correction), as entered: local date and times.</summary>
public sealed record EntryForm(LocalDate? Date, LocalTime? Start, LocalTime? End, int? PauseMinutes, int? PassiveMinutes, int? OvertimeMinutes, string? OvertimeReason, string? Reason)
{
    /// <summary>The local times as instants; an end at or before the start is the next day (a night shift).</summary>
    public Result<EntryTimes> ToTimes(int passiveOffset)
    {
        var fields = new Dictionary<string, string>();
        if (Date is null) fields["date"] = "Fyll ut dato.";
        if (Start is null) fields["start"] = "Fyll ut når du begynte.";
        if (End is null) fields["end"] = "Fyll ut når du sluttet.";
        if (fields.Count > 0) return new Invalid(fields);
        var zone = CurrentUser.Zone;
        var start = zone.AtLeniently(Date!.Value.At(Start!.Value)).ToInstant();
        var endDate = End!.Value > Start.Value ? Date.Value : Date.Value.PlusDays(1);
        var end = zone.AtLeniently(endDate.At(End.Value)).ToInstant();
        var passive = PassiveMinutes ?? 0;
        return new EntryTimes(start, end, PauseMinutes ?? 0, passive > 0 ? passiveOffset : 0, passive, OvertimeMinutes ?? 0, OvertimeReason);
    }
}

/// <summary>
/// The time sheet's use cases (issue 6). The assistant starts a month from the published plan, confirms or changes
/// each shift, adds unplanned work and submits; the work leader (or co-work leader) approves or rejects with a
/// comment; the provider attests. Every step checks the user's relation to the sheet, the revision the user read
/// (a stale form or a lost race is a conflict, never a lost update), and records who and when.
/// </summary>
public sealed class TimeSheetService(SelvstyrtDb db, ArrangementAccess access, CurrentUser user, SheetPay pay)
{
    private static readonly DateTimeZone Zone = CurrentUser.Zone;

    private Task<Domain.People.Assistant?> MeAsync(CancellationToken ct)
        => db.Assistants.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == user.Id, ct);

    /// <summary>The signed-in user's assistant record, if they are one.</summary>
    public async Task<Guid?> MyAssistantIdAsync(CancellationToken ct) => (await MeAsync(ct))?.Id;

    /// <summary>The signed-in assistant's months: this month and the two before, for each arrangement they work in.</summary>
    public async Task<IReadOnlyList<MyMonth>> MyMonthsAsync(CancellationToken ct)
    {
        var me = await MeAsync(ct);
        if (me is null) return [];
        var today = user.Today;
        var thisMonth = new LocalDate(today.Year, today.Month, 1);
        var first = thisMonth.PlusMonths(-2);
        var assignments = await db.Assignments.AsNoTracking().Where(s => s.AssistantId == me.Id && s.From <= today && (s.To == null || s.To >= first))
            .Join(db.Arrangements, s => s.ArrangementId, a => a.Id, (s, a) => new { a.Id, a.Name, s.From, s.To }).ToListAsync(ct);
        var sheets = await Summaries(db, db.TimeSheets.Where(s => s.AssistantId == me.Id && s.Month >= first)).ToListAsync(ct);
        var months = new List<MyMonth>();
        for (var m = thisMonth; m >= first; m = m.PlusMonths(-1))
        {
            var last = m.PlusMonths(1).PlusDays(-1);
            foreach (var a in assignments.Where(a => a.From <= last && (a.To == null || a.To >= m)).DistinctBy(a => a.Id).OrderBy(a => a.Name, StringComparer.CurrentCulture))
                months.Add(new MyMonth(a.Id, a.Name, m, sheets.FirstOrDefault(s => s.ArrangementId == a.Id && s.Month == m)));
        }
        // Older sheets still under way (rejected, or not yet submitted) stay in view.
        foreach (var s in sheets.Where(s => s.Month < first)) months.Add(new MyMonth(s.ArrangementId, s.ArrangementName, s.Month, s));
        return months;
    }

    /// <summary>Sheets as list rows, with the arrangement's and the assistant's names, in one query.</summary>
    internal static IQueryable<SheetSummary> Summaries(SelvstyrtDb db, IQueryable<TimeSheet> sheets)
        => sheets.Join(db.Arrangements, s => s.ArrangementId, a => a.Id, (s, a) => new { s, a.Name })
            .Join(db.Assistants, x => x.s.AssistantId, p => p.Id, (x, p) => new SheetSummary(x.s.Id, x.s.ArrangementId, x.Name, x.s.AssistantId, p.FullName, x.s.Month, x.s.State, x.s.Revision));

    /// <summary>
    /// Starts (or refreshes) the assistant's sheet for an arrangement and month from the published plans: each planned
    /// shift of theirs becomes an open entry; open entries the plan no longer has are dropped. Idempotent: the sheet is
    /// unique per assistant, arrangement and month, and a shift already on it is left as it is.
    /// </summary>
    public async Task<Result<Guid>> StartAsync(Guid arrangementId, LocalDate month, CancellationToken ct)
    {
        var me = await MeAsync(ct);
        var relation = await access.RelationTo(arrangementId, ct);
        if (me is null || (relation & Relation.Assistant) == 0) return new NotFound();
        month = new LocalDate(month.Year, month.Month, 1);
        var today = user.Today;
        if (month > today) return Invalid.Field("month", "Du kan ikke føre timer for en måned som ikke har begynt.");
        var arrangement = await db.Arrangements.AsNoTracking().FirstAsync(a => a.Id == arrangementId, ct);
        var sheet = await db.TimeSheets.Include(s => s.Entries).FirstOrDefaultAsync(s => s.AssistantId == me.Id && s.ArrangementId == arrangementId && s.Month == month, ct);
        var isNew = sheet is null;
        sheet ??= TimeSheet.Create(Guid.CreateVersion7(), arrangement.ProviderId, arrangementId, me.Id, month);
        if (sheet.State is not (SheetState.Draft or SheetState.Rejected)) return sheet.Id;

        var last = sheet.LastDay;
        var plans = await db.WorkPlans.AsNoTracking().Include(p => p.Shifts).Include(p => p.Deviations).AsSplitQuery()
            .Where(p => p.ArrangementId == arrangementId && p.Status == PlanStatus.Published && p.StartsOn <= last && (p.EndsOn == null || p.EndsOn >= month))
            .OrderBy(p => p.StartsOn).ToListAsync(ct);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < plans.Count; i++)
        {
            var plan = plans[i];
            // Where two published plans overlap, the later one takes over from its start (as in the hour account).
            var end = plan.EndsOn ?? last;
            if (i + 1 < plans.Count) end = LocalDate.Min(end, plans[i + 1].StartsOn.PlusDays(-1));
            var from = LocalDate.Max(month, plan.StartsOn);
            var to = LocalDate.Min(last, end);
            if (to < from) continue;
            foreach (var shift in plan.RollOut(from, to, Zone).Where(s => s.AssistantId == me.Id && s.Date >= from && s.Date <= to))
            {
                var key = TimeSheet.PlanKey(shift.TemplateId, shift.Date);
                keys.Add(key);
                var added = sheet.AddPlanned(Guid.CreateVersion7(), shift, plan.Id);
                if (!added.IsSuccess) return added.Error!;
            }
        }
        sheet.DropOpenPlannedExcept(keys);
        if (isNew) db.TimeSheets.Add(sheet);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("Timelisten ble endret samtidig. Last inn siden på nytt.");
        }
        catch (DbUpdateException) when (isNew)
        {
            // Two starts at once: the unique index keeps one sheet; answer with it.
            db.ChangeTracker.Clear();
            var won = await db.TimeSheets.AsNoTracking().Where(s => s.AssistantId == me.Id && s.ArrangementId == arrangementId && s.Month == month).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
            if (won is null) throw;
            return won.Value;
        }
        return sheet.Id;
    }

    /// <summary>What the user is to the sheet: its assistant, and their relations to its arrangement (none: answered as 404).</summary>
    private async Task<(TimeSheet Sheet, Relation Relation, bool IsOwner)?> AccessAsync(Guid sheetId, bool tracked, CancellationToken ct)
    {
        var query = db.TimeSheets.Include(s => s.Entries).Include(s => s.Transitions).AsSplitQuery();
        var sheet = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(s => s.Id == sheetId, ct);
        if (sheet is null) return null;
        var owner = await db.Assistants.AnyAsync(a => a.Id == sheet.AssistantId && a.UserId == user.Id && user.Id != Guid.Empty, ct);
        var relation = await access.RelationTo(sheet.ArrangementId, ct);
        // An assistant sees only their own sheet; everyone else needs a relation that leads, stands in, employs or audits.
        if (!owner && !relation.CanSeeSheets()) return null;
        sheet.KnowAbsence(await AbsentDaysAsync(sheet, ct));
        return (sheet, relation, owner);
    }

    /// <summary>The days of the sheet's month on which its assistant is registered as fully absent (sick leave at 100 %).</summary>
    private async Task<List<LocalDate>> AbsentDaysAsync(TimeSheet sheet, CancellationToken ct)
        => AbsentDays(sheet, await FullAbsences([sheet.AssistantId], sheet.Month, sheet.LastDay).ToListAsync(ct));

    /// <summary>The days of the sheet's month its assistant is fully absent, from the full absences of one or more assistants.</summary>
    private static List<LocalDate> AbsentDays(TimeSheet sheet, IEnumerable<FullAbsence> absences)
    {
        var (first, last) = (sheet.Month, sheet.LastDay);
        var days = new List<LocalDate>();
        foreach (var a in absences.Where(a => a.AssistantId == sheet.AssistantId && a.From <= last && a.To >= first))
            for (var d = LocalDate.Max(a.From, first); d <= LocalDate.Min(a.To, last); d = d.PlusDays(1)) days.Add(d);
        return days;
    }

    public async Task<Result<SheetView>> GetAsync(Guid sheetId, CancellationToken ct)
    {
        if (await AccessAsync(sheetId, tracked: false, ct) is not { } found) return new NotFound();
        var (sheet, relation, owner) = found;
        if (!owner) await access.LogReadAsync(sheet.ArrangementId, relation, "timeliste", ct);
        return await ViewAsync(sheet, relation, owner, ct);
    }

    /// <summary>
    /// Every sheet of an arrangement as its view, oldest first, for the arrangement bundle's readable copies (appendix 2).
    /// The caller has checked that the user may take the whole arrangement out and has logged that read once. The names,
    /// absences and pay are read once for all the sheets (years of them in a large arrangement).
    /// </summary>
    public async Task<List<SheetView>> ArchiveAsync(Guid arrangementId, Relation relation, CancellationToken ct)
    {
        var sheets = await db.TimeSheets.Include(s => s.Entries).Include(s => s.Transitions).AsSplitQuery().AsNoTracking()
            .Where(s => s.ArrangementId == arrangementId).OrderBy(s => s.Month).ThenBy(s => s.AssistantId).ToListAsync(ct);
        if (sheets.Count == 0) return [];
        var assistantIds = sheets.Select(s => s.AssistantId).Distinct().ToList();
        var names = await db.Assistants.AsNoTracking().Where(a => assistantIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.FullName, ct);
        var arrangement = await db.Arrangements.AsNoTracking().Where(a => a.Id == arrangementId).Select(a => new { a.Name, a.ProviderId }).FirstAsync(ct);
        var deadlineDay = await db.Providers.AsNoTracking().Where(p => p.Id == arrangement.ProviderId).Select(p => p.TimeSheetDeadlineDay).FirstAsync(ct);
        var (first, last) = (sheets[0].Month, sheets.Max(s => s.LastDay));
        var absences = await FullAbsences(assistantIds, first, last).ToListAsync(ct);
        foreach (var sheet in sheets) sheet.KnowAbsence(AbsentDays(sheet, absences));
        var run = await pay.RunAsync(sheets, ct);
        return [.. sheets.Select(sheet => View(sheet, names[sheet.AssistantId], arrangement.Name, deadlineDay, run, relation, owner: false))];
    }

    private sealed record FullAbsence(Guid AssistantId, LocalDate From, LocalDate To);

    private IQueryable<FullAbsence> FullAbsences(List<Guid> assistantIds, LocalDate first, LocalDate last) =>
        db.Absences.AsNoTracking()
            .Where(a => assistantIds.Contains(a.AssistantId) && a.CancelledAt == null && a.Degree == 100 && a.From <= last && a.To >= first)
            .Select(a => new FullAbsence(a.AssistantId, a.From, a.To));

    private async Task<SheetView> ViewAsync(TimeSheet sheet, Relation relation, bool owner, CancellationToken ct)
    {
        var names = await db.Assistants.AsNoTracking().Where(a => a.Id == sheet.AssistantId).Select(a => a.FullName).FirstAsync(ct);
        var arrangement = await db.Arrangements.AsNoTracking().Where(a => a.Id == sheet.ArrangementId).Select(a => a.Name).FirstAsync(ct);
        var deadlineDay = await db.Providers.AsNoTracking().Where(p => p.Id == sheet.ProviderId).Select(p => p.TimeSheetDeadlineDay).FirstAsync(ct);
        return View(sheet, names, arrangement, deadlineDay, await pay.RunAsync([sheet], ct), relation, owner);
    }

    private static SheetView View(TimeSheet sheet, string assistantName, string arrangementName, int deadlineDay, SheetPayResult run, Relation relation, bool owner)
    {
        var lines = run.LinesOf(sheet.Id).ToList();
        var basis = lines.Count == 0 ? null : PayCalculator.Sum(sheet.AssistantId, lines);
        return new SheetView(sheet, assistantName, arrangementName, relation, owner, Deadline(sheet.Month, deadlineDay),
            [.. run.FindingsOf(sheet).OrderBy(f => f.From)], sheet.Incomplete(), lines, basis, run.Tariff);
    }

    /// <summary>The day a month's sheet is due: the provider's day of the next month.</summary>
    public static LocalDate Deadline(LocalDate month, int day) => new LocalDate(month.Year, month.Month, 1).PlusMonths(1).PlusDays(day - 1);

    private SheetActor Actor(SheetRole role) => new(user.Now, user.Id.ToString(), user.DisplayName, role);

    /// <summary>The sheet being changed and what the user is to it.</summary>
    private sealed record Step(TimeSheet Sheet, Relation Relation, bool Owner)
    {
        public SheetRole LeaderRole => (Relation & Relation.WorkLeader) != 0 ? SheetRole.WorkLeader
            : (Relation & Relation.CoWorkLeader) != 0 ? SheetRole.CoWorkLeader : SheetRole.ActingDeputy;
    }

    /// <summary>Runs an edit of the assistant's own sheet (confirm, change, not worked, unplanned work).</summary>
    public Task<Result<int>> EditAsync(Guid sheetId, int? revision, Func<TimeSheet, SheetActor, Result<object?>> edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return MutateAsync(sheetId, revision, OwnerOnly, (s, _) => Task.FromResult(edit(s.Sheet, Actor(SheetRole.Assistant))), ct);
    }

    public Task<Result<int>> SubmitAsync(Guid sheetId, int? revision, CancellationToken ct)
        => MutateAsync(sheetId, revision, OwnerOnly, async (s, token) =>
        {
            var sheet = s.Sheet;
            var result = sheet.Submit(Actor(SheetRole.Assistant));
            if (!result.IsSuccess) return result.Error!;
            var run = await pay.RunAsync([sheet], token);
            var breaches = run.FindingsOf(sheet).Count(f => f.Severity == Severity.Breach);
            await NotifyAsync(sheet, "timeliste-sendt", $"Timeliste til godkjenning: {Month(sheet.Month)}",
                $"{user.DisplayName} har sendt timelisten for {Month(sheet.Month)} ({breaches} brudd på regelverket).", (_, sh, c) => LeadersOf(sh, c), token);
            return (object?)null;
        }, ct);

    public Task<Result<int>> ApproveAsync(Guid sheetId, int? revision, CancellationToken ct)
        => MutateAsync(sheetId, revision, LeaderOnly, (s, _) => Task.FromResult(s.Sheet.Approve(Actor(s.LeaderRole)).Boxed()), ct);

    public Task<Result<int>> RejectAsync(Guid sheetId, int? revision, string? comment, CancellationToken ct)
        => MutateAsync(sheetId, revision, LeaderOnly, async (s, token) =>
        {
            var result = s.Sheet.Reject(comment, Actor(s.LeaderRole));
            if (!result.IsSuccess) return result.Error!;
            await NotifyAsync(s.Sheet, "timeliste-retur", $"Timelisten for {Month(s.Sheet.Month)} er sendt i retur", s.Sheet.RejectionComment ?? "", Owner, token);
            return (object?)null;
        }, ct);

    public Task<Result<int>> AttestAsync(Guid sheetId, int? revision, CancellationToken ct)
        => MutateAsync(sheetId, revision, EmployerOnly, (s, _) => Task.FromResult(s.Sheet.Attest(Actor(SheetRole.Employer)).Boxed()), ct);

    /// <summary>A correction of an approved entry, by its assistant or a work leader; it counts once a work leader approves it.</summary>
    public Task<Result<int>> CorrectAsync(Guid sheetId, int? revision, Guid entryId, EntryForm form, Guid correctionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        return MutateAsync(sheetId, revision, s => s.Owner || s.Relation.Leads() ? null : Forbid(), (s, _) =>
        {
            var original = s.Sheet.Entries.FirstOrDefault(e => e.Id == entryId);
            if (original is null) return Task.FromResult<Result<object?>>(new NotFound("Fant ikke registreringen som skal rettes."));
            var times = form.ToTimes(original.PassiveOffsetMinutes);
            if (!times.IsSuccess) return Task.FromResult<Result<object?>>(times.Error!);
            var role = s.Owner ? SheetRole.Assistant : s.LeaderRole;
            return Task.FromResult(s.Sheet.Correct(correctionId, entryId, times.Value!, form.Reason, Actor(role)).Boxed());
        }, ct);
    }

    public Task<Result<int>> ApproveCorrectionAsync(Guid sheetId, int? revision, Guid correctionId, CancellationToken ct)
        => MutateAsync(sheetId, revision, LeaderOnly, (s, _) => Task.FromResult(s.Sheet.ApproveCorrection(correctionId, Actor(s.LeaderRole)).Boxed()), ct);

    private static Error? OwnerOnly(Step s) => s.Owner ? null : Forbid();

    private static Error? LeaderOnly(Step s) => s.Relation.Leads() ? null : Forbid();

    private static Error? EmployerOnly(Step s) => (s.Relation & (Relation.ProviderAdmin | Relation.OfficeCoordinator)) != 0 ? null : Forbid();

    /// <summary>Those who may see the sheet are told they may not take the step; it was already 404 for everyone else.</summary>
    private static Forbidden Forbid() => new("Du har ikke tilgang til dette steget for timelisten.");


    /// <summary>Loads the sheet tracked, checks access and revision, applies the step, saves: a lost race is a conflict.</summary>
    private async Task<Result<int>> MutateAsync(Guid sheetId, int? revision, Func<Step, Error?> allowed, Func<Step, CancellationToken, Task<Result<object?>>> step, CancellationToken ct)
    {
        if (await AccessAsync(sheetId, tracked: true, ct) is not { } found) return new NotFound();
        var current = new Step(found.Sheet, found.Relation, found.IsOwner);
        if (allowed(current) is { } refused) return refused;
        var expected = current.Sheet.Expect(revision);
        if (!expected.IsSuccess) return expected.Error!;
        var result = await step(current, ct);
        if (!result.IsSuccess)
        {
            db.ChangeTracker.Clear();
            return result.Error!;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new Conflict("Noen andre endret timelisten samtidig. Endringen din er ikke lagret: last inn siden og se hvordan den er nå.");
        }
        return current.Sheet.Revision;
    }

    /// <summary>Those who lead the sheet's arrangement today (an acting deputy included).</summary>
    private Task<List<Guid>> LeadersOf(TimeSheet sheet, CancellationToken ct)
        => Leading.On(db, user.Today).Where(l => l.ArrangementId == sheet.ArrangementId).Select(l => l.UserId).Distinct().ToListAsync(ct);

    private static readonly Func<SelvstyrtDb, TimeSheet, CancellationToken, Task<List<Guid>>> Owner = async (db, sheet, ct) =>
    {
        var id = await db.Assistants.AsNoTracking().Where(a => a.Id == sheet.AssistantId).Select(a => a.UserId).FirstOrDefaultAsync(ct);
        return id is { } u ? [u] : [];
    };

    private async Task NotifyAsync(TimeSheet sheet, string kind, string subject, string body, Func<SelvstyrtDb, TimeSheet, CancellationToken, Task<List<Guid>>> who, CancellationToken ct)
    {
        foreach (var userId in await who(db, sheet, ct))
        {
            var key = $"{kind}:{sheet.Id:N}:{sheet.Revision}";
            db.Notifications.Add(Notification.Create(Guid.CreateVersion7(), userId, kind, subject, body, $"/timelister/{sheet.Id}", key, user.Now));
        }
    }

    /// <summary>«november 2026».</summary>
    public static string Month(LocalDate month) => month.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nb-NO"));

    /// <summary>Sheets waiting for the user as work leader or co-work leader, with their findings.</summary>
    public async Task<IReadOnlyList<(SheetSummary Sheet, int Breaches, int Warnings)>> QueueAsync(CancellationToken ct)
    {
        var uid = user.Id;
        var today = user.Today;
        var leads = Leading.On(db, today).Where(l => l.UserId == uid).Select(l => l.ArrangementId);
        var waiting = db.TimeSheets.Where(s => s.State == SheetState.Submitted && leads.Contains(s.ArrangementId));
        var sheets = await waiting.Include(s => s.Entries).AsNoTracking().ToListAsync(ct);
        var summaries = (await Summaries(db, waiting).ToListAsync(ct)).ToDictionary(s => s.Id);
        var result = new List<(SheetSummary, int, int)>();
        foreach (var group in sheets.GroupBy(s => s.ProviderId))
        {
            var run = await pay.RunAsync([.. group], ct);
            foreach (var sheet in group)
            {
                var findings = run.FindingsOf(sheet).ToList();
                result.Add((summaries[sheet.Id], findings.Count(f => f.Severity == Severity.Breach), findings.Count(f => f.Severity == Severity.Warn)));
            }
        }
        return [.. result.OrderBy(r => r.Item1.Month).ThenBy(r => r.Item1.AssistantName, StringComparer.CurrentCulture)];
    }
}
