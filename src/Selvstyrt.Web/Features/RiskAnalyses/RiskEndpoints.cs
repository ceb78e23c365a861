using NodaTime;
using Selvstyrt.Domain.Quality;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.RiskAnalyses;

/// <summary>Risk and vulnerability analyses under <c>/api/v1/risk-analyses</c>. Creates (an analysis, a hazard) take an <c>Idempotency-Key</c>.</summary>
public static class RiskEndpoints
{
    public sealed record StartBody(QualityScope? Scope, Guid? ScopeId, int? Year, bool? CopyPrevious);

    public sealed record HazardBody(string? Description, int? Likelihood, int? Consequence, string? Measures, int? ResidualLikelihood, int? ResidualConsequence, string? Owner,
        LocalDate? DueOn);

    public sealed record ReviewBody(LocalDate? ReviewOn);

    public sealed record HazardDto(Guid Id, string Description, int Likelihood, int Consequence, int Score, RiskClass Class, string Measures, int? ResidualLikelihood,
        int? ResidualConsequence, int? ResidualScore, RiskClass? ResidualClass, string Owner, LocalDate? DueOn);

    public sealed record AnalysisDto(Guid Id, QualityScope Scope, Guid ScopeId, string Name, int Year, LocalDate ReviewOn, LocalDate? ApprovedOn, string? ApprovedBy, Guid? CopiedFrom,
        IReadOnlyList<HazardDto> Hazards, bool CanEdit);

    public static void AddServices(IServiceCollection services) => services.AddScoped<RiskRecords>();

    private static HazardInput Input(HazardBody b) => new(b.Description, b.Likelihood, b.Consequence, b.Measures, b.ResidualLikelihood, b.ResidualConsequence, b.Owner, b.DueOn);

    public static AnalysisDto Dto(RiskRecords.View v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var a = v.Analysis;
        return new(a.Id, a.Scope, a.ScopeId, v.Name, a.Year, a.ReviewOn, a.ApprovedOn, a.ApprovedBy, a.CopiedFrom,
            [.. a.Hazards.OrderByDescending(h => h.Score).Select(h => new HazardDto(h.Id, h.Description, h.Likelihood, h.Consequence, h.Score, h.Class, h.Measures,
                h.ResidualLikelihood, h.ResidualConsequence, h.ResidualScore, h.ResidualClass, h.Owner, h.DueOn))], v.CanEdit);
    }

    /// <summary>The risk analyses the caller may read.</summary>
    public sealed record AnalysisList(IReadOnlyList<RiskRecords.Row> Analyses);

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        const string One = "/risk-analyses/{analysisId:guid}";
        api.MapGet("/risk-analyses", async (RiskRecords records, CancellationToken ct) => Results.Ok(new AnalysisList(await records.ListAsync(ct))))
            .WithName("ListRiskAnalyses").WithSummary("Risikoanalysene (ROS) du kan lese, nyeste år først")
            .Produces<AnalysisList>();
        api.MapGet("/risk-analyses/targets", async (RiskRecords records, CancellationToken ct) => Results.Ok(new Quality.QualityTargets.TargetList(await records.TargetsAsync(ct))))
            .WithName("RiskAnalysisTargets").WithSummary("Administrasjonen, kontorene og ordningene du kan lage risikoanalyse for")
            .Produces<Quality.QualityTargets.TargetList>();
        api.MapPost("/risk-analyses", async (HttpRequest request, RiskRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<StartBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var result = await records.StartAsync(b.Scope, b.ScopeId, b.Year, b.CopyPrevious ?? true, Creates.Key(request), ct);
                return Creates.Answer(result, result.IsSuccess ? $"/api/v1/risk-analyses/{result.Value.Id}" : "");
            })
            .WithName("StartRiskAnalysis").WithSummary("Start årets risikoanalyse, som standard fra fjorårets (Idempotency-Key anbefales)").Accepts<StartBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapGet(One, async (Guid analysisId, RiskRecords records, CancellationToken ct) =>
            {
                var result = await records.GetAsync(analysisId, ct);
                return result.IsSuccess ? Results.Ok(Dto(result.Value!)) : result.Error!.ToHttp();
            })
            .WithName("GetRiskAnalysis").WithSummary("Analysen med farene sortert etter risiko")
            .Produces<AnalysisDto>();
        api.MapPost(One + "/hazards", async (Guid analysisId, HttpRequest request, RiskRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<HazardBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                return Creates.Answer(await records.AddHazardAsync(analysisId, Input(body.Value!), Creates.Key(request), ct), $"/api/v1/risk-analyses/{analysisId}");
            })
            .WithName("AddHazard").WithSummary("En fare med sannsynlighet og konsekvens (1-5), tiltak og restrisiko (Idempotency-Key anbefales)").Accepts<HazardBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapPut(One + "/hazards/{hazardId:guid}", async (Guid analysisId, Guid hazardId, HttpRequest request, RiskRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<HazardBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                return Changes.Answer(await records.ChangeHazardAsync(analysisId, hazardId, Input(body.Value!), ct));
            })
            .WithName("ChangeHazard").WithSummary("Endre en fare; analysen må godkjennes på nytt").Accepts<HazardBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapDelete(One + "/hazards/{hazardId:guid}", async (Guid analysisId, Guid hazardId, RiskRecords records, CancellationToken ct)
                => Changes.Answer(await records.RemoveHazardAsync(analysisId, hazardId, ct)))
            .WithName("RemoveHazard").WithSummary("Fjern en fare; analysen må godkjennes på nytt")
            .Produces<ApiContract.RecordId>();
        api.MapPut(One + "/review", async (Guid analysisId, HttpRequest request, RiskRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<ReviewBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                return Changes.Answer(await records.RescheduleAsync(analysisId, body.Value!.ReviewOn, ct));
            })
            .WithName("RescheduleRiskReview").WithSummary("Når analysen skal gjennomgås").Accepts<ReviewBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPost(One + "/approve", async (Guid analysisId, RiskRecords records, CancellationToken ct) => Changes.Answer(await records.ApproveAsync(analysisId, ct)))
            .WithName("ApproveRiskAnalysis").WithSummary("Godkjenn analysen (alle høye risikoer må ha tiltak og vurdert restrisiko)")
            .Produces<ApiContract.RecordId>();
    }
}
