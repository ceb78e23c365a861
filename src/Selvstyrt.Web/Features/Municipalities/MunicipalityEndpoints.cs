using Selvstyrt.Web.Features.Arrangements;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Municipalities;

public static class MunicipalityEndpoints
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<ListMunicipalities.Handler>();
    }

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/municipalities", async (ListMunicipalities.Handler handler, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithName("ListMunicipalities").WithSummary("Kommunene der brukeren ser minst én ordning");
        api.MapGet("/municipalities/{id:guid}/arrangements", async (Guid id, ListArrangements.Handler handler, CancellationToken ct) =>
            {
                var rows = await handler.HandleAsync(id, ct);
                return rows.Count == 0 ? ErrorMapping.NotFoundProblem() : Results.Ok(rows);
            })
            .WithName("ListMunicipalityArrangements").WithSummary("Ordningene i én kommune")
            .Produces<List<Arrangements.ListArrangements.Row>>();
    }
}
