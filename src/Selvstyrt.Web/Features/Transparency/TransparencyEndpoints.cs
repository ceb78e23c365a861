using NodaTime;
using Selvstyrt.Domain.Quality;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Transparency;

/// <summary>The Transparency Act under <c>/api/v1/transparency</c>. Creates (a supplier, a request) take an <c>Idempotency-Key</c>.</summary>
public static class TransparencyEndpoints
{
    public sealed record SupplierBody(string? Name, string? OrganisationNumber, string? Supplies, string? Country);

    public sealed record AssessmentBody(int? Year, SupplierRisk? Risk, string? Findings, string? Measures);

    public sealed record EndBody(LocalDate? EndedOn);

    public sealed record RequestBody(LocalDate? ReceivedOn, string? FromName, string? Question);

    public sealed record AnswerBody(string? Answer, bool? Refused);

    public sealed record StatementBody(string? Organisation, string? Routines);

    public sealed record ApprovalBody(LocalDate? BoardApprovedOn, string? BoardSignatories);

    public sealed record AssessedDto(Guid SupplierId, string Supplier, string Supplies, string Country, SupplierRisk Risk, string Findings, string Measures, LocalDate AssessedOn);

    public sealed record StatementDto(int Year, string Provider, LocalDate DueOn, string Organisation, string Routines, LocalDate? BoardApprovedOn, string BoardSignatories,
        string Summary, IReadOnlyList<AssessedDto> Assessments, int Requests, int AnsweredOnTime, int Refused);

    public static void AddServices(IServiceCollection services) => services.AddScoped<TransparencyRecords>();

    public static StatementDto Dto(TransparencyRecords.StatementView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(v.Year, v.Provider, v.DueOn, v.Statement?.Organisation ?? "", v.Statement?.Routines ?? "", v.Statement?.BoardApprovedOn, v.Statement?.BoardSignatories ?? "",
            StatementPdf.Summary(v), [.. v.Assessed.Select(p => new AssessedDto(p.Supplier.Id, p.Supplier.Name, p.Supplier.Supplies, p.Supplier.Country, p.Assessment.Risk,
                p.Assessment.Findings, p.Assessment.Measures, p.Assessment.AssessedOn))], v.Requests, v.AnsweredOnTime, v.Refused);
    }

    /// <summary>The supplier register, the requests for information and the statements (åpenhetsloven), and whether the caller may write.</summary>
    public sealed record TransparencyView(string Provider, bool CanWrite, IReadOnlyList<SupplierItem> Suppliers, IReadOnlyList<RequestItem> Requests,
        IReadOnlyList<StatementItem> Statements);

    /// <summary>A supplier in the register with its assessments.</summary>
    public sealed record SupplierItem(Guid Id, string Name, string OrganisationNumber, string Supplies, string Country, LocalDate? EndedOn,
        IReadOnlyList<Domain.Quality.SupplierAssessment> Assessments);

    /// <summary>A request for information, its deadline and answer.</summary>
    public sealed record RequestItem(Guid Id, LocalDate ReceivedOn, string FromName, string Question, LocalDate DueOn, LocalDate? AnsweredOn, string Answer,
        bool Refused, bool? OnTime);

    /// <summary>A year's statement: when it is due and when the board approved it.</summary>
    public sealed record StatementItem(int Year, LocalDate DueOn, LocalDate? BoardApprovedOn);

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        const string Root = "/transparency";
        api.MapGet(Root, async (TransparencyRecords records, CancellationToken ct) =>
            {
                var result = await records.OverviewAsync(ct);
                if (!result.IsSuccess) return result.Error!.ToHttp();
                var o = result.Value!;
                return Results.Ok(new TransparencyView(o.Provider, o.CanWrite,
                    [.. o.Suppliers.Select(s => new SupplierItem(s.Id, s.Name, s.OrganisationNumber, s.Supplies, s.Country, s.EndedOn, s.Assessments))],
                    [.. o.Requests.Select(r => new RequestItem(r.Id, r.ReceivedOn, r.FromName, r.Question, r.DueOn, r.AnsweredOn, r.Answer, r.Refused, r.OnTime))],
                    [.. o.Statements.Select(s => new StatementItem(s.Year, s.DueOn, s.BoardApprovedOn))]));
            })
            .WithName("TransparencyOverview").WithSummary("Leverandørregisteret, kravene om informasjon og redegjørelsene (åpenhetsloven)")
            .Produces<TransparencyView>();
        api.MapPost(Root + "/suppliers", async (HttpRequest request, TransparencyRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<SupplierBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                return Creates.Answer(await records.RegisterSupplierAsync(new(b.Name, b.OrganisationNumber, b.Supplies, b.Country), Creates.Key(request), ct), "/api/v1/transparency");
            })
            .WithName("RegisterSupplier").WithSummary("Før opp en leverandør eller forretningspartner (Idempotency-Key anbefales)").Accepts<SupplierBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapPost(Root + "/suppliers/{supplierId:guid}/assessments", async (Guid supplierId, HttpRequest request, TransparencyRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<AssessmentBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                return Changes.Answer(await records.AssessAsync(supplierId, new(b.Year, b.Risk, b.Findings, b.Measures), ct));
            })
            .WithName("AssessSupplier").WithSummary("Årets aktsomhetsvurdering av leverandøren (en ny for samme år erstatter den forrige)").Accepts<AssessmentBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPost(Root + "/suppliers/{supplierId:guid}/end", async (Guid supplierId, HttpRequest request, TransparencyRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<EndBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                return Changes.Answer(await records.EndSupplierAsync(supplierId, body.Value!.EndedOn, ct));
            })
            .WithName("EndSupplier").WithSummary("Samarbeidet med leverandøren er avsluttet").Accepts<EndBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPost(Root + "/requests", async (HttpRequest request, TransparencyRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<RequestBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                return Creates.Answer(await records.ReceiveRequestAsync(new(b.ReceivedOn, b.FromName, b.Question), Creates.Key(request), ct), "/api/v1/transparency");
            })
            .WithName("ReceiveInformationRequest").WithSummary("Før et krav om informasjon (svarfrist tre uker; Idempotency-Key anbefales)").Accepts<RequestBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapPost(Root + "/requests/{requestId:guid}/answer", async (Guid requestId, HttpRequest request, TransparencyRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<AnswerBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                return Changes.Answer(await records.AnswerRequestAsync(requestId, body.Value!.Answer, body.Value.Refused ?? false, ct));
            })
            .WithName("AnswerInformationRequest").WithSummary("Det skriftlige svaret, eller avslag med begrunnelse (åpenhetsloven § 7)").Accepts<AnswerBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapGet(Root + "/statements/{year:int}", async (int year, TransparencyRecords records, CancellationToken ct) =>
            {
                var result = await records.StatementAsync(year, ct);
                return result.IsSuccess ? Results.Ok(Dto(result.Value!)) : result.Error!.ToHttp();
            })
            .WithName("GetTransparencyStatement").WithSummary("Årets redegjørelse slik den lyder, med aktsomhetsvurderingene fra registeret")
            .Produces<StatementDto>();
        api.MapGet(Root + "/statements/{year:int}/pdf", async (int year, TransparencyRecords records, CancellationToken ct) =>
            {
                var result = await records.StatementAsync(year, ct);
                return result.IsSuccess ? Results.File(StatementPdf.Write(result.Value!), "application/pdf", $"redegjorelse-apenhetsloven-{year}.pdf") : result.Error!.ToHttp();
            })
            .WithName("TransparencyStatementPdf").WithSummary("Redegjørelsen som PDF")
            .Downloads(ApiContract.Pdf);
        api.MapPut(Root + "/statements/{year:int}", async (int year, HttpRequest request, TransparencyRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<StatementBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                return Changes.Answer(await records.WriteStatementAsync(year, body.Value!.Organisation, body.Value.Routines, ct));
            })
            .WithName("WriteTransparencyStatement").WithSummary("Virksomhetens egne deler av redegjørelsen; en endring etter styrets godkjenning må godkjennes på nytt")
            .Accepts<StatementBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPost(Root + "/statements/{year:int}/approve", async (int year, HttpRequest request, TransparencyRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<ApprovalBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                return Changes.Answer(await records.ApproveStatementAsync(year, body.Value!.BoardApprovedOn, body.Value.BoardSignatories, ct));
            })
            .WithName("ApproveTransparencyStatement").WithSummary("Styrets godkjenning og hvem som signerte").Accepts<ApprovalBody>("application/json")
            .Produces<ApiContract.RecordId>();
    }
}
