using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Recruitment;

/// <summary>
/// Recruitment under <c>/api/v1/arrangements/{id}/recruitments</c> (issue 19, part 1): postings with the job description, ad and
/// interview guide; applicants with interview notes and reference checks; the work leader's choice; the employer's hire. Creates
/// take an <c>Idempotency-Key</c>.
/// </summary>
public static class RecruitmentEndpoints
{
    private const string Posting = "/arrangements/{id:guid}/recruitments/{postingId:guid}";
    private const string Applicant = Posting + "/applicants/{applicantId:guid}";

    public sealed record PostingBody(string? Title, string? Description, string? AdText, string? InterviewGuide, decimal? PositionPercent, LocalDate? WantedStart,
        LocalDate? ApplyBy, int? PurgeAfterDays);

    public sealed record ApplicantBody(string? Name, string? Email, string? Phone, string? Summary, LocalDate? ReceivedOn);

    public sealed record InterviewBody(LocalDate? On, string? Notes);

    public sealed record ReferenceBody(string? Name, string? Relation, LocalDate? CheckedOn, string? Summary);

    public sealed record HireBody(EmploymentKind? Kind, decimal? PositionPercent, LocalDate? Start, LocalDate? End, TemporaryBasis? TemporaryBasis, LocalDate? ProbationEnd,
        decimal? HourlyWage, bool? Invite);

    public sealed record ApplicantDto(Guid Id, string Name, string? Email, string? Phone, string Summary, LocalDate ReceivedOn, ApplicantStatus Status, LocalDate? InterviewOn,
        string InterviewNotes, string? ChosenBy, Instant? ChosenAt, Guid? AssistantId, IReadOnlyList<ReferenceCheck> References);

    public sealed record PostingDto(Guid Id, Guid ArrangementId, string Title, string Description, string AdText, string InterviewGuide, decimal PositionPercent,
        LocalDate? WantedStart, LocalDate? ApplyBy, PostingStatus Status, LocalDate? ClosedOn, int PurgeAfterDays, LocalDate? PurgeOn, LocalDate? PurgedOn, int ApplicantCount,
        IReadOnlyList<ApplicantDto> Applicants);

    public static void AddServices(IServiceCollection services) => services.AddScoped<RecruitmentRecords>();




    private static RecruitmentRecords.PostingInput Input(PostingBody b)
        => new(b.Title, b.Description, b.AdText, b.InterviewGuide, b.PositionPercent, b.WantedStart, b.ApplyBy, b.PurgeAfterDays);

    public static PostingDto Dto(JobPosting p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.ArrangementId, p.Title, p.Description, p.AdText, p.InterviewGuide, p.PositionPercent, p.WantedStart, p.ApplyBy, p.Status, p.ClosedOn, p.PurgeAfterDays,
            p.PurgeOn, p.PurgedOn, p.ApplicantCount,
            [.. p.Applicants.OrderBy(a => a.ReceivedOn).Select(a => new ApplicantDto(a.Id, a.Name, a.Email, a.Phone, a.Summary, a.ReceivedOn, a.Status, a.InterviewOn,
                a.InterviewNotes, a.ChosenBy, a.ChosenAt, a.AssistantId, a.References))]);
    }

    /// <summary>The assistant a hire made (or found again).</summary>
    public sealed record Hired(Guid AssistantId);

    /// <summary>The arrangement's postings, and a draft for a new one from the arrangement.</summary>
    public sealed record RecruitmentList(IReadOnlyList<RecruitmentRecords.PostingSummary> Postings, RecruitmentRecords.PostingInput Draft);

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/arrangements/{id:guid}/recruitments", async (Guid id, RecruitmentRecords records, CancellationToken ct) =>
            {
                var result = await records.ListAsync(id, ct);
                return result.IsSuccess ? Results.Ok(new RecruitmentList(result.Value.Postings, result.Value.Draft)) : result.Error!.ToHttp();
            })
            .WithName("ListRecruitments").WithSummary("Ordningens rekrutteringer, og tekstene en ny starter med (skrevet ut fra ordningen)")
            .Produces<RecruitmentList>();
        api.MapPost("/arrangements/{id:guid}/recruitments", async (Guid id, HttpRequest request, RecruitmentRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<PostingBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await records.CreateAsync(id, Input(body.Value!), Creates.Key(request), ct);
                return Creates.Answer(result, result.IsSuccess ? $"/api/v1/arrangements/{id}/recruitments/{result.Value.Id}" : "");
            })
            .WithName("CreateRecruitment").WithSummary("Ny rekruttering: stillingsbeskrivelse, annonse og intervjuguide (Idempotency-Key anbefales)").Accepts<PostingBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapGet(Posting, async (Guid id, Guid postingId, RecruitmentRecords records, CancellationToken ct) =>
            {
                var result = await records.GetAsync(id, postingId, ct);
                return result.IsSuccess ? Results.Ok(Dto(result.Value!.Record)) : result.Error!.ToHttp();
            })
            .WithName("GetRecruitment").WithSummary("Rekrutteringen med søkerne, intervjuene og referansene (arbeidslederen og arbeidsgiveren)")
            .Produces<PostingDto>();
        api.MapPut(Posting, async (Guid id, Guid postingId, HttpRequest request, RecruitmentRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<PostingBody>(request, ct);
                return body.IsSuccess ? Changes.Answer(await records.ChangeAsync(id, postingId, Input(body.Value!), ct)) : body.Error!.ToHttp();
            })
            .WithName("ChangeRecruitment").WithSummary("Endre stillingsbeskrivelsen, annonsen eller intervjuguiden").Accepts<PostingBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPost(Posting + "/close", async (Guid id, Guid postingId, RecruitmentRecords records, CancellationToken ct) => Changes.Answer(await records.CloseAsync(id, postingId, ct)))
            .WithName("CloseRecruitment").WithSummary("Avslutt uten å ansette; søkernes opplysninger slettes etter den fastsatte tiden")
            .Produces<ApiContract.RecordId>();
        api.MapPost(Posting + "/applicants", async (Guid id, Guid postingId, HttpRequest request, RecruitmentRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<ApplicantBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var result = await records.AddApplicantAsync(id, postingId, b.Name, b.Email, b.Phone, b.Summary, b.ReceivedOn, Creates.Key(request), ct);
                return Creates.Answer(result, $"/api/v1/arrangements/{id}/recruitments/{postingId}");
            })
            .WithName("AddApplicant").WithSummary("Registrer en søker (Idempotency-Key anbefales)").Accepts<ApplicantBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapPut(Applicant + "/interview", async (Guid id, Guid postingId, Guid applicantId, HttpRequest request, RecruitmentRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<InterviewBody>(request, ct);
                return body.IsSuccess ? Changes.Answer(await records.InterviewAsync(id, postingId, applicantId, body.Value!.On, body.Value.Notes, ct)) : body.Error!.ToHttp();
            })
            .WithName("RecordInterview").WithSummary("Intervjuet: dato og notater etter intervjuguiden").Accepts<InterviewBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPost(Applicant + "/references", async (Guid id, Guid postingId, Guid applicantId, HttpRequest request, RecruitmentRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<ReferenceBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var result = await records.ReferenceAsync(id, postingId, applicantId, b.Name, b.Relation, b.CheckedOn, b.Summary, Creates.Key(request), ct);
                return result.IsSuccess ? Results.Created($"/api/v1/arrangements/{id}/recruitments/{postingId}", new ApiContract.RecordId(result.Value)) : result.Error!.ToHttp();
            })
            .WithName("RecordReferenceCheck").WithSummary("En referansesjekk: hvem, relasjon, når og hva de sa (Idempotency-Key anbefales)").Accepts<ReferenceBody>("application/json")
            .Idempotent()
            .Produces<ApiContract.RecordId>(StatusCodes.Status201Created);
        api.MapPost(Applicant + "/choose", async (Guid id, Guid postingId, Guid applicantId, RecruitmentRecords records, CancellationToken ct)
                => Changes.Answer(await records.ChooseAsync(id, postingId, applicantId, true, ct)))
            .WithName("ChooseApplicant").WithSummary("Arbeidslederen godkjenner søkeren som valgt")
            .Produces<ApiContract.RecordId>();
        api.MapPost(Applicant + "/unchoose", async (Guid id, Guid postingId, Guid applicantId, RecruitmentRecords records, CancellationToken ct)
                => Changes.Answer(await records.ChooseAsync(id, postingId, applicantId, false, ct)))
            .WithName("UnchooseApplicant").WithSummary("Arbeidslederen trekker valget tilbake")
            .Produces<ApiContract.RecordId>();
        api.MapPost(Applicant + "/reject", async (Guid id, Guid postingId, Guid applicantId, RecruitmentRecords records, CancellationToken ct)
                => Changes.Answer(await records.RejectAsync(id, postingId, applicantId, ct)))
            .WithName("RejectApplicant").WithSummary("Gi søkeren avslag")
            .Produces<ApiContract.RecordId>();
        api.MapPost(Applicant + "/hire", async (Guid id, Guid postingId, Guid applicantId, HttpRequest request, RecruitmentRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<HireBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var result = await records.HireAsync(id, postingId, applicantId,
                    new(b.Kind, b.PositionPercent, b.Start, b.End, b.TemporaryBasis, b.ProbationEnd, b.HourlyWage, b.Invite ?? true), ct);
                return !result.IsSuccess ? result.Error!.ToHttp()
                    : result.Value.Existed ? Results.Ok(new Hired(result.Value.AssistantId))
                    : Results.Created($"/api/v1/assistants/{result.Value.AssistantId}", new Hired(result.Value.AssistantId));
            })
            .WithName("HireApplicant")
            .WithSummary("Arbeidsgiveren ansetter den valgte søkeren: assistent, arbeidsforhold og plass i ordningen, og invitasjon til innlogging")
            .Accepts<HireBody>("application/json")
            .Produces<Hired>(StatusCodes.Status201Created).Produces<Hired>();
    }
}
