using Microsoft.Extensions.Localization;
using NodaTime;
using NodaTime.Text;
using Selvstyrt.Domain.Common;
using Selvstyrt.Web.Http;
using Selvstyrt.Web.Resources;

namespace Selvstyrt.Web.Features.Reports;

/// <summary>The municipality's reports under <c>/api/v1</c>: the NS 8435 month, the invoice basis and resource-intensive services, as JSON, CSV or Excel.</summary>
public static class ReportEndpoints
{
    public static void AddServices(IServiceCollection services) => services.AddScoped<MunicipalityReports>();

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/municipalities/{id:guid}/reports/{month}", async (Guid id, string month, string? format, MunicipalityReports reports, IStringLocalizer<Texts> t, CancellationToken ct) =>
            {
                if (ParseMonth(month) is not { } m) return MonthError();
                var result = await reports.MonthlyAsync(id, m, ct);
                return result.IsSuccess ? Output(result.Value!, format, r => ReportTables.Monthly(r, t), $"timerapport-{result.Value!.MunicipalityNumber}-{month}") : result.Error!.ToHttp();
            })
            .WithName("MunicipalityMonthlyReport").WithSummary("NS8435-rapporten for en måned (format=json|csv|xlsx)")
            .Downloads(ApiContract.Csv, ApiContract.Xlsx)
            .Produces<MunicipalityReports.MonthlyReport>();
        api.MapGet("/municipalities/{id:guid}/invoice-basis/{month}", async (Guid id, string month, string? format, MunicipalityReports reports, IStringLocalizer<Texts> t, CancellationToken ct) =>
            {
                if (ParseMonth(month) is not { } m) return MonthError();
                var result = await reports.InvoiceAsync(id, m, ct);
                return result.IsSuccess ? Output(result.Value!, format, r => ReportTables.Invoice(r, t), $"fakturagrunnlag-{month}") : result.Error!.ToHttp();
            })
            .WithName("MunicipalityInvoiceBasis").WithSummary("Fakturagrunnlag for en måned: leverte timer × timepris (format=json|csv|xlsx)")
            .Downloads(ApiContract.Csv, ApiContract.Xlsx)
            .Produces<MunicipalityReports.InvoiceBasis>();
        api.MapGet("/municipalities/{id:guid}/resource-intensive/{year:int}", async (Guid id, int year, string? format, MunicipalityReports reports, IStringLocalizer<Texts> t, CancellationToken ct) =>
            {
                if (year is < 2000 or > 2100) return Invalid.Field("year", "Året må være mellom 2000 og 2100.").ToHttp();
                var result = await reports.ResourceIntensiveAsync(id, year, ct);
                return result.IsSuccess ? Output(result.Value!, format, r => ReportTables.Resource(r, t), $"ressurskrevende-{year}") : result.Error!.ToHttp();
            })
            .WithName("MunicipalityResourceIntensive").WithSummary("Grunnlag for ressurskrevende tjenester per år, mottakere under 67 (format=json|csv|xlsx)")
            .Downloads(ApiContract.Csv, ApiContract.Xlsx)
            .Produces<MunicipalityReports.ResourceReport>();
    }

    public static YearMonth? ParseMonth(string? text)
    {
        var parsed = YearMonthPattern.Iso.Parse(text ?? "");
        return parsed.Success && parsed.Value.Year is >= 2000 and <= 2100 ? parsed.Value : null;
    }

    private static IResult MonthError() => Invalid.Field("month", "Måneden må skrives som ÅÅÅÅ-MM, for eksempel 2026-10.").ToHttp();

    private static IResult Output<T>(T report, string? format, Func<T, ReportTable> table, string fileName) => format?.ToLowerInvariant() switch
    {
        null or "" or "json" => Results.Ok(report),
        "csv" => Results.File(ReportFiles.Csv(table(report)), ReportFiles.CsvType, fileName + ".csv"),
        "xlsx" => Results.File(ReportFiles.Xlsx(table(report)), ReportFiles.XlsxType, fileName + ".xlsx"),
        _ => Invalid.Field("format", "Formatet må være json, csv eller xlsx.").ToHttp(),
    };
}
