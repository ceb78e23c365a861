using NodaTime;
using Selvstyrt.Domain.People;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Assistants;

public static class AssistantEndpoints
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<ListAssistants.Handler>();
        services.AddScoped<GetAssistant.Handler>();
        services.AddScoped<CreateAssistant.Handler>();
        services.AddScoped<CreateAssistant.Offices>();
        services.AddScoped<SaveAssistantPay>();
    }

    /// <summary>The body of <c>POST /api/v1/assistants</c>; the idempotency key comes in the <c>Idempotency-Key</c> header.</summary>
    public sealed record CreateAssistantRequest(
        string? FullName, string? Email, string? Phone, LocalDate? BirthDate, Guid? OfficeId,
        EmploymentKind? Kind, decimal? PositionPercent, LocalDate? Start, LocalDate? SeniorityFrom);

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/assistants", async (string? search, ListAssistants.Handler handler, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(search, ct)))
            .WithName("ListAssistants").WithSummary("Assistentene brukeren har tilgang til");
        api.MapGet("/assistants/{id:guid}", async (Guid id, GetAssistant.Handler handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(id, ct);
                return result.IsSuccess ? Results.Ok(result.Value) : result.Error!.ToHttp();
            })
            .WithName("GetAssistant").WithSummary("Profilen til én assistent");
        api.MapPost("/assistants", async (HttpRequest request, CreateAssistant.Handler handler, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<CreateAssistantRequest>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var key = request.Headers["Idempotency-Key"].ToString();
                var result = await handler.HandleAsync(new CreateAssistant.Command(
                    b.FullName, b.Email, b.Phone, b.BirthDate, b.OfficeId, b.Kind, b.PositionPercent, b.Start, b.SeniorityFrom,
                    string.IsNullOrWhiteSpace(key) ? null : key), ct);
                if (!result.IsSuccess) return result.Error!.ToHttp();
                var created = result.Value!;
                var location = $"/api/v1/assistants/{created.Id}";
                return created.AlreadyExisted ? Results.Ok(new { id = created.Id, location }) : Results.Created(location, new { id = created.Id, location });
            })
            .WithName("CreateAssistant").WithSummary("Registrer en ny assistent (krever Idempotency-Key)")
            .Accepts<CreateAssistantRequest>("application/json");
    }
}
