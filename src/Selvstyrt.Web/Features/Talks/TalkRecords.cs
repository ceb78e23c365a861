using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Http;
using Selvstyrt.Web.Features.Notifications;

namespace Selvstyrt.Web.Features.Talks;

/// <summary>
/// Talks between the work leader and an assistant (issue 19, parts 4 and 5), and the work leader's requests to the employer.
/// The leader's side is whoever may edit the arrangement (its work leaders, and the employer's administrator and the office's
/// coordinator, who may lead or join a talk); the assistant's side is the assistant's own account. A side's preparation is read
/// by the other only once shared. Nobody else sees a talk: not the recipient who does not lead, the union representative (who
/// takes part as the assistant's companion, named in the minutes), nor the municipality.
/// </summary>
public sealed class TalkRecords(SelvstyrtDb db, CurrentUser user, ArrangementAccess access, NotificationStore notices)
{
    public sealed record TalkRow(Guid Id, Guid AssistantId, string Assistant, TalkKind Kind, LocalDate PlannedOn, string Subject, TalkStatus Status, LocalDate? HeldOn);

    /// <summary>An assistant in the arrangement and when their next talks are due.</summary>
    public sealed record DueRow(Guid AssistantId, string Assistant, LocalDate AppraisalDue, LocalDate? LastAppraisal, LocalDate? ProbationDue, LocalDate? ProbationEnd)
    {
        public bool AppraisalSoon(LocalDate today) => AppraisalDue <= today.PlusDays(TalkSchedule.DaysAhead);
        public bool ProbationSoon(LocalDate today) => ProbationDue is { } p && p <= today.PlusDays(TalkSchedule.DaysAhead) && ProbationEnd >= today;
    }

    public sealed record RequestRow(Guid Id, Guid ArrangementId, string Arrangement, Guid? AssistantId, string? Assistant, RequestKind Kind, string Text, string AskedBy,
        Instant AskedAt, string? Answer, string? AnsweredBy, Instant? AnsweredAt);

    public sealed record Overview(Guid ArrangementId, string Arrangement, IReadOnlyList<TalkRow> Talks, IReadOnlyList<DueRow> Due,
        IReadOnlyList<RequestRow> Requests, IReadOnlyList<(Guid Id, string Name)> Assistants);

    /// <summary>A talk as the user may see it: their side, and the other side's preparation only when shared.</summary>
    public sealed record TalkView(Talk Talk, string Assistant, string Arrangement, TalkSide Side, IReadOnlyList<TalkNote> Mine, IReadOnlyList<TalkNote>? Theirs);

    public sealed record TalkInput(Guid? AssistantId, TalkKind? Kind, LocalDate? PlannedOn, string? Subject);

    public sealed record MinutesInput(LocalDate? HeldOn, string? Present, string? UnionRepresentative, string? Minutes, string? Agreed, LocalDate? FollowUpOn);

    public async Task<Result<Overview>> OverviewAsync(Guid arrangementId, CancellationToken ct)
    {
        var allowed = await LeaderSideAsync(arrangementId, ct);
        if (!allowed.IsSuccess) return allowed.Error!;
        var today = user.Today;
        var talks = await db.Talks.AsNoTracking().Where(t => t.ArrangementId == arrangementId)
            .Join(db.Assistants, t => t.AssistantId, a => a.Id, (t, a) => new { t, a.FullName }).ToListAsync(ct);
        var places = await db.Assignments.AsNoTracking().Where(s => s.ArrangementId == arrangementId && (s.To == null || s.To >= today))
            .Join(db.Assistants, s => s.AssistantId, a => a.Id, (s, a) => new PlaceRow(s.ArrangementId, s.AssistantId, s.From, a.FullName)).ToListAsync(ct);
        var due = await DueAsync(db, places, today, ct);
        return new Overview(arrangementId, allowed.Value!.Name,
            [.. talks.OrderByDescending(t => t.t.HeldOn ?? t.t.PlannedOn).Select(t => Row(t.t, t.FullName))], [.. due.Select(d => d.Due)], await RequestsAsync(q => q.Where(r => r.ArrangementId == arrangementId), ct),
            [.. places.DistinctBy(p => p.AssistantId).OrderBy(p => p.Assistant).Select(p => (p.AssistantId, p.Assistant))]);
    }

    /// <summary>An assistant's current place in an arrangement.</summary>
    public sealed record PlaceRow(Guid ArrangementId, Guid AssistantId, LocalDate From, string Assistant);

    /// <summary>
    /// When the next appraisal talk and the probation talk are due for each assistant's place (per arrangement): a year after the
    /// last appraisal held there or after the assistant began there; the probation talk before the current employment's probation
    /// ends, unless one was held since the employment began. For the overview page and the daily reminder.
    /// </summary>
    public static async Task<List<(Guid ArrangementId, DueRow Due)>> DueAsync(SelvstyrtDb db, IReadOnlyList<PlaceRow> places, LocalDate today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(places);
        var assistants = places.Select(p => p.AssistantId).Distinct().ToList();
        var held = await db.Talks.AsNoTracking().Where(t => assistants.Contains(t.AssistantId) && t.HeldOn != null && t.CancelledOn == null)
            .Select(t => new { t.ArrangementId, t.AssistantId, t.Kind, t.HeldOn }).ToListAsync(ct);
        var probations = await db.Employments.AsNoTracking().Where(e => assistants.Contains(e.AssistantId) && e.ProbationEnd != null && (e.End == null || e.End >= today))
            .Select(e => new { e.AssistantId, e.ProbationEnd, e.Start }).ToListAsync(ct);
        var nb = StringComparer.Create(new System.Globalization.CultureInfo("nb-NO"), false);
        return [.. places.GroupBy(p => (p.ArrangementId, p.AssistantId)).Select(g =>
        {
            var mine = held.Where(t => t.AssistantId == g.Key.AssistantId && t.ArrangementId == g.Key.ArrangementId).ToList();
            var lastAppraisal = mine.Where(t => t.Kind == TalkKind.Appraisal).Max(t => t.HeldOn);
            var probation = probations.Where(p => p.AssistantId == g.Key.AssistantId).OrderByDescending(p => p.Start).FirstOrDefault();
            var probationHeld = probation is not null && mine.Any(t => t.Kind == TalkKind.Probation && t.HeldOn >= probation.Start);
            return (g.Key.ArrangementId, new DueRow(g.Key.AssistantId, g.First().Assistant, TalkSchedule.AppraisalDue(g.Min(p => p.From), lastAppraisal), lastAppraisal,
                TalkSchedule.ProbationDue(probation?.ProbationEnd, probationHeld), probation?.ProbationEnd));
        }).OrderBy(d => d.Item2.ProbationDue ?? d.Item2.AppraisalDue).ThenBy(d => d.Item2.Assistant, nb)];
    }

    /// <summary>The user's own talks, as the assistant, newest first (cancelled ones left out).</summary>
    public async Task<List<TalkRow>> MineAsync(CancellationToken ct)
    {
        var uid = user.Id;
        if (uid == Guid.Empty) return [];
        var rows = await db.Talks.AsNoTracking().Where(t => t.CancelledOn == null)
            .Join(db.Assistants.Where(a => a.UserId == uid), t => t.AssistantId, a => a.Id, (t, a) => new { t, a.FullName }).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.t.HeldOn ?? r.t.PlannedOn).Select(r => Row(r.t, r.FullName))];
    }

    /// <summary>How many talks wait for the user's own acceptance of the minutes, as the assistant (the start page's count).</summary>
    public Task<int> ToAcceptAsync(CancellationToken ct)
    {
        var uid = user.Id;
        return db.Talks.CountAsync(t => t.CancelledOn == null && t.HeldOn != null && t.AssistantAcceptedAt == null
                                        && db.Assistants.Any(a => a.Id == t.AssistantId && a.UserId == uid && uid != Guid.Empty), ct);
    }

    public async Task<Result<TalkView>> GetAsync(Guid talkId, CancellationToken ct)
    {
        var found = await FindAsync(talkId, tracked: false, ct);
        if (!found.IsSuccess) return found.Error!;
        var (talk, side) = found.Value;
        var names = await db.Assistants.AsNoTracking().Where(a => a.Id == talk.AssistantId).Select(a => a.FullName).FirstAsync(ct);
        var arrangement = await db.Arrangements.AsNoTracking().Where(a => a.Id == talk.ArrangementId).Select(a => a.Name).FirstAsync(ct);
        var other = side == TalkSide.Leader ? TalkSide.Assistant : TalkSide.Leader;
        return new TalkView(talk, names, arrangement, side, talk.NotesOf(side), talk.SharedAt(other) is null ? null : talk.NotesOf(other));
    }

    /// <summary>Plans a talk with an assistant who has a place in the arrangement; the assistant is told. Idempotent on the key.</summary>
    public async Task<Result<(Guid Id, bool Existed)>> PlanAsync(Guid arrangementId, TalkInput input, string? key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var allowed = await LeaderSideAsync(arrangementId, ct);
        if (!allowed.IsSuccess) return allowed.Error!;
        if (key is { Length: > 100 }) return Invalid.Field("idempotencyKey", "Idempotensnøkkelen kan være høyst 100 tegn.");
        var id = string.IsNullOrEmpty(key) ? Guid.CreateVersion7() : KeyedId.For($"talk:{arrangementId}", key);
        if (await db.Talks.AnyAsync(t => t.Id == id, ct)) return (id, true);
        if (input.AssistantId is not { } assistantId || !await db.Assignments.AnyAsync(s => s.ArrangementId == arrangementId && s.AssistantId == assistantId, ct))
            return Invalid.Field("assistantId", "Velg en assistent som arbeider i ordningen.");
        var made = Talk.Plan(id, arrangementId, assistantId, input.Kind, input.PlannedOn, input.Subject, user.Today, key);
        if (!made.IsSuccess) return made.Error!;
        db.Talks.Add(made.Value!);
        var talk = made.Value!;
        await notices.AddForAssistantsAsync([assistantId], u => Notification.Create(Guid.CreateVersion7(), u, "samtale", $"{KindName(talk.Kind)} {Dates.Format(talk.PlannedOn)}",
            $"{user.DisplayName} har satt opp en {KindName(talk.Kind).ToLowerInvariant()} med deg {Dates.Format(talk.PlannedOn)}. Du kan forberede deg i appen; det du skriver, ser arbeidslederen først når du deler det.",
            $"/samtaler/{id}", $"talk:{id:N}:planned:{u:N}", user.Now), ct, except: user.Id);
        await db.SaveChangesAsync(ct);
        return (id, false);
    }

    public Task<Result<Guid>> RescheduleAsync(Guid talkId, LocalDate? plannedOn, string? subject, CancellationToken ct)
        => LeaderEditAsync(talkId, t => t.Reschedule(plannedOn, subject, user.Today), ct);

    public Task<Result<Guid>> CancelAsync(Guid talkId, CancellationToken ct) => LeaderEditAsync(talkId, t => t.Cancel(user.Today), ct);

    /// <summary>The user's own side's preparation (the work leader's form or the assistant's).</summary>
    public async Task<Result<Guid>> PrepareAsync(Guid talkId, IReadOnlyDictionary<TalkTopic, (string? Notes, string? Goal)> topics, bool share, CancellationToken ct)
    {
        var found = await FindAsync(talkId, tracked: true, ct);
        if (!found.IsSuccess) return found.Error!;
        var (talk, side) = found.Value;
        var wasShared = talk.SharedAt(side) is not null;
        var prepared = talk.Prepare(side, topics, share, user.Now);
        if (!prepared.IsSuccess) return prepared.Error!;
        if (!wasShared && talk.SharedAt(side) is not null)
        {
            if (side == TalkSide.Assistant) await NotifyLeadersAsync(talk, "Forberedelse delt", $"{await AssistantNameAsync(talk, ct)} har delt forberedelsen sin til samtalen {Dates.Format(talk.PlannedOn)}.", "shared", ct);
            else await NotifyAssistantAsync(talk, "Arbeidslederens forberedelse", $"{user.DisplayName} har delt forberedelsen sin til samtalen {Dates.Format(talk.PlannedOn)}.", "leader-shared", ct);
        }
        return await SaveAsync(talk.Id, ct);
    }

    /// <summary>The leader's side writes the minutes; the assistant is asked to read and accept them.</summary>
    public async Task<Result<Guid>> WriteMinutesAsync(Guid talkId, MinutesInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = await FindAsync(talkId, tracked: true, ct);
        if (!found.IsSuccess) return found.Error!;
        var (talk, side) = found.Value;
        if (side != TalkSide.Leader) return new Forbidden("Det er arbeidslederen som skriver referatet; du godtar det eller skriver en merknad.");
        var written = talk.WriteMinutes(input.HeldOn, input.Present, input.UnionRepresentative, input.Minutes, input.Agreed, input.FollowUpOn, user.DisplayName, user.Today);
        if (!written.IsSuccess) return written.Error!;
        if (talk.AssistantAcceptedAt is null)
            await NotifyAssistantAsync(talk, "Referat til godkjenning", $"Referatet fra samtalen {Dates.Format(talk.HeldOn!.Value)} er skrevet. Les det og godta det, eller skriv en merknad.",
                $"minutes:{user.Now.ToUnixTimeTicks()}", ct);
        return await SaveAsync(talk.Id, ct);
    }

    /// <summary>The user accepts the minutes for their side (the assistant may add a remark).</summary>
    public async Task<Result<Guid>> AcceptAsync(Guid talkId, string? comment, CancellationToken ct)
    {
        var found = await FindAsync(talkId, tracked: true, ct);
        if (!found.IsSuccess) return found.Error!;
        var (talk, side) = found.Value;
        var accepted = talk.Accept(side, user.DisplayName, side == TalkSide.Assistant ? comment : null, user.Now);
        if (!accepted.IsSuccess) return accepted.Error!;
        return await SaveAsync(talk.Id, ct);
    }

    /// <summary>The work leader asks the employer for help, to end an employment, or about something else; the office's coordinators (or else the administrators) are told.</summary>
    public async Task<Result<(Guid Id, bool Existed)>> AskEmployerAsync(Guid arrangementId, Guid? assistantId, RequestKind? kind, string? text, string? key, CancellationToken ct)
    {
        var allowed = await LeaderSideAsync(arrangementId, ct);
        if (!allowed.IsSuccess) return allowed.Error!;
        if (key is { Length: > 100 }) return Invalid.Field("idempotencyKey", "Idempotensnøkkelen kan være høyst 100 tegn.");
        var id = string.IsNullOrEmpty(key) ? Guid.CreateVersion7() : KeyedId.For($"employer-request:{arrangementId}", key);
        if (await db.EmployerRequests.AnyAsync(r => r.Id == id, ct)) return (id, true);
        if (assistantId is { } aid && !await db.Assignments.AnyAsync(s => s.ArrangementId == arrangementId && s.AssistantId == aid, ct))
            return Invalid.Field("assistantId", "Velg en assistent som arbeider i ordningen.");
        var made = EmployerRequest.Ask(id, arrangementId, assistantId, kind, text, user.Id, user.DisplayName, user.Now, key);
        if (!made.IsSuccess) return made.Error!;
        db.EmployerRequests.Add(made.Value!);
        var a = allowed.Value!;
        var employerSide = await db.ProviderGrants.AsNoTracking()
            .Where(g => g.ProviderId == a.ProviderId && g.Role == ProviderRole.OfficeCoordinator && g.OfficeId == a.OfficeId).Select(g => g.UserId).ToListAsync(ct);
        if (employerSide.Count == 0)
            employerSide = await db.ProviderGrants.AsNoTracking().Where(g => g.ProviderId == a.ProviderId && g.Role == ProviderRole.ProviderAdmin).Select(g => g.UserId).ToListAsync(ct);
        await notices.AddNewAsync([.. employerSide.Where(u => u != user.Id).Distinct().Select(u => Notification.Create(Guid.CreateVersion7(), u, "henvendelse",
            $"Henvendelse fra {a.Name}: {RequestName(made.Value!.Kind).ToLowerInvariant()}", $"{user.DisplayName} ber arbeidsgiveren om hjelp i {a.Name}. Les og svar under «Henvendelser».",
            "/henvendelser", $"employer-request:{id:N}:{u:N}", user.Now))], ct);
        await db.SaveChangesAsync(ct);
        return (id, false);
    }

    /// <summary>The employer's side answers a request; the one who asked is told.</summary>
    public async Task<Result<Guid>> AnswerAsync(Guid requestId, string? answer, CancellationToken ct)
    {
        var request = await db.EmployerRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return new NotFound();
        var relation = await access.RelationTo(request.ArrangementId, ct);
        if (!relation.CanEdit()) return new NotFound();
        if (!relation.CanManageAssistants()) return new Forbidden("Det er arbeidsgiveren (koordinatoren eller administratoren) som svarer på henvendelsen.");
        var replied = request.Reply(answer, user.DisplayName, user.Now);
        if (!replied.IsSuccess) return replied.Error!;
        await notices.AddNewAsync([Notification.Create(Guid.CreateVersion7(), request.AskedByUserId, "henvendelse", "Svar fra arbeidsgiveren",
            $"{user.DisplayName} har svart på henvendelsen din.", $"/ordninger/{request.ArrangementId}/samtaler", $"employer-request:{request.Id:N}:answer:{user.Now.ToUnixTimeTicks()}", user.Now)], ct);
        return await db.SaveOrConflictAsync(request.Id, "Henvendelsen ble besvart av noen andre samtidig. Les den på nytt.", ct);
    }

    /// <summary>The requests to the employer in the arrangements the user manages as the employer (unanswered first).</summary>
    public async Task<List<RequestRow>> ForEmployerAsync(CancellationToken ct)
    {
        var mine = await EmployedForAsync(ct);
        return [.. (await RequestsAsync(q => q.Where(r => mine.Contains(r.ArrangementId)), ct)).OrderBy(r => r.AnsweredAt is not null).ThenByDescending(r => r.AskedAt)];
    }

    /// <summary>How many requests wait for an answer from the user as the employer (the start page's count, one query).</summary>
    public async Task<int> UnansweredAsync(CancellationToken ct)
    {
        var mine = await EmployedForAsync(ct);
        return await db.EmployerRequests.CountAsync(r => r.AnsweredAt == null && mine.Contains(r.ArrangementId), ct);
    }

    /// <summary>The arrangements the user is the employer's side of: the provider's administrator, the office's coordinator.</summary>
    private async Task<IQueryable<Guid>> EmployedForAsync(CancellationToken ct)
    {
        var grants = await access.ManagingGrants(ct);
        var providers = grants.Where(g => g.Role == ProviderRole.ProviderAdmin).Select(g => g.ProviderId).ToList();
        var offices = grants.Where(g => g.Role == ProviderRole.OfficeCoordinator && g.OfficeId != null).Select(g => g.OfficeId!.Value).ToList();
        return db.Arrangements.Where(a => providers.Contains(a.ProviderId) || offices.Contains(a.OfficeId)).Select(a => a.Id);
    }

    public static string KindName(TalkKind kind) => kind switch
    {
        TalkKind.Appraisal => "Medarbeidersamtale",
        TalkKind.Probation => "Prøvetidssamtale",
        TalkKind.FollowUp => "Oppfølgingssamtale",
        _ => "Samtale om uenighet eller konflikt",
    };

    public static string RequestName(RequestKind kind) => kind switch
    {
        RequestKind.Help => "Råd og hjelp",
        RequestKind.EndEmployment => "Avslutte et arbeidsforhold",
        _ => "Annet",
    };

    private static TalkRow Row(Talk t, string name) => new(t.Id, t.AssistantId, name, t.Kind, t.PlannedOn, t.Subject, t.Status, t.HeldOn);

    private async Task<List<RequestRow>> RequestsAsync(Func<IQueryable<EmployerRequest>, IQueryable<EmployerRequest>> filter, CancellationToken ct)
    {
        var rows = await filter(db.EmployerRequests.AsNoTracking())
            .Join(db.Arrangements, r => r.ArrangementId, a => a.Id, (r, a) => new { r, a.Name })
            .GroupJoin(db.Assistants, x => x.r.AssistantId, a => a.Id, (x, a) => new { x.r, x.Name, a })
            .SelectMany(x => x.a.DefaultIfEmpty(), (x, a) => new { x.r, x.Name, Assistant = a == null ? null : a.FullName })
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(x => x.r.AskedAt).Select(x => new RequestRow(x.r.Id, x.r.ArrangementId, x.Name, x.r.AssistantId, x.Assistant, x.r.Kind, x.r.Text, x.r.AskedBy,
            x.r.AskedAt, x.r.Answer, x.r.AnsweredBy, x.r.AnsweredAt))];
    }

    private sealed record Allowed(Guid Id, Guid ProviderId, Guid OfficeId, string Name);

    /// <summary>Those who may edit the arrangement (its leaders and the employer's side); everyone else is told it does not exist.</summary>
    private async Task<Result<Allowed>> LeaderSideAsync(Guid arrangementId, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanEdit()) return new NotFound();
        var a = await db.Arrangements.AsNoTracking().Where(x => x.Id == arrangementId).Select(x => new { x.Id, x.ProviderId, x.OfficeId, x.Name }).FirstAsync(ct);
        return new Allowed(a.Id, a.ProviderId, a.OfficeId, a.Name);
    }

    /// <summary>The talk and the user's side in it: the assistant themself, or the arrangement's leader side; anyone else: not found.</summary>
    private async Task<Result<(Talk Talk, TalkSide Side)>> FindAsync(Guid talkId, bool tracked, CancellationToken ct)
    {
        var query = tracked ? db.Talks : db.Talks.AsNoTracking();
        var talk = await query.FirstOrDefaultAsync(t => t.Id == talkId, ct);
        if (talk is null) return new NotFound();
        var uid = user.Id;
        if (uid != Guid.Empty && await db.Assistants.AnyAsync(a => a.Id == talk.AssistantId && a.UserId == uid, ct)) return (talk, TalkSide.Assistant);
        if ((await access.RelationTo(talk.ArrangementId, ct)).CanEdit()) return (talk, TalkSide.Leader);
        return new NotFound();
    }

    private async Task<Result<Guid>> LeaderEditAsync(Guid talkId, Func<Talk, Result<Talk>> edit, CancellationToken ct)
    {
        var found = await FindAsync(talkId, tracked: true, ct);
        if (!found.IsSuccess) return found.Error!;
        if (found.Value.Side != TalkSide.Leader) return new Forbidden("Det er arbeidslederen som planlegger samtalen.");
        var result = edit(found.Value.Talk);
        if (!result.IsSuccess) return result.Error!;
        return await SaveAsync(talkId, ct);
    }

    private Task<Result<Guid>> SaveAsync(Guid id, CancellationToken ct) => db.SaveOrConflictAsync(id, "Samtalen ble endret av noen andre samtidig. Les den på nytt.", ct);

    private Task<string> AssistantNameAsync(Talk talk, CancellationToken ct)
        => db.Assistants.AsNoTracking().Where(a => a.Id == talk.AssistantId).Select(a => a.FullName).FirstAsync(ct);

    private Task NotifyAssistantAsync(Talk talk, string subject, string body, string what, CancellationToken ct)
        => notices.AddForAssistantsAsync([talk.AssistantId], u => Notification.Create(Guid.CreateVersion7(), u, "samtale", subject, body, $"/samtaler/{talk.Id}",
            $"talk:{talk.Id:N}:{what}:{u:N}", user.Now), ct, except: user.Id);

    private async Task NotifyLeadersAsync(Talk talk, string subject, string body, string what, CancellationToken ct)
    {
        var leaders = await Leading.On(db, user.Today).Where(l => l.ArrangementId == talk.ArrangementId).Select(l => l.UserId).Distinct().ToListAsync(ct);
        await notices.AddNewAsync([.. leaders.Where(u => u != user.Id).Select(u => Notification.Create(Guid.CreateVersion7(), u, "samtale", subject, body, $"/samtaler/{talk.Id}",
            $"talk:{talk.Id:N}:{what}:{u:N}", user.Now))], ct);
    }
}
