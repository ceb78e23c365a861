using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Arrangements;

public static class ArrangementEndpoints
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<ListArrangements.Handler>();
        services.AddScoped<GetArrangement.Handler>();
    }

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
            .WithName("GetArrangement").WithSummary("Oversikt over én ordning");
    }
}
