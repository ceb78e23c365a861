using NodaTime;
using Selvstyrt.Domain.Quality;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Hms;

/// <summary>
/// HMS under <c>/api/v1/hms</c> and <c>/api/v1/arrangements/{id}/workplace-mappings</c>: the workplace mapping, the handbook with
/// read confirmations, and the action plan. Creates take an <c>Idempotency-Key</c>.
/// </summary>
public static class HmsEndpoints
{
    public sealed record StartMappingBody(int? Year);

    public sealed record AnswerBody(MappingAnswer? Answer, string? Comment, string? Measure, string? Owner, LocalDate? DueOn);

    public sealed record SignBody(string? Participants);

    public sealed record DocumentBody(string? Section, string? Title, string? Text);

    public sealed record PublishBody(string? Section, string? Title, string? Text, string? ChangeNote);

    public sealed record ConfirmBody(int? Version);

    public sealed record PlanMeasureBody(QualityScope? Scope, Guid? ScopeId, Guid? SurveyId, string? QuestionKey, string? Text, string? Owner, LocalDate? DueOn);

    public sealed record MappingDto(Guid Id, int Year, LocalDate? SignedOn, string? SignedBy, string Participants, IReadOnlyList<MappingItem> Items);

    public sealed record DocumentDto(Guid Id, string Section, string Title, LocalDate? WithdrawnOn, HandbookVersion Shown, int VersionInForce, IReadOnlyList<int> Versions,
        bool ReadByMe, bool CanWrite, IReadOnlyList<HandbookRecords.Reader>? Readers);

    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<Quality.QualityTargets>();
        services.AddScoped<MappingRecords>();
        services.AddScoped<HandbookRecords>();
        services.AddScoped<ActionPlanRecords>();
    }

    /// <summary>The handbook's documents.</summary>
    public sealed record HandbookList(IReadOnlyList<HandbookRecords.Row> Documents);

    /// <summary>A year's HMS action plan.</summary>
    public sealed record ActionPlan(int Year, IReadOnlyList<ActionPlanRecords.Item> Measures);

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        MapMappings(api);
        MapHandbook(api);
        api.MapGet("/hms/action-plan", async (int? year, ActionPlanRecords records, Auth.CurrentUser user, CancellationToken ct)
                => Results.Ok(new ActionPlan(year ?? user.Today.Year, await records.ListAsync(year ?? user.Today.Year, ct))))
            .WithName("GetActionPlan").WithSummary("Handlingsplanen: årets tiltak fra avvik, kartlegginger, ROS, revisjoner, undersøkelser og planen selv")
            .Produces<ActionPlan>();
        api.MapPost("/hms/action-plan/measures", async (HttpRequest request, ActionPlanRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<PlanMeasureBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                return Creates.Answer(await records.WriteAsync(b.Scope, b.ScopeId, b.SurveyId, b.QuestionKey, b.Text, b.Owner, b.DueOn, Creates.Key(request), ct), "/api/v1/hms/action-plan");
            })
            .WithName("AddPlanMeasure").WithSummary("Et tiltak i handlingsplanen, for et spørsmål i en undersøkelse eller eget (Idempotency-Key anbefales)").Accepts<PlanMeasureBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapPost("/hms/action-plan/measures/{measureId:guid}/done", async (Guid measureId, ActionPlanRecords records, CancellationToken ct)
                => Changes.Answer(await records.CompleteAsync(measureId, ct)))
            .WithName("CompletePlanMeasure").WithSummary("Merk et tiltak fra handlingsplanen som gjennomført")
            .Produces<ApiContract.RecordId>();
    }

    private static void MapMappings(RouteGroupBuilder api)
    {
        const string Of = "/arrangements/{arrangementId:guid}/workplace-mappings";
        api.MapGet(Of + "/{year:int}", async (Guid arrangementId, int year, MappingRecords records, CancellationToken ct) =>
            {
                var result = await records.GetAsync(arrangementId, year, ct);
                if (!result.IsSuccess) return result.Error!.ToHttp();
                return result.Value!.Mapping is { } m
                    ? Results.Ok(new MappingDto(m.Id, m.Year, m.SignedOn, m.SignedBy, m.Participants, [.. m.Items.OrderBy(i => i.Order)]))
                    : Results.Problem(statusCode: 404, title: "Fant ikke kartleggingen", detail: $"Ordningen har ingen kartlegging for {year}.");
            })
            .WithName("GetWorkplaceMapping").WithSummary("Ordningens kartlegging av arbeidsmiljøet for et år")
            .Produces<MappingDto>();
        api.MapPost(Of, async (Guid arrangementId, HttpRequest request, MappingRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<StartMappingBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await records.StartAsync(arrangementId, body.Value!.Year, Creates.Key(request), ct);
                return Creates.Answer(result, $"/api/v1/arrangements/{arrangementId}/workplace-mappings/{body.Value.Year}");
            })
            .WithName("StartWorkplaceMapping").WithSummary("Start årets kartlegging fra sjekklista (Idempotency-Key anbefales)").Accepts<StartMappingBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapPut("/workplace-mappings/{mappingId:guid}/items/{itemId:guid}", async (Guid mappingId, Guid itemId, HttpRequest request, MappingRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<AnswerBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                return Changes.Answer(await records.AnswerAsync(mappingId, itemId, b.Answer, b.Comment, b.Measure, b.Owner, b.DueOn, ct));
            })
            .WithName("AnswerMappingItem").WithSummary("Svar på et punkt: i orden, trenger tiltak (med tiltak, ansvarlig og frist) eller gjelder ikke").Accepts<AnswerBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPost("/workplace-mappings/{mappingId:guid}/items/{itemId:guid}/done", async (Guid mappingId, Guid itemId, MappingRecords records, CancellationToken ct)
                => Changes.Answer(await records.CompleteMeasureAsync(mappingId, itemId, ct)))
            .WithName("CompleteMappingMeasure").WithSummary("Merk tiltaket for et punkt som gjennomført")
            .Produces<ApiContract.RecordId>();
        api.MapPost("/workplace-mappings/{mappingId:guid}/sign", async (Guid mappingId, HttpRequest request, MappingRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<SignBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                return Changes.Answer(await records.SignAsync(mappingId, body.Value!.Participants, ct));
            })
            .WithName("SignWorkplaceMapping").WithSummary("Signer kartleggingen når alle punkter er besvart").Accepts<SignBody>("application/json")
            .Produces<ApiContract.RecordId>();
    }

    private static void MapHandbook(RouteGroupBuilder api)
    {
        api.MapGet("/hms/handbook", async (HandbookRecords records, CancellationToken ct) => Results.Ok(new HandbookList(await records.ListAsync(ct))))
            .WithName("ListHandbook").WithSummary("HMS-håndbokas dokumenter, om du har bekreftet gjeldende versjon, og dekningen for dem som følger opp")
            .Produces<HandbookList>();
        api.MapPost("/hms/handbook", async (HttpRequest request, HandbookRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<DocumentBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var result = await records.WriteAsync(b.Section, b.Title, b.Text, Creates.Key(request), ct);
                return Creates.Answer(result, result.IsSuccess ? $"/api/v1/hms/handbook/{result.Value.Id}" : "");
            })
            .WithName("WriteHandbookDocument").WithSummary("Et nytt dokument i håndboka, versjon 1 (Idempotency-Key anbefales)").Accepts<DocumentBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapGet("/hms/handbook/{documentId:guid}", async (Guid documentId, int? version, HandbookRecords records, CancellationToken ct) =>
            {
                var result = await records.GetAsync(documentId, version, ct);
                if (!result.IsSuccess) return result.Error!.ToHttp();
                var v = result.Value!;
                var d = v.Document;
                return Results.Ok(new DocumentDto(d.Id, d.Section, d.Title, d.WithdrawnOn, v.Shown, d.Current.Number, [.. d.Versions.Select(x => x.Number).Order()], v.ReadByMe,
                    v.CanWrite, v.Readers));
            })
            .WithName("GetHandbookDocument").WithSummary("Et dokument i gjeldende eller en eldre versjon, med hvem som har lest det")
            .Produces<DocumentDto>();
        api.MapPost("/hms/handbook/{documentId:guid}/versions", async (Guid documentId, HttpRequest request, HandbookRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<PublishBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                return Changes.Answer(await records.PublishAsync(documentId, b.Section, b.Title, b.Text, b.ChangeNote, ct));
            })
            .WithName("PublishHandbookVersion").WithSummary("Publiser en ny versjon; alle må lese og bekrefte på nytt").Accepts<PublishBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPost("/hms/handbook/{documentId:guid}/withdraw", async (Guid documentId, HandbookRecords records, CancellationToken ct)
                => Changes.Answer(await records.WithdrawAsync(documentId, ct)))
            .WithName("WithdrawHandbookDocument").WithSummary("Trekk tilbake et dokument som ikke lenger gjelder")
            .Produces<ApiContract.RecordId>();
        api.MapPost("/hms/handbook/{documentId:guid}/read", async (Guid documentId, HttpRequest request, HandbookRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<ConfirmBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                return Changes.Answer(await records.ConfirmAsync(documentId, body.Value!.Version, ct));
            })
            .WithName("ConfirmHandbookRead").WithSummary("Bekreft at du har lest gjeldende versjon (send versjonen du leste)").Accepts<ConfirmBody>("application/json")
            .Produces<ApiContract.RecordId>();
    }
}
