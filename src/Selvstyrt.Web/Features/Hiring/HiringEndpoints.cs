using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Hiring;

/// <summary>
/// Hiring under <c>/api/v1/assistants/{id}</c> (issue 19, part 2): the police certificate per employment, the confidentiality
/// declaration, the employment contract (draft, change, sign as employer and as employee, PDF), and a close relation to the
/// recipient with the municipality's approval. Creates take an <c>Idempotency-Key</c>; the certificate is set with PUT.
/// </summary>
public static class HiringEndpoints
{
    public sealed record CertificateBody(LocalDate? ShownOn, bool? WithRemarks, LocalDate? RemarksAssessedOn);

    public sealed record DeclarationBody(LocalDate? SignedOnPaper);

    public sealed record ContractBody(Guid? EmploymentId, LocalDate? SignedOnPaper);

    /// <summary>The contract's parts by their field names; a part left out is left as it is, an empty one is cleared.</summary>
    public sealed record ContractPartsBody(string? Workplace, string? Role, string? Holiday, string? Notice, string? Pay, string? Hours, string? Pauses, string? RotaAndOvertime,
        string? Tariff, string? PaidAbsence, string? Termination, string? Training, string? SocialSecurity);

    public sealed record RelationBody(CloseRelation? Relation, LocalDate? ApprovedOn, string? Reference);

    public sealed record LetterBody(string? Work, bool? StatesDismissal);

    public sealed record ContractDto(Guid Id, Guid AssistantId, Guid EmploymentId, ContractStatus Status, string Terms, IReadOnlyDictionary<string, string?> Parts,
        IReadOnlyList<string> Required, bool OnPaper, Instant? EmployerSignedAt, string? EmployerSignedBy, Instant? AssistantSignedAt, LocalDate? SignedOn, Guid? ReplacedBy, string? Deadline);

    public static void AddServices(IServiceCollection services) => services.AddScoped<HiringRecords>();




    public static Dictionary<ContractPart, string?> Parts(ContractPartsBody b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var given = new Dictionary<ContractPart, string?>
        {
            [ContractPart.Workplace] = b.Workplace, [ContractPart.Role] = b.Role, [ContractPart.Holiday] = b.Holiday, [ContractPart.Notice] = b.Notice,
            [ContractPart.Pay] = b.Pay, [ContractPart.Hours] = b.Hours, [ContractPart.Pauses] = b.Pauses, [ContractPart.RotaAndOvertime] = b.RotaAndOvertime,
            [ContractPart.Tariff] = b.Tariff, [ContractPart.PaidAbsence] = b.PaidAbsence, [ContractPart.Termination] = b.Termination,
            [ContractPart.Training] = b.Training, [ContractPart.SocialSecurity] = b.SocialSecurity,
        };
        return given.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value);
    }

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/assistants/{id:guid}/hiring", async (Guid id, HiringRecords records, CancellationToken ct) =>
            {
                var result = await records.ForAssistantAsync(id, ct);
                return result.IsSuccess ? Results.Ok(result.Value) : result.Error!.ToHttp();
            })
            .WithName("GetAssistantHiring")
            .WithSummary("Politiattest, taushetserklæring, arbeidsavtaler og nær familie: hva som er på plass før assistenten kan arbeide (arbeidslederen ser ikke lønn eller anmerkninger)")
            .Produces<HiringRecords.AssistantView>();
        api.MapPut("/assistants/{id:guid}/employments/{employmentId:guid}/police-certificate", async (Guid id, Guid employmentId, HttpRequest request, HiringRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<CertificateBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var result = await records.RecordCertificateAsync(id, employmentId, b.ShownOn, b.WithRemarks ?? false, b.RemarksAssessedOn, ct);
                return Creates.Answer(result, $"/api/v1/assistants/{id}/hiring");
            })
            .WithName("SetPoliceCertificate")
            .WithSummary("Registrer at politiattesten er vist (dato, med eller uten anmerkninger, og når arbeidsgiveren vurderte anmerkningene); aldri selve attesten. Et nytt kall retter registreringen. Slettes når arbeidsforholdet er slutt")
            .Accepts<CertificateBody>("application/json")
            .ProducesCreatedId();
        api.MapPost("/assistants/{id:guid}/confidentiality-declaration", async (Guid id, HttpRequest request, HiringRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<DeclarationBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await records.SignDeclarationAsync(id, body.Value!.SignedOnPaper, ct);
                return Creates.Answer(result, $"/api/v1/assistants/{id}/hiring");
            })
            .WithName("SignConfidentialityDeclaration")
            .WithSummary("Assistenten signerer taushetserklæringen (nå), eller arbeidsgiveren registrerer en papirerklæring (signedOnPaper)")
            .Accepts<DeclarationBody>("application/json")
            .ProducesCreatedId();
        api.MapPost("/assistants/{id:guid}/contracts", async (Guid id, HttpRequest request, HiringRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<ContractBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await records.DraftContractAsync(id, body.Value!.EmploymentId, Creates.Key(request), ct, body.Value.SignedOnPaper);
                return Creates.Answer(result, result.IsSuccess ? $"/api/v1/assistants/{id}/contracts/{result.Value.Id}" : "");
            })
            .WithName("DraftEmploymentContract")
            .WithSummary("Nytt utkast til arbeidsavtale for et arbeidsforhold, skrevet fra arbeidsforholdet og tariffavtalen, eller en papirkontrakt signert av begge (signedOnPaper) (arbeidsgiveren; Idempotency-Key anbefales)")
            .Accepts<ContractBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapGet("/assistants/{id:guid}/contracts/{contractId:guid}", async (Guid id, Guid contractId, HiringRecords records, CancellationToken ct) =>
            {
                var result = await records.ContractAsync(id, contractId, ct);
                if (!result.IsSuccess) return result.Error!.ToHttp();
                var v = result.Value!;
                var c = v.Contract;
                return Results.Ok(new ContractDto(c.Id, c.AssistantId, c.EmploymentId, c.Status, v.Terms, v.Parts.ToDictionary(p => ContractParts.Field(p.Key), p => p.Value),
                    v.Required.Select(ContractParts.Field).ToList(), c.OnPaper, c.EmployerSignedAt, c.EmployerSignedBy, c.AssistantSignedAt, c.SignedOn, c.ReplacedBy, v.Deadline?.Message));
            })
            .WithName("GetEmploymentContract").WithSummary("Arbeidsavtalen med hver del etter arbeidsmiljøloven § 14-6 og signaturene (bare de to partene)")
            .Produces<ContractDto>();
        api.MapPut("/assistants/{id:guid}/contracts/{contractId:guid}", async (Guid id, Guid contractId, HttpRequest request, HiringRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<ContractPartsBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                return Changes.Answer(await records.ChangeContractAsync(id, contractId, Parts(body.Value!), ct));
            })
            .WithName("ChangeEmploymentContract").WithSummary("Endre avtalens tekst før arbeidstakeren har signert (en sendt avtale går tilbake til utkast)")
            .Accepts<ContractPartsBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPost("/assistants/{id:guid}/contracts/{contractId:guid}/sign-as-employer", async (Guid id, Guid contractId, HiringRecords records, CancellationToken ct)
                => Changes.Answer(await records.SignAsEmployerAsync(id, contractId, ct)))
            .WithName("SignContractAsEmployer").WithSummary("Arbeidsgiveren signerer og sender avtalen til arbeidstakeren; hver manglende del etter § 14-6 nevnes")
            .Produces<ApiContract.RecordId>();
        api.MapPost("/assistants/{id:guid}/contracts/{contractId:guid}/sign-as-employee", async (Guid id, Guid contractId, HiringRecords records, CancellationToken ct)
                => Changes.Answer(await records.SignAsAssistantAsync(id, contractId, ct)))
            .WithName("SignContractAsEmployee").WithSummary("Arbeidstakeren godtar og signerer avtalen; tidspunktet registreres")
            .Produces<ApiContract.RecordId>();
        api.MapGet("/assistants/{id:guid}/contracts/{contractId:guid}/pdf", async (Guid id, Guid contractId, HiringRecords records, CancellationToken ct) =>
            {
                var result = await records.ContractPdfAsync(id, contractId, ct);
                return result.IsSuccess ? Results.File(result.Value.Pdf, "application/pdf", result.Value.FileName) : result.Error!.ToHttp();
            })
            .WithName("DownloadEmploymentContract").WithSummary("Arbeidsavtalen som PDF")
            .Downloads(ApiContract.Pdf);
        api.MapPost("/assistants/{id:guid}/employments/{employmentId:guid}/reference-letters", async (Guid id, Guid employmentId, HttpRequest request, HiringRecords records,
                CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<LetterBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await records.IssueLetterAsync(id, employmentId, body.Value!.Work, body.Value.StatesDismissal ?? false, Creates.Key(request), ct);
                return Creates.Answer(result, result.IsSuccess ? $"/api/v1/assistants/{id}/reference-letters/{result.Value.Id}/pdf" : "");
            })
            .WithName("IssueReferenceLetter")
            .WithSummary("Skriv attest for et avsluttet arbeidsforhold (arbeidsmiljøloven § 15-15): arbeidet med egne ord, aldri hvorfor det sluttet (Idempotency-Key anbefales)")
            .Accepts<LetterBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapGet("/assistants/{id:guid}/reference-letters/{letterId:guid}/pdf", async (Guid id, Guid letterId, HiringRecords records, CancellationToken ct) =>
            {
                var result = await records.LetterPdfAsync(id, letterId, ct);
                return result.IsSuccess ? Results.File(result.Value.Pdf, "application/pdf", result.Value.FileName) : result.Error!.ToHttp();
            })
            .WithName("DownloadReferenceLetter").WithSummary("Attesten som PDF (arbeidsgiveren og assistenten)")
            .Downloads(ApiContract.Pdf);
        api.MapPut("/assistants/{id:guid}/places/{assignmentId:guid}/relation", async (Guid id, Guid assignmentId, HttpRequest request, HiringRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<RelationBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                return Changes.Answer(await records.SetRelationAsync(id, assignmentId, b.Relation, b.ApprovedOn, b.Reference, ct));
            })
            .WithName("SetCloseRelation")
            .WithSummary("Nær familie med brukeren (parent, child, spouseOrPartner, sibling, grandparent, grandchild, otherClose) og kommunens godkjenning; tom relasjon fjerner den")
            .Accepts<RelationBody>("application/json")
            .Produces<ApiContract.RecordId>();
    }
}
