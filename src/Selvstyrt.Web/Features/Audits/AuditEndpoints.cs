using NodaTime;
using Selvstyrt.Domain.Quality;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Audits;

/// <summary>Internal control and audits under <c>/api/v1/audits</c>. Creates (an audit, a finding, a measure) take an <c>Idempotency-Key</c>.</summary>
public static class AuditEndpoints
{
    public sealed record PlanBody(QualityScope? Scope, Guid? ScopeId, string? Title, string? Area, string? Criteria, LocalDate? PlannedOn, string? Lead);

    public sealed record ReplanBody(string? Title, string? Area, string? Criteria, LocalDate? PlannedOn, string? Lead);

    public sealed record ConductBody(LocalDate? ConductedOn, string? Summary);

    public sealed record FindingBody(FindingKind? Kind, string? Description, string? Requirement);

    public sealed record MeasureBody(string? Text, string? Owner, LocalDate? DueOn);

    public sealed record CloseBody(string? Conclusion);

    public sealed record FindingDto(Guid Id, FindingKind Kind, string Description, string Requirement, bool Open, IReadOnlyList<FindingMeasure> Measures);

    public sealed record AuditDto(Guid Id, QualityScope Scope, Guid ScopeId, string Name, string Title, string Area, string Criteria, LocalDate PlannedOn, string Lead,
        AuditStatus Status, LocalDate? ConductedOn, string Summary, LocalDate? ClosedOn, string? ClosedBy, string Conclusion, IReadOnlyList<FindingDto> Findings, bool CanEdit);

    public static void AddServices(IServiceCollection services) => services.AddScoped<AuditRecords>();

    public static AuditDto Dto(AuditRecords.View v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var a = v.Audit;
        return new(a.Id, a.Scope, a.ScopeId, v.Name, a.Title, a.Area, a.Criteria, a.PlannedOn, a.Lead, a.Status, a.ConductedOn, a.Summary, a.ClosedOn, a.ClosedBy, a.Conclusion,
            [.. a.Findings.Select(f => new FindingDto(f.Id, f.Kind, f.Description, f.Requirement, f.Open, [.. f.Measures]))], v.CanEdit);
    }

    /// <summary>A year's audit plan.</summary>
    public sealed record AuditPlan(int Year, IReadOnlyList<AuditRecords.Row> Audits);

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        const string One = "/audits/{auditId:guid}";
        api.MapGet("/audits", async (int? year, AuditRecords records, Auth.CurrentUser user, CancellationToken ct)
                => Results.Ok(new AuditPlan(year ?? user.Today.Year, await records.PlanAsync(year ?? user.Today.Year, ct))))
            .WithName("ListAudits").WithSummary("Årets revisjonsplan: revisjonene du kan lese, planlagt eller holdt i året")
            .Produces<AuditPlan>();
        api.MapGet("/audits/targets", async (AuditRecords records, CancellationToken ct) => Results.Ok(new Quality.QualityTargets.TargetList(await records.TargetsAsync(ct))))
            .WithName("AuditTargets").WithSummary("Administrasjonen, kontorene og ordningene du kan revidere")
            .Produces<Quality.QualityTargets.TargetList>();
        api.MapPost("/audits", async (HttpRequest request, AuditRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<PlanBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var result = await records.PlanAuditAsync(b.Scope, b.ScopeId, new(b.Title, b.Area, b.Criteria, b.PlannedOn, b.Lead), Creates.Key(request), ct);
                return Creates.Answer(result, result.IsSuccess ? $"/api/v1/audits/{result.Value.Id}" : "");
            })
            .WithName("PlanAudit").WithSummary("Planlegg en revisjon (Idempotency-Key anbefales)").Accepts<PlanBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapGet(One, async (Guid auditId, AuditRecords records, CancellationToken ct) =>
            {
                var result = await records.GetAsync(auditId, ct);
                return result.IsSuccess ? Results.Ok(Dto(result.Value!)) : result.Error!.ToHttp();
            })
            .WithName("GetAudit").WithSummary("Revisjonen med funn og tiltak")
            .Produces<AuditDto>();
        api.MapPut(One, async (Guid auditId, HttpRequest request, AuditRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<ReplanBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                return Changes.Answer(await records.ReplanAsync(auditId, new(b.Title, b.Area, b.Criteria, b.PlannedOn, b.Lead), ct));
            })
            .WithName("ReplanAudit").WithSummary("Endre tittel, område, krav, dato eller leder").Accepts<ReplanBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPost(One + "/conducted", async (Guid auditId, HttpRequest request, AuditRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<ConductBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                return Changes.Answer(await records.ConductAsync(auditId, body.Value!.ConductedOn, body.Value.Summary, ct));
            })
            .WithName("ConductAudit").WithSummary("Registrer at revisjonen er holdt, med oppsummering").Accepts<ConductBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPost(One + "/findings", async (Guid auditId, HttpRequest request, AuditRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<FindingBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                return Creates.Answer(await records.AddFindingAsync(auditId, b.Kind, b.Description, b.Requirement, Creates.Key(request), ct), $"/api/v1/audits/{auditId}");
            })
            .WithName("AddAuditFinding").WithSummary("Et funn: avvik (med kravet) eller merknad (Idempotency-Key anbefales)").Accepts<FindingBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapPost(One + "/findings/{findingId:guid}/measures", async (Guid auditId, Guid findingId, HttpRequest request, AuditRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<MeasureBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                return Creates.Answer(await records.AddMeasureAsync(auditId, findingId, b.Text, b.Owner, b.DueOn, Creates.Key(request), ct), $"/api/v1/audits/{auditId}");
            })
            .WithName("AddAuditMeasure").WithSummary("Et tiltak for et funn, med ansvarlig og frist (Idempotency-Key anbefales)").Accepts<MeasureBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapPost(One + "/findings/{findingId:guid}/measures/{measureId:guid}/done", async (Guid auditId, Guid findingId, Guid measureId, AuditRecords records,
                CancellationToken ct) => Changes.Answer(await records.CompleteMeasureAsync(auditId, findingId, measureId, ct)))
            .WithName("CompleteAuditMeasure").WithSummary("Merk tiltaket som gjennomført")
            .Produces<ApiContract.RecordId>();
        api.MapPost(One + "/close", async (Guid auditId, HttpRequest request, AuditRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<CloseBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                return Changes.Answer(await records.CloseAsync(auditId, body.Value!.Conclusion, ct));
            })
            .WithName("CloseAudit").WithSummary("Lukk revisjonen med konklusjon (hvert avvik må ha gjennomført tiltak)").Accepts<CloseBody>("application/json")
            .Produces<ApiContract.RecordId>();
    }
}
