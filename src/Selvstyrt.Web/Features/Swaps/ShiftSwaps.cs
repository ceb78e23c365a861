using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Domain.TimeSheets;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Notifications;
using Selvstyrt.Web.Features.Plans;
using Selvstyrt.Web.Features.Substitutes;

namespace Selvstyrt.Web.Features.Swaps;

/// <summary>A swap as its parties and the work leader see it.</summary>
public sealed record SwapView(Guid Id, Guid ArrangementId, string Arrangement, ShiftSwapState State, string From, string? To, string When, string? ReturnWhen,
    string? Note, string? AcceptedBy, string? ClosedReason, string? DecidedBy, Instant ProposedAt, bool Mine, bool ForMe);

/// <summary>A shift that may be named in a swap: its key, when, and whose it is.</summary>
public sealed record SwapShift(string Key, Guid AssistantId, string Assistant, string When, Instant Start);

/// <summary>What the propose form needs: the shift, the colleagues, and their shifts that could be taken in return.</summary>
public sealed record SwapStart(Guid ArrangementId, string Arrangement, Guid PlanId, SwapShift Shift, IReadOnlyList<(Guid Id, string Name)> Colleagues, IReadOnlyList<SwapShift> Returns);

/// <summary>
/// Shift swaps (issue 17, part 6; ADR 0016): an assistant proposes to give a shift away or swap it for a colleague's; the
/// colleague answers; the rules engine judges everyone who takes a shift, across all their plans at the employer, at the
/// moment of acceptance and again at approval; the work leader approves, unless the arrangement lets clean swaps through. The
/// plan changes by exceptions on the dates (its change log and «Min plan» show them), in the same save as the swap.
/// </summary>
public sealed class ShiftSwaps(SelvstyrtDb db, ArrangementAccess access, CurrentUser user, SubstituteSearch search, NotificationStore notifications)
{
    private static readonly DateTimeZone Zone = CurrentUser.Zone;

    public sealed record Input(Guid? PlanId, string? ShiftKey, Guid? ToAssistantId, string? ReturnShiftKey, string? Note);

    /// <summary>The propose form for one of the signed-in assistant's own shifts.</summary>
    public async Task<Result<SwapStart>> StartAsync(Guid planId, string? shiftKey, CancellationToken ct)
    {
        var me = await MeAsync(ct);
        var loaded = await PlanAsync(planId, false, ct);
        if (me.Count == 0 || loaded is not var (plan, arrangement) || !await HasPlaceAsync(me, arrangement.Id, ct)) return new NotFound();
        var shifts = Shifts(plan, user.Today, user.Today.PlusDays(27)).Where(s => s.Shift.Start > user.Now).ToList();
        var mine = shifts.FirstOrDefault(s => s.Key == shiftKey && s.Shift.AssistantId is { } a && me.Contains(a));
        if (mine is null) return Invalid.Field("shiftKey", "Velg en av dine kommende vakter.");
        var colleagues = await ColleaguesAsync(arrangement.Id, mine.Shift.Date, ct);
        colleagues.RemoveAll(c => c.Id == mine.Shift.AssistantId);
        var names = colleagues.ToDictionary(c => c.Id, c => c.Name);
        var returns = shifts.Where(s => s.Shift.AssistantId is { } a && names.ContainsKey(a))
            .Select(s => new SwapShift(s.Key, s.Shift.AssistantId!.Value, names[s.Shift.AssistantId!.Value], When(s.Shift.Date, s.Shift.Start, s.Shift.End), s.Shift.Start)).ToList();
        return new SwapStart(arrangement.Id, arrangement.Name, plan.Id,
            new SwapShift(mine.Key, mine.Shift.AssistantId!.Value, "", When(mine.Shift.Date, mine.Shift.Start, mine.Shift.End), mine.Shift.Start), colleagues, returns);
    }

    /// <summary>Proposes a swap or a shift given away; idempotent on the key. The one asked (or every colleague) is told.</summary>
    public async Task<Result<(Guid Id, bool AlreadyExisted)>> ProposeAsync(Input input, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (idempotencyKey is { Length: > 100 }) return Invalid.Field("idempotencyKey", "Idempotensnøkkelen kan være høyst 100 tegn.");
        if (input.PlanId is not { } planId) return Invalid.Field("planId", "Velg planen vakten er i.");
        var me = await MeAsync(ct);
        var loaded = await PlanAsync(planId, false, ct);
        if (me.Count == 0 || loaded is not var (plan, arrangement) || !await HasPlaceAsync(me, arrangement.Id, ct)) return new NotFound();
        var id = string.IsNullOrEmpty(idempotencyKey) ? Guid.CreateVersion7() : KeyedId.For($"swap:{me[0]}", idempotencyKey);
        if (await db.ShiftSwaps.AnyAsync(s => s.Id == id, ct)) return (id, true);

        var shifts = Shifts(plan, user.Today, user.Today.PlusDays(90));
        var shift = shifts.FirstOrDefault(s => s.Key == input.ShiftKey);
        if (shift is null) return Invalid.Field("shiftKey", "Fant ikke vakten i planen (de neste 90 dagene).");
        var from = shift.Shift.AssistantId is { } owner && me.Contains(owner) ? owner : me[0];
        var inReturn = string.IsNullOrEmpty(input.ReturnShiftKey) ? null : shifts.FirstOrDefault(s => s.Key == input.ReturnShiftKey);
        if (!string.IsNullOrEmpty(input.ReturnShiftKey) && inReturn is null) return Invalid.Field("returnShiftKey", "Fant ikke vakten du vil ha tilbake.");
        var to = input.ToAssistantId ?? inReturn?.Shift.AssistantId;
        if (to is { } named && inReturn is not null && inReturn.Shift.AssistantId != named) return Invalid.Field("returnShiftKey", "Vakten du vil ha tilbake, er ikke kollegaens.");
        var colleagues = await ColleaguesAsync(arrangement.Id, shift.Shift.Date, ct);
        if (to is { } colleague && colleague != from && colleagues.All(c => c.Id != colleague))
            return Invalid.Field("toAssistantId", "Velg en kollega med plass i ordningen den dagen.");
        if (await db.ShiftSwaps.AnyAsync(s => s.PlanId == plan.Id && s.ShiftId == shift.Shift.TemplateId && s.Date == shift.Shift.Date
                                               && (s.State == ShiftSwapState.Proposed || s.State == ShiftSwapState.AwaitingApproval), ct))
            return Invalid.Field("shiftKey", "Du har allerede en åpen forespørsel om denne vakten. Trekk den tilbake først.");
        var made = ShiftSwap.Propose(id, arrangement.ProviderId, arrangement.Id, plan.Id, from, shift.Shift, to, inReturn?.Shift, input.Note, user.Now);
        if (!made.IsSuccess) return made.Error!;
        var swap = made.Value!;
        db.ShiftSwaps.Add(swap);
        var asked = to is { } one ? [one] : colleagues.Select(c => c.Id).Where(a => a != from).ToList();
        var name = colleagues.FirstOrDefault(c => c.Id == from).Name ?? await NameAsync(from, ct);
        var what = swap.IsSwap
            ? $"{name} vil bytte vakten {When(swap.Date, swap.Start, swap.End)} mot din vakt {When(swap.ReturnDate!.Value, swap.ReturnStart!.Value, swap.ReturnEnd!.Value)}."
            : $"{name} spør om du kan ta vakten {When(swap.Date, swap.Start, swap.End)} i {arrangement.Name}.";
        await notifications.AddForAssistantsAsync(asked, u => Notification.Create(Guid.CreateVersion7(), u, "vaktbytte", swap.IsSwap ? "Forespørsel om vaktbytte" : "Kan du ta en vakt?",
            what + " Svar under «Bytte vakter».", "/bytter", $"bytte:{swap.Id:N}:{u:N}", user.Now), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.ShiftSwaps.AnyAsync(s => s.Id == id, ct)) return (id, true);
            throw;
        }
        return (id, false);
    }

    /// <summary>The colleague says yes: judged by the rules engine now; done at once when clean and allowed, otherwise to the work leader.</summary>
    public async Task<Result<ShiftSwap>> AcceptAsync(Guid swapId, CancellationToken ct)
    {
        var me = await MeAsync(ct);
        var swap = await db.ShiftSwaps.FirstOrDefaultAsync(s => s.Id == swapId, ct);
        var answerer = swap is null ? (Guid?)null : me.FirstOrDefault(swap.IsFor);
        if (swap is null || answerer is not { } taker || taker == Guid.Empty || !await HasPlaceAsync([taker], swap.ArrangementId, ct)) return new NotFound("Fant ikke forespørselen.");
        if (swap.State != ShiftSwapState.Proposed) return swap.Accept(taker, false, user.Now).Error!;
        var loaded = await PlanAsync(swap.PlanId, true, ct);
        if (loaded is not var (plan, arrangement)) return new NotFound("Fant ikke planen.");
        var judged = await JudgeAsync(swap, plan, arrangement, taker, ct);
        if (!judged.IsSuccess) return await LapseAsync(swap, judged.Error!, ct);
        var verdict = judged.Value!;
        if (!verdict.Lawful) return new Conflict("Byttet kan ikke gjøres: " + Reasons(verdict.Breaches));
        var accepted = swap.Accept(taker, !arrangement.CleanSwapsWithoutApproval || !verdict.Clean, user.Now);
        if (!accepted.IsSuccess) return accepted.Error!;
        var takerName = await NameAsync(taker, ct);
        if (swap.State == ShiftSwapState.Done)
        {
            var handed = Apply(swap, plan);
            if (!handed.IsSuccess) return await LapseAsync(swap, handed.Error!, ct);
            await TellAsync([swap.FromAssistantId], swap, "vaktbytte-ferdig", "Vaktbyttet er gjort", $"{takerName} sa ja, og planen er endret.", ct);
        }
        else
        {
            await TellAsync([swap.FromAssistantId], swap, "vaktbytte-ja", $"{takerName} sa ja", "Arbeidslederen må godkjenne byttet før planen endres.", ct);
            var leaders = await Leading.On(db, user.Today).Where(l => l.ArrangementId == swap.ArrangementId).Select(l => l.UserId).Distinct().ToListAsync(ct);
            var warnings = verdict.Warnings.Count == 0 ? "" : " Merk: " + Reasons(verdict.Warnings);
            var fromName = await NameAsync(swap.FromAssistantId, ct);
            await notifications.AddNewAsync(leaders.Select(u => Notification.Create(Guid.CreateVersion7(), u, "vaktbytte-godkjenn", "Vaktbytte venter på godkjenning",
                $"{fromName} og {takerName} vil bytte vakt {When(swap.Date, swap.Start, swap.End)}.{warnings}",
                $"/ordninger/{swap.ArrangementId}/bytter", $"bytte-godkjenn:{swap.Id:N}:{u:N}", user.Now)).ToList(), ct);
        }
        return await SaveAsync(swap, ct);
    }

    public async Task<Result<ShiftSwap>> DeclineAsync(Guid swapId, CancellationToken ct)
    {
        var me = await MeAsync(ct);
        var swap = await db.ShiftSwaps.FirstOrDefaultAsync(s => s.Id == swapId, ct);
        if (swap is null || swap.ToAssistantId is not { } to || !me.Contains(to)) return new NotFound("Fant ikke forespørselen.");
        var declined = swap.Decline(to, user.Now);
        if (!declined.IsSuccess) return declined.Error!;
        await TellAsync([swap.FromAssistantId], swap, "vaktbytte-nei", "Kollegaen kan ikke bytte", $"{await NameAsync(to, ct)} sa nei til forespørselen om vakten {When(swap.Date, swap.Start, swap.End)}.", ct);
        return await SaveAsync(swap, ct);
    }

    public async Task<Result<ShiftSwap>> WithdrawAsync(Guid swapId, CancellationToken ct)
    {
        var me = await MeAsync(ct);
        var swap = await db.ShiftSwaps.FirstOrDefaultAsync(s => s.Id == swapId, ct);
        if (swap is null || !me.Contains(swap.FromAssistantId)) return new NotFound("Fant ikke forespørselen.");
        var withdrawn = swap.Withdraw(swap.FromAssistantId, user.Now);
        if (!withdrawn.IsSuccess) return withdrawn.Error!;
        if ((swap.AcceptedBy ?? swap.ToAssistantId) is { } other)
            await TellAsync([other], swap, "vaktbytte-trukket", "Forespørselen om vakt er trukket tilbake", $"Vakten {When(swap.Date, swap.Start, swap.End)} byttes ikke.", ct);
        return await SaveAsync(swap, ct);
    }

    /// <summary>The work leader approves: judged again on the plan as it is now, and the plan changes in the same save.</summary>
    public async Task<Result<ShiftSwap>> ApproveAsync(Guid arrangementId, Guid swapId, CancellationToken ct)
    {
        var found = await LedAsync(arrangementId, swapId, ct);
        if (!found.IsSuccess) return found;
        var swap = found.Value!;
        if (swap.State != ShiftSwapState.AwaitingApproval) return swap.Approve(user.DisplayName, user.Now).Error!;
        var loaded = await PlanAsync(swap.PlanId, true, ct);
        if (loaded is not var (plan, arrangement)) return new NotFound("Fant ikke planen.");
        var judged = await JudgeAsync(swap, plan, arrangement, swap.AcceptedBy!.Value, ct);
        if (!judged.IsSuccess) return await LapseAsync(swap, judged.Error!, ct);
        if (!judged.Value!.Lawful) return new Conflict("Byttet kan ikke godkjennes: " + Reasons(judged.Value.Breaches) + " Avslå det med en begrunnelse.");
        var approved = swap.Approve(user.DisplayName, user.Now);
        if (!approved.IsSuccess) return approved.Error!;
        var handed = Apply(swap, plan);
        if (!handed.IsSuccess) return await LapseAsync(swap, handed.Error!, ct);
        await TellAsync([swap.FromAssistantId, swap.AcceptedBy!.Value], swap, "vaktbytte-godkjent", "Vaktbyttet er godkjent",
            $"{user.DisplayName} godkjente byttet av vakten {When(swap.Date, swap.Start, swap.End)}. Planen er endret.", ct);
        return await SaveAsync(swap, ct);
    }

    public async Task<Result<ShiftSwap>> RejectAsync(Guid arrangementId, Guid swapId, string? reason, CancellationToken ct)
    {
        var found = await LedAsync(arrangementId, swapId, ct);
        if (!found.IsSuccess) return found;
        var swap = found.Value!;
        var rejected = swap.Reject(user.DisplayName, reason, user.Now);
        if (!rejected.IsSuccess) return rejected.Error!;
        await TellAsync([swap.FromAssistantId, swap.AcceptedBy!.Value], swap, "vaktbytte-avslatt", "Vaktbyttet er ikke godkjent",
            $"{user.DisplayName} godkjente ikke byttet av vakten {When(swap.Date, swap.Start, swap.End)}: {swap.ClosedReason}", ct);
        return await SaveAsync(swap, ct);
    }

    /// <summary>The work leader's choice: clean swaps take effect without approval, or every swap waits for it.</summary>
    public async Task<Result<bool>> SetPolicyAsync(Guid arrangementId, bool withoutApproval, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanSeePlan()) return new NotFound();
        if (!relation.CanEdit()) return new Forbidden("Bare arbeidsleder, medarbeidsleder og leverandøren bestemmer hvordan vakter byttes.");
        var arrangement = await db.Arrangements.FirstAsync(a => a.Id == arrangementId, ct);
        arrangement.AllowCleanSwapsWithoutApproval(withoutApproval);
        await db.SaveChangesAsync(ct);
        return withoutApproval;
    }

    /// <summary>The signed-in assistant's swaps: those they proposed, and those they may answer (open, not yet begun), newest first.</summary>
    public async Task<List<SwapView>> MineAsync(CancellationToken ct)
    {
        var me = await MeAsync(ct);
        if (me.Count == 0) return [];
        var now = user.Now;
        var since = now - Duration.FromDays(30);
        var places = await db.Assignments.AsNoTracking().Where(s => me.Contains(s.AssistantId) && (s.To == null || s.To >= user.Today)).Select(s => s.ArrangementId).ToListAsync(ct);
        var swaps = await db.ShiftSwaps.AsNoTracking()
            .Where(s => (me.Contains(s.FromAssistantId) && s.ProposedAt >= since)
                        || (s.AcceptedBy != null && me.Contains(s.AcceptedBy.Value) && s.ProposedAt >= since)
                        || (s.State == ShiftSwapState.Proposed && s.Start > now && places.Contains(s.ArrangementId)
                            && ((s.ToAssistantId != null && me.Contains(s.ToAssistantId.Value)) || (s.ToAssistantId == null && !me.Contains(s.FromAssistantId)))))
            .ToListAsync(ct);
        return await ViewsAsync(swaps, me, ct);
    }

    /// <summary>The arrangement's swaps for those who lead it: waiting for approval first, then the last 30 days; and the policy.</summary>
    public async Task<Result<(string Arrangement, bool CanDecide, bool WithoutApproval, List<SwapView> Swaps)>> ForArrangementAsync(Guid arrangementId, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanSeePlan()) return new NotFound();
        var arrangement = await db.Arrangements.AsNoTracking().FirstAsync(a => a.Id == arrangementId, ct);
        var since = user.Now - Duration.FromDays(30);
        var swaps = await db.ShiftSwaps.AsNoTracking().Where(s => s.ArrangementId == arrangementId && (s.State == ShiftSwapState.AwaitingApproval || s.ProposedAt >= since)).ToListAsync(ct);
        var views = (await ViewsAsync(swaps, [], ct)).OrderByDescending(v => v.State == ShiftSwapState.AwaitingApproval).ThenByDescending(v => v.ProposedAt).ToList();
        return (arrangement.Name, relation.CanEdit(), arrangement.CleanSwapsWithoutApproval, views);
    }

    private async Task<List<SwapView>> ViewsAsync(List<ShiftSwap> swaps, List<Guid> me, CancellationToken ct)
    {
        var people = swaps.SelectMany(s => new[] { s.FromAssistantId, s.ToAssistantId ?? Guid.Empty, s.AcceptedBy ?? Guid.Empty }).Distinct().ToList();
        var names = await db.Assistants.AsNoTracking().Where(a => people.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.FullName, ct);
        var arrangementIds = swaps.Select(s => s.ArrangementId).Distinct().ToList();
        var arrangements = await db.Arrangements.AsNoTracking().Where(a => arrangementIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return swaps.OrderByDescending(s => s.ProposedAt).Select(s => new SwapView(s.Id, s.ArrangementId, arrangements[s.ArrangementId], s.State, names[s.FromAssistantId],
            s.ToAssistantId is { } t ? names[t] : null, When(s.Date, s.Start, s.End), s.IsSwap ? When(s.ReturnDate!.Value, s.ReturnStart!.Value, s.ReturnEnd!.Value) : null,
            s.Note, s.AcceptedBy is { } a ? names[a] : null, s.ClosedReason, s.DecidedByName, s.ProposedAt, me.Contains(s.FromAssistantId),
            s.State == ShiftSwapState.Proposed && me.Any(s.IsFor) && !me.Contains(s.FromAssistantId))).ToList();
    }

    /// <summary>Judges everyone who takes a shift in the swap, across all their plans at the employer, on the plan as it is now.</summary>
    private async Task<Result<SwapVerdict>> JudgeAsync(ShiftSwap swap, WorkPlan plan, Arrangement arrangement, Guid taker, CancellationToken ct)
    {
        var given = plan.ShiftAt(swap.ShiftId, swap.Date, Zone);
        if (given?.AssistantId != swap.FromAssistantId) return new Conflict("Vakten er ikke den samme assistentens lenger (planen er endret).");
        var back = swap.ReturnShiftId is { } r ? plan.ShiftAt(r, swap.ReturnDate!.Value, Zone) : null;
        if (swap.IsSwap && back?.AssistantId != taker) return new Conflict("Vakten i retur er ikke kollegaens lenger (planen er endret).");
        // Both must hold what the shift they take requires (issue 19, part 3), before the rules engine judges the time.
        foreach (var (shift, who, date) in new[] { (swap.ShiftId, taker, swap.Date) }.Concat(swap.ReturnShiftId is { } rs ? [(rs, swap.FromAssistantId, swap.ReturnDate!.Value)] : []))
            if (await Competences.PlanQualifications.MissingAsync(db, plan, shift, who, date, ct) is { Count: > 0 } missing)
                return new Conflict("Byttet kan ikke gjøres: " + Qualification.Sentence(await db.Assistants.AsNoTracking().Where(a => a.Id == who).Select(a => a.FullName).FirstAsync(ct), missing));
        // Nor may anyone take a shift before they may work at all (BPA-POL-5-4, TAUSHET-1, BPA-NAER; issue 19, part 2).
        var readiness = await Hiring.WorkReadiness.ForAsync(db, [taker, swap.FromAssistantId], arrangement.Id, ct);
        foreach (var (who, date) in new[] { (taker, swap.Date) }.Concat(swap.ReturnDate is { } rd ? [(swap.FromAssistantId, rd)] : []))
            if (readiness.On(who, date) is { Count: > 0 } unready)
                return new Conflict("Byttet kan ikke gjøres: " + await db.Assistants.AsNoTracking().Where(a => a.Id == who).Select(a => a.FullName).FirstAsync(ct) + ": "
                                    + string.Join(" ", unready.Select(f => f.Message)));
        var input = await search.RulesInputAsync(arrangement, plan, await search.PeopleAsync([swap.FromAssistantId, taker], ct), swap.Date, ct);
        var employer = input.Employers[0].Id;
        var moves = new List<ShiftInput> { PlanCheck.ToInput(given, arrangement.Id.ToString(), employer) with { Assistant = taker.ToString() } };
        if (back is not null) moves.Add(PlanCheck.ToInput(back, arrangement.Id.ToString(), employer) with { Assistant = swap.FromAssistantId.ToString() });
        return SwapJudge.Judge(input, moves);
    }

    private Result<ShiftSwap> Apply(ShiftSwap swap, WorkPlan plan)
    {
        var actor = new PlanActor(user.Now, user.DisplayName, user.Today);
        var taker = swap.AcceptedBy!.Value;
        var given = plan.Hand(swap.ShiftId, swap.Date, swap.FromAssistantId, taker, Zone, swap.IsSwap ? "Vaktbytte" : "Vakt gitt bort", actor);
        if (!given.IsSuccess) return given.Error!;
        if (swap.ReturnShiftId is { } r)
        {
            var back = plan.Hand(r, swap.ReturnDate!.Value, taker, swap.FromAssistantId, Zone, "Vaktbytte", actor);
            if (!back.IsSuccess) return back.Error!;
        }
        return swap;
    }

    private async Task<Result<ShiftSwap>> LapseAsync(ShiftSwap swap, Error why, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var fresh = await db.ShiftSwaps.FirstAsync(s => s.Id == swap.Id, ct);
        fresh.Lapse("planen er endret", user.Now);
        await SaveAsync(fresh, ct);
        return why;
    }

    private async Task<Result<ShiftSwap>> SaveAsync(ShiftSwap swap, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return swap;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new Conflict("Byttet eller planen ble endret samtidig. Last inn siden på nytt og se hvordan det står nå.");
        }
    }

    private async Task<Result<ShiftSwap>> LedAsync(Guid arrangementId, Guid swapId, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanSeePlan()) return new NotFound();
        if (!relation.CanEdit()) return new Forbidden("Bare arbeidsleder, medarbeidsleder og leverandøren godkjenner vaktbytter.");
        var swap = await db.ShiftSwaps.FirstOrDefaultAsync(s => s.Id == swapId && s.ArrangementId == arrangementId, ct);
        return swap is null ? new NotFound("Fant ikke byttet.") : swap;
    }

    private Task TellAsync(IEnumerable<Guid> assistants, ShiftSwap swap, string kind, string subject, string body, CancellationToken ct)
        => notifications.AddForAssistantsAsync(assistants, u => Notification.Create(Guid.CreateVersion7(), u, kind, subject, body, "/bytter", $"{kind}:{swap.Id:N}:{u:N}", user.Now),
            ct, except: user.Id);

    private sealed record KeyedShift(string Key, PlannedShift Shift);

    private static List<KeyedShift> Shifts(WorkPlan plan, LocalDate from, LocalDate to)
        => [.. plan.RollOut(from, to, Zone).Where(s => s.Date >= from && s.AssistantId is not null).Select(s => new KeyedShift(TimeSheet.PlanKey(s.TemplateId, s.Date), s))];

    private async Task<(WorkPlan Plan, Arrangement Arrangement)?> PlanAsync(Guid planId, bool tracked, CancellationToken ct)
    {
        var query = db.WorkPlans.Include(p => p.Shifts).Include(p => p.Deviations).Include(p => p.Coverage).AsSplitQuery();
        var plan = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == planId && p.Status == PlanStatus.Published, ct);
        if (plan is null) return null;
        var arrangement = await db.Arrangements.AsNoTracking().FirstAsync(a => a.Id == plan.ArrangementId, ct);
        return (plan, arrangement);
    }

    private Task<List<Guid>> MeAsync(CancellationToken ct)
    {
        var uid = user.Id;
        return db.Assistants.AsNoTracking().Where(a => a.UserId == uid && uid != Guid.Empty).Select(a => a.Id).ToListAsync(ct);
    }

    private Task<bool> HasPlaceAsync(IReadOnlyCollection<Guid> assistants, Guid arrangementId, CancellationToken ct)
    {
        var today = user.Today;
        return db.Assignments.AnyAsync(s => s.ArrangementId == arrangementId && assistants.Contains(s.AssistantId) && (s.To == null || s.To >= today), ct);
    }

    private async Task<List<(Guid Id, string Name)>> ColleaguesAsync(Guid arrangementId, LocalDate date, CancellationToken ct)
        => (await db.Assignments.AsNoTracking().Where(s => s.ArrangementId == arrangementId && s.From <= date && (s.To == null || s.To >= date))
                .Join(db.Assistants, s => s.AssistantId, a => a.Id, (s, a) => new { a.Id, a.FullName }).Distinct().ToListAsync(ct))
            .OrderBy(a => a.FullName, StringComparer.CurrentCulture).Select(a => (a.Id, a.FullName)).ToList();

    private async Task<string> NameAsync(Guid assistantId, CancellationToken ct)
        => await db.Assistants.AsNoTracking().Where(a => a.Id == assistantId).Select(a => a.FullName).FirstAsync(ct);

    private static string Reasons(IEnumerable<Finding> findings) => string.Join(" ", findings.Select(f => $"{f.Rule}: {f.Message}").Distinct());

    public static string When(LocalDate date, Instant start, Instant end) => ShiftOffers.When(date, start, end);
}
