using Selvstyrt.Domain.Common;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.HourAccounts;

/// <summary>The hour account of issue 4 under <c>/api/v1</c>: one arrangement's account, registered hours, and the risk list.</summary>
public static class HourAccountEndpoints
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<HourData>();
        services.AddScoped<GetHourAccount.Handler>();
        services.AddScoped<RegisterHours.Handler>();
        services.AddScoped<ListHourRisks.Handler>();
        services.AddScoped<HourWarnings>();
    }

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/arrangements/{id:guid}/hour-account", async (Guid id, int? year, GetHourAccount.Handler handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(id, year, ct);
                return result.IsSuccess ? Results.Ok(result.Value) : result.Error!.ToHttp();
            })
            .WithName("GetHourAccount").WithSummary("Timekontoen for et kalenderår: uker, saldo og prognose (VEDTAK-1)")
            .Produces<GetHourAccount.View>();
        api.MapPost("/arrangements/{id:guid}/unused-hours", async (Guid id, HttpRequest request, RegisterHours.Handler handler, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<RegisterHours.UnusedCommand>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await handler.UnusedAsync(id, body.Value! with { IdempotencyKey = request.Headers["Idempotency-Key"].FirstOrDefault() ?? body.Value!.IdempotencyKey }, ct);
                return Created(result, $"/api/v1/arrangements/{id}/hour-account");
            })
            .WithName("RegisterUnusedHours").WithSummary("Før ubrukte timer (fravær uten vikar). Idempotency-Key kreves.")
            .Idempotent(keyRequired: true)
            .Accepts<RegisterHours.UnusedCommand>("application/json")
            .Produces<RegisterHours.Created>(StatusCodes.Status201Created).Produces<RegisterHours.Created>();
        api.MapPost("/arrangements/{id:guid}/opening-balances", async (Guid id, HttpRequest request, RegisterHours.Handler handler, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<RegisterHours.OpeningCommand>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await handler.OpeningAsync(id, body.Value! with { IdempotencyKey = request.Headers["Idempotency-Key"].FirstOrDefault() ?? body.Value!.IdempotencyKey }, ct);
                return Created(result, $"/api/v1/arrangements/{id}/hour-account");
            })
            .WithName("RegisterOpeningBalance").WithSummary("Før inngående saldo ved bytte av leverandør. Idempotency-Key kreves.")
            .Idempotent(keyRequired: true)
            .Accepts<RegisterHours.OpeningCommand>("application/json")
            .Produces<RegisterHours.Created>(StatusCodes.Status201Created).Produces<RegisterHours.Created>();
        api.MapGet("/hour-accounts", async (ListHourRisks.Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithName("ListHourRisks").WithSummary("Timekontoene brukeren leder eller følger opp, med størst risiko først");
    }

    private static IResult Created(Result<RegisterHours.Created> result, string location)
        => !result.IsSuccess ? result.Error!.ToHttp() : result.Value!.AlreadyExisted ? Results.Ok(result.Value) : Results.Created(location, result.Value);
}
