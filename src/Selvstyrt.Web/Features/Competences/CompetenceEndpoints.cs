using NodaTime;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Competences;

/// <summary>Competences under <c>/api/v1</c>: the provider's kinds, and each assistant's competences. Creates take an <c>Idempotency-Key</c>.</summary>
public static class CompetenceEndpoints
{
    public sealed record KindBody(Guid? ProviderId, string? Name, int? ValidMonths);

    public sealed record RecordBody(Guid? KindId, LocalDate? GainedOn, string? By, LocalDate? ValidTo);

    public sealed record RequiredBody(IReadOnlyList<string>? Competences);

    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<CompetenceRecords>();
        services.AddScoped<CompetenceReminders>();
        services.AddScoped<TrainingRecords>();
    }

    public sealed record TrainingBody(Guid? AssistantId, string? Topic, Guid? KindId, LocalDate? DueOn, string? Trainer);

    public sealed record DoneBody(LocalDate? DoneOn, string? By);


    /// <summary>The training plans: per arrangement (its leaders and the employer), each item, and the assistant's own.</summary>
    private static void MapTraining(RouteGroupBuilder api)
    {
        api.MapGet("/arrangements/{id:guid}/training", async (Guid id, TrainingRecords records, CancellationToken ct) =>
            {
                var result = await records.OverviewAsync(id, ct);
                return result.IsSuccess ? Results.Ok(new TrainingList(result.Value!.People)) : result.Error!.ToHttp();
            })
            .WithName("ListTraining").WithSummary("Opplæringsplanene til assistentene i ordningen, de nyeste først, med prøvetiden og prøvetidssamtalen")
            .Produces<TrainingList>();
        api.MapPost("/arrangements/{id:guid}/training", async (Guid id, HttpRequest request, TrainingRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<TrainingBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var result = await records.AddAsync(id, b.AssistantId, b.Topic, b.KindId, b.DueOn, b.Trainer, Creates.Key(request), ct);
                return Creates.Answer(result, $"/api/v1/arrangements/{id}/training");
            })
            .WithName("AddTraining").WithSummary("Et punkt i en assistents opplæringsplan (Idempotency-Key anbefales)").Accepts<TrainingBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapPost("/arrangements/{id:guid}/training/draft", async (Guid id, HttpRequest request, TrainingRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<TrainingBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await records.DraftAsync(id, body.Value!.AssistantId, ct);
                return result.IsSuccess ? Results.Ok(new DraftedTraining(result.Value)) : result.Error!.ToHttp();
            })
            .WithName("DraftTraining").WithSummary("Lag utkast til opplæringsplan for en ny assistent ut fra det ordningen og vakttypene krever; det som alt står i planen, legges ikke inn igjen")
            .Accepts<TrainingBody>("application/json")
            .Produces<DraftedTraining>();
        api.MapGet("/training/mine", async (TrainingRecords records, CancellationToken ct) =>
                Results.Ok(new MyTrainingList([.. (await records.MineAsync(ct)).Select(x => new MyTrainingItem(x.Arrangement, x.Item))])))
            .WithName("MyTraining").WithSummary("Din egen opplæringsplan som assistent")
            .Produces<MyTrainingList>();
        api.MapPut("/training/{itemId:guid}", async (Guid itemId, HttpRequest request, TrainingRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<TrainingBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                return Changes.Answer(await records.ChangeAsync(itemId, body.Value!.Topic, body.Value.DueOn, body.Value.Trainer, ct));
            })
            .WithName("ChangeTraining").WithSummary("Endre tema, frist eller hvem som lærer bort").Accepts<TrainingBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPost("/training/{itemId:guid}/done", async (Guid itemId, HttpRequest request, TrainingRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<DoneBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                return Changes.Answer(await records.CompleteAsync(itemId, body.Value!.DoneOn, body.Value.By, ct));
            })
            .WithName("CompleteTraining").WithSummary("Opplæringen er gitt; gjelder den en kompetanse, registreres den på assistenten").Accepts<DoneBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPost("/training/{itemId:guid}/cancel", async (Guid itemId, TrainingRecords records, CancellationToken ct) => Changes.Answer(await records.CancelAsync(itemId, ct)))
            .WithName("CancelTraining").WithSummary("Avlys et punkt som ikke er gjennomført")
            .Produces<ApiContract.RecordId>();
    }



    /// <summary>How many training items the draft added.</summary>
    public sealed record DraftedTraining(int Added);

    /// <summary>The arrangement's training plan, per person.</summary>
    public sealed record TrainingList(IReadOnlyList<TrainingRecords.PersonPlan> People);

    /// <summary>The competences the arrangement requires.</summary>
    public sealed record RequiredList(IReadOnlyList<string> Competences);

    /// <summary>An assistant's competences, and whether the caller may record more.</summary>
    public sealed record AssistantCompetences(Guid AssistantId, bool CanRecord, IReadOnlyList<CompetenceRecords.HeldView> Held);

    /// <summary>The caller's own training plan, item by item with its arrangement.</summary>
    public sealed record MyTrainingList(IReadOnlyList<MyTrainingItem> Items);

    /// <summary>One training item and the arrangement it is for.</summary>
    public sealed record MyTrainingItem(string Arrangement, TrainingRecords.ItemView Item);

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        MapTraining(api);
        api.MapGet("/competence-kinds", async (CompetenceRecords records, CancellationToken ct) => Results.Ok(await records.KindsAsync(ct)))
            .WithName("ListCompetenceKinds").WithSummary("Kompetansene leverandøren holder oversikt over (respirator, medisiner, forflytning …), med gyldighet og hvor mange som har dem")
            .Produces<List<CompetenceRecords.KindView>>();
        api.MapPost("/competence-kinds", async (HttpRequest request, CompetenceRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<KindBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await records.CreateKindAsync(body.Value!.ProviderId, body.Value.Name, body.Value.ValidMonths, Creates.Key(request), ct);
                return Creates.Answer(result, "/api/v1/competence-kinds");
            })
            .WithName("CreateCompetenceKind").WithSummary("Ny kompetanse i leverandørens liste (administrator; Idempotency-Key anbefales)").Accepts<KindBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapPut("/competence-kinds/{id:guid}", async (Guid id, HttpRequest request, CompetenceRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<KindBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await records.ChangeKindAsync(id, body.Value!.Name, body.Value.ValidMonths, ct);
                return result.IsSuccess ? Results.Ok(new ApiContract.RecordId(result.Value)) : result.Error!.ToHttp();
            })
            .WithName("ChangeCompetenceKind").WithSummary("Endre navn eller gyldighet; vakttypene som krever kompetansen, får det nye navnet").Accepts<KindBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPost("/competence-kinds/{id:guid}/retire", async (Guid id, CompetenceRecords records, CancellationToken ct) =>
            {
                var result = await records.RetireKindAsync(id, ct);
                return result.IsSuccess ? Results.Ok(new ApiContract.RecordId(result.Value)) : result.Error!.ToHttp();
            })
            .WithName("RetireCompetenceKind").WithSummary("Ta en kompetanse ut av bruk (den registreres ikke lenger; de som har den, beholder den)")
            .Produces<ApiContract.RecordId>();
        api.MapGet("/arrangements/{id:guid}/required-competences", async (Guid id, CompetenceRecords records, CancellationToken ct) =>
            {
                var result = await records.ArrangementAsync(id, ct);
                return result.IsSuccess ? Results.Ok(new RequiredList(result.Value.Required)) : result.Error!.ToHttp();
            })
            .WithName("GetRequiredCompetences").WithSummary("Kompetansen alle som arbeider i ordningen må ha (vakttypene kan kreve mer)")
            .Produces<RequiredList>();
        api.MapPut("/arrangements/{id:guid}/required-competences", async (Guid id, HttpRequest request, CompetenceRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<RequiredBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                return Changes.Answer(await records.RequireForArrangementAsync(id, body.Value!.Competences, ct));
            })
            .WithName("SetRequiredCompetences").WithSummary("Bestem hva alle i ordningen må kunne, med navnene på arbeidsgiverens kompetanser").Accepts<RequiredBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapGet("/assistants/{id:guid}/competences", async (Guid id, CompetenceRecords records, CancellationToken ct) =>
            {
                var result = await records.ForAssistantAsync(id, ct);
                return result.IsSuccess ? Results.Ok(new AssistantCompetences(result.Value!.AssistantId, result.Value.CanRecord, result.Value.Held)) : result.Error!.ToHttp();
            })
            .WithName("GetAssistantCompetences").WithSummary("En assistents kompetanse: når den ble oppnådd, hvem som ga opplæringen, siste gyldige dag")
            .Produces<AssistantCompetences>();
        api.MapPost("/assistants/{id:guid}/competences", async (Guid id, HttpRequest request, CompetenceRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<RecordBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var result = await records.RecordAsync(id, b.KindId, b.GainedOn, b.By, b.ValidTo, Creates.Key(request), ct);
                return Creates.Answer(result, $"/api/v1/assistants/{id}/competences");
            })
            .WithName("RecordAssistantCompetence").WithSummary("Registrer en kompetanse (arbeidsgiveren, eller arbeidslederen der assistenten jobber; Idempotency-Key anbefales)")
            .Accepts<RecordBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapPost("/assistants/{id:guid}/competences/{competenceId:guid}/revoke", async (Guid id, Guid competenceId, CompetenceRecords records, CancellationToken ct) =>
            {
                var result = await records.RevokeAsync(id, competenceId, ct);
                return result.IsSuccess ? Results.Ok(new ApiContract.RecordId(result.Value)) : result.Error!.ToHttp();
            })
            .WithName("RevokeAssistantCompetence").WithSummary("Trekk tilbake en kompetanse fra i dag")
            .Produces<ApiContract.RecordId>();
    }
}
