using NodaTime;
using Selvstyrt.Domain.Agreements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Web.Features.Decisions;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Agreements;

/// <summary>
/// Working-time agreements under <c>/api/v1/agreements</c> (issue 18): the legal bases as the batch check names them
/// (<c>AML-10-12-4</c>, <c>AML-10-8-4</c> …), whom they cover, when, their figures and parties, their versions and the
/// signed document. Creates take an <c>Idempotency-Key</c>.
/// </summary>
public static class AgreementEndpoints
{
    /// <summary>An agreement as the API takes it: <c>kind</c> is the code of the batch check, <c>scope</c> is employer, arrangement or assistants.</summary>
    public sealed record Body(
        Guid? ProviderId, string? Kind, string? Name, string? Scope, Guid? ArrangementId, IReadOnlyList<Guid>? Assistants, LocalDate? ValidFrom, LocalDate? ValidTo,
        double? MaxShiftHours, double? MinRestHours, double? CompensatoryRestHours,
        double? AveragingDailyHours, double? AveragingWeeklyHours, int? AveragingOverWeeks, double? AveragingSingleWeekHours, int? AveragingPeriodWeeks,
        string? Union, int? UnionMembers, string? Reference, LocalDate? SignedOn, string? Note)
    {
        /// <summary>A tariff night window for AML-10-11-9, as «HH:mm».</summary>
        public string? NightFrom { get; init; }
        public string? NightTo { get; init; }
    }

    public sealed record EndBody(LocalDate? LastDay, string? Reason);

    private static readonly NodaTime.Text.LocalTimePattern TimePattern = NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<AgreementRecords>();
        services.AddScoped<AgreementBases>();
        services.AddScoped<AgreementReminders>();
    }

    /// <summary>The body as terms, or the field that cannot be read.</summary>
    public static Result<AgreementTerms> Terms(Body b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var kind = b.Kind is { } code ? LegalBasis.FromCode(code.Trim().ToUpperInvariant()) : null;
        if (kind is null) return Invalid.Field("kind", "Velg rettsgrunnlaget: AML-10-12-4, AML-10-8-4, AML-10-5-1, AML-10-5-2, AML-10-5-3, AML-10-6-5, AML-10-6-9, AML-10-8-3, AML-10-11-9 eller ARBEIDSTILSYNET.");
        AgreementScope? scope = b.Scope?.Trim().ToLowerInvariant() switch
        {
            null or "" or "employer" => AgreementScope.Employer,
            "arrangement" => AgreementScope.Arrangement,
            "assistants" => AgreementScope.Assistants,
            _ => null,
        };
        if (scope is null) return Invalid.Field("scope", "Hvem avtalen gjelder for, må være employer, arrangement eller assistants.");
        var nightFrom = Time(b.NightFrom, "nightFrom", "Skriv når natten begynner som tt:mm, for eksempel 20:00.");
        if (!nightFrom.IsSuccess) return nightFrom.Error!;
        var nightTo = Time(b.NightTo, "nightTo", "Skriv når natten slutter som tt:mm, for eksempel 06:00.");
        if (!nightTo.IsSuccess) return nightTo.Error!;
        return new AgreementTerms(kind.Value, b.Name, scope.Value, b.ArrangementId, b.Assistants ?? [], b.ValidFrom, b.ValidTo)
        {
            NightFrom = nightFrom.Value, NightTo = nightTo.Value,
            MaxShiftHours = b.MaxShiftHours, MinRestHours = b.MinRestHours, CompensatoryRestHours = b.CompensatoryRestHours,
            AveragingDailyHours = b.AveragingDailyHours, AveragingWeeklyHours = b.AveragingWeeklyHours, AveragingOverWeeks = b.AveragingOverWeeks,
            AveragingSingleWeekHours = b.AveragingSingleWeekHours, AveragingPeriodWeeks = b.AveragingPeriodWeeks,
            Union = b.Union, UnionMembers = b.UnionMembers, Reference = b.Reference, SignedOn = b.SignedOn,
        };
    }

    /// <summary>An optional «HH:mm», or the field named with the message.</summary>
    private static Result<LocalTime?> Time(string? text, string field, string message)
        => string.IsNullOrWhiteSpace(text) ? (LocalTime?)null
            : TimePattern.Parse(text.Trim()) is { Success: true } parsed ? parsed.Value : Invalid.Field(field, message);

    /// <summary>An agreement with its versions, and whether the caller may manage it.</summary>
    public sealed record AgreementView(AgreementRecords.Row Agreement, bool CanManage, IReadOnlyList<AgreementRecords.VersionView> Versions);

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/agreements", async (AgreementRecords records, CancellationToken ct) => Results.Ok(await records.ListAsync(ct)))
            .WithName("ListAgreements").WithSummary("Arbeidstidsavtaler og dispensasjoner (rettsgrunnlag) hos leverandørene brukeren arbeider med")
            .Produces<List<AgreementRecords.Row>>();
        api.MapPost("/agreements", async (HttpRequest request, AgreementRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<Body>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var terms = Terms(body.Value!);
                if (!terms.IsSuccess) return terms.Error!.ToHttp();
                var result = await records.CreateAsync(body.Value!.ProviderId, terms.Value!, request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } k ? k : null, ct);
                if (!result.IsSuccess) return result.Error!.ToHttp();
                var location = $"/api/v1/agreements/{result.Value.Id}";
                return result.Value.Existed ? Results.Ok(new ApiContract.RecordId(result.Value.Id)) : Results.Created(location, new ApiContract.RecordId(result.Value.Id));
            })
            .WithName("CreateAgreement").WithSummary("Registrer en avtale eller dispensasjon (administrator; Idempotency-Key anbefales)").Accepts<Body>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapGet("/agreements/{id:guid}", async (Guid id, AgreementRecords records, CancellationToken ct) =>
            {
                var result = await records.GetAsync(id, ct);
                return result.IsSuccess ? Results.Ok(new AgreementView(result.Value!.Agreement, result.Value.CanManage, result.Value.Versions)) : result.Error!.ToHttp();
            })
            .WithName("GetAgreement").WithSummary("En avtale med alle versjoner")
            .Produces<AgreementView>();
        api.MapPut("/agreements/{id:guid}", async (Guid id, HttpRequest request, AgreementRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<Body>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var terms = Terms(body.Value!);
                if (!terms.IsSuccess) return terms.Error!.ToHttp();
                var result = await records.ChangeAsync(id, terms.Value!, body.Value!.Note, ct);
                return result.IsSuccess ? Results.Ok(new ApiContract.RecordId(result.Value)) : result.Error!.ToHttp();
            })
            .WithName("ChangeAgreement").WithSummary("Endre en avtale som en ny versjon (note: hvorfor)").Accepts<Body>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPost("/agreements/{id:guid}/end", async (Guid id, HttpRequest request, AgreementRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<EndBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await records.EndAsync(id, body.Value!.LastDay, body.Value.Reason, ct);
                return result.IsSuccess ? Results.Ok(new ApiContract.RecordId(result.Value)) : result.Error!.ToHttp();
            })
            .WithName("EndAgreement").WithSummary("Avslutt en avtale med siste dag og begrunnelse").Accepts<EndBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapGet("/agreements/{id:guid}/document", async (Guid id, AgreementRecords records, CancellationToken ct) =>
            {
                var result = await records.DownloadAsync(id, ct);
                return result.IsSuccess ? Results.File(result.Value!.Content, "application/pdf", result.Value.Name) : result.Error!.ToHttp();
            })
            .WithName("GetAgreementDocument").WithSummary("Den signerte avtalen eller Arbeidstilsynets vedtak (PDF)")
            .Downloads(ApiContract.Pdf);
        api.MapPost("/agreements/{id:guid}/document", async (Guid id, HttpRequest request, AgreementRecords records, CancellationToken ct) =>
            {
                if (!request.HasFormContentType) return Invalid.Field("document", "Send avtalen som multipart/form-data i feltet «document».").ToHttp();
                var file = (await request.ReadFormAsync(ct)).Files.GetFile("document");
                if (file is null) return Invalid.Field("document", "Velg en PDF-fil.").ToHttp();
                var result = await records.UploadAsync(id, file.FileName, await DecisionDocuments.ReadAsync(file, ct), ct);
                return result.IsSuccess ? Results.Ok(new ApiContract.DocumentStored(result.Value)) : result.Error!.ToHttp();
            })
            .WithName("UploadAgreementDocument").WithSummary("Legg ved den signerte avtalen eller Arbeidstilsynets vedtak (PDF, høyst 8 MB)")
            .Uploads<ApiContract.DocumentUpload>()
            .Produces<ApiContract.DocumentStored>();
    }
}
