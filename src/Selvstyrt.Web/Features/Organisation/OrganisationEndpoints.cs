using NodaTime;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Organisation;

/// <summary>
/// The provider's organisation under <c>/api/v1</c>: offices, and the municipalities it serves with their contracts.
/// Creates need an <c>Idempotency-Key</c>; a retry answers 200 with what the first call made.
/// </summary>
public static class OrganisationEndpoints
{
    public sealed record OfficeRequest(Guid? ProviderId, string? Name, string? Region, string? Version = null);

    public sealed record ContractRequest(Guid? ProviderId, string? Number, string? Name, decimal? HourlyRate, LocalDate? ValidFrom,
        decimal? WarnThresholdPercent, string? Reference, string? ReportContactName, string? ReportContactEmail);

    public sealed record SettingsRequest(Guid? ProviderId, int? DecisionReminderDays, bool? WiderSelfCertification = null);

    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<AdministeredProvider>();
        services.AddScoped<Offices>();
        services.AddScoped<Contracts>();
    }

    /// <summary>A municipality or a contract version added (or found again by its key).</summary>
    public sealed record ContractCreated(Guid MunicipalityId, Guid ContractId);

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/provider-settings", async (AdministeredProvider providers, CancellationToken ct) => TypedResults.Ok(await providers.SettingsAsync(ct)))
            .WithName("GetProviderSettings").WithSummary("Innstillingene til leverandørene brukeren administrerer");
        api.MapPut("/provider-settings", async (HttpRequest request, AdministeredProvider providers, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<SettingsRequest>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await providers.SetReminderDaysAsync(body.Value!.ProviderId, body.Value.DecisionReminderDays, ct, body.Value.WiderSelfCertification);
                return result.IsSuccess ? Results.Ok(result.Value) : result.Error!.ToHttp();
            })
            .WithName("SetProviderSettings").WithSummary("Endre hvor mange dager før vedtaket går ut det varsles (administrator)")
            .Accepts<SettingsRequest>("application/json")
            .Produces<AdministeredProvider.Settings>();
        api.MapGet("/offices", async (Offices offices, CancellationToken ct) => TypedResults.Ok(await offices.ListAsync(ct)))
            .WithName("ListOffices").WithSummary("Kontorene brukeren administrerer eller koordinerer");
        api.MapPost("/offices", async (HttpRequest request, Offices offices, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<OfficeRequest>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await offices.CreateAsync(new Offices.Command(body.Value!.ProviderId, body.Value.Name, body.Value.Region, Creates.Key(request)), ct);
                return Created(result, r => $"/api/v1/offices/{r.Id}", r => r.AlreadyExisted, r => new ApiContract.RecordId(r.Id));
            })
            .WithName("CreateOffice").WithSummary("Opprett et kontor (administrator; krever Idempotency-Key)").Accepts<OfficeRequest>("application/json")
            .Idempotent(keyRequired: true)
            .ProducesCreatedId();
        api.MapPut("/offices/{id:guid}", async (Guid id, HttpRequest request, Offices offices, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<OfficeRequest>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await offices.RenameAsync(id, body.Value!.Name, body.Value.Region, ApiRevision.Version(request, body.Value.Version), ct);
                return result.IsSuccess ? Results.NoContent() : result.Error!.ToHttp();
            })
            .WithName("RenameOffice").WithSummary("Endre et kontors navn og region (administrator; version eller If-Match: det du leste)").Accepts<OfficeRequest>("application/json")
            .Revised()
            .Produces(StatusCodes.Status204NoContent);
        api.MapGet("/contracts", async (Contracts contracts, CancellationToken ct) => TypedResults.Ok(await contracts.ListAsync(ct)))
            .WithName("ListContracts").WithSummary("Avtalene med kommunene, alle versjoner (administrator)");
        api.MapPost("/municipalities", async (HttpRequest request, Contracts contracts, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<ContractRequest>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await contracts.AddMunicipalityAsync(Command(body.Value!, request), ct);
                return Created(result, r => $"/api/v1/municipalities/{r.MunicipalityId}", r => r.AlreadyExisted, r => new ContractCreated(r.MunicipalityId, r.ContractId));
            })
            .WithName("AddMunicipality").WithSummary("Legg til en kommune med den første avtalen (timepris, varslingsgrense, kontakt). Idempotency-Key kreves.")
            .Accepts<ContractRequest>("application/json")
            .Idempotent(keyRequired: true)
            .Produces<ContractCreated>(StatusCodes.Status201Created).Produces<ContractCreated>();
        api.MapPost("/municipalities/{id:guid}/contracts", async (Guid id, HttpRequest request, Contracts contracts, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<ContractRequest>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await contracts.AddContractAsync(id, Command(body.Value!, request), ct);
                return Created(result, r => $"/api/v1/municipalities/{r.MunicipalityId}", r => r.AlreadyExisted, r => new ContractCreated(r.MunicipalityId, r.ContractId));
            })
            .WithName("AddContract").WithSummary("Ny avtaleversjon fra en dato; den forrige slutter dagen før. Idempotency-Key kreves.")
            .Accepts<ContractRequest>("application/json")
            .Idempotent(keyRequired: true)
            .Produces<ContractCreated>(StatusCodes.Status201Created).Produces<ContractCreated>();
    }


    private static Contracts.Command Command(ContractRequest b, HttpRequest request)
        => new(b.ProviderId, b.Number, b.Name, b.HourlyRate, b.ValidFrom, b.WarnThresholdPercent, b.Reference, b.ReportContactName, b.ReportContactEmail, Creates.Key(request));

    private static IResult Created<T>(Domain.Common.Result<T> result, Func<T, string> location, Func<T, bool> existed, Func<T, object> body)
    {
        if (!result.IsSuccess) return result.Error!.ToHttp();
        var value = result.Value!;
        return existed(value) ? Results.Ok(body(value)) : Results.Created(location(value), body(value));
    }
}
