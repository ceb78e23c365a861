using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Quality;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Incidents;

/// <summary>Incidents under <c>/api/v1/incidents</c>. Creates (the report, a measure) take an <c>Idempotency-Key</c>.</summary>
public static class IncidentEndpoints
{
    public sealed record ReportBody(Guid? ArrangementId, Guid? OfficeId, IncidentKind? Kind, IncidentSeverity? Severity, Instant? OccurredAt, string? Place,
        string? WhatHappened, string? ImmediateAction, bool? Anonymous);

    public sealed record FollowUpBody(Guid? ResponsibleUserId, string? Cause, IncidentKind? Kind, IncidentSeverity? Severity);

    public sealed record MeasureBody(string? Text, string? Owner, LocalDate? DueOn);

    public sealed record EscalateBody(string? Note);

    public sealed record NoticeBody(Authority? Authority, Instant? NotifiedAt, string? Reference, string? NotRequiredReason);

    public sealed record CloseBody(string? Evaluation);

    public sealed record DutyDto(Authority Authority, string Law, Instant? Due, DutyState State, Instant? NotifiedAt, string? Reference, string? NotRequiredReason);

    public sealed record IncidentDto(Guid Id, Guid? ArrangementId, Guid OfficeId, string Where, IncidentKind Kind, IncidentSeverity Severity, IncidentStatus Status,
        Instant OccurredAt, string Place, string WhatHappened, string ImmediateAction, bool Anonymous, string? ReportedBy, Instant ReportedAt, string? Responsible,
        string Cause, IReadOnlyList<IncidentMeasure> Measures, Instant? EscalatedAt, string? EscalationNote, IReadOnlyList<DutyDto> Duties, Instant? ClosedAt,
        string Evaluation, bool CanFollowUp, bool CanNotify, IReadOnlyList<IncidentRecords.Person> Responsibles);

    public static void AddServices(IServiceCollection services) => services.AddScoped<IncidentRecords>();

    public static IncidentDto Dto(IncidentRecords.View v, Instant now)
    {
        ArgumentNullException.ThrowIfNull(v);
        var i = v.Incident;
        return new(i.Id, i.ArrangementId, i.OfficeId, v.Where, i.Kind, i.Severity, i.Status, i.OccurredAt, i.Place, i.WhatHappened, i.ImmediateAction, i.Anonymous,
            v.Reporter, i.ReportedAt, i.ResponsibleName, i.Cause, i.Measures, i.EscalatedAt, i.EscalationNote,
            [.. i.Duties.Select(d => new DutyDto(d.Authority, d.Law, d.Due, d.StateAt(now), d.Notice?.NotifiedAt, d.Notice?.Reference, d.Notice?.NotRequiredReason))],
            i.ClosedAt, i.Evaluation, v.CanFollowUp, v.CanNotify, v.Responsibles);
    }

    /// <summary>The incidents the caller may read.</summary>
    public sealed record IncidentList(IReadOnlyList<IncidentRecords.Row> Incidents);

    /// <summary>Where the caller may report an incident.</summary>
    public sealed record PlaceList(IReadOnlyList<IncidentRecords.Place> Places);

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/incidents", async (bool? open, Guid? arrangementId, IncidentRecords records, CancellationToken ct)
                => Results.Ok(new IncidentList(await records.ListAsync(open ?? false, arrangementId, ct))))
            .WithName("ListIncidents").WithSummary("Avvikene du kan lese (dine egne meldinger og dem du følger opp), nyeste først; «open=true» gir bare åpne")
            .Produces<IncidentList>();
        api.MapGet("/incidents/places", async (IncidentRecords records, CancellationToken ct) => Results.Ok(new PlaceList(await records.PlacesAsync(ct))))
            .WithName("IncidentPlaces").WithSummary("Ordningene (og kontorene) du kan melde avvik i")
            .Produces<PlaceList>();
        api.MapGet("/incidents/statistics", async (int? year, IncidentRecords records, CurrentUser user, CancellationToken ct) =>
            {
                var y = year ?? user.Today.Year;
                if (y < 2000 || y > user.Today.Year) return Invalid.Field("year", $"Året må være mellom 2000 og {user.Today.Year}.").ToHttp();
                return Results.Ok(await records.StatisticsAsync(y, ct));
            })
            .WithName("IncidentStatistics").WithSummary("Avvik per type, ordning og kontor i året og året før, for det du følger opp")
            .Produces<IncidentRecords.Statistics>();
        api.MapPost("/incidents", async (HttpRequest request, IncidentRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<ReportBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var result = await records.ReportAsync(new(b.ArrangementId, b.OfficeId, b.Kind, b.Severity, b.OccurredAt, b.Place, b.WhatHappened, b.ImmediateAction,
                    b.Anonymous ?? false), Creates.Key(request), ct);
                return Creates.Answer(result, result.IsSuccess ? $"/api/v1/incidents/{result.Value.Id}" : "");
            })
            .WithName("ReportIncident").WithSummary("Meld et avvik i en ordning eller på kontoret (Idempotency-Key anbefales)").Accepts<ReportBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapGet("/incidents/{incidentId:guid}", async (Guid incidentId, IncidentRecords records, CurrentUser user, CancellationToken ct) =>
            {
                var result = await records.GetAsync(incidentId, ct);
                return result.IsSuccess ? Results.Ok(Dto(result.Value!, user.Now)) : result.Error!.ToHttp();
            })
            .WithName("GetIncident").WithSummary("Avviket med oppfølging, tiltak, varslingsplikter og frister")
            .Produces<IncidentDto>();
        api.MapPut("/incidents/{incidentId:guid}/follow-up", async (Guid incidentId, HttpRequest request, IncidentRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<FollowUpBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                return Changes.Answer(await records.FollowUpAsync(incidentId, b.ResponsibleUserId, b.Cause, b.Kind, b.Severity, ct));
            })
            .WithName("FollowUpIncident").WithSummary("Hvem som har ansvaret, årsaken, og eventuelt rettet type og alvorlighet").Accepts<FollowUpBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPost("/incidents/{incidentId:guid}/measures", async (Guid incidentId, HttpRequest request, IncidentRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<MeasureBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var result = await records.AddMeasureAsync(incidentId, new(b.Text, b.Owner, b.DueOn), Creates.Key(request), ct);
                return Creates.Answer(result, $"/api/v1/incidents/{incidentId}");
            })
            .WithName("AddIncidentMeasure").WithSummary("Et tiltak med hvem som gjør det og frist (Idempotency-Key anbefales)").Accepts<MeasureBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapPost("/incidents/{incidentId:guid}/measures/{measureId:guid}/done", async (Guid incidentId, Guid measureId, IncidentRecords records, CancellationToken ct)
                => Changes.Answer(await records.CompleteMeasureAsync(incidentId, measureId, ct)))
            .WithName("CompleteIncidentMeasure").WithSummary("Tiltaket er gjennomført i dag")
            .Produces<ApiContract.RecordId>();
        api.MapPost("/incidents/{incidentId:guid}/escalate", async (Guid incidentId, HttpRequest request, IncidentRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<EscalateBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                return Changes.Answer(await records.EscalateAsync(incidentId, body.Value!.Note, ct));
            })
            .WithName("EscalateIncident").WithSummary("Meld avviket videre til kontoret, med hva kontoret bes om").Accepts<EscalateBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPost("/incidents/{incidentId:guid}/notices", async (Guid incidentId, HttpRequest request, IncidentRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<NoticeBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                return Changes.Answer(await records.RecordNoticeAsync(incidentId, new(b.Authority, b.NotifiedAt, b.Reference, b.NotRequiredReason), ct));
            })
            .WithName("RecordIncidentNotice").WithSummary("Arbeidsgiveren registrerer varsel til en myndighet (eller hvorfor Datatilsynet ikke varsles)")
            .Accepts<NoticeBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPost("/incidents/{incidentId:guid}/close", async (Guid incidentId, HttpRequest request, IncidentRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<CloseBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                return Changes.Answer(await records.CloseAsync(incidentId, body.Value!.Evaluation, ct));
            })
            .WithName("CloseIncident").WithSummary("Lukk avviket med evalueringen, når tiltak og varsler er på plass").Accepts<CloseBody>("application/json")
            .Produces<ApiContract.RecordId>();
    }
}
