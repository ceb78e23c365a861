using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Decisions;

/// <summary>
/// Decisions (vedtak) under <c>/api/v1</c>, and the page-level upload a plain form needs for the decision letter; the
/// use cases this feature registers, including the daily reminder of decisions about to run out.
/// </summary>
public static class DecisionEndpoints
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<SaveDecision.Handler>();
        services.AddScoped<ListDecisions.Handler>();
        services.AddScoped<DecisionDocuments>();
        services.AddScoped<DecisionReminders>();
    }

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/arrangements/{id:guid}/decisions", async (Guid id, ListDecisions.Handler handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(id, ct);
                return result.IsSuccess ? Results.Ok(result.Value!.Decisions) : result.Error!.ToHttp();
            })
            .WithName("ListDecisions").WithSummary("Vedtakene i en ordning, alle versjoner, med merknader (BPA-2-1D)")
            .Produces<IReadOnlyList<ListDecisions.View>>();
        api.MapPost("/arrangements/{id:guid}/decisions", async (Guid id, HttpRequest request, SaveDecision.Handler handler, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<SaveDecision.Command>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var command = body.Value! with { IdempotencyKey = request.Headers["Idempotency-Key"].FirstOrDefault() ?? body.Value!.IdempotencyKey };
                var result = await handler.HandleAsync(id, command, ct);
                if (!result.IsSuccess) return result.Error!.ToHttp();
                return result.Value!.AlreadyExisted ? Results.Ok(result.Value) : Results.Created($"/api/v1/arrangements/{id}/decisions", result.Value);
            })
            .WithName("SaveDecision").WithSummary("Registrer et nytt vedtak, eller en ny versjon fra en dato (changesDecisionId). Idempotency-Key kreves.")
            .Idempotent(keyRequired: true)
            .Accepts<SaveDecision.Command>("application/json")
            .Produces<SaveDecision.Saved>(StatusCodes.Status201Created).Produces<SaveDecision.Saved>();
        api.MapGet("/arrangements/{id:guid}/decisions/{decisionId:guid}/document", async (Guid id, Guid decisionId, DecisionDocuments documents, CancellationToken ct) =>
            {
                var result = await documents.DownloadAsync(id, decisionId, ct);
                return result.IsSuccess ? Results.File(result.Value!.Content, "application/pdf", result.Value.Name) : result.Error!.ToHttp();
            })
            .WithName("GetDecisionDocument").WithSummary("Vedtaksbrevet (PDF)")
            .Downloads(ApiContract.Pdf);
        api.MapPost("/arrangements/{id:guid}/decisions/{decisionId:guid}/document", async (Guid id, Guid decisionId, HttpRequest request, DecisionDocuments documents, CancellationToken ct) =>
            {
                if (!request.HasFormContentType) return Invalid.Field("document", "Send vedtaksbrevet som multipart/form-data i feltet «document».").ToHttp();
                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("document");
                if (file is null) return Invalid.Field("document", "Velg en PDF-fil.").ToHttp();
                var result = await documents.UploadAsync(id, decisionId, file.FileName, await DecisionDocuments.ReadAsync(file, ct), ct);
                return result.IsSuccess ? Results.Ok(new ApiContract.DocumentStored(result.Value)) : result.Error!.ToHttp();
            })
            .WithName("UploadDecisionDocument").WithSummary("Legg ved vedtaksbrevet (PDF, høyst 8 MB)")
            .Uploads<ApiContract.DocumentUpload>()
            .Produces<ApiContract.DocumentStored>();
    }

    /// <summary>The page form's upload: validates the antiforgery token like every form, then goes back to the decision page.</summary>
    public static void MapPages(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/ordninger/{id:guid}/vedtak/{decisionId:guid}/dokument", async (Guid id, Guid decisionId, HttpRequest request, DecisionDocuments documents, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("document");
                var content = file is null ? null : await DecisionDocuments.ReadAsync(file, ct);
                Result<Guid> result = file is null ? Invalid.Field("document", "Velg en PDF-fil.") : await documents.UploadAsync(id, decisionId, file.FileName, content!, ct);
                if (result.Error is NotFound) return Results.NotFound();
                // A code, not the message: the page shows its own text, so a crafted link cannot put words on it.
                var status = result.IsSuccess ? "lagret=dokument" : "feil=" + (result.Error, content is null ? DocumentProblem.None : DecisionDocument.ProblemOf(content)) switch
                {
                    (Forbidden, _) => "tilgang",
                    (_, DocumentProblem.TooLarge) => "stor",
                    (_, DocumentProblem.Empty) => "tom",
                    (_, DocumentProblem.NotPdf) => "pdf",
                    _ => "mangler",
                };
                return Results.Redirect($"/ordninger/{id}/vedtak?{status}#vedtak-{decisionId}");
            })
            .RequireAuthorization()
            .WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
    }
}
