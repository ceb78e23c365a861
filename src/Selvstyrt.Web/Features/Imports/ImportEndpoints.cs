using System.Text;
using System.Text.Json;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Imports;

public static class ImportEndpoints
{
    public static void AddServices(IServiceCollection services) => services.AddScoped<Imports>();

    /// <summary>The answer of <c>POST /api/v1/assistant-imports</c>: what the file gives (or gave, when applied).</summary>
    public sealed record ImportResponse(bool Applied, int Rows, int New, int Changed, int Unchanged, IReadOnlyDictionary<string, string> Mapping, IReadOnlyList<ImportIssue> Issues);

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/assistant-imports", (HttpRequest request, Imports imports, CancellationToken ct) => RunAsync(ImportKind.Assistants, request, imports, ct))
            .WithName("ImportAssistants")
            .WithSummary("Forhåndsvis eller importer assistenter fra CSV eller Excel (multipart: file, mapping, commit)")
            .Uploads<ApiContract.ImportUpload>().Produces<ImportResponse>();
        api.MapPost("/arrangement-imports", (HttpRequest request, Imports imports, CancellationToken ct) => RunAsync(ImportKind.Arrangements, request, imports, ct))
            .WithName("ImportArrangements")
            .WithSummary("Forhåndsvis eller importer ordninger med tjenestemottakere fra CSV eller Excel (multipart: file, mapping, commit)")
            .Uploads<ApiContract.ImportUpload>().Produces<ImportResponse>();
    }

    /// <summary>The API's one call for either kind: read the multipart form, then preview or import.</summary>
    private static async Task<IResult> RunAsync(ImportKind kind, HttpRequest request, Imports imports, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return Results.Problem(title: "Innholdstypen støttes ikke", detail: "Send filen som multipart/form-data i feltet «file».", statusCode: StatusCodes.Status415UnsupportedMediaType);
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        if (file is null) return new Domain.Common.Invalid(new Dictionary<string, string> { ["file"] = "Legg ved filen i feltet «file» (CSV eller .xlsx)." }).ToHttp();
        if (file.Length > ImportTable.MaxBytes) return Domain.Common.Invalid.Field("file", "Filen er større enn 5 MB. Del den opp og importer delene hver for seg.").ToHttp();
        Dictionary<string, string>? mapping = null;
        if (form.TryGetValue("mapping", out var mappingText) && !string.IsNullOrWhiteSpace(mappingText))
        {
            try
            {
                mapping = JsonSerializer.Deserialize<Dictionary<string, string>>(mappingText.ToString());
            }
            catch (JsonException)
            {
                return Domain.Common.Invalid.Field("mapping", "Kolonnevalget må være et JSON-objekt fra felt til kolonnenavn, for eksempel {\"employeeNumber\":\"Ansattnr\"}.").ToHttp();
            }
        }
        Guid? providerId = null;
        if (form.TryGetValue("providerId", out var providerText) && !string.IsNullOrWhiteSpace(providerText))
        {
            if (!Guid.TryParse(providerText, out var parsed)) return Domain.Common.Invalid.Field("providerId", "providerId må være en gyldig id.").ToHttp();
            providerId = parsed;
        }
        var commit = form.TryGetValue("commit", out var commitText) && string.Equals(commitText, "true", StringComparison.OrdinalIgnoreCase);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var result = await imports.RunFileAsync(kind, buffer.ToArray(), file.FileName, mapping, providerId, commit, ct);
        if (!result.IsSuccess) return result.Error!.ToHttp();
        var (report, applied, used) = result.Value!;
        if (commit && !report.Clean) return Imports.AsInvalid(report).ToHttp();
        return Results.Ok(new ImportResponse(applied, report.Rows, report.New, report.Changed, report.Unchanged, used, report.Issues));
    }

    public static void MapPages(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/assistenter/import/mal.csv", () => Template(AssistantImport.Fields.Where(f => f.Key is not ("firstName" or "lastName")),
                "1001;Kari Nordmann;kari@example.no;91234567;1990-05-17;;fast;;80;2026-01-01;;2026-06-30;2026-01-01;;Ordningen til Ola;", "assistenter-mal.csv"))
            .RequireAuthorization();
        app.MapGet("/ordninger/import/mal.csv", () => Template(ArrangementImport.Fields, "Ola Nordmann;1985-03-14;Ordningen til Ola;0301;;leverandøren;2027-01-01;", "ordninger-mal.csv"))
            .RequireAuthorization();
    }

    /// <summary>A template to fill in: the fields' labels as the header (which the column guess recognises) and one example row, UTF-8 with a BOM for Excel.</summary>
    private static IResult Template(IEnumerable<ImportField> fields, string example, string fileName)
    {
        var header = string.Join(';', fields.Select(f => f.Label));
        return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(header + "\r\n" + example + "\r\n")).ToArray(), "text/csv; charset=utf-8", fileName);
    }
}
