namespace Selvstyrt.Web.Features.Retention;

/// <summary>The retention rules and their runs under <c>/api/v1</c>.</summary>
public static class RetentionEndpoints
{
    public static void AddServices(IServiceCollection services) => services.AddScoped<ReadRetention>();

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/retention", async (ReadRetention handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithName("ReadRetention")
            .WithSummary("Oppbevaringsreglene (hva som slettes, når og hvorfor) og de siste 30 dagenes kjøringer med hvor mye som ble slettet (bare for leverandørens administrator)")
            .Produces<ReadRetention.Page>();
    }
}
