using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Retention;

/// <summary>The retention rules and their runs, and erasure requests, under <c>/api/v1</c>.</summary>
public static class RetentionEndpoints
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<ReadRetention>();
        services.AddScoped<Erasure>();
    }

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/retention", async (ReadRetention handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithName("ReadRetention")
            .WithSummary("Oppbevaringsreglene (hva som slettes, når og hvorfor) og de siste 30 dagenes kjøringer med hvor mye som ble slettet (bare for leverandørens administrator)")
            .Produces<ReadRetention.Page>();
        api.MapGet("/assistants/{id:guid}/erasure", async (Guid id, Erasure erasure, CancellationToken ct) =>
            {
                var result = await erasure.PreviewAsync(id, ct);
                return result.IsSuccess ? Results.Ok(result.Value) : result.Error!.ToHttp();
            })
            .WithName("PreviewErasure")
            .WithSummary("Sletting: hva en sletteforespørsel for assistenten sletter og hva som må beholdes (og hvorfor), og forespørselen hvis den er registrert (bare for administratoren)")
            .Produces<Erasure.Preview>();
        api.MapPost("/assistants/{id:guid}/erasure", async (Guid id, HttpRequest request, Erasure erasure, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<ErasureBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await erasure.RegisterAsync(id, body.Value!.ReceivedOn, body.Value.Note, Creates.Key(request), ct);
                return Creates.Answer(result, $"/api/v1/assistants/{id}/erasure");
            })
            .WithName("RegisterErasure")
            .WithSummary("Registrer en sletteforespørsel (personvernforordningen artikkel 17) for en assistent som har sluttet; nattens kjøring sletter det som kan slettes og begrenser resten (Idempotency-Key anbefales)")
            .Accepts<ErasureBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapGet("/users/{id:guid}/erasure", async (Guid id, Erasure erasure, CancellationToken ct) =>
            {
                var result = await erasure.AccountPreviewAsync(id, ct);
                return result.IsSuccess ? Results.Ok(result.Value) : result.Error!.ToHttp();
            })
            .WithName("PreviewAccountErasure")
            .WithSummary("Sletting av en persons konto (arbeidsleder, stedfortreder, koordinator eller mottaker som logger inn): hva som slettes, hva som må beholdes og hvorfor (bare for administratoren)")
            .Produces<Erasure.Preview>();
        api.MapPost("/users/{id:guid}/erasure", async (Guid id, HttpRequest request, Erasure erasure, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<ErasureBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await erasure.RegisterForAccountAsync(id, body.Value!.ReceivedOn, body.Value.Note, Creates.Key(request), ct);
                return Creates.Answer(result, $"/api/v1/users/{id}/erasure");
            })
            .WithName("RegisterAccountErasure")
            .WithSummary("Registrer en sletteforespørsel (personvernforordningen artikkel 17) for en person som ikke lenger har roller; nattens kjøring sletter det som kan slettes, tømmer kontoen og begrenser resten (Idempotency-Key anbefales)")
            .Accepts<ErasureBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapGet("/arrangements/{id:guid}/recipient-erasure", async (Guid id, Erasure erasure, CancellationToken ct) =>
            {
                var result = await erasure.RecipientPreviewAsync(id, ct);
                return result.IsSuccess ? Results.Ok(result.Value) : result.Error!.ToHttp();
            })
            .WithName("PreviewRecipientErasure")
            .WithSummary("Sletting for mottakeren i ordningen (alle mottakerens ordninger hos leverandøren): hva som slettes, hva som må beholdes og hvorfor (bare for administratoren)")
            .Produces<Erasure.Preview>();
        api.MapPost("/arrangements/{id:guid}/recipient-erasure", async (Guid id, HttpRequest request, Erasure erasure, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<ErasureBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await erasure.RegisterForRecipientAsync(id, body.Value!.ReceivedOn, body.Value.Note, Creates.Key(request), ct);
                return Creates.Answer(result, $"/api/v1/arrangements/{id}/recipient-erasure");
            })
            .WithName("RegisterRecipientErasure")
            .WithSummary("Registrer mottakerens sletteforespørsel (personvernforordningen artikkel 17) når ordningene er avsluttet; nattens kjøring sletter det som kan slettes og begrenser ordningene og mottakeren (Idempotency-Key anbefales)")
            .Accepts<ErasureBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapGet("/erasure-requests", async (Erasure erasure, CancellationToken ct) => TypedResults.Ok(await erasure.ListAsync(ct)))
            .WithName("ListErasureRequests")
            .WithSummary("Sletteforespørslene med status, når de ble utført og hvor mye som ble slettet og begrenset (bare for administratoren)")
            .Produces<IReadOnlyList<Erasure.RequestView>>();
    }

    /// <summary>An erasure request: the day it came (it may have come by letter), and a note.</summary>
    public sealed record ErasureBody(NodaTime.LocalDate? ReceivedOn, string? Note);
}
