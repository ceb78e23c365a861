using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Absences;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.TimeSheets;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Assistants;
using Selvstyrt.Web.Features.Notifications;

namespace Selvstyrt.Web.Features.Absences;

/// <summary>
/// «Meld fravær» (issue 17, part 1): an assistant reports sick from the phone (self-certified, or a doctor's note by its
/// date and degree), or the employer does it for them. The rules of rules.md § 4 judge it first: a self-certification
/// the assistant is not entitled to is refused with the reason (EGM-8-24-1/2/3), the EGM-8-27 flag and the employer period
/// (SYK-8-2, SYK-8-19) are told. The assistant's shifts in those days become vacant in every published plan, and those who
/// lead each arrangement and the office's coordinator are told at once (leaders without the kind of absence). A retry
/// with the same key registers one absence.
/// </summary>
public sealed class AbsenceReports(SelvstyrtDb db, CurrentUser user, NotificationStore notifications, ArrangementAccess access)
{
    public sealed record Input(Guid? AssistantId, AbsenceKind? Kind, LocalDate? From, LocalDate? To, int? Degree, LocalDate? CertificateDate);

    public sealed record Reported(Guid Id, bool AlreadyExisted, IReadOnlyList<AbsenceFinding> Findings, int VacatedShifts);

    /// <summary>One absence as its assistant (or the employer) sees it, with its share of the employer period.</summary>
    public sealed record Row(Guid Id, AbsenceKind Kind, LocalDate From, LocalDate To, int Degree, LocalDate? CertificateDate, int EmployerDays, LocalDate? NavFrom, bool Cancelled);

    public sealed record Mine(Guid AssistantId, string Name, IReadOnlyList<Row> Absences)
    {
        /// <summary>The children behind sick-child days and carer status, with this year's days and those used.</summary>
        public IReadOnlyList<CareChild> Children { get; init; } = [];
        public bool SoleCarer { get; init; }
        public int SickChildDays { get; init; }
        public int SickChildDaysUsed { get; init; }
    }

    /// <summary>
    /// One absence in an arrangement's list: who and when for those who lead; the kind, degree and the employer's days only
    /// for the employer's side (administrator, coordinator), who needs them for pay.
    /// </summary>
    public sealed record InArrangement(Guid Id, Guid AssistantId, string Name, LocalDate From, LocalDate To, AbsenceKind? Kind, int? Degree, int? EmployerDays);

    /// <summary>
    /// The absences of the arrangement's assistants that touch [<paramref name="from"/>, <paramref name="to"/>], soonest first, for
    /// those who plan the arrangement (work leaders, an acting deputy, the coordinator, the administrator); not found for others.
    /// </summary>
    public async Task<Result<(string Arrangement, bool Employer, List<InArrangement> Rows)>> ForArrangementAsync(Guid arrangementId, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanEdit()) return new NotFound();
        if (to < from) return Invalid.Field("to", "Slutten kan ikke være før starten.");
        if (Period.Between(from, to, PeriodUnits.Days).Days > 400) return Invalid.Field("to", "Vis høyst ett år om gangen.");
        var employer = relation.CanManageAssistants();
        var ids = await db.Assignments.AsNoTracking().Where(s => s.ArrangementId == arrangementId && s.From <= to && (s.To == null || s.To >= from))
            .Select(s => s.AssistantId).Distinct().ToListAsync(ct);
        var assistants = await db.Assistants.AsNoTracking().Include(a => a.Employments).Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        var all = await db.Absences.AsNoTracking().Where(x => ids.Contains(x.AssistantId) && x.CancelledAt == null).ToListAsync(ct);
        var rows = new List<InArrangement>();
        foreach (var a in assistants)
        {
            var theirs = all.Where(x => x.AssistantId == a.Id).ToList();
            foreach (var r in Rows(a, theirs).Where(r => r.From <= to && r.To >= from))
                rows.Add(new InArrangement(r.Id, a.Id, a.FullName, r.From, r.To, employer ? r.Kind : null, employer ? r.Degree : null, employer ? r.EmployerDays : null));
        }
        if (rows.Count > 0) await access.LogReadAsync(arrangementId, relation, "fravær", ct);
        var name = await db.Arrangements.AsNoTracking().Where(x => x.Id == arrangementId).Select(x => x.Name).SingleAsync(ct);
        return (name, employer, rows.OrderBy(r => r.From).ThenBy(r => r.Name, StringComparer.Ordinal).ToList());
    }

    /// <summary>The assistant records of the signed-in user, with their absences, newest first.</summary>
    public async Task<List<Mine>> MineAsync(CancellationToken ct)
    {
        var uid = user.Id;
        var mine = await db.Assistants.AsNoTracking().Include(a => a.Employments).Where(a => a.UserId == uid).ToListAsync(ct);
        var ids = mine.Select(a => a.Id).ToList();
        var absences = (await db.Absences.AsNoTracking().Where(a => ids.Contains(a.AssistantId)).ToListAsync(ct)).ToLookup(a => a.AssistantId);
        return mine.Select(assistant => View(assistant, [.. absences[assistant.Id]])).ToList();
    }

    /// <summary>An assistant's absences with their care facts and this year's sick-child days.</summary>
    private Mine View(Assistant a, List<Absence> absences)
    {
        var year = user.Today.Year;
        return new Mine(a.Id, a.FullName, Rows(a, absences))
        {
            Children = a.CareChildren, SoleCarer = a.SoleCarer, SickChildDays = SickChildRules.DaysFor(a.CareChildren, a.SoleCarer, year),
            SickChildDaysUsed = SickChildRules.UsedIn(absences.Where(x => x.CancelledAt == null).Select(x => x.Period), year),
        };
    }

    /// <summary>An assistant's absences for the employer's side (administrator, the office's coordinator); not found for anyone else.</summary>
    public async Task<Result<Mine>> ForAssistantAsync(Guid assistantId, CancellationToken ct)
    {
        var a = await db.Assistants.AsNoTracking().Include(x => x.Employments).SingleOrDefaultAsync(x => x.Id == assistantId, ct);
        if (a is null || !await SaveAssistantPay.ManagesAsync(db, user.Id, a, ct)) return new NotFound();
        return View(a, await db.Absences.AsNoTracking().Where(x => x.AssistantId == a.Id).ToListAsync(ct));
    }

    /// <summary>Records the children (birth year, chronically ill) and carer status behind an assistant's sick-child days: their own, or one they manage.</summary>
    public async Task<Result<Mine>> SetCareAsync(Guid? assistantId, IReadOnlyList<CareChild>? children, bool soleCarer, CancellationToken ct)
    {
        var found = await AssistantAsync(assistantId, ct);
        if (!found.IsSuccess) return found.Error!;
        var a = found.Value!;
        var set = a.SetCare(children ?? [], soleCarer, user.Today.Year);
        if (!set.IsSuccess) return set.Error!;
        await db.SaveChangesAsync(ct);
        return View(a, await db.Absences.AsNoTracking().Where(x => x.AssistantId == a.Id).ToListAsync(ct));
    }

    public async Task<Result<Reported>> ReportAsync(Input input, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (idempotencyKey is { Length: > 100 }) return Invalid.Field("idempotencyKey", "Idempotensnøkkelen kan være høyst 100 tegn.");
        var assistant = await AssistantAsync(input.AssistantId, ct);
        if (!assistant.IsSuccess) return assistant.Error!;
        var a = assistant.Value!;
        var id = string.IsNullOrEmpty(idempotencyKey) ? Guid.CreateVersion7() : KeyedId.For($"absence:{a.Id}", idempotencyKey);
        if (await db.Absences.AnyAsync(x => x.Id == id, ct)) return new Reported(id, true, [], 0);

        var today = user.Today;
        var made = Absence.Report(id, a.ProviderId, a.Id, input.Kind, input.From, input.To, input.Degree, input.CertificateDate, user.Id, user.Now, today);
        if (!made.IsSuccess) return made.Error!;
        var absence = made.Value!;
        var leave = LeaveKinds.Of(absence.Kind)!;
        if (!leave.ByAssistant && !await SaveAssistantPay.ManagesAsync(db, user.Id, a, ct))
            return Invalid.Field("kind", $"{leave.Name} avtales med arbeidsgiveren, som registrerer den.");
        var employment = a.EmploymentOn(absence.From);
        if (employment is null) return Invalid.Field("from", "Assistenten er ikke ansatt den første fraværsdagen.");
        var judged = await JudgeAsync(a, absence, employment.Start, "from", ct);
        if (!judged.IsSuccess) return judged.Error!;
        var findings = judged.Value!;

        db.Absences.Add(absence);
        var vacated = await VacateAsync(a, absence, absence.From, absence.To, ct);
        var kindName = leave.Name.ToLowerInvariant();
        var employer = absence.Degree < 100 ? $"{kindName} {absence.Degree} %" : kindName;
        var when = $"{Dates.Format(absence.From)}–{Dates.Format(absence.To)}";
        var wanted = new List<Notification>();
        var arrangementIds = vacated.Select(v => v.ArrangementId).ToList();
        var leadersOf = (await Leading.On(db, today).Where(l => arrangementIds.Contains(l.ArrangementId)).ToListAsync(ct)).ToLookup(l => l.ArrangementId, l => l.UserId);
        foreach (var (arrangementId, planId, name, shifts) in vacated)
        {
            foreach (var leader in leadersOf[arrangementId].Distinct())
            {
                wanted.Add(Notification.Create(Guid.CreateVersion7(), leader, "fravaer-ledig", $"{a.FullName} er borte {when}: {shifts} ledige vakter",
                    $"{a.FullName} er borte fra {Dates.Format(absence.From)} til og med {Dates.Format(absence.To)}. {shifts} vakter i {name} er ledige og trenger vikar.",
                    $"/ordninger/{arrangementId}/arbeidsplan/{planId}/unntak", $"fravaer:{absence.Id:N}:{arrangementId:N}", user.Now));
            }
        }
        var coordinators = await db.ProviderGrants.AsNoTracking()
            .Where(g => g.ProviderId == a.ProviderId && g.Role == ProviderRole.OfficeCoordinator && g.OfficeId == a.OfficeId && g.UserId != user.Id)
            .Select(g => g.UserId).Distinct().ToListAsync(ct);
        foreach (var coordinator in coordinators)
        {
            wanted.Add(Notification.Create(Guid.CreateVersion7(), coordinator, "fravaer-arbeidsgiver", $"Fravær: {a.FullName} {when} ({employer})",
                $"{a.FullName} har meldt fravær ({employer}) fra {Dates.Format(absence.From)} til og med {Dates.Format(absence.To)}. {vacated.Sum(v => v.Shifts)} vakter er ledige. "
                    + string.Join(" ", findings.Select(f => f.Message)),
                $"/assistenter/{a.Id}", $"fravaer-arbeidsgiver:{absence.Id:N}", user.Now));
        }
        // One save: the absence, the vacant shifts, the notices and their mail (the store saves).
        if (wanted.Count > 0) await notifications.StoreNewAsync(wanted, ct);
        else await db.SaveChangesAsync(ct);
        return new Reported(absence.Id, false, findings, vacated.Sum(v => v.Shifts));
    }

    /// <summary>
    /// Records on the absence the shifts the assistant was planned to work from <paramref name="from"/> to <paramref name="to"/> in
    /// every published plan of their arrangements (what the employer's days of it pay). A full absence makes those shifts vacant
    /// and takes the open (not yet confirmed) entries of those days off their time sheets still being filled in; under a graded
    /// note the assistant still works part of them, so the plan and the sheets stay as they are.
    /// </summary>
    internal async Task<List<(Guid ArrangementId, Guid PlanId, string Name, int Shifts)>> VacateAsync(Assistant a, Absence absence, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var full = absence.Degree == 100;
        if (full)
        {
            var firstMonth = new LocalDate(from.Year, from.Month, 1);
            var sheets = await db.TimeSheets.Include(s => s.Entries)
                .Where(s => s.AssistantId == a.Id && s.Month >= firstMonth && s.Month <= to && (s.State == SheetState.Draft || s.State == SheetState.Rejected)).ToListAsync(ct);
            foreach (var sheet in sheets) sheet.DropOpenPlannedOn(from, to);
        }
        var (plans, names) = await PlansAsync(a, from, to, ct);
        var actor = new PlanActor(user.Now, user.DisplayName, user.Today);
        var result = new List<(Guid, Guid, string, int)>();
        foreach (var plan in plans)
        {
            var theirs = full ? plan.Vacate(a.Id, from, to, CurrentUser.Zone, "fravær", actor) : plan.ShiftsOf(a.Id, from, to, CurrentUser.Zone);
            absence.Took(plan.ArrangementId, theirs);
            if (full && theirs.Count > 0) result.Add((plan.ArrangementId, plan.Id, names[plan.ArrangementId], theirs.Count));
        }
        return result;
    }

    /// <summary>Tells those who lead the arrangements where the assistant works in the days changed (without the kind of absence).</summary>
    private async Task TellLeadersAsync(Assistant a, Absence absence, LocalDate from, LocalDate to, string kind, string subject, string body, string key, CancellationToken ct)
    {
        var arrangements = await db.Assignments.AsNoTracking().Where(s => s.AssistantId == a.Id && s.From <= to && (s.To == null || s.To >= from))
            .Select(s => s.ArrangementId).Distinct().ToListAsync(ct);
        var leaders = await Leading.On(db, user.Today).Where(l => arrangements.Contains(l.ArrangementId)).ToListAsync(ct);
        var wanted = leaders.Where(l => l.UserId != user.Id).GroupBy(l => l.UserId)
            .Select(g => Notification.Create(Guid.CreateVersion7(), g.Key, kind, subject, body, $"/ordninger/{g.First().ArrangementId}/fravaer", $"{key}:{g.Key:N}", user.Now)).ToList();
        await notifications.AddNewAsync(wanted, ct);
    }

    /// <summary>Gives the assistant back their unfilled vacant shifts from <paramref name="from"/> to <paramref name="to"/>.</summary>
    internal async Task<int> RestoreAsync(Assistant a, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var (plans, _) = await PlansAsync(a, from, to, ct);
        var actor = new PlanActor(user.Now, user.DisplayName, user.Today);
        var gone = plans.SelectMany(plan => plan.Restore(a.Id, from, to, actor)).ToList();
        await Substitutes.ShiftOffers.LapseAsync(db, notifications, gone, "assistenten er tilbake",
            "Den som var borte, er tilbake, så vakten er ikke ledig lenger. Du trenger ikke svare.", user.Now, ct);
        return gone.Count;
    }

    private async Task<(List<WorkPlan> Plans, Dictionary<Guid, string> Names)> PlansAsync(Assistant a, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var arrangements = await db.Assignments.AsNoTracking()
            .Where(s => s.AssistantId == a.Id && s.From <= to && (s.To == null || s.To >= from)).Select(s => s.ArrangementId).Distinct().ToListAsync(ct);
        var plans = await db.WorkPlans.Include(p => p.Shifts).Include(p => p.Deviations).AsSplitQuery()
            .Where(p => arrangements.Contains(p.ArrangementId) && p.Status == PlanStatus.Published && p.StartsOn <= to && (p.EndsOn == null || p.EndsOn >= from))
            .ToListAsync(ct);
        var names = await db.Arrangements.AsNoTracking().Where(x => arrangements.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        return (plans, names);
    }

    /// <summary>
    /// Moves the absence's last day: back sooner gives the unfilled shifts after it back; longer is judged by the rules again
    /// (a self-certification may not grow past its limit) and makes the added days' shifts vacant.
    /// </summary>
    public async Task<Result<Reported>> ChangeLastDayAsync(Guid absenceId, LocalDate? to, CancellationToken ct)
    {
        var found = await OwnAbsenceAsync(absenceId, ct);
        if (!found.IsSuccess) return found.Error!;
        var (absence, a) = found.Value;
        if (absence.Kind == AbsenceKind.Holiday) return Invalid.Field("kind", "Ferie endres i ferieplanen, ikke her.");
        var before = absence.To;
        var changed = absence.ChangeLastDay(to);
        if (!changed.IsSuccess) return changed.Error!;
        var findings = new List<AbsenceFinding>();
        var vacated = 0;
        if (absence.To > before)
        {
            var judged = await JudgeAsync(a, absence, a.EmploymentOn(absence.From)?.Start ?? absence.From, "to", ct);
            if (!judged.IsSuccess) return judged.Error!;
            findings.AddRange(judged.Value!);
            vacated = (await VacateAsync(a, absence, before.PlusDays(1), absence.To, ct)).Sum(v => v.Shifts);
        }
        else if (absence.To < before) await RestoreAsync(a, absence.To.PlusDays(1), before, ct);
        if (absence.To != before)
        {
            var back = absence.To.PlusDays(1);
            await TellLeadersAsync(a, absence, LocalDate.Min(before, absence.To).PlusDays(1), LocalDate.Max(before, absence.To), "fravaer-endret",
                $"{a.FullName} er tilbake {Dates.Format(back)}",
                absence.To < before
                    ? $"{a.FullName} er tilbake tidligere, {Dates.Format(back)}. Vaktene fra da av som ingen vikar har tatt, er {a.FullName} sine igjen."
                    : $"{a.FullName} er borte lenger, til og med {Dates.Format(absence.To)}. {vacated} vakter til er ledige og trenger vikar.",
                $"fravaer-endret:{absence.Id:N}:{absence.To:yyyyMMdd}", ct);
        }
        await db.SaveChangesAsync(ct);
        return new Reported(absence.Id, false, findings, vacated);
    }

    /// <summary>Cancels an absence (reported by mistake): it no longer counts, and the unfilled shifts are the assistant's again.</summary>
    public async Task<Result<Reported>> CancelAsync(Guid absenceId, CancellationToken ct)
    {
        var found = await OwnAbsenceAsync(absenceId, ct);
        if (!found.IsSuccess) return found.Error!;
        var (absence, a) = found.Value;
        if (absence.Kind == AbsenceKind.Holiday) return Invalid.Field("kind", "Ferie endres i ferieplanen, ikke her.");
        if (absence.CancelledAt is not null) return new Reported(absence.Id, true, [], 0);
        absence.Cancel(user.Now);
        await RestoreAsync(a, absence.From, absence.To, ct);
        await TellLeadersAsync(a, absence, absence.From, absence.To, "fravaer-avlyst", $"{a.FullName} er likevel ikke borte",
            $"Fraværet til {a.FullName} {Dates.Format(absence.From)}–{Dates.Format(absence.To)} er avlyst. Vaktene som ingen vikar har tatt, er {a.FullName} sine igjen.",
            $"fravaer-avlyst:{absence.Id:N}", ct);
        await db.SaveChangesAsync(ct);
        return new Reported(absence.Id, false, [], 0);
    }

    /// <summary>
    /// Judges an absence against the assistant's other live absences and the employer's policy: days already registered
    /// are refused (named on <paramref name="overlapField"/>), and so is a self-certification without the right (EGM-8-24-1
    /// named on the kind, the day limits on the last day). The other findings are returned to be told.
    /// </summary>
    private async Task<Result<List<AbsenceFinding>>> JudgeAsync(Assistant a, Absence absence, LocalDate employedFrom, string overlapField, CancellationToken ct)
    {
        var all = await db.Absences.AsNoTracking().Where(x => x.AssistantId == a.Id && x.CancelledAt == null && x.Id != absence.Id).ToListAsync(ct);
        var overlapping = all.Where(x => x.From <= absence.To && absence.From <= x.To).ToList();
        if (overlapping.Any(x => x.Kind != AbsenceKind.Holiday)) return Invalid.Field(overlapField, "Det er allerede registrert fravær i noen av disse dagene.");
        // FER-9-1: sickness in a granted holiday gives the days back with a full doctor's note; nothing else may overlap a holiday.
        var inHoliday = HolidayRules.OnSickness(absence.Period, overlapping.Select(h => new GrantedHoliday(h.From, h.To)));
        if (overlapping.Count > 0 && !absence.Period.IsSickness) return Invalid.Field(overlapField, "Det er ferie i noen av disse dagene.");
        if (inHoliday.Any(f => f.Severity == Domain.Rules.Engine.Severity.Breach)) return Refusal(inHoliday, "FER-9-1");
        var others = all.Where(x => x.Kind != AbsenceKind.Holiday).ToList();
        switch (LeaveKinds.Of(absence.Kind)!.Pay)
        {
            case LeavePay.SickChildPay:
                var child = SickChildRules.Check(absence.Period, others.Select(x => x.Period), a.CareChildren, a.SoleCarer);
                return child.Refused ? Refusal(child.Findings, "OMS-AGE") : child.Findings.ToList();
            case LeavePay.SickPay:
                var policy = await db.Providers.Where(p => p.Id == a.ProviderId).Select(p => p.WiderSelfCertification).SingleAsync(ct)
                    ? SelfCertificationPolicy.Wider : SelfCertificationPolicy.Statutory;
                var findings = SickLeaveRules.Check(new SickLeaveCase(employedFrom, absence.Period, [.. others.Select(x => x.Period)], policy));
                return SickLeaveRules.SelfCertificationAllowed(findings) ? findings.Concat(inHoliday).ToList() : Refusal(findings, "EGM-8-24-1");
            default:
                return new List<AbsenceFinding>();
        }
    }

    /// <summary>The breaches as field messages: the rule about the right itself on the kind, the day limits on the last day.</summary>
    private static Invalid Refusal(IEnumerable<AbsenceFinding> findings, string onKind)
        => new(findings.Where(f => f.Severity == Domain.Rules.Engine.Severity.Breach)
            .GroupBy(f => f.Rule == onKind ? "kind" : "to")
            .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(f => f.Message))));

    /// <summary>An absence of the user's own, or of an assistant they manage; not found for anyone else.</summary>
    private async Task<Result<(Absence Absence, Assistant Assistant)>> OwnAbsenceAsync(Guid absenceId, CancellationToken ct)
    {
        var absence = await db.Absences.Include(x => x.Shifts).SingleOrDefaultAsync(x => x.Id == absenceId, ct);
        if (absence is null) return new NotFound();
        var assistant = await AssistantAsync(absence.AssistantId, ct);
        return assistant.IsSuccess ? (absence, assistant.Value!) : new NotFound();
    }

    private Task<Result<Assistant>> AssistantAsync(Guid? assistantId, CancellationToken ct)
        => OwnOrManagedAsync(db, user.Id, assistantId, "Velg assistenten fraværet gjelder.", ct);

    /// <summary>
    /// The assistant a report or wish is for: the user's own record when none is named (asked to name one when they are an
    /// assistant at several employers), or one the user manages (administrator, the office's coordinator); not found otherwise.
    /// </summary>
    internal static async Task<Result<Assistant>> OwnOrManagedAsync(SelvstyrtDb db, Guid uid, Guid? assistantId, string noneMessage, CancellationToken ct)
    {
        if (assistantId is not { } id)
        {
            var own = await db.Assistants.Include(a => a.Employments).Where(a => a.UserId == uid).ToListAsync(ct);
            return own.Count switch
            {
                0 => Invalid.Field("assistantId", noneMessage),
                1 => own[0],
                _ => Invalid.Field("assistantId", "Du er assistent hos flere arbeidsgivere: velg hvilken (assistantId)."),
            };
        }
        var assistant = await db.Assistants.Include(a => a.Employments).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (assistant is null) return new NotFound();
        if (assistant.UserId == uid || await SaveAssistantPay.ManagesAsync(db, uid, assistant, ct)) return assistant;
        return new NotFound();
    }

    /// <summary>
    /// The absences newest first, each with the employer's days as its kind's payer counts them: the employer period for
    /// sickness, the year's first ten sick-child days, every day of paid leave, none for leave NAV pays or unpaid leave.
    /// </summary>
    private static List<Row> Rows(Assistant assistant, List<Absence> absences)
    {
        var employedFrom = assistant.EmployedSince();
        var live = absences.Where(x => x.CancelledAt == null).ToList();
        var shares = EmployerPeriod.Walk(employedFrom, live.Select(x => x.Period)).ToDictionary(s => s.Absence);
        var paid = LeavePayDays.EmployerPays(employedFrom, live, assistant.CareChildren, assistant.SoleCarer);
        Row Of(Absence x)
        {
            var row = new Row(x.Id, x.Kind, x.From, x.To, x.Degree, x.CertificateDate, 0, null, x.CancelledAt is not null);
            if (row.Cancelled) return row;
            row = row with { EmployerDays = paid.TryGetValue(x.Id, out var days) ? days.Count : 0 };
            return shares.TryGetValue(x.Period, out var share) ? row with { NavFrom = share.NavFrom } : row;
        }
        return absences.OrderByDescending(x => x.From).Select(Of).ToList();
    }
}
