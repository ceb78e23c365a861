using NodaTime;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Arrangements;

public static class ArrangementEndpoints
{
    public sealed record CreateArrangementRequest(Guid? OfficeId, Guid? MunicipalityId, Guid? RecipientId, string? RecipientName, LocalDate? RecipientBirthDate,
        string? Name, EmployerModel? EmployerModel, LocalDate? StartDate);

    public sealed record EndArrangementRequest(LocalDate? EndDate);

    public sealed record EditArrangementRequest(string? Name, Guid? OfficeId, string? RecipientName, LocalDate? RecipientBirthDate, string? Version);

    public sealed record ActingRequest(Guid? RoleId, LocalDate? From, LocalDate? To, string? Reason);

    public sealed record EndActingRequest(LocalDate? LastDay);

    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<ListArrangements.Handler>();
        services.AddScoped<GetArrangement.Handler>();
        services.AddScoped<CreateArrangement.Handler>();
        services.AddScoped<EndArrangement>();
        services.AddScoped<ActingPeriods>();
        services.AddScoped<EditArrangement>();
    }

    /// <summary>An arrangement as it is after an edit, with the version to send with the next one.</summary>
    public sealed record EditedArrangement(Guid Id, string Name, Guid OfficeId, string RecipientName, NodaTime.LocalDate RecipientBirthDate, string Version);

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/arrangements", async (Guid? municipality, ListArrangements.Handler handler, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(municipality, ct)))
            .WithName("ListArrangements").WithSummary("Ordningene brukeren har tilgang til");
        api.MapGet("/arrangements/{id:guid}", async (Guid id, GetArrangement.Handler handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(id, ct);
                return result.IsSuccess ? Results.Ok(result.Value) : result.Error!.ToHttp();
            })
            .WithName("GetArrangement").WithSummary("Oversikt over én ordning")
            .Produces<GetArrangement.View>();
        api.MapPost("/arrangements", async (HttpRequest request, CreateArrangement.Handler handler, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<CreateArrangementRequest>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var key = request.Headers["Idempotency-Key"].ToString();
                var result = await handler.HandleAsync(new CreateArrangement.Command(b.OfficeId, b.MunicipalityId, b.RecipientId, b.RecipientName, b.RecipientBirthDate,
                    b.Name, b.EmployerModel, b.StartDate, key.Length == 0 ? null : key), ct);
                if (!result.IsSuccess) return result.Error!.ToHttp();
                var location = $"/api/v1/arrangements/{result.Value!.Id}";
                return result.Value.AlreadyExisted ? Results.Ok(new ApiContract.CreatedAt(result.Value.Id, location)) : Results.Created(location, new ApiContract.CreatedAt(result.Value.Id, location));
            })
            .WithName("CreateArrangement").WithSummary("Opprett en ordning med tjenestemottakeren (administrator eller kontorets koordinator; krever Idempotency-Key)")
            .Accepts<CreateArrangementRequest>("application/json")
            .Idempotent(keyRequired: true)
            .ProducesCreatedAt();
        api.MapPut("/arrangements/{id:guid}", async (Guid id, HttpRequest request, EditArrangement handler, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<EditArrangementRequest>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var version = ApiRevision.Version(request, b.Version);
                var result = await handler.HandleAsync(id, new EditArrangement.Input(b.Name, b.OfficeId, b.RecipientName, b.RecipientBirthDate, version), ct);
                return result.IsSuccess ? Results.Ok(new EditedArrangement(id, result.Value!.Name, result.Value.OfficeId, result.Value.RecipientName, result.Value.RecipientBirthDate, result.Value.Version))
                    : result.Error!.ToHttp();
            })
            .WithName("EditArrangement").WithSummary("Endre navnet, flytt ordningen til et annet kontor, eller rett tjenestemottakerens navn og fødselsdato (version eller If-Match: det du leste)")
            .Accepts<EditArrangementRequest>("application/json")
            .Revised()
            .Produces<EditedArrangement>();
        api.MapPost("/arrangements/{id:guid}/end", async (Guid id, HttpRequest request, EndArrangement handler, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<EndArrangementRequest>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await handler.HandleAsync(id, body.Value!.EndDate, ct);
                return result.IsSuccess ? Results.Ok(result.Value) : result.Error!.ToHttp();
            })
            .WithName("EndArrangement").WithSummary("Avslutt en ordning på en siste dag; roller og assistenter slutter samme dag, historikken blir stående")
            .Accepts<EndArrangementRequest>("application/json")
            .Produces<EndArrangement.Ended>();
        api.MapGet("/arrangements/{id:guid}/acting-periods", async (Guid id, ActingPeriods periods, CancellationToken ct) =>
            {
                var result = await periods.ListAsync(id, ct);
                return result.IsSuccess ? Results.Ok(result.Value) : result.Error!.ToHttp();
            })
            .WithName("ListActingPeriods").WithSummary("Periodene stedfortrederen fungerer som arbeidsleder, nyeste først")
            .Produces<ActingPeriods.Overview>();
        api.MapPost("/arrangements/{id:guid}/acting-periods", async (Guid id, HttpRequest request, ActingPeriods periods, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<ActingRequest>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var result = await periods.SetAsync(id, new ActingPeriods.Input(b.RoleId, b.From, b.To, b.Reason), ct);
                if (!result.IsSuccess) return result.Error!.ToHttp();
                var location = $"/api/v1/arrangements/{id}/acting-periods";
                return result.Value!.AlreadyExisted ? Results.Ok(new ApiContract.CreatedAt(result.Value.Id, location)) : Results.Created(location, new ApiContract.CreatedAt(result.Value.Id, location));
            })
            .WithName("SetActingPeriod").WithSummary("La stedfortrederen fungere som arbeidsleder i en periode (arbeidsleder, medarbeidsleder eller leverandøren)")
            .Accepts<ActingRequest>("application/json")
            .ProducesCreatedAt();
        api.MapPost("/arrangements/{id:guid}/acting-periods/{periodId:guid}/end", async (Guid id, Guid periodId, HttpRequest request, ActingPeriods periods, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<EndActingRequest>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await periods.EndAsync(id, periodId, body.Value!.LastDay, ct);
                return result.IsSuccess ? Results.Ok(new ApiContract.RecordId(result.Value!.Id)) : result.Error!.ToHttp();
            })
            .WithName("EndActingPeriod").WithSummary("Avslutt perioden tidlig (fra i dag, eller etter en oppgitt siste dag)")
            .Accepts<EndActingRequest>("application/json")
            .Produces<ApiContract.RecordId>();
    }
}
