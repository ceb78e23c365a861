using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Domain.Absences;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Substitutes;

/// <summary>«Finn vikar» under <c>/api/v1</c>: the ranked candidates, offers (idempotent on <c>Idempotency-Key</c>), answers, withdrawal and the open vacancies.</summary>
public static class SubstituteEndpoints
{
    private const string Vacant = "/arrangements/{id:guid}/plans/{planId:guid}/deviations/{deviationId:guid}";

    public sealed record OfferBody(IReadOnlyList<Guid>? AssistantIds, int? EscalateHoursBefore);

    public sealed record PoolBody(bool? InPool);

    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SubstituteSearch>();
        services.AddScoped<ShiftOffers>();
        services.AddScoped<SubstitutePool>();
    }

    /// <summary>An offer after a step: where it stands.</summary>
    public sealed record OfferAnswer(Guid Id, Domain.Absences.ShiftOfferState State);

    /// <summary>Whether the assistant is now among the office's substitutes.</summary>
    public sealed record PoolAnswer(Guid Id, bool InPool);

    /// <summary>An accepted offer: where it stands, and whether the shift was already the caller's (a retry).</summary>
    public sealed record AcceptedOffer(Guid Id, Domain.Absences.ShiftOfferState State, bool AlreadyYours);

    /// <summary>A declined offer, and whether everyone asked has now declined.</summary>
    public sealed record DeclinedOffer(Guid Id, bool EveryoneDeclined);

    /// <summary>An offer sent: whom it asked.</summary>
    public sealed record OfferSent(Guid Id, IReadOnlyList<Guid> Asked);

    /// <summary>A vacant shift and its candidates, ranked, each judged by the rules engine.</summary>
    public sealed record CandidateList(VacancyView Vacancy, IReadOnlyList<CandidateView> Candidates);

    /// <summary>The vacant shift the candidates are judged for.</summary>
    public sealed record VacancyView(Guid ArrangementId, Guid PlanId, Guid DeviationId, LocalDate Date, Instant Start, Instant End, Domain.Plans.PlanShiftKind Kind,
        IReadOnlyList<string> Competences);

    /// <summary>One candidate: lawful or why not, whether an offer can reach them, their week's hours before and after, and the cost.</summary>
    public sealed record CandidateView(Guid AssistantId, string Name, bool Lawful, string? Reason, bool CanBeOffered, bool Known, bool FromPool, double WeekHours,
        double WeekHoursAfter, decimal? PositionPercent, SubstituteCost Cost, IReadOnlyList<RuleNote> Breaches, IReadOnlyList<RuleNote> Warnings);

    /// <summary>A rule finding as the candidate list names it.</summary>
    public sealed record RuleNote(string Rule, string Message)
    {
        public static RuleNote Of(Domain.Rules.Engine.Finding finding) => new(finding.Rule, finding.Message);
    }

    /// <summary>An offer for a vacant shift, with whom it asked and what each answered.</summary>
    public sealed record OfferItem(Guid Id, ShiftOfferState State, string OfferedBy, Instant OfferedAt, Instant EscalateAt, Instant? EscalatedAt, string? TakenBy,
        string? ClosedReason, IReadOnlyList<AskedItem> Asked);

    /// <summary>One assistant asked, and their answer so far.</summary>
    public sealed record AskedItem(string Name, ShiftOfferAnswer Answer, Instant? At);

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet(Vacant + "/candidates", async (Guid id, Guid planId, Guid deviationId, SubstituteSearch search, CancellationToken ct) =>
            {
                var result = await search.SearchAsync(id, planId, deviationId, ct);
                if (!result.IsSuccess) return result.Error!.ToHttp();
                var (v, _, candidates) = result.Value!;
                return Results.Ok(new CandidateList(
                    new VacancyView(v.ArrangementId, v.PlanId, v.DeviationId, v.Date, v.Start, v.End, v.Kind, v.Competences),
                    [.. candidates.Select(c => new CandidateView(c.AssistantId, c.Name, c.Lawful, c.Reason, c.CanBeOffered, c.Known, c.FromPool, c.WeekHours,
                        c.WeekHoursAfter, c.PositionPercent, c.Cost, [.. c.Breaches.Select(RuleNote.Of)], [.. c.Warnings.Select(RuleNote.Of)]))]));
            })
            .WithName("FindSubstitutes").WithSummary("Kandidatene til en ledig vakt, rangert, hver vurdert av regelmotoren (de som ville fått et brudd, står med grunnen)")
            .Produces<CandidateList>();
        api.MapPost(Vacant + "/offers", async (Guid id, Guid planId, Guid deviationId, HttpRequest request, ShiftOffers offers, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<OfferBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var key = request.Headers["Idempotency-Key"].ToString();
                var result = await offers.OfferAsync(id, planId, deviationId, body.Value!.AssistantIds, body.Value.EscalateHoursBefore, key.Length == 0 ? null : key, ct);
                if (!result.IsSuccess) return result.Error!.ToHttp();
                var answer = new OfferSent(result.Value!.Id, result.Value.Asked);
                return result.Value.AlreadyExisted ? Results.Ok(answer) : Results.Created($"/api/v1/arrangements/{id}/shift-offers/{result.Value.Id}", answer);
            })
            .WithName("OfferVacantShift").WithSummary("Tilby en ledig vakt til én eller flere lovlige kandidater; den første som sier ja, får den. Idempotency-Key anbefales.")
            .Accepts<OfferBody>("application/json")
            .Idempotent()
            .Produces<OfferSent>(StatusCodes.Status201Created).Produces<OfferSent>();
        api.MapGet(Vacant + "/offers", async (Guid id, Guid planId, Guid deviationId, ArrangementAccess access, ShiftOffers offers, CancellationToken ct) =>
            {
                var relation = await access.RelationTo(id, ct);
                if (!relation.CanEdit() || await offers.ForVacancyAsync(id, planId, deviationId, ct) is not { } list) return Results.NotFound();
                return Results.Ok(list.Select(o => new OfferItem(o.Id, o.State, o.OfferedBy, o.OfferedAt, o.EscalateAt, o.EscalatedAt, o.TakenBy, o.ClosedReason,
                    [.. o.Asked.Select(a => new AskedItem(a.Name, a.Answer, a.At))])));
            })
            .WithName("ListShiftOffers").WithSummary("Tilbudene for en ledig vakt, med hvem som er spurt og hva hver svarte")
            .Produces<IEnumerable<OfferItem>>();
        api.MapPost("/arrangements/{id:guid}/shift-offers/{offerId:guid}/withdraw", async (Guid id, Guid offerId, ShiftOffers offers, CancellationToken ct) =>
            {
                var result = await offers.WithdrawAsync(id, offerId, ct);
                return result.IsSuccess ? Results.Ok(new OfferAnswer(offerId, result.Value!.State)) : result.Error!.ToHttp();
            })
            .WithName("WithdrawShiftOffer").WithSummary("Trekk tilbake et åpent tilbud; de som ikke har svart, får beskjed")
            .Produces<OfferAnswer>();
        api.MapGet("/vacancies", async (ShiftOffers offers, CurrentUser user, CancellationToken ct) => Results.Ok(await offers.VacanciesAsync(user.Today, 28, ct)))
            .WithName("ListVacancies").WithSummary("Ledige vakter de neste fire ukene i ordningene du planlegger, med hvor langt tilbudet har kommet")
            .Produces<List<VacancyRow>>();
        api.MapGet("/shift-offers", async (ShiftOffers offers, CancellationToken ct) => Results.Ok(await offers.WaitingForMeAsync(ct)))
            .WithName("ListMyShiftOffers").WithSummary("Vakter du er spurt om å ta og ikke har svart på")
            .Produces<List<MyOffer>>();
        api.MapPut("/assistants/{id:guid}/substitute-pool", async (Guid id, HttpRequest request, SubstitutePool pool, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<PoolBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await pool.SetAsync(id, body.Value!.InPool, ct);
                return result.IsSuccess ? Results.Ok(new PoolAnswer(id, result.Value)) : result.Error!.ToHttp();
            })
            .WithName("SetSubstitutePool").WithSummary("Sett en assistent i kontorets vikarpool (eller ta den ut): «Finn vikar» foreslår dem også i kontorets andre ordninger")
            .Accepts<PoolBody>("application/json")
            .Produces<PoolAnswer>();
        api.MapPost("/shift-offers/{id:guid}/accept", async (Guid id, ShiftOffers offers, CancellationToken ct) =>
            {
                var result = await offers.AcceptAsync(id, ct);
                return result.IsSuccess ? Results.Ok(new AcceptedOffer(id, result.Value.Offer.State, result.Value.AlreadyExisted)) : result.Error!.ToHttp();
            })
            .WithName("AcceptShiftOffer").WithSummary("Si ja til et tilbud: den første som sier ja, får vakten (regelmotoren vurderer deg på nytt); ellers 409 med grunnen")
            .Produces<AcceptedOffer>();
        api.MapPost("/shift-offers/{id:guid}/decline", async (Guid id, ShiftOffers offers, CancellationToken ct) =>
            {
                var result = await offers.DeclineAsync(id, ct);
                return result.IsSuccess ? Results.Ok(new DeclinedOffer(id, result.Value)) : result.Error!.ToHttp();
            })
            .WithName("DeclineShiftOffer").WithSummary("Si nei til et tilbud")
            .Produces<DeclinedOffer>();
    }
}

/// <summary>
/// Every five minutes, on one instance of the cluster (<see cref="Setup.RecurringJobs"/>): open offers due go to the
/// office's coordinator, and offers whose shift has begun close.
/// </summary>
[Quartz.DisallowConcurrentExecution]
public sealed class OfferEscalation(IServiceScopeFactory scopes, IClock clock, ILogger<OfferEscalation> logger) : Quartz.IJob
{
    public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var escalated = await scope.ServiceProvider.GetRequiredService<ShiftOffers>().EscalateDueAsync(clock.GetCurrentInstant(), cancellationToken);
            if (escalated > 0) logger.LogInformation("Shift offers: {Count} sent to the coordinator", escalated);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            logger.LogError(ex, "Escalating shift offers failed; the next run tries again");
            throw new Quartz.JobExecutionException(ex);
        }
    }
}
