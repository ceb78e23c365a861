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
        services.AddScoped<AssistantRecords>();
        services.AddScoped<AssistantLogin>();
    }

    /// <summary>The body of <c>POST /api/v1/assistants</c>; the idempotency key comes in the <c>Idempotency-Key</c> header.</summary>
    public sealed record CreateAssistantRequest(
        string? FullName, string? Email, string? Phone, LocalDate? BirthDate, Guid? OfficeId,
        EmploymentKind? Kind, decimal? PositionPercent, LocalDate? Start, LocalDate? SeniorityFrom);

    /// <summary>The body of the employment routes; on a change, kind and start stay as they were.</summary>
    public sealed record EmploymentRequest(EmploymentKind? Kind, TemporaryBasis? TemporaryBasis, decimal? PositionPercent, LocalDate? Start, LocalDate? End,
        LocalDate? ProbationEnd, LocalDate? SeniorityFrom, decimal? HourlyWage);

    public sealed record EndRequest(LocalDate? LastDay);

    /// <summary>Ending an employment: the last day, and why (resigned, dismissed, summaryDismissal, temporaryEnded, agreement, retired, other) with the employer's note.</summary>
    public sealed record EndEmploymentRequest(LocalDate? LastDay, EndReason? Reason, string? Note);

    public sealed record AssignmentRequest(Guid? ArrangementId, LocalDate? From, LocalDate? To);

    public sealed record ContactRequest(string? Email, string? Phone);

    public sealed record OtherEmployerRequest(string? EmployerName, decimal? HoursPerWeek, LocalDate? From, LocalDate? To);

    public sealed record LoginRequest(string? Email);

    private static IResult Answer(Domain.Common.Result<AssistantRecords.Created> result, string location)
    {
        if (!result.IsSuccess) return result.Error!.ToHttp();
        var created = result.Value!;
        return created.AlreadyExisted ? Results.Ok(new ApiContract.CreatedAt(created.Id, location)) : Results.Created(location, new ApiContract.CreatedAt(created.Id, location));
    }

    private static IResult Changed(Domain.Common.Result<AssistantRecords.Created> result)
        => result.IsSuccess ? Results.Ok(new ApiContract.RecordId(result.Value!.Id)) : result.Error!.ToHttp();

    private static void MapRecords(RouteGroupBuilder api)
    {
        api.MapPost("/assistants/{id:guid}/employments", async (Guid id, HttpRequest request, AssistantRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<EmploymentRequest>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                return Answer(await records.AddEmploymentAsync(id, new(b.Kind, b.TemporaryBasis, b.PositionPercent, b.Start, b.End, b.ProbationEnd, b.SeniorityFrom, b.HourlyWage), ct),
                    $"/api/v1/assistants/{id}");
            })
            .WithName("AddEmployment").WithSummary("Nytt arbeidsforhold for en assistent (samme arbeidsforhold to ganger gir det første)")
            .Accepts<EmploymentRequest>("application/json")
            .ProducesCreatedAt();
        api.MapPut("/assistants/{id:guid}/employments/{employmentId:guid}", async (Guid id, Guid employmentId, HttpRequest request, AssistantRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<EmploymentRequest>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                return Changed(await records.ChangeEmploymentAsync(id, employmentId, new(b.Kind, b.TemporaryBasis, b.PositionPercent, b.Start, b.End, b.ProbationEnd, b.SeniorityFrom, b.HourlyWage), ct));
            })
            .WithName("ChangeEmployment").WithSummary("Endre stillingsprosent, sluttdato, prøvetid, grunnlag eller timelønn")
            .Accepts<EmploymentRequest>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPost("/assistants/{id:guid}/employments/{employmentId:guid}/end", async (Guid id, Guid employmentId, HttpRequest request, AssistantRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<EndEmploymentRequest>(request, ct);
                return body.IsSuccess ? Changed(await records.EndEmploymentAsync(id, employmentId, body.Value!.LastDay, ct, body.Value.Reason, body.Value.Note)) : body.Error!.ToHttp();
            })
            .WithName("EndEmployment")
            .WithSummary("Avslutt et arbeidsforhold med årsak (og assistentens plass i ordningene fra dagen etter); grunnlaget for en oppsigelse vises bare for arbeidsgiveren")
            .Accepts<EndEmploymentRequest>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPost("/assistants/{id:guid}/assignments", async (Guid id, HttpRequest request, AssistantRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<AssignmentRequest>(request, ct);
                return body.IsSuccess ? Answer(await records.AssignAsync(id, body.Value!.ArrangementId, body.Value.From, body.Value.To, ct), $"/api/v1/assistants/{id}") : body.Error!.ToHttp();
            })
            .WithName("AssignAssistant").WithSummary("Knytt en assistent til en ordning fra en dato")
            .Accepts<AssignmentRequest>("application/json")
            .ProducesCreatedAt();
        api.MapPost("/assistants/{id:guid}/assignments/{assignmentId:guid}/end", async (Guid id, Guid assignmentId, HttpRequest request, AssistantRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<EndRequest>(request, ct);
                return body.IsSuccess ? Changed(await records.EndAssignmentAsync(id, assignmentId, body.Value!.LastDay, ct)) : body.Error!.ToHttp();
            })
            .WithName("EndAssignment").WithSummary("Avslutt en assistents plass i en ordning")
            .Accepts<EndRequest>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPut("/assistants/{id:guid}/contact", async (Guid id, HttpRequest request, AssistantRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<ContactRequest>(request, ct);
                return body.IsSuccess ? Changed(await records.ChangeContactAsync(id, body.Value!.Email, body.Value.Phone, ct)) : body.Error!.ToHttp();
            })
            .WithName("ChangeAssistantContact").WithSummary("E-post og telefon (assistenten selv eller arbeidsgiveren)")
            .Accepts<ContactRequest>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPost("/assistants/{id:guid}/other-employers", async (Guid id, HttpRequest request, AssistantRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<OtherEmployerRequest>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                return Answer(await records.DeclareOtherEmployerAsync(id, b.EmployerName, b.HoursPerWeek, b.From, b.To, ct), $"/api/v1/assistants/{id}");
            })
            .WithName("DeclareOtherEmployerHours").WithSummary("Timer hos en annen arbeidsgiver (assistenten oppgir, arbeidsgiveren bekrefter)")
            .Accepts<OtherEmployerRequest>("application/json")
            .ProducesCreatedAt();
        api.MapPost("/assistants/{id:guid}/other-employers/{declarationId:guid}/confirm", async (Guid id, Guid declarationId, AssistantRecords records, CancellationToken ct)
                => Changed(await records.ConfirmOtherEmployerAsync(id, declarationId, ct)))
            .WithName("ConfirmOtherEmployerHours").WithSummary("Arbeidsgiveren bekrefter timene hos en annen arbeidsgiver")
            .Produces<ApiContract.RecordId>();
        api.MapPost("/assistants/{id:guid}/other-employers/{declarationId:guid}/end", async (Guid id, Guid declarationId, HttpRequest request, AssistantRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<EndRequest>(request, ct);
                return body.IsSuccess ? Changed(await records.EndOtherEmployerAsync(id, declarationId, body.Value!.LastDay, ct)) : body.Error!.ToHttp();
            })
            .WithName("EndOtherEmployerHours").WithSummary("Timene hos den andre arbeidsgiveren slutter")
            .Accepts<EndRequest>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPost("/assistants/{id:guid}/login", async (Guid id, HttpRequest request, AssistantLogin login, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<LoginRequest>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await login.InviteAsync(id, body.Value!.Email, ct);
                return result.IsSuccess ? Results.Ok(new LoginInvited(result.Value!.UserId, result.Value.AlreadyHeld)) : result.Error!.ToHttp();
            })
            .WithName("InviteAssistant").WithSummary("Gi assistenten innlogging: en invitasjon med lenke for å velge passord")
            .Accepts<LoginRequest>("application/json")
            .Produces<LoginInvited>();
    }

    /// <summary>The assistant's login: the user, and whether they already had one.</summary>
    public sealed record LoginInvited(Guid UserId, bool AlreadyHeld);

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
            .WithName("GetAssistant").WithSummary("Profilen til én assistent")
            .Produces<GetAssistant.View>();
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
                return created.AlreadyExisted ? Results.Ok(new ApiContract.CreatedAt(created.Id, location)) : Results.Created(location, new ApiContract.CreatedAt(created.Id, location));
            })
            .WithName("CreateAssistant").WithSummary("Registrer en ny assistent (krever Idempotency-Key)")
            .Accepts<CreateAssistantRequest>("application/json")
            .Idempotent(keyRequired: true)
            .ProducesCreatedAt();
        MapRecords(api);
    }
}
