using Selvstyrt.Domain.Common;
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
        MapErasure(api, "/assistants/{id:guid}/erasure", "Erasure",
            "Sletting: hva en sletteforespørsel for assistenten sletter og hva som må beholdes (og hvorfor), og forespørselen hvis den er registrert (bare for administratoren)",
            "Registrer en sletteforespørsel (personvernforordningen artikkel 17) for en assistent som har sluttet; nattens kjøring sletter det som kan slettes og begrenser resten (Idempotency-Key anbefales)",
            (erasure, id, ct) => erasure.PreviewAsync(id, ct), (erasure, id, body, key, ct) => erasure.RegisterAsync(id, body.ReceivedOn, body.Note, key, ct));
        MapErasure(api, "/users/{id:guid}/erasure", "AccountErasure",
            "Sletting av en persons konto (arbeidsleder, stedfortreder, koordinator eller mottaker som logger inn): hva som slettes, hva som må beholdes og hvorfor (bare for administratoren)",
            "Registrer en sletteforespørsel (personvernforordningen artikkel 17) for en person som ikke lenger har roller; nattens kjøring sletter det som kan slettes, tømmer kontoen og begrenser resten (Idempotency-Key anbefales)",
            (erasure, id, ct) => erasure.AccountPreviewAsync(id, ct), (erasure, id, body, key, ct) => erasure.RegisterForAccountAsync(id, body.ReceivedOn, body.Note, key, ct));
        MapErasure(api, "/arrangements/{id:guid}/recipient-erasure", "RecipientErasure",
            "Sletting for mottakeren i ordningen (alle mottakerens ordninger hos leverandøren): hva som slettes, hva som må beholdes og hvorfor (bare for administratoren)",
            "Registrer mottakerens sletteforespørsel (personvernforordningen artikkel 17) når ordningene er avsluttet; nattens kjøring sletter det som kan slettes og begrenser ordningene og mottakeren (Idempotency-Key anbefales)",
            (erasure, id, ct) => erasure.RecipientPreviewAsync(id, ct), (erasure, id, body, key, ct) => erasure.RegisterForRecipientAsync(id, body.ReceivedOn, body.Note, key, ct));
        api.MapGet("/erasure-requests", async (Erasure erasure, CancellationToken ct) => TypedResults.Ok(await erasure.ListAsync(ct)))
            .WithName("ListErasureRequests")
            .WithSummary("Sletteforespørslene med status, når de ble utført og hvor mye som ble slettet og begrenset (bare for administratoren)")
            .Produces<IReadOnlyList<Erasure.RequestView>>();
    }

    /// <summary>The preview (GET) and the registration (POST) of one kind of erasure request, named Preview… and Register….</summary>
    private static void MapErasure(RouteGroupBuilder api, string path, string name, string previewSummary, string registerSummary,
        Func<Erasure, Guid, CancellationToken, Task<Result<Erasure.Preview>>> preview,
        Func<Erasure, Guid, ErasureBody, string?, CancellationToken, Task<Result<(Guid Id, bool Existed)>>> register)
    {
        api.MapGet(path, async (Guid id, Erasure erasure, CancellationToken ct) =>
            {
                var result = await preview(erasure, id, ct);
                return result.IsSuccess ? Results.Ok(result.Value) : result.Error!.ToHttp();
            })
            .WithName("Preview" + name).WithSummary(previewSummary)
            .Produces<Erasure.Preview>();
        api.MapPost(path, async (Guid id, HttpRequest request, Erasure erasure, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<ErasureBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await register(erasure, id, body.Value!, Creates.Key(request), ct);
                return Creates.Answer(result, request.Path.Value!);
            })
            .WithName("Register" + name).WithSummary(registerSummary)
            .Accepts<ErasureBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
    }

    /// <summary>An erasure request: the day it came (it may have come by letter), and a note.</summary>
    public sealed record ErasureBody(NodaTime.LocalDate? ReceivedOn, string? Note);
}
