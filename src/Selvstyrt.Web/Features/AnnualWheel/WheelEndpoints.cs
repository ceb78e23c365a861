using NodaTime;
using Selvstyrt.Domain.Quality;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.AnnualWheel;

/// <summary>The annual wheel under <c>/api/v1/annual-wheel</c> and <c>/api/v1/arrangements/{id}/annual-wheel</c>. Adding an own task takes an <c>Idempotency-Key</c>.</summary>
public static class WheelEndpoints
{
    public sealed record TaskBody(string? Title, string? Why, LocalDate? DueOn);

    public sealed record DoneBody(string? Note);

    public sealed record GenerateBody(int? Year);

    public sealed record TaskDto(Guid Id, WheelTaskKind Kind, string Title, string Why, LocalDate DueOn, int Period, LocalDate? DoneOn, string? DoneBy, string Note, bool Overdue);

    public sealed record WheelDto(Guid ArrangementId, string Name, int Year, IReadOnlyList<TaskDto> Tasks, bool CanEdit);

    public static void AddServices(IServiceCollection services) => services.AddScoped<WheelRecords>();

    /// <summary>How many tasks the year's wheel got.</summary>
    public sealed record GeneratedWheel(int Created);

    /// <summary>The year's wheel for each arrangement the caller leads or follows up.</summary>
    public sealed record WheelOverview(int Year, IReadOnlyList<WheelLine> Arrangements);

    /// <summary>One arrangement's wheel: tasks done and overdue, per period, and the next task.</summary>
    public sealed record WheelLine(Guid ArrangementId, string Name, string Office, int Tasks, int Done, int Overdue, IReadOnlyList<PeriodCount> Periods, NextTask? Next);

    /// <summary>Tasks done of all in a period.</summary>
    public sealed record PeriodCount(int Done, int All);

    /// <summary>The next task due.</summary>
    public sealed record NextTask(Guid Id, string Title, LocalDate DueOn);

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        const string One = "/arrangements/{arrangementId:guid}/annual-wheel";
        api.MapGet("/annual-wheel", async (int? year, WheelRecords records, Auth.CurrentUser user, CancellationToken ct) =>
                Results.Ok(new WheelOverview(year ?? user.Today.Year, [.. (await records.OverviewAsync(year ?? user.Today.Year, ct)).Select(l => new WheelLine(
                    l.ArrangementId, l.Name, l.Office, l.Tasks, l.Done, l.Overdue, [.. l.Periods.Select(p => new PeriodCount(p.Done, p.All))],
                    l.Next is { } n ? new NextTask(n.Id, n.Title, n.DueOn) : null))])))
            .WithName("AnnualWheelOverview").WithSummary("Årets årshjul for ordningene du leder eller har ansvar for: gjort, forsinket og per periode")
            .Produces<WheelOverview>();
        api.MapGet(One, async (Guid arrangementId, int? year, WheelRecords records, Auth.CurrentUser user, CancellationToken ct) =>
            {
                var result = await records.GetAsync(arrangementId, year ?? user.Today.Year, ct);
                if (!result.IsSuccess) return result.Error!.ToHttp();
                var w = result.Value!;
                return Results.Ok(new WheelDto(w.ArrangementId, w.Name, w.Year, [.. w.Tasks.Select(t => Dto(t, user.Today))], w.CanEdit));
            })
            .WithName("GetAnnualWheel").WithSummary("Ordningens årshjul for et år (standard i år), sortert etter frist")
            .Produces<WheelDto>();
        api.MapPost(One + "/generate", async (Guid arrangementId, HttpRequest request, WheelRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<GenerateBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await records.GenerateAsync(arrangementId, body.Value!.Year, ct);
                return result.IsSuccess ? Results.Ok(new GeneratedWheel(result.Value)) : result.Error!.ToHttp();
            })
            .WithName("GenerateAnnualWheel").WithSummary("Lag årets oppgaver fra årshjulet (vedlegg 6); de som finnes, beholdes").Accepts<GenerateBody>("application/json")
            .Produces<GeneratedWheel>();
        api.MapPost(One + "/tasks", async (Guid arrangementId, HttpRequest request, WheelRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<TaskBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                return Creates.Answer(await records.AddAsync(arrangementId, b.Title, b.Why, b.DueOn, Creates.Key(request), ct), $"/api/v1/arrangements/{arrangementId}/annual-wheel");
            })
            .WithName("AddAnnualWheelTask").WithSummary("Legg til en egen oppgave i årshjulet (Idempotency-Key anbefales)").Accepts<TaskBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapPost(One + "/tasks/{taskId:guid}/done", async (Guid arrangementId, Guid taskId, HttpRequest request, WheelRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<DoneBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                return Changes.Answer(await records.CompleteAsync(arrangementId, taskId, body.Value!.Note, ct));
            })
            .WithName("CompleteAnnualWheelTask").WithSummary("Merk oppgaven som gjort, med en merknad").Accepts<DoneBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapDelete(One + "/tasks/{taskId:guid}/done", async (Guid arrangementId, Guid taskId, WheelRecords records, CancellationToken ct)
                => Changes.Answer(await records.ReopenAsync(arrangementId, taskId, ct)))
            .WithName("ReopenAnnualWheelTask").WithSummary("Åpne en oppgave som ble merket som gjort ved en feil")
            .Produces<ApiContract.RecordId>();
        api.MapDelete(One + "/tasks/{taskId:guid}", async (Guid arrangementId, Guid taskId, WheelRecords records, CancellationToken ct)
                => Changes.Answer(await records.RemoveAsync(arrangementId, taskId, ct)))
            .WithName("RemoveAnnualWheelTask").WithSummary("Fjern en egen oppgave (årshjulets egne oppgaver merkes som gjort i stedet)")
            .Produces<ApiContract.RecordId>();
    }

    public static TaskDto Dto(WheelTask t, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Id, t.Kind, t.Title, t.Why, t.DueOn, t.Period, t.DoneOn, t.DoneBy, t.Note, t.Overdue(today));
    }
}
