using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Absences;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Domain.Rules.Pay;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Absences;
using Selvstyrt.Web.Features.Assistants;
using Selvstyrt.Web.Features.Notifications;

namespace Selvstyrt.Web.Features.Holidays;

/// <summary>
/// Holidays (issue 17, part 3; rules.md § 3): the assistant's year (the days the law or the agreement gives, FER-5-1/5-2/TARIFF,
/// the days carried in, FER-7-3, the days sickness gave back, FER-9-1) and their wishes; the work leader's round with a deadline
/// for wishes, and the holiday plan per arrangement that shows each wish against the plan (the shifts it leaves vacant, who
/// else is away) and the decision. A grant is registered as an absence, so the shifts become vacant for «Finn vikar» and the
/// time sheets, like any other absence. Refusing a main holiday the assistant may demand (FER-7-1) is refused.
/// </summary>
public sealed class HolidayPlans(SelvstyrtDb db, CurrentUser user, NotificationStore notifications, ArrangementAccess access, AbsenceReports absences)
{
    public sealed record Account(int Year, int Ordinary, int SixtyPlus, int CarriedIn, int Granted, int Returned, int Wished, int Left, bool FifthWeek, bool Verify);

    public sealed record Wish(Guid Id, Guid AssistantId, string Name, LocalDate From, LocalDate To, bool Main, HolidayState State, int Days,
        LocalDate? GrantedFrom, LocalDate? GrantedTo, string? DecidedBy, string? Reason, IReadOnlyList<AbsenceFinding> Findings)
    {
        /// <summary>The days the holiday is (granted) or would be (wished).</summary>
        public LocalDate First => GrantedFrom ?? From;
        public LocalDate Last => GrantedTo ?? To;
    }

    public sealed record Round(Guid ArrangementId, string Arrangement, int Year, LocalDate WishesBy);

    public sealed record Mine(Guid AssistantId, string Name, Account Account, IReadOnlyList<Wish> Wishes, IReadOnlyList<Round> Rounds);

    /// <summary>What a wish does to the plan: the assistant's planned shifts in it (they become vacant) and the colleagues away at the same time.</summary>
    public sealed record Cover(int Shifts, double Hours, IReadOnlyList<string> AwayTogether);

    /// <summary>A wish on the plan, with what it does to the plan.</summary>
    public sealed record PlanWish(Wish Wish, Cover Cover);

    public sealed record PlanRow(Guid AssistantId, string Name, Account Account, IReadOnlyList<PlanWish> Wishes, bool MainHolidayMissing);

    public sealed record Plan(Guid ArrangementId, string Arrangement, int Year, LocalDate? WishesBy, bool CanDecide, IReadOnlyList<PlanRow> Rows);

    public sealed record Decided(Guid Id, IReadOnlyList<AbsenceFinding> Findings, int VacatedShifts, bool AlreadyExisted = false);

    /// <summary>The signed-in assistant's year: the account, their wishes and answers, the deadlines of their arrangements.</summary>
    public async Task<List<Mine>> MineAsync(int year, CancellationToken ct)
    {
        var uid = user.Id;
        var mine = await db.Assistants.AsNoTracking().Include(a => a.Employments).Where(a => a.UserId == uid).ToListAsync(ct);
        var result = new List<Mine>();
        foreach (var a in mine)
        {
            var requests = await db.HolidayRequests.AsNoTracking().Where(r => r.AssistantId == a.Id).ToListAsync(ct);
            var account = await AccountAsync(a, year, requests, ct);
            var arrangementIds = await ArrangementsOfAsync(a.Id, year, ct);
            var rounds = await db.HolidayRounds.AsNoTracking().Where(r => arrangementIds.Contains(r.ArrangementId) && r.Year == year)
                .Join(db.Arrangements, r => r.ArrangementId, x => x.Id, (r, x) => new Round(r.ArrangementId, x.Name, r.Year, r.WishesBy)).ToListAsync(ct);
            var wishes = requests.Where(r => r.From.Year == year).OrderBy(r => r.From).Select(r => View(r, a, account.Left)).ToList();
            result.Add(new Mine(a.Id, a.FullName, account, wishes, rounds));
        }
        return result;
    }

    /// <summary>Registers a holiday wish (idempotent on the key) and tells those who lead the assistant's arrangements.</summary>
    public async Task<Result<Decided>> WishAsync(Guid? assistantId, LocalDate? from, LocalDate? to, bool main, string? idempotencyKey, CancellationToken ct)
    {
        if (idempotencyKey is { Length: > 100 }) return Invalid.Field("idempotencyKey", "Idempotensnøkkelen kan være høyst 100 tegn.");
        var found = await AssistantAsync(assistantId, ct);
        if (!found.IsSuccess) return found.Error!;
        var a = found.Value!;
        var id = string.IsNullOrEmpty(idempotencyKey) ? Guid.CreateVersion7() : KeyedId.For($"holiday:{a.Id}", idempotencyKey);
        if (await db.HolidayRequests.AnyAsync(r => r.Id == id, ct)) return new Decided(id, [], 0, AlreadyExisted: true);
        var made = HolidayRequest.Wish(id, a.ProviderId, a.Id, from, to, main, user.Now, user.Today);
        if (!made.IsSuccess) return made.Error!;
        var wish = made.Value!;
        var requests = await db.HolidayRequests.AsNoTracking().Where(r => r.AssistantId == a.Id).ToListAsync(ct);
        if (requests.Any(r => r.State is HolidayState.Wished or HolidayState.Granted && Overlaps(r, wish.From, wish.To)))
            return Invalid.Field("from", "Du har allerede ønsket eller fått ferie i noen av disse dagene.");
        if (a.EmploymentOn(wish.From) is null) return Invalid.Field("from", "Assistenten er ikke ansatt den første feriedagen.");
        var account = await AccountAsync(a, wish.From.Year, requests, ct);
        var findings = HolidayRules.OnWish(wish.From, wish.To, main, a.EmployedSince(), account.Left - account.Wished, user.Today);
        db.HolidayRequests.Add(wish);
        var arrangementIds = await ArrangementsOfAsync(a.Id, wish.From.Year, ct);
        var leaders = await Leading.On(db, user.Today).Where(l => arrangementIds.Contains(l.ArrangementId) && l.UserId != user.Id).ToListAsync(ct);
        var days = HolidayDays.Count(wish.From, wish.To);
        await notifications.AddNewAsync(leaders.GroupBy(l => l.UserId).Select(g => Notification.Create(Guid.CreateVersion7(), g.Key, "ferie-onske",
            $"Ferieønske fra {a.FullName}: {Dates.Format(wish.From)}–{Dates.Format(wish.To)}",
            $"{a.FullName} ønsker ferie fra {Dates.Format(wish.From)} til og med {Dates.Format(wish.To)} ({days} feriedager{(main ? ", hovedferie" : "")}). Svar senest {Dates.Format(HolidayRules.TellBy(wish.From))}.",
            $"/ordninger/{g.First().ArrangementId}/ferie?ar={wish.From.Year}", $"ferie-onske:{wish.Id:N}:{g.Key:N}", user.Now)).ToList(), ct);
        await db.SaveChangesAsync(ct);
        return new Decided(wish.Id, findings, 0);
    }

    /// <summary>The assistant withdraws an unanswered wish.</summary>
    public async Task<Result<Decided>> WithdrawAsync(Guid requestId, CancellationToken ct)
    {
        var request = await db.HolidayRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return new NotFound();
        var found = await AssistantAsync(request.AssistantId, ct);
        if (!found.IsSuccess) return new NotFound();
        var done = request.Withdraw(user.Now);
        if (!done.IsSuccess) return done.Error!;
        await db.SaveChangesAsync(ct);
        return new Decided(request.Id, [], 0);
    }

    /// <summary>The holiday plan of an arrangement for a year, for those who plan it (work leaders, an acting deputy, the coordinator, the administrator).</summary>
    public async Task<Result<Plan>> PlanAsync(Guid arrangementId, int year, CancellationToken ct)
    {
        if (year < user.Today.Year - 1 || year > user.Today.Year + 1) return Invalid.Field("year", "Vis ferie for i fjor, i år eller neste år.");
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanEdit()) return new NotFound();
        var name = await db.Arrangements.AsNoTracking().Where(x => x.Id == arrangementId).Select(x => x.Name).SingleAsync(ct);
        var round = await db.HolidayRounds.AsNoTracking().SingleOrDefaultAsync(r => r.ArrangementId == arrangementId && r.Year == year, ct);
        var first = new LocalDate(year, 1, 1);
        var last = new LocalDate(year, 12, 31);
        var ids = await db.Assignments.AsNoTracking().Where(s => s.ArrangementId == arrangementId && s.From <= last && (s.To == null || s.To >= first))
            .Select(s => s.AssistantId).Distinct().ToListAsync(ct);
        var assistants = await db.Assistants.AsNoTracking().Include(a => a.Employments).Where(a => ids.Contains(a.Id)).OrderBy(a => a.FullName).ToListAsync(ct);
        var requests = await db.HolidayRequests.AsNoTracking().Where(r => ids.Contains(r.AssistantId)).ToListAsync(ct);
        var plans = await db.WorkPlans.AsNoTracking().Include(p => p.Shifts).Include(p => p.Deviations).AsSplitQuery()
            .Where(p => p.ArrangementId == arrangementId && p.Status == PlanStatus.Published && p.StartsOn <= last && (p.EndsOn == null || p.EndsOn >= first)).ToListAsync(ct);
        var names = assistants.ToDictionary(a => a.Id, a => a.FullName);
        var live = requests.Where(r => r.From.Year == year && r.State is HolidayState.Wished or HolidayState.Granted).ToList();
        var rows = new List<PlanRow>();
        foreach (var a in assistants)
        {
            var theirs = requests.Where(r => r.AssistantId == a.Id).ToList();
            var account = await AccountAsync(a, year, theirs, ct);
            var wishes = new List<PlanWish>();
            foreach (var r in theirs.Where(r => r.From.Year == year && r.State != HolidayState.Withdrawn).OrderBy(r => r.From))
            {
                var view = View(r, a, account.Left);
                var shifts = plans.SelectMany(p => p.ShiftsOf(a.Id, view.First, view.Last, CurrentUser.Zone)).ToList();
                var hours = shifts.Sum(s => (s.End - s.Start).TotalHours);
                var together = live.Where(o => o.AssistantId != a.Id && Overlaps(o, view.First, view.Last)).Select(o => names.GetValueOrDefault(o.AssistantId, "")).Distinct().Order(StringComparer.Ordinal).ToList();
                wishes.Add(new PlanWish(view, new Cover(shifts.Count, Math.Round(hours, 1), together)));
            }
            var mainMissing = HolidayRules.CanDemandMainHoliday(a.EmployedSince(), year) && theirs.Any(r => r.Main && r.From.Year == year && r.State == HolidayState.Wished)
                && !theirs.Any(r => r.State == HolidayState.Granted && r.GrantedFrom!.Value.Year == year && HolidayRules.IsMainHoliday(r.GrantedFrom.Value, r.GrantedTo!.Value));
            rows.Add(new PlanRow(a.Id, a.FullName, account, wishes, mainMissing));
        }
        if (requests.Count > 0) await access.LogReadAsync(arrangementId, relation, "ferie", ct);
        return new Plan(arrangementId, name, year, round?.WishesBy, relation.CanEdit(), rows);
    }

    /// <summary>A holiday on the year view: whose, its days, and whether it is granted or only wished.</summary>
    public sealed record Away(string Name, LocalDate First, LocalDate Last, bool Granted);

    /// <summary>
    /// The holidays granted or wished from <paramref name="first"/> to <paramref name="last"/> by the arrangement's assistants, for the year view of those who see the plan
    /// (a holiday is seen there as vacant shifts anyway); nothing for others.
    /// </summary>
    public async Task<IReadOnlyList<Away>> AwayAsync(Guid arrangementId, LocalDate first, LocalDate last, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanSeePlan()) return [];
        var ids = db.Assignments.Where(s => s.ArrangementId == arrangementId && s.From <= last && (s.To == null || s.To >= first)).Select(s => s.AssistantId);
        var rows = await db.HolidayRequests.AsNoTracking()
            .Where(r => ids.Contains(r.AssistantId) && (r.State == HolidayState.Granted || r.State == HolidayState.Wished) && r.From <= last && r.To >= first)
            .Join(db.Assistants, r => r.AssistantId, a => a.Id, (r, a) => new { a.FullName, r.From, r.To, r.GrantedFrom, r.GrantedTo, r.State })
            .ToListAsync(ct);
        return rows.Select(r => new Away(r.FullName, r.GrantedFrom ?? r.From, r.GrantedTo ?? r.To, r.State == HolidayState.Granted))
            .OrderBy(a => a.First).ThenBy(a => a.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>Opens or moves the round of wishes for a year, and asks the arrangement's assistants for their wishes by then.</summary>
    public async Task<Result<Round>> SetRoundAsync(Guid arrangementId, int? year, LocalDate? wishesBy, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanEdit()) return new NotFound();
        if (year is null) return Invalid.Field("year", "Velg ferieåret.");
        var round = await db.HolidayRounds.SingleOrDefaultAsync(r => r.ArrangementId == arrangementId && r.Year == year, ct);
        var before = round?.WishesBy;
        var made = round is null ? HolidayRound.Open(Guid.CreateVersion7(), arrangementId, year.Value, wishesBy, user.Today) : round.Move(wishesBy, user.Today);
        if (!made.IsSuccess) return made.Error!;
        round = made.Value!;
        if (before is null) db.HolidayRounds.Add(round);
        var name = await db.Arrangements.AsNoTracking().Where(x => x.Id == arrangementId).Select(x => x.Name).SingleAsync(ct);
        if (before != round.WishesBy)
        {
            var ids = await db.Assignments.AsNoTracking().Where(s => s.ArrangementId == arrangementId && (s.To == null || s.To >= user.Today)).Select(s => s.AssistantId).ToListAsync(ct);
            var by = round.WishesBy;
            await notifications.AddForAssistantsAsync(ids, uid => Notification.Create(Guid.CreateVersion7(), uid, "ferie-runde",
                $"Send ferieønsker for {round.Year} innen {Dates.Format(by)}",
                $"Arbeidslederen i {name} samler ferieønsker for {round.Year}. Send dine innen {Dates.Format(by)}.",
                $"/ferie?ar={round.Year}", $"ferie-runde:{round.Id:N}:{by:yyyyMMdd}:{uid:N}", user.Now), ct, user.Id);
        }
        await db.SaveChangesAsync(ct);
        return new Round(arrangementId, name, round.Year, round.WishesBy);
    }

    /// <summary>
    /// Grants a wish, at the wished dates or others: judged first (FER-7-1 refuses taking a demanded main holiday away; FER-6-1
    /// warns of dates moved late), then registered as an absence so the assistant's shifts become vacant in every arrangement.
    /// </summary>
    public async Task<Result<Decided>> GrantAsync(Guid arrangementId, Guid requestId, LocalDate? from, LocalDate? to, CancellationToken ct)
    {
        var found = await DecidableAsync(arrangementId, requestId, ct);
        if (!found.IsSuccess) return found.Error!;
        var (request, a, others) = found.Value;
        if (request.State != HolidayState.Wished) return Invalid.Field("state", "Ønsket er allerede besvart eller trukket.");
        var first = from ?? request.From;
        var last = to ?? request.To;
        var findings = HolidayRules.OnGrant(request.From, request.To, request.Main, first, last, a.EmployedSince(), OtherMainHoliday(others, request), user.Today);
        if (findings.FirstOrDefault(f => f.Severity == Severity.Breach) is { } breach) return Invalid.Field("from", breach.Message);
        if (await db.Absences.AnyAsync(x => x.AssistantId == a.Id && x.CancelledAt == null && x.From <= last && first <= x.To, ct))
            return Invalid.Field("from", "Assistenten har allerede fravær registrert i noen av disse dagene.");
        var absence = Absence.Holiday(Guid.CreateVersion7(), a.ProviderId, a.Id, first, last, user.Id, user.Now);
        var granted = request.Grant(from, to, absence.Id, user.Now, user.DisplayName);
        if (!granted.IsSuccess) return granted.Error!;
        db.Absences.Add(absence);
        var vacated = await absences.VacateAsync(a, absence, first, last, ct);
        var when = $"{Dates.Format(first)}–{Dates.Format(last)}";
        await notifications.AddForAssistantsAsync([a.Id], uid => Notification.Create(Guid.CreateVersion7(), uid, "ferie-svar", $"Ferien din er innvilget: {when}",
            first == request.From && last == request.To
                ? $"Ferien du ønsket fra {Dates.Format(first)} til og med {Dates.Format(last)} er innvilget."
                : $"Du ønsket ferie {Dates.Format(request.From)}–{Dates.Format(request.To)}. Innvilget er {Dates.Format(first)} til og med {Dates.Format(last)}.",
            $"/ferie?ar={first.Year}", $"ferie-svar:{request.Id:N}", user.Now), ct, user.Id);
        var otherArrangements = vacated.Where(v => v.ArrangementId != arrangementId).Select(v => v.ArrangementId).ToList();
        var leaders = await Leading.On(db, user.Today).Where(l => otherArrangements.Contains(l.ArrangementId) && l.UserId != user.Id).ToListAsync(ct);
        await notifications.AddNewAsync(leaders.Select(l => vacated.First(v => v.ArrangementId == l.ArrangementId) is var v
            ? Notification.Create(Guid.CreateVersion7(), l.UserId, "fravaer-ledig", $"{a.FullName} har ferie {when}: {v.Shifts} ledige vakter",
                $"{a.FullName} har fått ferie fra {Dates.Format(first)} til og med {Dates.Format(last)}. {v.Shifts} vakter i {v.Name} er ledige og trenger vikar.",
                $"/ordninger/{v.ArrangementId}/arbeidsplan/{v.PlanId}/unntak", $"ferie-ledig:{request.Id:N}:{v.ArrangementId:N}:{l.UserId:N}", user.Now)
            : null!).ToList(), ct);
        await db.SaveChangesAsync(ct);
        return new Decided(request.Id, findings, vacated.Sum(v => v.Shifts));
    }

    /// <summary>Refuses a wish with a reason; a main holiday the assistant may demand (FER-7-1) is not refused unless another is granted.</summary>
    public async Task<Result<Decided>> RefuseAsync(Guid arrangementId, Guid requestId, string? reason, CancellationToken ct)
    {
        var found = await DecidableAsync(arrangementId, requestId, ct);
        if (!found.IsSuccess) return found.Error!;
        var (request, a, others) = found.Value;
        var breaches = request.State == HolidayState.Wished ? HolidayRules.OnRefusal(request.From, request.To, request.Main, a.EmployedSince(), OtherMainHoliday(others, request)) : [];
        if (breaches.Count > 0) return Invalid.Field("reason", breaches[0].Message);
        var refused = request.Refuse(reason, user.Now, user.DisplayName);
        if (!refused.IsSuccess) return refused.Error!;
        await notifications.AddForAssistantsAsync([a.Id], uid => Notification.Create(Guid.CreateVersion7(), uid, "ferie-svar",
            $"Ferieønsket {Dates.Format(request.From)}–{Dates.Format(request.To)} er ikke innvilget",
            $"Ferieønsket ditt fra {Dates.Format(request.From)} til og med {Dates.Format(request.To)} er ikke innvilget: {request.RefusalReason}",
            $"/ferie?ar={request.From.Year}", $"ferie-svar:{request.Id:N}", user.Now), ct, user.Id);
        await db.SaveChangesAsync(ct);
        return new Decided(request.Id, [], 0);
    }

    /// <summary>
    /// Takes a granted holiday back before it begins, with the reason (ferieloven § 6: by agreement with the assistant, or for
    /// unforeseen events, the employer covering the costs): the absence is cancelled, the shifts no substitute has taken are the
    /// assistant's again, and the assistant is told.
    /// </summary>
    public async Task<Result<Decided>> RevokeAsync(Guid arrangementId, Guid requestId, string? reason, CancellationToken ct)
    {
        var found = await DecidableAsync(arrangementId, requestId, ct);
        if (!found.IsSuccess) return found.Error!;
        var (request, a, _) = found.Value;
        var (first, last) = (request.GrantedFrom, request.GrantedTo);
        var revoked = request.Revoke(reason, user.Today, user.Now, user.DisplayName);
        if (!revoked.IsSuccess) return revoked.Error!;
        var absence = await db.Absences.SingleAsync(x => x.Id == request.AbsenceId, ct);
        absence.Cancel(user.Now);
        var restored = await absences.RestoreAsync(a, first!.Value, last!.Value, ct);
        await notifications.AddForAssistantsAsync([a.Id], uid => Notification.Create(Guid.CreateVersion7(), uid, "ferie-svar",
            $"Ferien {Dates.Format(first.Value)}–{Dates.Format(last.Value)} er trukket tilbake",
            $"Ferien din fra {Dates.Format(first.Value)} til og med {Dates.Format(last.Value)} er trukket tilbake: {request.RefusalReason} Vaktene dine de dagene som ingen vikar har tatt, er dine igjen. Send et nytt ferieønske for å få dagene en annen gang.",
            $"/ferie?ar={first.Value.Year}", $"ferie-tilbake:{request.Id:N}", user.Now), ct, user.Id);
        await db.SaveChangesAsync(ct);
        return new Decided(request.Id, [], restored);
    }

    /// <summary>Records holiday days carried from a year to the next by written agreement (FER-7-3), for the employer (administrator, the office's coordinator).</summary>
    public async Task<Result<Guid>> CarryOverAsync(Guid assistantId, int? fromYear, int? days, LocalDate? agreedOn, CancellationToken ct)
    {
        var a = await db.Assistants.SingleOrDefaultAsync(x => x.Id == assistantId, ct);
        if (a is null || !await SaveAssistantPay.ManagesAsync(db, user.Id, a, ct)) return new NotFound();
        var existing = fromYear is { } y ? await db.HolidayCarryOvers.SingleOrDefaultAsync(c => c.AssistantId == assistantId && c.FromYear == y, ct) : null;
        var made = existing is null ? HolidayCarryOver.Agree(Guid.CreateVersion7(), assistantId, fromYear, days, agreedOn, user.Today) : existing.Change(fromYear, days, agreedOn, user.Today);
        if (!made.IsSuccess) return made.Error!;
        if (existing is null) db.HolidayCarryOvers.Add(made.Value!);
        await db.SaveChangesAsync(ct);
        return made.Value!.Id;
    }

    /// <summary>The holiday account of an assistant for the employer, with the agreed carry-overs.</summary>
    public async Task<Result<(Account Account, IReadOnlyList<(int FromYear, int Days, LocalDate AgreedOn)> CarryOvers)>> ForAssistantAsync(Guid assistantId, int year, CancellationToken ct)
    {
        var a = await db.Assistants.AsNoTracking().Include(x => x.Employments).SingleOrDefaultAsync(x => x.Id == assistantId, ct);
        if (a is null || !(a.UserId == user.Id || await SaveAssistantPay.ManagesAsync(db, user.Id, a, ct))) return new NotFound();
        var requests = await db.HolidayRequests.AsNoTracking().Where(r => r.AssistantId == a.Id).ToListAsync(ct);
        var carry = await db.HolidayCarryOvers.AsNoTracking().Where(c => c.AssistantId == a.Id).OrderByDescending(c => c.FromYear).ToListAsync(ct);
        return (await AccountAsync(a, year, requests, ct), carry.Select(c => (c.FromYear, c.Days, c.AgreedOn)).ToList());
    }

    private async Task<Account> AccountAsync(Assistant a, int year, IReadOnlyList<HolidayRequest> requests, CancellationToken ct)
    {
        var tariffId = await db.Providers.AsNoTracking().Where(p => p.Id == a.ProviderId).Select(p => p.TariffId).SingleAsync(ct);
        var terms = HolidayRules.Terms(tariffId, year);
        var sickness = await db.Absences.AsNoTracking().Where(x => x.AssistantId == a.Id && x.CancelledAt == null && x.Kind == AbsenceKind.DoctorCertified)
            .Select(x => new { x.From, x.To, x.Degree }).ToListAsync(ct);
        var agreed = await db.HolidayCarryOvers.AsNoTracking().Where(c => c.AssistantId == a.Id).ToDictionaryAsync(c => c.FromYear, c => c.Days, ct);
        var granted = requests.Where(r => r.State == HolidayState.Granted).Select(r => new GrantedHoliday(r.GrantedFrom!.Value, r.GrantedTo!.Value)).ToList();
        var wished = requests.Where(r => r.State == HolidayState.Wished).Sum(r => HolidayDays.CountIn(year, r.From, r.To));
        var y = HolidayRules.Account(year, a.EmployedSince(), a.BirthDate, terms, granted,
            sickness.Select(s => new AbsencePeriod(s.From, s.To, AbsenceKind.DoctorCertified, s.Degree)).ToList(), agreed, wished);
        var e = y.Entitlement;
        return new Account(year, e.Ordinary, e.SixtyPlus, e.CarriedIn, y.Granted, y.Returned, y.Wished, y.Left, e.FifthWeek, terms.Verify);
    }

    private Wish View(HolidayRequest r, Assistant a, int left)
    {
        var findings = r.State == HolidayState.Wished ? HolidayRules.OnWish(r.From, r.To, r.Main, a.EmployedSince(), left, user.Today) : [];
        var days = HolidayDays.Count(r.GrantedFrom ?? r.From, r.GrantedTo ?? r.To);
        return new Wish(r.Id, a.Id, a.FullName, r.From, r.To, r.Main, r.State, days, r.GrantedFrom, r.GrantedTo, r.DecidedByName, r.RefusalReason, findings);
    }

    private async Task<Result<(HolidayRequest Request, Assistant Assistant, List<HolidayRequest> Others)>> DecidableAsync(Guid arrangementId, Guid requestId, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanEdit()) return new NotFound();
        var request = await db.HolidayRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return new NotFound();
        var works = await db.Assignments.AnyAsync(s => s.ArrangementId == arrangementId && s.AssistantId == request.AssistantId && s.From <= request.To && (s.To == null || s.To >= request.From), ct);
        if (!works) return new NotFound();
        var a = await db.Assistants.Include(x => x.Employments).SingleAsync(x => x.Id == request.AssistantId, ct);
        var others = await db.HolidayRequests.AsNoTracking().Where(r => r.AssistantId == a.Id && r.Id != request.Id).ToListAsync(ct);
        return (request, a, others);
    }

    private static bool OtherMainHoliday(IEnumerable<HolidayRequest> others, HolidayRequest request)
        => others.Any(o => o.State == HolidayState.Granted && o.GrantedFrom!.Value.Year == request.From.Year && HolidayRules.IsMainHoliday(o.GrantedFrom.Value, o.GrantedTo!.Value));

    private static bool Overlaps(HolidayRequest r, LocalDate from, LocalDate to) => (r.GrantedFrom ?? r.From) <= to && from <= (r.GrantedTo ?? r.To);

    private async Task<List<Guid>> ArrangementsOfAsync(Guid assistantId, int year, CancellationToken ct)
    {
        var first = new LocalDate(year, 1, 1);
        var last = new LocalDate(year, 12, 31);
        return await db.Assignments.AsNoTracking().Where(s => s.AssistantId == assistantId && s.From <= last && (s.To == null || s.To >= first))
            .Select(s => s.ArrangementId).Distinct().ToListAsync(ct);
    }

    private Task<Result<Assistant>> AssistantAsync(Guid? assistantId, CancellationToken ct)
        => AbsenceReports.OwnOrManagedAsync(db, user.Id, assistantId, "Velg assistenten ferien gjelder.", ct);
}
