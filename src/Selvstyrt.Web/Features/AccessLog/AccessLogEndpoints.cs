using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.AccessLog;

/// <summary>The access log («innsynslogg») of an arrangement under <c>/api/v1</c>.</summary>
public static class AccessLogEndpoints
{
    public static void AddServices(IServiceCollection services) => services.AddScoped<ReadAccessLog.Handler>();

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/arrangements/{id:guid}/access-log", async (Guid id, long? before, ReadAccessLog.Handler handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(id, before, ct);
                return result.IsSuccess ? Results.Ok(result.Value) : result.Error!.ToHttp();
            })
            .WithName("ReadAccessLog")
            .WithSummary("Innsynsloggen: hvem som har lest ordningens personopplysninger, når, i hvilken rolle og hva (nyeste først, 100 om gangen; before gir eldre), med kontroll av hashkjeden")
            .Produces<ReadAccessLog.Page>();
    }
}
