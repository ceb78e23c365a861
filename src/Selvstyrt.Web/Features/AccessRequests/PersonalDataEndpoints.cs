using Selvstyrt.Domain.Common;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.AccessRequests;

/// <summary>Access requests: a person's own data, and an assistant's for those who manage them, as a ZIP with JSON and a Norwegian PDF.</summary>
public static class PersonalDataEndpoints
{
    public static void AddServices(IServiceCollection services) => services.AddScoped<PersonalData>();

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/me/personal-data", async (PersonalData data, CancellationToken ct) => File(await data.MineAsync(ct)))
            .WithName("ReadMyPersonalData")
            .WithSummary("Innsyn: alle opplysningene Selvstyrt har om deg, som ZIP med personopplysninger.json og innsyn.pdf (personvernforordningen artikkel 15)")
            .Downloads("application/zip");
        api.MapGet("/assistants/{id:guid}/personal-data", async (Guid id, PersonalData data, CancellationToken ct) => File(await data.ForAssistantAsync(id, ct)))
            .WithName("ReadAssistantPersonalData")
            .WithSummary("Innsyn for en assistent som ber om det: alle opplysningene om assistenten (og kontoen), som ZIP med JSON og PDF (administrator eller kontorets koordinator)")
            .Downloads("application/zip");
    }

    public static void MapPages(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/konto/mine-opplysninger.zip", async (PersonalData data, CancellationToken ct) => File(await data.MineAsync(ct))).RequireAuthorization();
        app.MapGet("/assistenter/{id:guid}/innsyn.zip", async (Guid id, PersonalData data, CancellationToken ct) => File(await data.ForAssistantAsync(id, ct))).RequireAuthorization();
    }

    private static IResult File(Result<PersonalData.Download> result) =>
        result.IsSuccess ? Results.File(result.Value!.Content, "application/zip", result.Value.FileName) : result.Error!.ToHttp();
}
