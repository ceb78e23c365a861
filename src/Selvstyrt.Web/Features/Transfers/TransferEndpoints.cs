using NodaTime.Text;
using Selvstyrt.Domain.Common;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Transfers;

/// <summary>Moving an arrangement between providers: the bundle out, the bundle in, and the arrangements taken over.</summary>
public static class TransferEndpoints
{
    /// <summary>
    /// The largest bundle file taken in (five years of a large arrangement's time sheets as appendix 2 are about 50 MB). The
    /// server holds every other request to 10 MB; <see cref="IsUpload"/> names the two that may send this much.
    /// </summary>
    public const long MaxUpload = 100L * 1024 * 1024;

    /// <summary>A bundle upload: the API's and the page's form.</summary>
    public static bool IsUpload(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsPost(request.Method)
            && (request.Path.Equals("/api/v1/arrangement-bundles", StringComparison.OrdinalIgnoreCase) || request.Path.Equals("/organisasjon/overta-ordning", StringComparison.OrdinalIgnoreCase));
    }

    public sealed record ImportedResponse(Guid ArrangementId, string Name, int Rows, IReadOnlyList<string> NewAccounts, bool AlreadyImported);

    public sealed record BundleUpload(IFormFile File, Guid OfficeId, string FirstDay, Guid? ProviderId);

    public static void AddServices(IServiceCollection services) => services.AddScoped<Transfers>();

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/arrangements/{id:guid}/bundle", (Guid id, Transfers transfers, CancellationToken ct) => DownloadAsync(id, transfers, ct))
            .WithName("ExportArrangementBundle")
            .WithSummary("Ordningspakken: ordningen med historikk som ZIP (arrangement.json etter skjemaet, dokumentene og lesbare PDF-er), for flytting til en annen leverandør (administrator)")
            .Downloads("application/zip");
        api.MapPost("/arrangement-bundles", ImportAsync)
            .WithName("ImportArrangementBundle")
            .WithSummary("Ta inn en ordningspakke fra en annen leverandør (multipart: file, officeId, firstDay den første i en måned, providerId); samme fil to ganger gir det samme svaret")
            .Uploads<BundleUpload>().Produces<ImportedResponse>().Produces<ImportedResponse>(StatusCodes.Status201Created);
        api.MapGet("/arrangement-bundles", async (Transfers transfers, CancellationToken ct) => Results.Ok(await transfers.ReceivedAsync(ct)))
            .WithName("ListReceivedArrangements")
            .WithSummary("Ordningene leverandøren har tatt over fra andre leverandører, nyeste først")
            .Produces<List<Transfers.Received>>();
    }

    public static void MapPages(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/ordninger/{id:guid}/ordningspakke.zip", (Guid id, Transfers transfers, CancellationToken ct) => DownloadAsync(id, transfers, ct))
            .RequireAuthorization();
    }

    private static async Task<IResult> DownloadAsync(Guid id, Transfers transfers, CancellationToken ct)
    {
        var result = await transfers.ExportAsync(id, ct);
        return result.IsSuccess ? Results.File(result.Value!.Content, "application/zip", result.Value.FileName) : result.Error!.ToHttp();
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, Transfers transfers, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return Results.Problem(title: "Innholdstypen støttes ikke", detail: "Send pakken som multipart/form-data i feltet «file».", statusCode: StatusCodes.Status415UnsupportedMediaType);
        var form = await request.ReadFormAsync(ct);
        var errors = new Dictionary<string, string>();
        var file = form.Files.GetFile("file");
        if (file is { Length: > MaxUpload }) errors["file"] = "Pakken er større enn 100 MB og kan ikke tas inn her.";
        Guid? office = null, provider = null;
        if (form.TryGetValue("officeId", out var officeText) && !string.IsNullOrWhiteSpace(officeText))
        {
            if (Guid.TryParse(officeText, out var parsed)) office = parsed;
            else errors["officeId"] = "officeId må være en gyldig id.";
        }
        if (form.TryGetValue("providerId", out var providerText) && !string.IsNullOrWhiteSpace(providerText))
        {
            if (Guid.TryParse(providerText, out var parsed)) provider = parsed;
            else errors["providerId"] = "providerId må være en gyldig id.";
        }
        NodaTime.LocalDate? firstDay = null;
        if (form.TryGetValue("firstDay", out var dayText) && !string.IsNullOrWhiteSpace(dayText))
        {
            var parsed = LocalDatePattern.Iso.Parse(dayText.ToString());
            if (parsed.Success) firstDay = parsed.Value;
            else errors["firstDay"] = "firstDay må være en dato som 2027-01-01.";
        }
        if (errors.Count > 0) return new Invalid(errors).ToHttp();
        byte[]? bytes = null;
        if (file is not null)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        var result = await transfers.ImportAsync(bytes, provider, office, firstDay, ct);
        if (!result.IsSuccess) return result.Error!.ToHttp();
        var done = result.Value!;
        var body = new ImportedResponse(done.ArrangementId, done.Name, done.Rows, done.NewAccounts, done.AlreadyImported);
        return done.AlreadyImported ? Results.Ok(body) : Results.Created($"/api/v1/arrangements/{done.ArrangementId}", body);
    }
}
