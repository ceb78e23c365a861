using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Domain.Quality;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Notifications;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Surveys;

/// <summary>
/// Surveys (issue 20, part 4). The provider's administrator makes and sends them; the work-environment and HMS surveys go to
/// every assistant employed with a sign-in, the user survey to the recipients and work leaders of the provider's arrangements,
/// each counted in the office they belong to. Answers are stored apart from who gave them. The administrator reads the
/// results of the provider and each office; an office's coordinator the provider's and their office's. A group under
/// <see cref="Survey.Threshold"/> answers shows nothing.
/// </summary>
public sealed class SurveyRecords(SelvstyrtDb db, CurrentUser user, ArrangementAccess access, NotificationStore notices)
{
    /// <summary>A survey with how many were asked through the app and how many answers it has (paper and earlier rounds' answers have no invitation).</summary>
    public sealed record Row(Guid Id, SurveyKind Kind, int Year, LocalDate ClosesOn, Instant? SentAt, int Invited, int Answered, bool CanSend);

    public sealed record Invitation(Guid SurveyId, SurveyKind Kind, int Year, LocalDate ClosesOn);

    public sealed record Results(Survey Survey, int Invited, int Answered, GroupResult Provider, IReadOnlyList<GroupResult> Offices, int? LastYear);

    /// <summary>The surveys of the providers the user administers or coordinates an office of, newest first.</summary>
    public async Task<List<Row>> ManagedAsync(CancellationToken ct)
    {
        var grants = await access.ManagingGrants(ct);
        var providers = grants.Select(g => g.ProviderId).Distinct().ToList();
        var admins = grants.Where(g => g.Role == ProviderRole.ProviderAdmin).Select(g => g.ProviderId).ToHashSet();
        var surveys = await db.Surveys.AsNoTracking().Where(s => providers.Contains(s.ProviderId)).OrderByDescending(s => s.Year).ThenBy(s => s.Kind).ToListAsync(ct);
        var ids = surveys.Select(s => s.Id).ToList();
        var invited = await db.SurveyInvitations.AsNoTracking().Where(i => ids.Contains(i.SurveyId))
            .GroupBy(i => i.SurveyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var answered = await db.SurveyResponses.AsNoTracking().Where(r => ids.Contains(r.SurveyId))
            .GroupBy(r => r.SurveyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. surveys.Select(s => new Row(s.Id, s.Kind, s.Year, s.ClosesOn, s.SentAt, invited.GetValueOrDefault(s.Id), answered.GetValueOrDefault(s.Id),
            admins.Contains(s.ProviderId) && s.SentAt is null))];
    }

    /// <summary>The open surveys waiting for the user's answer.</summary>
    public async Task<List<Invitation>> WaitingAsync(CancellationToken ct)
    {
        var uid = user.Id;
        var today = user.Today;
        return await db.SurveyInvitations.AsNoTracking().Where(i => i.UserId == uid && uid != Guid.Empty && !i.Answered)
            .Join(db.Surveys.Where(s => s.SentAt != null && s.ClosesOn >= today), i => i.SurveyId, s => s.Id, (i, s) => new Invitation(s.Id, s.Kind, s.Year, s.ClosesOn))
            .ToListAsync(ct);
    }

    /// <summary>The provider's administrator makes a survey; idempotent on the key.</summary>
    public async Task<Result<(Guid Id, bool Existed)>> CreateAsync(SurveyKind? kind, int? year, LocalDate? closesOn, string? key, CancellationToken ct)
    {
        if (key is { Length: > 100 }) return Invalid.Field("idempotencyKey", "Idempotensnøkkelen kan være høyst 100 tegn.");
        var provider = (await access.ManagingGrants(ct)).FirstOrDefault(g => g.Role == ProviderRole.ProviderAdmin)?.ProviderId;
        if (provider is null) return new Forbidden("Det er leverandørens administrator som lager undersøkelser.");
        var id = string.IsNullOrEmpty(key) ? Guid.CreateVersion7() : KeyedId.For($"survey:{provider}", key);
        if (await db.Surveys.AnyAsync(s => s.Id == id, ct)) return (id, true);
        if (kind is { } k && year is { } y && await db.Surveys.AnyAsync(s => s.ProviderId == provider && s.Kind == k && s.Year == y, ct))
            return Invalid.Field("year", $"Det finnes allerede en slik undersøkelse for {y}.");
        var made = Survey.Create(id, provider.Value, kind, year, closesOn, user.Today, key);
        if (!made.IsSuccess) return made.Error!;
        db.Surveys.Add(made.Value!);
        await db.SaveChangesAsync(ct);
        return (id, false);
    }

    /// <summary>Sends the survey: one invitation per person asked, with a notice and a mail; once.</summary>
    public async Task<Result<int>> SendAsync(Guid surveyId, CancellationToken ct)
    {
        var survey = await db.Surveys.FirstOrDefaultAsync(s => s.Id == surveyId, ct);
        var grants = await access.ManagingGrants(ct);
        if (survey is null || !grants.Any(g => g.ProviderId == survey.ProviderId)) return new NotFound();
        if (!grants.Any(g => g.ProviderId == survey.ProviderId && g.Role == ProviderRole.ProviderAdmin))
            return new Forbidden("Det er leverandørens administrator som sender undersøkelser.");
        var sent = survey.Send(user.DisplayName, user.Now, user.Today);
        if (!sent.IsSuccess) return sent.Error!;
        var audience = await AudienceAsync(survey, ct);
        db.SurveyInvitations.AddRange(audience.Select(a => SurveyInvitation.Create(KeyedId.For($"survey-invitation:{survey.Id}", a.UserId.ToString()), survey.Id, a.UserId, a.OfficeId)));
        await notices.AddNewAsync([.. audience.Select(a => Notification.Create(Guid.CreateVersion7(), a.UserId, "undersokelse", $"{KindName(survey.Kind)} {survey.Year}",
            $"Vi vil gjerne høre hva du mener. Svarene er anonyme, og ingen resultater vises for grupper med færre enn {Survey.Threshold} svar. Svar innen {Selvstyrt.Domain.Plans.Dates.Format(survey.ClosesOn)}.",
            $"/undersokelser/{survey.Id}/svar", $"survey:{survey.Id:N}:{a.UserId:N}", user.Now))], ct);
        var saved = await db.SaveOrConflictAsync(survey.Id, "Undersøkelsen ble sendt av noen andre samtidig.", ct);
        return saved.IsSuccess ? audience.Count : saved.Error!;
    }

    /// <summary>The survey's questions, for the one who is to answer it (or who manages it).</summary>
    public async Task<Result<(Survey Survey, bool Answered)>> ForAnswerAsync(Guid surveyId, CancellationToken ct)
    {
        var uid = user.Id;
        var invitation = await db.SurveyInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.SurveyId == surveyId && i.UserId == uid && uid != Guid.Empty, ct);
        if (invitation is null) return new NotFound();
        var survey = await db.Surveys.AsNoTracking().FirstAsync(s => s.Id == surveyId, ct);
        return (survey, invitation.Answered);
    }

    /// <summary>Stores the user's answer without who gave it, and marks their invitation answered, in one save; a second answer is refused.</summary>
    public async Task<Result<Guid>> AnswerAsync(Guid surveyId, IReadOnlyDictionary<string, int?> scores, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var uid = user.Id;
        var invitation = await db.SurveyInvitations.FirstOrDefaultAsync(i => i.SurveyId == surveyId && i.UserId == uid && uid != Guid.Empty, ct);
        if (invitation is null) return new NotFound();
        var survey = await db.Surveys.AsNoTracking().FirstAsync(s => s.Id == surveyId, ct);
        var checkedScores = survey.Check(scores, user.Today);
        if (!checkedScores.IsSuccess) return checkedScores.Error!;
        var marked = invitation.MarkAnswered();
        if (!marked.IsSuccess) return marked.Error!;
        db.SurveyResponses.Add(SurveyResponse.Create(survey.Id, invitation.OfficeId, checkedScores.Value!));
        return await db.SaveOrConflictAsync(surveyId, "Du har allerede svart på denne undersøkelsen. Takk!", ct);
    }

    /// <summary>The results the user may read: the provider's and each office's for the administrator, the provider's and their own office's for a coordinator.</summary>
    public async Task<Result<Results>> ResultsAsync(Guid surveyId, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == surveyId, ct);
        var grants = (await access.ManagingGrants(ct)).Where(g => g.ProviderId == survey?.ProviderId).ToList();
        if (survey is null || grants.Count == 0) return new NotFound();
        var admin = grants.Any(g => g.Role == ProviderRole.ProviderAdmin);
        var myOffices = grants.Where(g => g.OfficeId is not null).Select(g => g.OfficeId!.Value).ToList();
        var responses = await db.SurveyResponses.AsNoTracking().AsSplitQuery().Where(r => r.SurveyId == surveyId).ToListAsync(ct);
        var last = await db.Surveys.AsNoTracking().Where(s => s.ProviderId == survey.ProviderId && s.Kind == survey.Kind && s.Year == survey.Year - 1 && s.SentAt != null)
            .Select(s => s.Id).FirstOrDefaultAsync(ct);
        var previous = last == Guid.Empty ? [] : await db.SurveyResponses.AsNoTracking().AsSplitQuery().Where(r => r.SurveyId == last).ToListAsync(ct);
        var invited = await db.SurveyInvitations.CountAsync(i => i.SurveyId == surveyId, ct);
        var answered = responses.Count;
        var nb = StringComparer.Create(new System.Globalization.CultureInfo("nb-NO"), false);
        var offices = (await db.Offices.AsNoTracking().Where(o => o.ProviderId == survey.ProviderId && (admin || myOffices.Contains(o.Id))).ToListAsync(ct))
            .OrderBy(o => o.Name, nb).ToList();
        var providerName = await db.Providers.AsNoTracking().Where(p => p.Id == survey.ProviderId).Select(p => p.Name).FirstAsync(ct);
        return new Results(survey, invited, answered, SurveyResults.For(providerName, survey, responses, last == Guid.Empty ? null : previous),
            [.. offices.Select(o => SurveyResults.For(o.Name, survey, [.. responses.Where(r => r.OfficeId == o.Id)], last == Guid.Empty ? null : [.. previous.Where(r => r.OfficeId == o.Id)]))],
            last == Guid.Empty ? null : survey.Year - 1);
    }

    public static string KindName(SurveyKind kind) => kind switch
    {
        SurveyKind.WorkEnvironment => "Arbeidsmiljøundersøkelse",
        SurveyKind.Hms => "HMS-undersøkelse",
        _ => "Brukerundersøkelse",
    };


    /// <summary>
    /// Who is asked, each once with the office they count in: for the assistants' surveys every assistant employed today with a
    /// sign-in (their office); for the user survey the recipients and work leaders of the provider's running arrangements (the
    /// arrangement's office; someone in two arrangements counts in the first).
    /// </summary>
    private async Task<List<(Guid UserId, Guid OfficeId)>> AudienceAsync(Survey survey, CancellationToken ct)
    {
        var today = user.Today;
        if (survey.Kind != SurveyKind.UserSatisfaction)
        {
            var assistants = await db.Assistants.AsNoTracking()
                .Where(a => a.ProviderId == survey.ProviderId && a.UserId != null && a.Employments.Any(e => e.Start <= today && (e.End == null || e.End >= today)))
                .Select(a => new { a.Id, UserId = a.UserId!.Value, a.OfficeId }).ToListAsync(ct);
            // An assistant without an office of their own counts in the office of an arrangement they work in.
            var homeless = assistants.Where(a => a.OfficeId is null).Select(a => a.Id).ToList();
            var placed = (await db.Assignments.AsNoTracking().Where(s => homeless.Contains(s.AssistantId))
                    .Join(db.Arrangements, s => s.ArrangementId, a => a.Id, (s, a) => new { s.AssistantId, a.OfficeId }).ToListAsync(ct))
                .GroupBy(x => x.AssistantId).ToDictionary(g => g.Key, g => g.First().OfficeId);
            return [.. assistants.DistinctBy(a => a.UserId)
                .Select(a => (a.UserId, Office: a.OfficeId ?? (placed.TryGetValue(a.Id, out var o) ? o : (Guid?)null)))
                .Where(a => a.Office is not null).Select(a => (a.UserId, a.Office!.Value))];
        }
        var roles = await db.ArrangementRoles.AsNoTracking()
            .Where(r => (r.Kind == ArrangementRoleKind.Recipient || r.Kind == ArrangementRoleKind.WorkLeader) && r.From <= today && (r.To == null || r.To >= today))
            .Join(db.Arrangements.Where(a => a.ProviderId == survey.ProviderId && (a.EndDate == null || a.EndDate >= today)), r => r.ArrangementId, a => a.Id,
                (r, a) => new { r.UserId, a.OfficeId, a.Name })
            .ToListAsync(ct);
        return [.. roles.OrderBy(r => r.Name, StringComparer.Ordinal).DistinctBy(r => r.UserId).Select(r => (r.UserId, r.OfficeId))];
    }
}
