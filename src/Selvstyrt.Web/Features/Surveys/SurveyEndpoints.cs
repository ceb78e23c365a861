using NodaTime;
using Selvstyrt.Domain.Quality;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Surveys;

/// <summary>Surveys under <c>/api/v1/surveys</c>. Making one takes an <c>Idempotency-Key</c>; an answer is given once per person.</summary>
public static class SurveyEndpoints
{
    public sealed record CreateBody(SurveyKind? Kind, int? Year, LocalDate? ClosesOn);

    public sealed record AnswerBody(IReadOnlyDictionary<string, int?>? Scores);

    public sealed record QuestionDto(string Key, string Text);

    public sealed record SurveyDto(Guid Id, SurveyKind Kind, int Year, LocalDate ClosesOn, bool Open, bool Answered, IReadOnlyList<QuestionDto> Questions);

    public sealed record ResultsDto(Guid Id, SurveyKind Kind, int Year, int Invited, int Answered, int Threshold, int? LastYear, GroupResult Provider, IReadOnlyList<GroupResult> Offices);

    public static void AddServices(IServiceCollection services) => services.AddScoped<SurveyRecords>();

    /// <summary>The surveys the caller manages, and those waiting for the caller's answer.</summary>
    public sealed record SurveyLists(IReadOnlyList<SurveyRecords.Row> Surveys, IReadOnlyList<SurveyRecords.Invitation> Waiting);

    /// <summary>A survey sent: how many were invited.</summary>
    public sealed record SentSurvey(Guid Id, int Invited);

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/surveys", async (SurveyRecords records, CancellationToken ct)
                => Results.Ok(new SurveyLists(await records.ManagedAsync(ct), await records.WaitingAsync(ct))))
            .WithName("ListSurveys").WithSummary("Undersøkelsene du forvalter (administrator og koordinator), og dem som venter på ditt svar")
            .Produces<SurveyLists>();
        api.MapPost("/surveys", async (HttpRequest request, SurveyRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<CreateBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var result = await records.CreateAsync(b.Kind, b.Year, b.ClosesOn, Creates.Key(request), ct);
                return Creates.Answer(result, result.IsSuccess ? $"/api/v1/surveys/{result.Value.Id}" : "");
            })
            .WithName("CreateSurvey").WithSummary("Lag en undersøkelse med standardspørsmålene (administratoren; Idempotency-Key anbefales)").Accepts<CreateBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapPost("/surveys/{surveyId:guid}/send", async (Guid surveyId, SurveyRecords records, CancellationToken ct) =>
            {
                var result = await records.SendAsync(surveyId, ct);
                return result.IsSuccess ? Results.Ok(new SentSurvey(surveyId, result.Value)) : result.Error!.ToHttp();
            })
            .WithName("SendSurvey").WithSummary("Send undersøkelsen til dem den gjelder (én gang)")
            .Produces<SentSurvey>();
        api.MapGet("/surveys/{surveyId:guid}", async (Guid surveyId, SurveyRecords records, Selvstyrt.Web.Auth.CurrentUser user, CancellationToken ct) =>
            {
                var result = await records.ForAnswerAsync(surveyId, ct);
                if (!result.IsSuccess) return result.Error!.ToHttp();
                var (s, answered) = result.Value;
                return Results.Ok(new SurveyDto(s.Id, s.Kind, s.Year, s.ClosesOn, s.IsOpen(user.Today), answered, [.. s.Questions.OrderBy(q => q.Order).Select(q => new QuestionDto(q.Key, q.Text))]));
            })
            .WithName("GetSurvey").WithSummary("Spørsmålene i en undersøkelse du er bedt om å svare på")
            .Produces<SurveyDto>();
        api.MapPost("/surveys/{surveyId:guid}/answers", async (Guid surveyId, HttpRequest request, SurveyRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<AnswerBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                return Changes.Answer(await records.AnswerAsync(surveyId, body.Value!.Scores ?? new Dictionary<string, int?>(), ct));
            })
            .WithName("AnswerSurvey").WithSummary("Ditt anonyme svar (1-6 per spørsmål); kan gis én gang").Accepts<AnswerBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapGet("/surveys/{surveyId:guid}/results", async (Guid surveyId, SurveyRecords records, CancellationToken ct) =>
            {
                var result = await records.ResultsAsync(surveyId, ct);
                if (!result.IsSuccess) return result.Error!.ToHttp();
                var r = result.Value!;
                return Results.Ok(new ResultsDto(r.Survey.Id, r.Survey.Kind, r.Survey.Year, r.Invited, r.Answered, Survey.Threshold, r.LastYear, r.Provider, r.Offices));
            })
            .WithName("SurveyResults").WithSummary("Resultatene for leverandøren og kontorene, med fjorårets ved siden av; ingen tall for grupper under 5 svar")
            .Produces<ResultsDto>();
    }
}
