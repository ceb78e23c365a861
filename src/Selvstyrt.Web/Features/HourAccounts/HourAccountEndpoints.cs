using Microsoft.Extensions.Localization;
using NodaTime;
using NodaTime.Text;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Web.Features.Decisions;
using Selvstyrt.Web.Features.Notifications;
using Selvstyrt.Web.Features.Reports;
using Selvstyrt.Web.Http;
using Selvstyrt.Web.Resources;

namespace Selvstyrt.Web.Features.HourAccounts;

/// <summary>
/// The API of issue 4 (decisions, hour accounts, municipality reports) under <c>/api/v1</c>, and the two page-level
/// endpoints a plain form or link needs: the decision letter's upload (redirects back) and download.
/// </summary>
public static class HourAccountEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/arrangements/{id:guid}/decisions", async (Guid id, ListDecisions.Handler handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(id, ct);
                return result.IsSuccess ? Results.Ok(result.Value!.Decisions) : result.Error!.ToHttp();
            })
            .WithName("ListDecisions").WithSummary("Vedtakene i en ordning, alle versjoner, med merknader (BPA-2-1D)");
        api.MapPost("/arrangements/{id:guid}/decisions", async (Guid id, HttpRequest request, SaveDecision.Handler handler, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<SaveDecision.Command>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var command = body.Value! with { IdempotencyKey = request.Headers["Idempotency-Key"].FirstOrDefault() ?? body.Value!.IdempotencyKey };
                var result = await handler.HandleAsync(id, command, ct);
                if (!result.IsSuccess) return result.Error!.ToHttp();
                return result.Value!.AlreadyExisted ? Results.Ok(result.Value) : Results.Created($"/api/v1/arrangements/{id}/decisions", result.Value);
            })
            .WithName("SaveDecision").WithSummary("Registrer et nytt vedtak, eller en ny versjon fra en dato (changesDecisionId). Idempotency-Key kreves.");
        api.MapGet("/arrangements/{id:guid}/decisions/{decisionId:guid}/document", async (Guid id, Guid decisionId, DecisionDocuments documents, CancellationToken ct) =>
            {
                var result = await documents.DownloadAsync(id, decisionId, ct);
                return result.IsSuccess ? Results.File(result.Value!.Content, "application/pdf", result.Value.Name) : result.Error!.ToHttp();
            })
            .WithName("GetDecisionDocument").WithSummary("Vedtaksbrevet (PDF)");
        api.MapPost("/arrangements/{id:guid}/decisions/{decisionId:guid}/document", async (Guid id, Guid decisionId, HttpRequest request, DecisionDocuments documents, CancellationToken ct) =>
            {
                if (!request.HasFormContentType) return Invalid.Field("document", "Send vedtaksbrevet som multipart/form-data i feltet «document».").ToHttp();
                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("document");
                if (file is null) return Invalid.Field("document", "Velg en PDF-fil.").ToHttp();
                var result = await documents.UploadAsync(id, decisionId, file.FileName, await DecisionDocuments.ReadAsync(file, ct), ct);
                return result.IsSuccess ? Results.Ok(new { documentId = result.Value }) : result.Error!.ToHttp();
            })
            .WithName("UploadDecisionDocument").WithSummary("Legg ved vedtaksbrevet (PDF, høyst 8 MB)");

        api.MapGet("/arrangements/{id:guid}/hour-account", async (Guid id, int? year, GetHourAccount.Handler handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(id, year, ct);
                return result.IsSuccess ? Results.Ok(result.Value) : result.Error!.ToHttp();
            })
            .WithName("GetHourAccount").WithSummary("Timekontoen for et kalenderår: uker, saldo og prognose (VEDTAK-1)");
        api.MapPost("/arrangements/{id:guid}/unused-hours", async (Guid id, HttpRequest request, RegisterHours.Handler handler, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<RegisterHours.UnusedCommand>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await handler.UnusedAsync(id, body.Value! with { IdempotencyKey = request.Headers["Idempotency-Key"].FirstOrDefault() ?? body.Value!.IdempotencyKey }, ct);
                return Created(result, $"/api/v1/arrangements/{id}/hour-account");
            })
            .WithName("RegisterUnusedHours").WithSummary("Før ubrukte timer (fravær uten vikar). Idempotency-Key kreves.");
        api.MapPost("/arrangements/{id:guid}/opening-balances", async (Guid id, HttpRequest request, RegisterHours.Handler handler, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<RegisterHours.OpeningCommand>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await handler.OpeningAsync(id, body.Value! with { IdempotencyKey = request.Headers["Idempotency-Key"].FirstOrDefault() ?? body.Value!.IdempotencyKey }, ct);
                return Created(result, $"/api/v1/arrangements/{id}/hour-account");
            })
            .WithName("RegisterOpeningBalance").WithSummary("Før inngående saldo ved bytte av leverandør. Idempotency-Key kreves.");
        api.MapGet("/hour-accounts", async (ListHourRisks.Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithName("ListHourRisks").WithSummary("Timekontoene brukeren leder eller følger opp, med størst risiko først");
        api.MapGet("/notifications", async (NotificationList list, CancellationToken ct) => TypedResults.Ok(await list.HandleAsync(ct)))
            .WithName("ListNotifications").WithSummary("Brukerens varsler, nyeste først");

        api.MapGet("/municipalities/{id:guid}/reports/{month}", async (Guid id, string month, string? format, MunicipalityReports reports, IStringLocalizer<Texts> t, CancellationToken ct) =>
            {
                if (ParseMonth(month) is not { } m) return MonthError();
                var result = await reports.MonthlyAsync(id, m, ct);
                return result.IsSuccess ? Output(result.Value!, format, r => ReportTables.Monthly(r, t), $"timerapport-{result.Value!.MunicipalityNumber}-{month}") : result.Error!.ToHttp();
            })
            .WithName("MunicipalityMonthlyReport").WithSummary("NS8435-rapporten for en måned (format=json|csv|xlsx)");
        api.MapGet("/municipalities/{id:guid}/invoice-basis/{month}", async (Guid id, string month, string? format, MunicipalityReports reports, IStringLocalizer<Texts> t, CancellationToken ct) =>
            {
                if (ParseMonth(month) is not { } m) return MonthError();
                var result = await reports.InvoiceAsync(id, m, ct);
                return result.IsSuccess ? Output(result.Value!, format, r => ReportTables.Invoice(r, t), $"fakturagrunnlag-{month}") : result.Error!.ToHttp();
            })
            .WithName("MunicipalityInvoiceBasis").WithSummary("Fakturagrunnlag for en måned: leverte timer × timepris (format=json|csv|xlsx)");
        api.MapGet("/municipalities/{id:guid}/resource-intensive/{year:int}", async (Guid id, int year, string? format, MunicipalityReports reports, IStringLocalizer<Texts> t, CancellationToken ct) =>
            {
                if (year is < 2000 or > 2100) return Invalid.Field("year", "Året må være mellom 2000 og 2100.").ToHttp();
                var result = await reports.ResourceIntensiveAsync(id, year, ct);
                return result.IsSuccess ? Output(result.Value!, format, r => ReportTables.Resource(r, t), $"ressurskrevende-{year}") : result.Error!.ToHttp();
            })
            .WithName("MunicipalityResourceIntensive").WithSummary("Grunnlag for ressurskrevende tjenester per år, mottakere under 67 (format=json|csv|xlsx)");
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

    public static YearMonth? ParseMonth(string? text)
    {
        var parsed = YearMonthPattern.Iso.Parse(text ?? "");
        return parsed.Success && parsed.Value.Year is >= 2000 and <= 2100 ? parsed.Value : null;
    }

    private static IResult MonthError() => Invalid.Field("month", "Måneden må skrives som ÅÅÅÅ-MM, for eksempel 2026-10.").ToHttp();

    private static IResult Created(Result<RegisterHours.Created> result, string location)
        => !result.IsSuccess ? result.Error!.ToHttp() : result.Value!.AlreadyExisted ? Results.Ok(result.Value) : Results.Created(location, result.Value);

    private static IResult Output<T>(T report, string? format, Func<T, ReportTable> table, string fileName) => format?.ToLowerInvariant() switch
    {
        null or "" or "json" => Results.Ok(report),
        "csv" => Results.File(ReportFiles.Csv(table(report)), ReportFiles.CsvType, fileName + ".csv"),
        "xlsx" => Results.File(ReportFiles.Xlsx(table(report)), ReportFiles.XlsxType, fileName + ".xlsx"),
        _ => Invalid.Field("format", "Formatet må være json, csv eller xlsx.").ToHttp(),
    };
}
