using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.TimeSheets;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.TimeSheets;

/// <summary>The payroll file download (a page endpoint that is not HTML).</summary>
public static class TimeSheetEndpoints
{
    public static void MapPages(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/lonn/eksport/{id:guid}/fil", async (Guid id, PayrollService payroll, CancellationToken ct) =>
            {
                var export = await payroll.FileAsync(id, ct);
                return export is null ? ErrorMapping.NotFoundProblem() : Results.File(export.Content, export.ContentType, export.FileName);
            })
            .RequireAuthorization();
    }
}
