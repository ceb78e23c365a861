using System.Globalization;
using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Plans;

/// <summary>
/// The work plan's API under <c>/api/v1</c> (for the roster generator and integrations): plans, shifts, deviations,
/// findings and publication, with the same access rules as the pages. Creates take an <c>Idempotency-Key</c>;
/// changes take the revision the caller read (<c>If-Match</c> or <c>revision</c>) and answer 409 when it is stale.
/// Also the two page endpoints that are not HTML: the iCalendar feed and the appendix's PDF.
/// </summary>
public static class PlanEndpoints
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<PlanRules>();
        services.AddScoped<PlanService>();
        services.AddScoped<PlanDiscussions>();
        services.AddScoped<PlanProposals>();
        services.AddScoped<RosterRuns>();
        services.AddScoped<MyPlan>();
        services.AddScoped<AppendixOne>();
    }

    public sealed record CreatePlanBody(string? Name, int? RotationWeeks, LocalDate? StartsOn, Guid? CopyFrom);

    public sealed record AddShiftsBody(Guid? TemplateId, LocalTime? Start, int? LengthMinutes, PlanShiftKind? Kind, Guid? AssistantId, Guid? SecondAssistantId,
        int[]? Weeks, IsoDayOfWeek[]? Days, int? Revision);

    public sealed record TemplateBody(string? Name, LocalTime? Start, int? LengthMinutes, PlanShiftKind? Kind, IReadOnlyList<ShiftPart>? Passive, int? PaidPauseMinutes,
        int? Staffing, IReadOnlyList<string>? Competences);

    public sealed record TemplateDto(Guid Id, string Name, LocalTime Start, int LengthMinutes, PlanShiftKind Kind, IReadOnlyList<ShiftPart> Passive, int PaidPauseMinutes,
        int Staffing, IReadOnlyList<string> Competences);

    public sealed record ChangeShiftBody(int Week, IsoDayOfWeek Day, LocalTime Start, int LengthMinutes, Guid? AssistantId, PlanShiftKind Kind, int? Revision);

    public sealed record PublishBody(LocalDate? StartsOn, LocalDate? DiscussedOn, int? Revision);

    public sealed record DeviationBody(LocalDate Date, PlanDeviationKind Kind, Guid? ShiftId, Guid? AssistantId, LocalTime? Start, int? LengthMinutes, PlanShiftKind? ShiftKind, string? Note, int? Revision);

    public sealed record OverrideBody(string? Key, string? Reason);

    public sealed record FillBody(Guid? AssistantId, int? Revision);

    public sealed record DiscussionBody(LocalDate? On, string? Participants, string? Note);

    public sealed record ShiftDto(Guid Id, int Week, IsoDayOfWeek Day, LocalTime Start, int LengthMinutes, Guid? AssistantId, PlanShiftKind Kind, Guid? TemplateId, int PaidPauseMinutes, IReadOnlyList<ShiftPart> Passive);

    public sealed record PlanDto(Guid Id, Guid ArrangementId, string Name, PlanStatus Status, int RotationWeeks, LocalDate StartsOn, LocalDate? EndsOn, int Revision, int PublishedVersion,
        LocalDate? DiscussedOn, IReadOnlyList<ShiftDto> Shifts, IReadOnlyList<PlanDeviationSpec> Deviations, IReadOnlyList<CoverageSpec> Coverage);

    public sealed record FindingDto(string Key, string Rule, string Paragraph, string Severity, string Message, string? AssistantId, Instant From, Instant To,
        IReadOnlyList<Guid> ShiftIds, double? Measured, double? Limit, string? Unit, string? OverrideReason, string? OverrideBy);

    public sealed record ProposalBody(int? Seconds);

    public sealed record AcceptProposalBody(int[]? Weeks, int? Revision);

    public sealed record ProposalShiftDto(int Week, IsoDayOfWeek Day, LocalDate Date, Guid AssistantId, Guid TemplateId, Instant Start, Instant End);

    public sealed record ProposalDto(Guid Id, Guid PlanId, ProposalState State, bool Stopped, int Seconds, double ElapsedSeconds, Instant StartedAt, string StartedBy,
        long? BestObjective, long? BestBound, int Attempts, string? Status, IReadOnlyList<ProposalShiftDto> Shifts, IReadOnlyList<Selvstyrt.Rostering.Bpa.PenaltyLine> Penalties,
        IReadOnlyList<FindingDto> Findings);

    public sealed record ProposalView(ProposalDto? Proposal);

    public sealed record EditedDto(Guid PlanId, int Revision, int FindingsAdded, int FindingsRemoved, int OpenBreaches, object? Created);

    /// <summary>«Foreslå plan» through the API (issue 7; stored runs since issue 21): read, start, stop and take weeks in.</summary>
    private static void MapProposal(RouteGroupBuilder api, string plan)
    {
        // Someone who may see the plan but not change it is told nothing of proposals, as the route table says of editors' routes.
        static IResult Refused(Error error) => error is Forbidden ? new NotFound("Fant ikke noe forslag du kan se.").ToHttp() : error.ToHttp();
        api.MapGet(plan + "/proposal", async (Guid id, Guid planId, PlanProposals proposals, CancellationToken ct) =>
            {
                var view = await proposals.ViewAsync(id, planId, ct);
                if (!view.IsSuccess) return Refused(view.Error!);
                return Results.Ok(new ProposalView(view.Value.Run is { } run ? ToDto(run) : null));
            })
            .WithName("GetPlanProposal").WithSummary("Turnusforslaget for planen (null når ingen er laget): fremdrift mens generatoren leter, så vaktene, hva det koster og regelfunnene")
            .Produces<ProposalView>();
        api.MapPost(plan + "/proposal", async (Guid id, Guid planId, HttpRequest request, PlanProposals proposals, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<ProposalBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var started = await proposals.StartAsync(id, planId, body.Value!.Seconds, ct);
                return started.IsSuccess ? Results.Accepted($"/api/v1/arrangements/{id}/plans/{planId}/proposal", ToDto(started.Value!)) : Refused(started.Error!);
            })
            .WithName("StartPlanProposal").WithSummary("Start turnusgeneratoren for planen (5, 10, 30 eller 60 sekunder); et forslag som alt lages, er svaret på en ny start")
            .Accepts<ProposalBody>("application/json")
            .Produces<ProposalDto>(StatusCodes.Status202Accepted);
        api.MapPost(plan + "/proposal/stop", async (Guid id, Guid planId, PlanProposals proposals, CancellationToken ct) =>
            {
                var stopped = await proposals.StopAsync(id, planId, ct);
                return stopped.IsSuccess ? Results.Ok(ToDto(stopped.Value!)) : Refused(stopped.Error!);
            })
            .WithName("StopPlanProposal").WithSummary("Stopp generatoren; det beste forslaget så langt beholdes")
            .Produces<ProposalDto>();
        api.MapPost(plan + "/proposal/accept", async (Guid id, Guid planId, HttpRequest request, PlanProposals proposals, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<AcceptProposalBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                if (Revision(request, body.Value!.Revision) is not { } revision) return MissingRevision();
                var result = await proposals.AcceptAsync(id, planId, body.Value.Weeks ?? [], revision, ct);
                return result.IsSuccess ? Results.Ok(Edited(result.Value!)) : Refused(result.Error!);
            })
            .WithName("AcceptPlanProposal").WithSummary("Ta valgte uker fra forslaget inn i planen (samme endringslogg og regelsjekk som andre endringer)")
            .Accepts<AcceptProposalBody>("application/json")
            .Revised()
            .Produces<EditedDto>();
    }

    private static ProposalDto ToDto(ProposalRun run)
    {
        var result = run.Result;
        return new ProposalDto(run.Id, run.PlanId, run.State, run.Stopped, run.Seconds, run.ElapsedSeconds, run.StartedAt, run.StartedBy, run.Progress?.Objective,
            run.Progress?.Bound, run.Attempts, result?.Summary.Status.ToString(),
            result?.Shifts.Select(s => new ProposalShiftDto(s.Week, s.Day, s.Date, Guid.Parse(s.Assistant), run.Templates[s.Template].Id, s.Start, s.End)).ToList() ?? [],
            result?.Penalties ?? [], result?.Findings.Select(f => new FindingDto(string.Join('|', f.Rule, f.Assistant ?? "", f.From.ToString()), f.Rule, PlanRules.Paragraph(f.Rule),
                PlanRules.SeverityCode(f.Severity), f.Message, f.Assistant, f.From, f.To, [], f.Measured, f.Limit, f.Unit, null, null)).ToList() ?? []);
    }

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        const string Plans = "/arrangements/{id:guid}/plans";
        const string Plan = Plans + "/{planId:guid}";
        api.MapGet(Plans, async (Guid id, PlanService plans, CancellationToken ct) =>
            {
                var result = await plans.ListAsync(id, ct);
                return result.IsSuccess ? Results.Ok(result.Value.Plans) : result.Error!.ToHttp();
            })
            .WithName("ListPlans").WithSummary("Arbeidsplanene i en ordning")
            .Produces<List<PlanSummary>>();
        api.MapPost(Plans, async (Guid id, HttpRequest request, PlanService plans, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<CreatePlanBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var result = await plans.CreateAsync(id, b.Name, b.RotationWeeks, b.StartsOn, b.CopyFrom, request.Headers["Idempotency-Key"].FirstOrDefault(), ct);
                return result.IsSuccess ? Results.Created($"/api/v1/arrangements/{id}/plans/{result.Value}", new ApiContract.RecordId(result.Value)) : result.Error!.ToHttp();
            })
            .WithName("CreatePlan").WithSummary("Lag et utkast til arbeidsplan (tomt eller kopi). Idempotency-Key kreves.")
            .Accepts<CreatePlanBody>("application/json")
            .Idempotent(keyRequired: true)
            .Produces<ApiContract.RecordId>(StatusCodes.Status201Created);
        api.MapGet("/arrangements/{id:guid}/templates", async (Guid id, PlanService plans, CancellationToken ct) =>
            {
                var result = await plans.TemplatesAsync(id, ct);
                return result.IsSuccess
                    ? Results.Ok(result.Value.Templates.Select(t => new TemplateDto(t.Id, t.Name, t.Start, t.LengthMinutes, t.Kind, t.Passive, t.PaidPauseMinutes, t.Staffing, t.Competences)))
                    : result.Error!.ToHttp();
            })
            .WithName("ListTemplates").WithSummary("Vakttypene i en ordning, med kompetansen hver krever")
            .Produces<IEnumerable<TemplateDto>>();
        api.MapPost("/arrangements/{id:guid}/templates", async (Guid id, HttpRequest request, PlanService plans, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<TemplateBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var result = await plans.CreateTemplateAsync(id, b.Name, b.Start, b.LengthMinutes, b.Kind, b.Passive ?? [], b.PaidPauseMinutes ?? 0, b.Staffing ?? 1,
                    b.Competences ?? [], request.Headers["Idempotency-Key"].FirstOrDefault(), ct);
                return result.IsSuccess ? Results.Created($"/api/v1/arrangements/{id}/templates", new ApiContract.RecordId(result.Value)) : result.Error!.ToHttp();
            })
            .WithName("CreateTemplate").WithSummary("Lag en vakttype (kompetansen den krever, fra leverandørens liste). Idempotency-Key kreves; samme nøkkel gir samme vakttype.")
            .Accepts<TemplateBody>("application/json")
            .Idempotent(keyRequired: true)
            .Produces<ApiContract.RecordId>(StatusCodes.Status201Created);
        api.MapPut("/arrangements/{id:guid}/templates/{templateId:guid}", async (Guid id, Guid templateId, HttpRequest request, PlanService plans, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<TemplateBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var result = await plans.ChangeTemplateAsync(id, templateId, b.Name, b.Start, b.LengthMinutes, b.Kind, b.Passive ?? [], b.PaidPauseMinutes ?? 0, b.Staffing ?? 1,
                    b.Competences ?? [], ct);
                return result.IsSuccess ? Results.Ok(result.Value) : result.Error!.ToHttp();
            })
            .WithName("ChangeTemplate").WithSummary("Endre en vakttype. Vakter som alt er lagt ut, beholder tidene sine, men en endret pause gjelder også dem (i turnuser som gjelder nå eller senere).")
            .Accepts<TemplateBody>("application/json")
            .Produces<PlanService.TemplateChanged>();
        api.MapDelete("/arrangements/{id:guid}/templates/{templateId:guid}", async (Guid id, Guid templateId, PlanService plans, CancellationToken ct) =>
            {
                var result = await plans.RemoveTemplateAsync(id, templateId, ct);
                return result.IsSuccess ? Results.NoContent() : result.Error!.ToHttp();
            })
            .WithName("RemoveTemplate").WithSummary("Slett en vakttype. Vakter som alt er lagt ut fra den, blir stående som de er.")
            .Produces(StatusCodes.Status204NoContent);
        api.MapGet(Plan, async (Guid id, Guid planId, PlanService plans, CancellationToken ct) =>
            {
                var result = await plans.EditorAsync(id, planId, ct);
                return result.IsSuccess ? Results.Ok(ToDto(result.Value!.Plan)) : result.Error!.ToHttp();
            })
            .WithName("GetPlan").WithSummary("En arbeidsplan med vakter, unntak, dekningsbehov og revisjon")
            .Produces<PlanDto>();
        api.MapGet(Plan + "/findings", async (Guid id, Guid planId, PlanService plans, CancellationToken ct) =>
            {
                var result = await plans.EditorAsync(id, planId, ct);
                return result.IsSuccess ? Results.Ok(result.Value!.Check.Findings.Select(ToDto)) : result.Error!.ToHttp();
            })
            .WithName("GetPlanFindings").WithSummary("Regelfunn for planen (alle assistentenes ordninger hos samme arbeidsgiver)")
            .Produces<IEnumerable<FindingDto>>();
        api.MapGet(Plan + "/appendix-1.pdf", (Guid id, Guid planId, Guid assistant, string month, AppendixOne appendix, CancellationToken ct)
                => AppendixOneAsync(id, planId, assistant, month, "month", appendix, ct))
            .WithName("DownloadPlanAppendixPdf").WithSummary("Arbeidsplanen for én assistent og måned som PDF (vedlegg 1 til særavtalen; assistant og month=ÅÅÅÅ-MM)")
            .Downloads(ApiContract.Pdf);
        MapProposal(api, Plan);
        api.MapGet(Plan + "/check-input", async (Guid id, Guid planId, PlanService plans, PlanRules rules, Selvstyrt.Web.Auth.CurrentUser user, CancellationToken ct) =>
            {
                var result = await plans.EditorAsync(id, planId, ct);
                if (!result.IsSuccess) return result.Error!.ToHttp();
                var input = await rules.InputAsync(result.Value!.Plan, result.Value.Arrangement, user.Today, ct);
                return Results.Text(Selvstyrt.Domain.Rules.Io.CheckDocument.Write(input), "application/json", System.Text.Encoding.UTF8);
            })
            .WithName("GetPlanCheckInput").WithSummary("Planen som inndata til batch-sjekken (selvstyrt check): samme vakter, assistenter og avtaler som sidens funn bygger på");
        api.MapPost(Plan + "/shifts", async (Guid id, Guid planId, HttpRequest request, PlanService plans, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<AddShiftsBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var key = request.Headers["Idempotency-Key"].FirstOrDefault();
                if (string.IsNullOrWhiteSpace(key)) return Invalid.Field("Idempotency-Key", "Mangler en gyldig idempotensnøkkel (Idempotency-Key, 1-100 tegn).").ToHttp();
                var b = body.Value!;
                var result = await plans.AddShiftsAsync(id, planId, new AddShifts(b.TemplateId, b.Start, b.LengthMinutes, b.Kind, b.AssistantId, b.SecondAssistantId,
                    b.Weeks ?? [], b.Days ?? [], Revision(request, b.Revision)) { IdempotencyKey = key }, ct);
                if (!result.IsSuccess) return result.Error!.ToHttp();
                var dto = Edited(result.Value!);
                return result.Value!.AlreadyExisted ? Results.Ok(dto) : Results.Created($"/api/v1/arrangements/{id}/plans/{planId}", dto);
            })
            .WithName("AddPlanShifts").WithSummary("Legg til vakter (flere uker og dager på én gang). Idempotency-Key kreves; If-Match: revisjonen du leste.")
            .Accepts<AddShiftsBody>("application/json")
            .Idempotent(keyRequired: true)
            .Revised(required: false)
            .Produces<EditedDto>().Produces<EditedDto>(StatusCodes.Status201Created);
        api.MapPut(Plan + "/shifts/{shiftId:guid}", async (Guid id, Guid planId, Guid shiftId, HttpRequest request, PlanService plans, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<ChangeShiftBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                if (Revision(request, b.Revision) is not { } revision) return MissingRevision();
                var result = await plans.ChangeShiftAsync(id, planId, shiftId, new ShiftPlacement(b.Week, b.Day, b.Start, b.LengthMinutes, b.AssistantId, b.Kind), revision, ct);
                return result.IsSuccess ? Results.Ok(Edited(result.Value!)) : result.Error!.ToHttp();
            })
            .WithName("ChangePlanShift").WithSummary("Flytt, endre eller gi en vakt til en annen. If-Match: revisjonen du leste.")
            .Accepts<ChangeShiftBody>("application/json")
            .Revised()
            .Produces<EditedDto>();
        api.MapDelete(Plan + "/shifts/{shiftId:guid}", async (Guid id, Guid planId, Guid shiftId, HttpRequest request, PlanService plans, CancellationToken ct) =>
            {
                if (Revision(request, null) is not { } revision) return MissingRevision();
                var result = await plans.RemoveShiftAsync(id, planId, shiftId, revision, ct);
                return result.IsSuccess ? Results.Ok(Edited(result.Value!)) : result.Error!.ToHttp();
            })
            .WithName("DeletePlanShift").WithSummary("Slett en vakt. If-Match: revisjonen du leste.")
            .Revised()
            .Produces<EditedDto>();
        api.MapPost(Plan + "/deviations", async (Guid id, Guid planId, HttpRequest request, PlanService plans, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<DeviationBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                if (Revision(request, b.Revision) is not { } revision) return MissingRevision();
                var result = await plans.AddDeviationAsync(id, planId, new PlanDeviationSpec(b.Date, b.Kind, b.ShiftId, b.AssistantId, b.Start, b.LengthMinutes, b.ShiftKind, b.Note), revision, ct);
                return result.IsSuccess ? Results.Ok(Edited(result.Value!)) : result.Error!.ToHttp();
            })
            .WithName("AddPlanDeviation").WithSummary("Unntak for én dato (vakt faller bort, tas av en annen, ekstra vakt). If-Match: revisjonen du leste.")
            .Accepts<DeviationBody>("application/json")
            .Revised()
            .Produces<EditedDto>();
        api.MapPost(Plan + "/deviations/{deviationId:guid}/fill", async (Guid id, Guid planId, Guid deviationId, HttpRequest request, PlanService plans, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<FillBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                if (Revision(request, body.Value!.Revision) is not { } revision) return MissingRevision();
                var result = await plans.FillVacancyAsync(id, planId, deviationId, body.Value.AssistantId, revision, ct);
                return result.IsSuccess ? Results.Ok(Edited(result.Value!)) : result.Error!.ToHttp();
            })
            .WithName("FillVacantShift").WithSummary("Gi en ledig vakt til en assistent i ordningen den dagen. If-Match: revisjonen du leste.")
            .Accepts<FillBody>("application/json")
            .Revised()
            .Produces<EditedDto>();
        api.MapPost(Plan + "/overrides", async (Guid id, Guid planId, HttpRequest request, PlanService plans, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<OverrideBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                if (string.IsNullOrWhiteSpace(body.Value!.Key)) return Invalid.Field("key", "Oppgi nøkkelen til funnet (key fra findings).").ToHttp();
                var result = await plans.OverrideAsync(id, planId, body.Value.Key, body.Value.Reason, ct);
                return result.IsSuccess ? Results.Ok(Edited(result.Value!)) : result.Error!.ToHttp();
            })
            .WithName("OverridePlanFinding").WithSummary("Godta et brudd med begrunnelse (koordinator og administrator); loggføres. Gjentatt kall gir samme godkjenning.")
            .Accepts<OverrideBody>("application/json")
            .Produces<EditedDto>();
        api.MapPost(Plan + "/publish", async (Guid id, Guid planId, HttpRequest request, PlanService plans, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<PublishBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                if (Revision(request, b.Revision) is not { } revision) return MissingRevision();
                var result = await plans.PublishAsync(id, planId, b.StartsOn, b.DiscussedOn, revision, ct);
                return result.IsSuccess ? Results.Ok(Edited(result.Value!)) : result.Error!.ToHttp();
            })
            .WithName("PublishPlan").WithSummary("Publiser planen fra en mandag; drøftingsdatoen kreves (arbeidsmiljøloven § 10-3)")
            .Accepts<PublishBody>("application/json")
            .Revised()
            .Produces<EditedDto>();
        api.MapGet(Plan + "/discussions", async (Guid id, Guid planId, PlanDiscussions discussions, CancellationToken ct) =>
            {
                var result = await discussions.ListAsync(id, planId, ct);
                return result.IsSuccess ? Results.Ok(result.Value!.Discussions) : result.Error!.ToHttp();
            })
            .WithName("ListPlanDiscussions").WithSummary("Drøftingene av planen (arbeidsmiljøloven § 10-3), nyeste først")
            .Produces<IReadOnlyList<PlanDiscussions.DiscussionView>>();
        api.MapPost(Plan + "/discussions", async (Guid id, Guid planId, HttpRequest request, PlanDiscussions discussions, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<DiscussionBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var key = request.Headers["Idempotency-Key"].ToString();
                var result = await discussions.RecordAsync(id, planId, new PlanDiscussions.Input(body.Value!.On, body.Value.Participants, body.Value.Note),
                    key.Length == 0 ? null : key, ct);
                if (!result.IsSuccess) return result.Error!.ToHttp();
                var location = $"/api/v1/arrangements/{id}/plans/{planId}/discussions";
                return result.Value!.AlreadyExisted ? Results.Ok(new ApiContract.CreatedAt(result.Value.Id, location)) : Results.Created(location, new ApiContract.CreatedAt(result.Value.Id, location));
            })
            .WithName("RecordPlanDiscussion").WithSummary("Før at planen er drøftet med tillitsvalgte eller assistentene: dato, deltakere og merknader")
            .Accepts<DiscussionBody>("application/json")
            .Idempotent()
            .ProducesCreatedAt();
    }

    public static void MapPages(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/kalender/{secret}.ics", async (string secret, MyPlan plan, CancellationToken ct) =>
            {
                var text = secret.Length is < 20 or > 100 ? null : await plan.FeedAsync(secret, ct);
                return text is null ? ErrorMapping.NotFoundProblem() : Results.Text(text, "text/calendar; charset=utf-8");
            })
            .AllowAnonymous().DisableAntiforgery();
        app.MapGet("/ordninger/{id:guid}/arbeidsplan/{planId:guid}/vedlegg1.pdf", (Guid id, Guid planId, Guid assistent, string maaned, AppendixOne appendix, CancellationToken ct)
                => AppendixOneAsync(id, planId, assistent, maaned, "maaned", appendix, ct))
            .RequireAuthorization();
    }

    private static async Task<IResult> AppendixOneAsync(Guid id, Guid planId, Guid assistantId, string monthText, string monthField, AppendixOne appendix, CancellationToken ct)
    {
        if (!TryMonth(monthText, out var year, out var month)) return Invalid.Field(monthField, "Måned må skrives som åååå-mm.").ToHttp();
        var sheet = await appendix.SheetAsync(id, planId, assistantId, year, month, ct);
        if (!sheet.IsSuccess) return sheet.Error!.ToHttp();
        return Results.File(AppendixOne.Pdf(sheet.Value!), "application/pdf", $"vedlegg1-arbeidsplan-{monthText}.pdf");
    }

    public static bool TryMonth(string? text, out int year, out int month)
    {
        year = month = 0;
        return text is { Length: 7 } && text[4] == '-'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out month) && month is >= 1 and <= 12;
    }

    private static int? Revision(HttpRequest request, int? body) => ApiRevision.From(request, body);

    private static IResult MissingRevision() => ApiRevision.Missing();

    private static EditedDto Edited(PlanEdited e) => new(e.PlanId, e.Revision, e.Check.Added, e.Check.Removed, e.Check.OpenBreaches, e.Created);

    public static PlanDto ToDto(WorkPlan p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new PlanDto(p.Id, p.ArrangementId, p.Name, p.Status, p.RotationWeeks, p.StartsOn, p.EndsOn, p.Revision, p.PublishedVersion, p.DiscussedOn,
            p.Shifts.OrderBy(s => s.Week).ThenBy(s => s.Day).ThenBy(s => s.StartMinute)
                .Select(s => new ShiftDto(s.Id, s.Week, s.Day, LocalTime.FromMinutesSinceMidnight(s.StartMinute), s.LengthMinutes, s.AssistantId, s.Kind, s.TemplateId, s.PaidPauseMinutes, s.Passive)).ToList(),
            p.Deviations.OrderBy(d => d.Date).Select(d => new PlanDeviationSpec(d.Date, d.Kind, d.ShiftId, d.AssistantId,
                d.StartMinute is { } m ? LocalTime.FromMinutesSinceMidnight(m) : null, d.LengthMinutes, d.ShiftKind, d.Note)).ToList(),
            p.Coverage.Select(c => c.Spec).ToList());
    }

    public static FindingDto ToDto(PlanFinding f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var x = f.Finding;
        return new FindingDto(f.Key, x.Rule, PlanRules.Paragraph(x.Rule), PlanRules.SeverityCode(x.Severity), x.Message, x.Assistant, x.From, x.To, f.PlanShiftIds,
            x.Measured, x.Limit, x.Unit, f.Override?.Reason, f.Override?.By);
    }
}
