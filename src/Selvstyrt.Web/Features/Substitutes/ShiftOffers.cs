using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Absences;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Notifications;

namespace Selvstyrt.Web.Features.Substitutes;

/// <summary>An offer waiting for the signed-in assistant's answer («Min plan»).</summary>
public sealed record MyOffer(Guid OfferId, string Arrangement, LocalDate Date, Instant Start, Instant End, string OfferedBy);

/// <summary>An offer as the work leader follows it: who was asked and what each answered.</summary>
public sealed record OfferView(Guid Id, ShiftOfferState State, string OfferedBy, Instant OfferedAt, Instant EscalateAt, Instant? EscalatedAt, string? TakenBy,
    string? ClosedReason, IReadOnlyList<(string Name, ShiftOfferAnswer Answer, Instant? At)> Asked);

/// <summary>A vacant shift on a start page, with how far its offer has come.</summary>
public sealed record VacancyRow(Guid ArrangementId, string Arrangement, Guid PlanId, Guid DeviationId, LocalDate Date, string Clock, int Asked, bool Escalated);

/// <summary>
/// Offers of vacant shifts (issue 17, part 5): the work leader offers a vacant shift to one or several lawful candidates of
/// «Finn vikar»; each is told (under «Varsler» and by mail); the first to accept gets the shift, and the others and those
/// who lead are told. Acceptance is judged by the rules engine again, at the moment it is given, and saved with the plan's
/// fill in one save: of any number of accepts at once, the offer's concurrency token lets exactly one through. An offer
/// still open <see cref="ShiftOffer.EscalateAt"/> goes to the office's coordinator (<see cref="EscalateDueAsync"/>).
/// </summary>
public sealed class ShiftOffers(SelvstyrtDb db, ArrangementAccess access, CurrentUser user, SubstituteSearch search, NotificationStore notifications)
{
    /// <summary>Hours before the start an open offer goes to the coordinator, unless the work leader says otherwise.</summary>
    public const int DefaultEscalateHours = 24;

    public sealed record Offered(Guid Id, bool AlreadyExisted, IReadOnlyList<Guid> Asked);

    public async Task<Result<Offered>> OfferAsync(Guid arrangementId, Guid planId, Guid deviationId, IReadOnlyList<Guid>? assistantIds, int? escalateHoursBefore,
        string? idempotencyKey, CancellationToken ct)
    {
        if (idempotencyKey is { Length: > 100 }) return Invalid.Field("idempotencyKey", "Idempotensnøkkelen kan være høyst 100 tegn.");
        var id = string.IsNullOrEmpty(idempotencyKey) ? Guid.CreateVersion7() : KeyedId.For($"offer:{deviationId}", idempotencyKey);
        var found = await search.SearchAsync(arrangementId, planId, deviationId, ct);
        if (found.Error is NotFound) return found.Error;
        var earlier = await db.ShiftOffers.AsNoTracking().Include(o => o.Recipients).FirstOrDefaultAsync(o => o.Id == id && o.ArrangementId == arrangementId, ct);
        if (earlier is not null) return new Offered(earlier.Id, true, earlier.Recipients.Select(r => r.AssistantId).ToList());
        if (!found.IsSuccess) return found.Error!;
        var (vacancy, _, candidates) = found.Value!;
        var chosen = (assistantIds ?? []).Distinct().ToList();
        var problems = new List<string>();
        foreach (var a in chosen)
        {
            var c = candidates.FirstOrDefault(x => x.AssistantId == a);
            if (c is null) problems.Add("En av de valgte har ikke plass i ordningen denne dagen.");
            else if (!c.Lawful) problems.Add($"{c.Name} kan ikke få vakten: {c.Reason}");
            else if (!c.CanSignIn) problems.Add($"{c.Name} har ingen innlogging og kan ikke svare på et tilbud; gi vakten direkte.");
        }
        if (problems.Count > 0) return Invalid.Field("assistantIds", string.Join(" ", problems));

        var now = user.Now;
        var open = await db.ShiftOffers.Include(o => o.Recipients).FirstOrDefaultAsync(o => o.DeviationId == deviationId && o.State == ShiftOfferState.Open, ct);
        IReadOnlyList<Guid> asked;
        ShiftOffer offer;
        if (open is not null)
        {
            var widened = open.Widen(chosen, now);
            if (!widened.IsSuccess) return widened.Error!;
            (offer, asked) = (open, widened.Value!);
        }
        else
        {
            var made = ShiftOffer.Create(id, vacancy.ProviderId, arrangementId, planId, deviationId, vacancy.Date, vacancy.Start, vacancy.End, chosen,
                escalateHoursBefore ?? DefaultEscalateHours, user.Id, user.DisplayName, now);
            if (!made.IsSuccess) return made.Error!;
            (offer, asked) = (made.Value!, chosen);
            db.ShiftOffers.Add(offer);
        }
        var when = When(vacancy.Date, vacancy.Start, vacancy.End);
        await notifications.AddForAssistantsAsync(asked, u => Notification.Create(Guid.CreateVersion7(), u, "vakt-tilbud", $"Kan du ta en vakt {when}?",
            $"{user.DisplayName} spør om du kan ta en ledig vakt i {vacancy.Arrangement} {when}. Svar i «Min plan»: den første som sier ja, får vakten.",
            "/min-plan#tilbud", $"tilbud:{offer.Id:N}:{u:N}", now), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("Tilbudet ble endret samtidig (noen kan ha tatt vakten). Last inn siden på nytt.");
        }
        return new Offered(offer.Id, false, asked);
    }

    /// <summary>The signed-in assistant takes the offered shift (see the class summary). Accepting again after winning answers the same.</summary>
    public async Task<Result<(ShiftOffer Offer, bool AlreadyExisted)>> AcceptAsync(Guid offerId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (offer, assistantId) = await MineAsync(offerId, ct);
            if (offer is null) return new NotFound("Fant ikke tilbudet.");
            if (offer.State == ShiftOfferState.Taken && offer.TakenBy == assistantId) return (offer, true);
            if (offer.State != ShiftOfferState.Open) return offer.Accept(assistantId, user.Now).Error!;
            var now = user.Now;
            // The plan is read tracked: the candidate is judged on it, and the same instance is filled and saved.
            var loaded = await search.VacancyAsync(offer.ArrangementId, offer.PlanId, offer.DeviationId, ct, tracked: true);
            if (!loaded.IsSuccess)
            {
                // The shift may have been filled by this very offer a moment ago (the same answer sent twice, or another accept
                // that won): read the offer again and answer from it. Still open after that, the offer has nothing to offer.
                if (attempt < 2)
                {
                    db.ChangeTracker.Clear();
                    continue;
                }
                offer.Lapse("vakten er ikke ledig lenger", now);
                await SaveQuietlyAsync(ct);
                return new Conflict("Vakten er ikke ledig lenger.");
            }
            var (vacancy, plan, arrangement) = loaded.Value;
            var judged = (await search.JudgeAsync(vacancy, plan, arrangement, assistantId, ct)).FirstOrDefault();
            if (judged is not { Lawful: true })
                return new Conflict($"Du kan ikke ta vakten likevel: {judged?.Reason ?? "du har ikke plass i ordningen denne dagen."}");
            var accepted = offer.Accept(assistantId, now);
            if (!accepted.IsSuccess) return accepted.Error!;
            if (judged.FromPool)
            {
                var place = await SubstitutePool.EnsurePlaceAsync(db, offer.ArrangementId, assistantId, vacancy.Date, ct);
                if (!place.IsSuccess) return place.Error!;
            }
            var filled = plan.FillVacancy(offer.DeviationId, assistantId, new PlanActor(now, user.DisplayName, user.Today));
            if (!filled.IsSuccess) return filled.Error!;
            await NotifyTakenAsync(offer, vacancy, judged.Name, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                return (offer, false);
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                // Somebody accepted, or the plan was saved, at the same moment (the offer's or the plan's concurrency token, or
                // the notices' unique key, stopped this save): read both again and answer from what won.
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException)
            {
                break;
            }
        }
        return new Conflict("Planen ble endret samtidig flere ganger. Prøv igjen.");
    }

    /// <summary>The signed-in assistant says no; when everyone asked has said no, the one who offered is told.</summary>
    public async Task<Result<bool>> DeclineAsync(Guid offerId, CancellationToken ct)
    {
        var (offer, assistantId) = await MineAsync(offerId, ct);
        if (offer is null) return new NotFound("Fant ikke tilbudet.");
        var declined = offer.Decline(assistantId, user.Now);
        if (!declined.IsSuccess) return declined.Error!;
        if (declined.Value)
        {
            await notifications.AddNewAsync([Notification.Create(Guid.CreateVersion7(), offer.OfferedByUserId, "vakt-tilbud-nei",
                $"Ingen kan ta vakten {When(offer.Date, offer.Start, offer.End)}", "Alle du spurte har sagt nei. Finn en annen vikar, eller la koordinatoren hjelpe.",
                Link(offer), $"tilbud-nei:{offer.Id:N}:{offer.Recipients.Count}", user.Now)], ct);
        }
        if (await SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return declined.Value;
    }

    /// <summary>The work leader takes an open offer back; those who had not answered are told.</summary>
    public async Task<Result<ShiftOffer>> WithdrawAsync(Guid arrangementId, Guid offerId, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanSeePlan()) return new NotFound();
        if (!relation.CanEdit()) return new Forbidden("Bare arbeidsleder, medarbeidsleder og leverandøren kan trekke tilbake et tilbud.");
        var offer = await db.ShiftOffers.Include(o => o.Recipients).FirstOrDefaultAsync(o => o.Id == offerId && o.ArrangementId == arrangementId, ct);
        if (offer is null) return new NotFound("Fant ikke tilbudet.");
        var waiting = offer.Recipients.Where(r => r.Answered == ShiftOfferAnswer.Waiting).Select(r => r.AssistantId).ToList();
        var withdrawn = offer.Withdraw(user.Now);
        if (!withdrawn.IsSuccess) return withdrawn.Error!;
        await TellAsync(waiting, offer, "vakt-tilbud-trukket", $"Tilbudet om vakt {When(offer.Date, offer.Start, offer.End)} er trukket tilbake",
            "Arbeidslederen trenger ikke svar på tilbudet lenger.", ct);
        if (await SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return offer;
    }

    /// <summary>The offers waiting for the signed-in user's answer, soonest first.</summary>
    public async Task<List<MyOffer>> WaitingForMeAsync(CancellationToken ct)
    {
        var uid = user.Id;
        var now = user.Now;
        var mine = db.Assistants.Where(a => a.UserId == uid).Select(a => a.Id);
        return await db.ShiftOffers.AsNoTracking()
            .Where(o => o.State == ShiftOfferState.Open && o.Start > now
                        && o.Recipients.Any(r => mine.Contains(r.AssistantId) && r.Answered == ShiftOfferAnswer.Waiting))
            .OrderBy(o => o.Start)
            .Select(o => new MyOffer(o.Id, db.Arrangements.Where(a => a.Id == o.ArrangementId).Select(a => a.Name).First(), o.Date, o.Start, o.End, o.OfferedByName))
            .ToListAsync(ct);
    }

    /// <summary>The offers made for one vacant shift of a plan, newest first; null when the arrangement has no such plan (the caller has checked access).</summary>
    public async Task<List<OfferView>?> ForVacancyAsync(Guid arrangementId, Guid planId, Guid deviationId, CancellationToken ct)
    {
        if (!await db.WorkPlans.AnyAsync(p => p.Id == planId && p.ArrangementId == arrangementId, ct)) return null;
        var offers = await db.ShiftOffers.AsNoTracking().Include(o => o.Recipients)
            .Where(o => o.ArrangementId == arrangementId && o.PlanId == planId && o.DeviationId == deviationId).ToListAsync(ct);
        var ids = offers.SelectMany(o => o.Recipients.Select(r => r.AssistantId)).Distinct().ToList();
        var names = await db.Assistants.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.FullName, ct);
        return offers.OrderByDescending(o => o.OfferedAt).Select(o => new OfferView(o.Id, o.State, o.OfferedByName, o.OfferedAt, o.EscalateAt, o.EscalatedAt,
            o.TakenBy is { } t ? names.GetValueOrDefault(t) : null, o.ClosedReason,
            o.Recipients.OrderBy(r => r.AskedAt).Select(r => (names.GetValueOrDefault(r.AssistantId, "?"), r.Answered, r.AnsweredAt)).ToList())).ToList();
    }

    /// <summary>
    /// The vacant shifts from <paramref name="from"/> for <paramref name="days"/> days in the arrangements the user plans
    /// (work leaders, acting deputies, the office's coordinator, the provider's administrator), soonest first.
    /// </summary>
    public async Task<List<VacancyRow>> VacanciesAsync(LocalDate from, int days, CancellationToken ct)
    {
        var to = from.PlusDays(days - 1);
        var editable = access.EditableArrangements().Select(a => a.Id);
        var rows = await db.PlanDeviations.AsNoTracking()
            .Where(d => d.AssistantId == null && (d.Kind == PlanDeviationKind.Vacant || d.Kind == PlanDeviationKind.Extra) && d.Date >= from && d.Date <= to)
            .Join(db.WorkPlans.Where(p => p.Status == PlanStatus.Published && editable.Contains(p.ArrangementId)), d => d.PlanId, p => p.Id,
                (d, p) => new { d.Id, d.PlanId, p.ArrangementId, d.Date, d.ShiftId, d.StartMinute, d.LengthMinutes })
            .OrderBy(d => d.Date).Take(200).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var shiftIds = rows.Where(r => r.ShiftId != null).Select(r => r.ShiftId!.Value).Distinct().ToList();
        var shifts = await db.PlanShifts.AsNoTracking().Where(s => shiftIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => (s.StartMinute, s.LengthMinutes), ct);
        var arrangementIds = rows.Select(r => r.ArrangementId).Distinct().ToList();
        var names = await db.Arrangements.AsNoTracking().Where(a => arrangementIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var deviationIds = rows.Select(r => r.Id).ToList();
        var offers = await db.ShiftOffers.AsNoTracking().Where(o => deviationIds.Contains(o.DeviationId) && o.State == ShiftOfferState.Open)
            .Select(o => new { o.DeviationId, Asked = o.Recipients.Count, Escalated = o.EscalatedAt != null }).ToListAsync(ct);
        return rows.Select(r =>
        {
            var (start, length) = r.ShiftId is { } s && shifts.TryGetValue(s, out var x) ? x : (r.StartMinute ?? 0, r.LengthMinutes ?? 0);
            var offer = offers.FirstOrDefault(o => o.DeviationId == r.Id);
            return new VacancyRow(r.ArrangementId, names[r.ArrangementId], r.PlanId, r.Id, r.Date, WorkPlan.Clock(start, length), offer?.Asked ?? 0, offer?.Escalated == true);
        }).OrderBy(r => r.Date).ThenBy(r => r.Clock, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The job (every few minutes): open offers due go to the office's coordinators (the provider's administrators where the
    /// office has none), and offers whose shift has begun close. Returns how many were escalated.
    /// </summary>
    public async Task<int> EscalateDueAsync(Instant now, CancellationToken ct)
    {
        var due = await db.ShiftOffers.Include(o => o.Recipients)
            .Where(o => o.State == ShiftOfferState.Open && (o.Start <= now || (o.EscalatedAt == null && o.EscalateAt <= now))).ToListAsync(ct);
        var wanted = new List<Notification>();
        var escalated = 0;
        var arrangementIds = due.Select(o => o.ArrangementId).Distinct().ToList();
        var arrangements = await db.Arrangements.AsNoTracking().Where(a => arrangementIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => new { a.OfficeId, a.Name }, ct);
        var providerIds = due.Select(o => o.ProviderId).Distinct().ToList();
        var grants = await db.ProviderGrants.AsNoTracking()
            .Where(g => providerIds.Contains(g.ProviderId) && (g.Role == ProviderRole.OfficeCoordinator || g.Role == ProviderRole.ProviderAdmin)).ToListAsync(ct);
        foreach (var offer in due)
        {
            if (offer.Start <= now)
            {
                offer.Lapse("vakten begynte uten vikar", now);
                continue;
            }
            if (!offer.Escalate(now)) continue;
            escalated++;
            var office = arrangements[offer.ArrangementId];
            var to = grants.Where(g => g.ProviderId == offer.ProviderId && g.Role == ProviderRole.OfficeCoordinator && g.OfficeId == office.OfficeId).Select(g => g.UserId).Distinct().ToList();
            if (to.Count == 0) to = grants.Where(g => g.ProviderId == offer.ProviderId && g.Role == ProviderRole.ProviderAdmin).Select(g => g.UserId).Distinct().ToList();
            var when = When(offer.Date, offer.Start, offer.End);
            var answers = $"{offer.Recipients.Count} er spurt, {offer.Recipients.Count(r => r.Answered == ShiftOfferAnswer.Declined)} har sagt nei.";
            wanted.AddRange(to.Select(u => Notification.Create(Guid.CreateVersion7(), u, "vakt-eskalert", $"Haster: ingen vikar {when} i {office.Name}",
                $"Den ledige vakten {when} i {office.Name} har ingen vikar ennå. {answers} Finn vikar eller gi vakten direkte.", Link(offer),
                $"eskalert:{offer.Id:N}:{u:N}", now)));
        }
        if (due.Count == 0) return 0;
        await notifications.AddNewAsync(wanted, ct);
        await db.SaveChangesAsync(ct);
        return escalated;
    }

    /// <summary>
    /// Closes the open offers of vacancies that went away (given to someone directly, or the absent assistant is back) with the
    /// reason, and tells those who had not answered, with <paramref name="body"/>. The caller saves.
    /// </summary>
    internal static async Task LapseAsync(SelvstyrtDb db, NotificationStore notifications, IReadOnlyList<Guid> deviationIds, string reason, string body, Instant at, CancellationToken ct)
    {
        if (deviationIds.Count == 0) return;
        var open = await db.ShiftOffers.Include(o => o.Recipients).Where(o => deviationIds.Contains(o.DeviationId) && o.State == ShiftOfferState.Open).ToListAsync(ct);
        if (open.Count == 0) return;
        var waiting = open.ToDictionary(o => o.Id, o => o.Recipients.Where(r => r.Answered == ShiftOfferAnswer.Waiting).Select(r => r.AssistantId).ToList());
        var everyone = waiting.Values.SelectMany(w => w).Distinct().ToList();
        var users = await db.Assistants.AsNoTracking().Where(a => everyone.Contains(a.Id) && a.UserId != null).ToDictionaryAsync(a => a.Id, a => a.UserId!.Value, ct);
        var wanted = new List<Notification>();
        foreach (var offer in open)
        {
            offer.Lapse(reason, at);
            wanted.AddRange(waiting[offer.Id].Where(users.ContainsKey).Select(a => users[a]).Select(u => Notification.Create(Guid.CreateVersion7(), u, "vakt-tilbud-trukket",
                $"Vakten {When(offer.Date, offer.Start, offer.End)} trengs ikke lenger", body, "/min-plan", $"vakt-tilbud-trukket:{offer.Id:N}:{u:N}", at)));
        }
        await notifications.AddNewAsync(wanted, ct);
    }

    private async Task<(ShiftOffer? Offer, Guid AssistantId)> MineAsync(Guid offerId, CancellationToken ct)
    {
        var uid = user.Id;
        var mine = await db.Assistants.AsNoTracking().Where(a => a.UserId == uid).Select(a => a.Id).ToListAsync(ct);
        var offer = await db.ShiftOffers.Include(o => o.Recipients).FirstOrDefaultAsync(o => o.Id == offerId && o.Recipients.Any(r => mine.Contains(r.AssistantId)), ct);
        return offer is null ? (null, Guid.Empty) : (offer, offer.Recipients.First(r => mine.Contains(r.AssistantId)).AssistantId);
    }

    /// <summary>Tells those who lead and the one who offered that the shift is taken, and the others asked that it is gone.</summary>
    private async Task NotifyTakenAsync(ShiftOffer offer, Vacancy vacancy, string name, CancellationToken ct)
    {
        var when = When(offer.Date, offer.Start, offer.End);
        var leaders = await Leading.On(db, user.Today).Where(l => l.ArrangementId == offer.ArrangementId).Select(l => l.UserId).Distinct().ToListAsync(ct);
        var wanted = leaders.Append(offer.OfferedByUserId).Distinct().Select(u => Notification.Create(Guid.CreateVersion7(), u, "vakt-tatt",
            $"{name} tar vakten {when}", $"{name} sa ja til den ledige vakten i {vacancy.Arrangement} {when}. Vakten er deres i planen.",
            Link(offer), $"tatt:{offer.Id:N}:{u:N}", user.Now)).ToList();
        await notifications.AddNewAsync(wanted, ct);
        var others = offer.Recipients.Where(r => r.AssistantId != offer.TakenBy && r.Answered == ShiftOfferAnswer.Closed).Select(r => r.AssistantId).ToList();
        await TellAsync(others, offer, "vakt-tilbud-tatt", $"Vakten {when} er tatt", "En annen sa ja først. Takk for at du var villig.", ct);
    }

    private Task TellAsync(List<Guid> assistants, ShiftOffer offer, string kind, string subject, string body, CancellationToken ct)
        => notifications.AddForAssistantsAsync(assistants, u => Notification.Create(Guid.CreateVersion7(), u, kind, subject, body, "/min-plan", $"{kind}:{offer.Id:N}:{u:N}", user.Now), ct);

    private async Task<Error?> SaveOrConflictAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("Tilbudet ble endret samtidig (noen kan ha tatt vakten). Last inn på nytt.");
        }
    }

    private async Task SaveQuietlyAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
        }
    }

    private static string Link(ShiftOffer offer) => $"/ordninger/{offer.ArrangementId}/arbeidsplan/{offer.PlanId}/ledig/{offer.DeviationId}";

    /// <summary>«fredag 4.12.2026 kl. 07:00–15:00».</summary>
    public static string When(LocalDate date, Instant start, Instant end)
        => $"{Dates.DayName(date.DayOfWeek)} {Dates.Format(date)} kl. {start.InZone(CurrentUser.Zone):HH:mm}–{end.InZone(CurrentUser.Zone):HH:mm}";
}
