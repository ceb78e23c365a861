using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.TimeSheets;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.TimeSheets;

/// <summary>
/// Time sheets and payroll exports under <c>/api/v1</c>, with the same access rules as the pages. Starting a sheet is
/// idempotent by nature (one per assistant, arrangement and month); adding work and exporting take an
/// <c>Idempotency-Key</c>; every change takes the revision the caller read (<c>If-Match</c> or <c>revision</c>) and
/// answers 409 when it is stale or the state does not allow the step. Also the payroll file download for the page.
/// </summary>
public static class TimeSheetEndpoints
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<SheetPay>();
        services.AddScoped<TimeSheetService>();
        services.AddScoped<PayrollService>();
        services.AddScoped<WorkingTimeRecord>();
        services.AddScoped<TimeSheetReminders>();
    }

    public sealed record StartBody(LocalDate? Month);

    public sealed record EntryBody(LocalDate? Date, LocalTime? Start, LocalTime? End, int? PauseMinutes, int? PassiveMinutes, int? OvertimeMinutes, string? OvertimeReason, string? Reason, int? Revision);

    public sealed record NotWorkedBody(string? Reason, bool Substituted, int? Revision);

    public sealed record StepBody(string? Comment, int? Revision);

    public sealed record ExportBody(LocalDate? Month, string? Format, Guid? ReexportOf);

    public sealed record EntryDto(Guid Id, LocalDate Date, EntrySource Source, EntryStatus Status, Instant? PlannedStart, Instant? PlannedEnd, Instant Start, Instant End,
        int FreePauseMinutes, int PassiveMinutes, int OvertimeMinutes, string? OvertimeReason, string? Reason, bool Substituted, bool Counts, Guid? CorrectsId, long WorkedMinutes);

    public sealed record PayItemDto(string Category, long Minutes, decimal Rate, decimal Amount);

    public sealed record FindingDto(string Rule, string Severity, string Message, Instant From, Instant To, IReadOnlyList<string> Entries);

    public sealed record TransitionDto(SheetState From, SheetState To, Instant At, string Name, SheetRole Role, string? Comment);

    public sealed record SheetDto(Guid Id, Guid ArrangementId, Guid AssistantId, LocalDate Month, SheetState State, int Revision, LocalDate Deadline, string? RejectionComment,
        IReadOnlyList<EntryDto> Entries, IReadOnlyList<FindingDto> Findings, IReadOnlyList<string> Incomplete, IReadOnlyList<PayItemDto> PayBasis, IReadOnlyList<TransitionDto> Transitions);

    public sealed record StepDto(Guid Id, int Revision);

    /// <summary>A payroll export made (or found again by its key): its id and where its file is downloaded.</summary>
    public sealed record ExportCreated(Guid Id, string File);

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        const string Sheet = "/timesheets/{id:guid}";
        api.MapPost("/arrangements/{id:guid}/timesheets", async (Guid id, HttpRequest request, TimeSheetService sheets, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<StartBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                if (body.Value!.Month is not { } month) return Invalid.Field("month", "Oppgi måneden (for eksempel 2026-10-01).").ToHttp();
                var result = await sheets.StartAsync(id, month, ct);
                return result.IsSuccess ? Results.Ok(new ApiContract.RecordId(result.Value)) : result.Error!.ToHttp();
            })
            .WithName("StartTimeSheet").WithSummary("Start (eller oppdater) din timeliste for en måned fra den publiserte planen. Gjentatt kall gir samme timeliste.")
            .Accepts<StartBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapGet(Sheet, async (Guid id, TimeSheetService sheets, CancellationToken ct) =>
            {
                var result = await sheets.GetAsync(id, ct);
                return result.IsSuccess ? Results.Ok(ToDto(result.Value!)) : result.Error!.ToHttp();
            })
            .WithName("GetTimeSheet").WithSummary("En timeliste med registreringer, kontroll, lønnsgrunnlag og historikk")
            .Produces<SheetDto>();
        api.MapPost(Sheet + "/entries", async (Guid id, HttpRequest request, TimeSheetService sheets, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<EntryBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var key = request.Headers["Idempotency-Key"].FirstOrDefault();
                if (string.IsNullOrWhiteSpace(key) || key.Length > 100) return Invalid.Field("Idempotency-Key", "Mangler en gyldig idempotensnøkkel (Idempotency-Key, 1-100 tegn).").ToHttp();
                var form = Form(body.Value!);
                var times = form.ToTimes(0);
                if (!times.IsSuccess) return times.Error!.ToHttp();
                var entryId = KeyedId.For($"unplanned:{id}", key);
                var result = await sheets.EditAsync(id, null, (sheet, actor) => sheet.AddUnplanned(entryId, times.Value!, form.Reason, form.Date!.Value, actor).Boxed(), ct);
                return result.IsSuccess ? Results.Created($"/api/v1/timesheets/{id}", new StepDto(entryId, result.Value)) : result.Error!.ToHttp();
            })
            .WithName("AddTimeEntry").WithSummary("Legg til arbeid som ikke var planlagt (med årsak). Idempotency-Key kreves.")
            .Accepts<EntryBody>("application/json")
            .Idempotent(keyRequired: true)
            .Produces<StepDto>(StatusCodes.Status201Created);
        api.MapPut(Sheet + "/entries/{entryId:guid}", async (Guid id, Guid entryId, HttpRequest request, TimeSheetService sheets, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<EntryBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                if (ApiRevision.From(request, body.Value!.Revision) is not { } revision) return ApiRevision.Missing();
                var form = Form(body.Value);
                var result = await sheets.EditAsync(id, revision, (sheet, actor) =>
                {
                    // Passive time keeps its place in the shift (from the plan); only its length is entered.
                    var offset = sheet.Entries.FirstOrDefault(e => e.Id == entryId)?.PassiveOffsetMinutes ?? 0;
                    var times = form.ToTimes(offset);
                    return times.IsSuccess ? sheet.Change(entryId, times.Value!, form.Reason, actor).Boxed() : times.Error!;
                }, ct);
                return Step(id, result);
            })
            .WithName("ChangeTimeEntry").WithSummary("Før faktisk tid for en vakt (med årsak). If-Match: revisjonen du leste.")
            .Accepts<EntryBody>("application/json")
            .Revised()
            .Produces<StepDto>();
        api.MapPost(Sheet + "/entries/{entryId:guid}/confirm", async (Guid id, Guid entryId, HttpRequest request, TimeSheetService sheets, CancellationToken ct) =>
            {
                if (ApiRevision.From(request, null) is not { } revision) return ApiRevision.Missing();
                return Step(id, await sheets.EditAsync(id, revision, (sheet, actor) => sheet.Confirm(entryId, actor).Boxed(), ct));
            })
            .WithName("ConfirmTimeEntry").WithSummary("Bekreft en vakt som arbeidet som planlagt. If-Match: revisjonen du leste.")
            .Revised()
            .Produces<StepDto>();
        api.MapPost(Sheet + "/entries/{entryId:guid}/not-worked", async (Guid id, Guid entryId, HttpRequest request, TimeSheetService sheets, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<NotWorkedBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                if (ApiRevision.From(request, body.Value!.Revision) is not { } revision) return ApiRevision.Missing();
                var b = body.Value;
                return Step(id, await sheets.EditAsync(id, revision, (sheet, actor) => sheet.MarkNotWorked(entryId, b.Reason, b.Substituted, actor).Boxed(), ct));
            })
            .WithName("MarkTimeEntryNotWorked").WithSummary("Merk en vakt som ikke arbeidet, med årsak og om en vikar tok den. If-Match: revisjonen du leste.")
            .Accepts<NotWorkedBody>("application/json")
            .Revised()
            .Produces<StepDto>();
        MapStep(api, Sheet + "/submit", "SubmitTimeSheet", "Send timelisten til godkjenning (kontrollen må være uten mangler).", (s, id, r, _, ct) => s.SubmitAsync(id, r, ct));
        MapStep(api, Sheet + "/approve", "ApproveTimeSheet", "Godkjenn (arbeidsleder eller medarbeidsleder).", (s, id, r, _, ct) => s.ApproveAsync(id, r, ct));
        MapStep(api, Sheet + "/reject", "RejectTimeSheet", "Send i retur til assistenten med kommentar (comment).", (s, id, r, b, ct) => s.RejectAsync(id, r, b.Comment, ct));
        MapStep(api, Sheet + "/attest", "AttestTimeSheet", "Attester (leverandørens administrator eller kontorets koordinator).", (s, id, r, _, ct) => s.AttestAsync(id, r, ct));
        MapDownloads(api);
        api.MapPost("/providers/{id:guid}/payroll-exports", async (Guid id, HttpRequest request, PayrollService payroll, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<ExportBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                if (body.Value!.Month is not { } month) return Invalid.Field("month", "Oppgi måneden (for eksempel 2026-10-01).").ToHttp();
                var result = await payroll.ExportAsync(id, month, body.Value.Format, request.Headers["Idempotency-Key"].FirstOrDefault(), body.Value.ReexportOf, ct);
                return result.IsSuccess ? Results.Created($"/api/v1/payroll-exports/{result.Value}/file", new ExportCreated(result.Value, $"/api/v1/payroll-exports/{result.Value}/file")) : result.Error!.ToHttp();
            })
            .WithName("ExportPayroll").WithSummary("Overfør månedens attesterte timelister til en lønnsfil (generisk, lonnsart-import eller excel). Idempotency-Key kreves; samme timelister overføres ikke to ganger uten reexportOf.")
            .Accepts<ExportBody>("application/json")
            .Idempotent(keyRequired: true)
            .Produces<ExportCreated>(StatusCodes.Status201Created);
    }

    private static void MapStep(RouteGroupBuilder api, string pattern, string name, string summary, Func<TimeSheetService, Guid, int, StepBody, CancellationToken, Task<Result<int>>> step)
        => api.MapPost(pattern, async (Guid id, HttpRequest request, TimeSheetService sheets, CancellationToken ct) =>
            {
                var body = request.ContentLength is > 0 ? await ApiJson.ReadAsync<StepBody>(request, ct) : new StepBody(null, null);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                if (ApiRevision.From(request, body.Value!.Revision) is not { } revision) return ApiRevision.Missing();
                return Step(id, await step(sheets, id, revision, body.Value, ct));
            })
            .WithName(name).WithSummary(summary + " If-Match: revisjonen du leste.")
            .Accepts<StepBody>(isOptional: true, "application/json").Revised().Produces<StepDto>();

    private static IResult Step(Guid id, Result<int> result) => result.IsSuccess ? Results.Ok(new StepDto(id, result.Value)) : result.Error!.ToHttp();

    private static EntryForm Form(EntryBody b) => new(b.Date, b.Start, b.End, b.PauseMinutes, b.PassiveMinutes, b.OvertimeMinutes, b.OvertimeReason, b.Reason);


    public static SheetDto ToDto(SheetView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var s = v.Sheet;
        return new SheetDto(s.Id, s.ArrangementId, s.AssistantId, s.Month, s.State, s.Revision, v.Deadline, s.RejectionComment,
            [.. s.Entries.OrderBy(e => e.Start).Select(e => new EntryDto(e.Id, e.Date, e.Source, e.Status, e.PlannedStart, e.PlannedEnd, e.Start, e.End, e.FreePauseMinutes,
                e.PassiveMinutes, e.OvertimeMinutes, e.OvertimeReason, e.Reason, e.Substituted, e.Counts, e.CorrectsId, e.WorkedMinutes))],
            [.. v.Findings.Select(f => new FindingDto(f.Rule, f.Severity.ToString().ToLowerInvariant(), f.Message, f.From, f.To, f.Shifts))],
            [.. v.Completeness.Select(c => $"{c.EntryId}:{c.Kind}")],
            [.. (v.Basis?.Items ?? []).Select(i => new PayItemDto(i.Category, i.Minutes, i.Rate, i.Amount))],
            [.. s.Transitions.OrderBy(t => t.At).Select(t => new TransitionDto(t.From, t.To, t.At, t.Name, t.Role, t.Comment))]);
    }

    /// <summary>The downloads pages link to, with an API route of their own for integrators (issue 25).</summary>
    private static void MapDownloads(RouteGroupBuilder api)
    {
        api.MapGet("/payroll-exports/{id:guid}/file", PayrollFileAsync)
            .WithName("DownloadPayrollExport").WithSummary("Lønnsfilen fra en overføring (CSV eller Excel, slik den ble laget)")
            .Downloads(ApiContract.Csv, ApiContract.Xlsx);
        api.MapGet("/timesheets/{id:guid}/appendix-2.pdf", AppendixTwoAsync)
            .WithName("DownloadTimeSheetPdf").WithSummary("Timelisten som PDF (vedlegg 2 til særavtalen)")
            .Downloads(ApiContract.Pdf);
        api.MapGet("/assistants/{id:guid}/working-time.csv", (Guid id, string? from, string? to, WorkingTimeRecord record, CancellationToken ct) => WorkingTimeCsvAsync(id, from, to, "from", "to", record, ct))
            .WithName("DownloadWorkingTimeRecord").WithSummary("Arbeidstidsregistreringen for en assistent i en periode (from og to som ÅÅÅÅ-MM-DD), som CSV (AML § 10-7)")
            .Downloads(ApiContract.Csv);
    }

    private static async Task<IResult> PayrollFileAsync(Guid id, PayrollService payroll, CancellationToken ct)
    {
        var export = await payroll.FileAsync(id, ct);
        return export is null ? ErrorMapping.NotFoundProblem() : Results.File(export.Content, export.ContentType, export.FileName);
    }

    private static async Task<IResult> AppendixTwoAsync(Guid id, TimeSheetService sheets, CancellationToken ct)
    {
        var result = await sheets.GetAsync(id, ct);
        if (!result.IsSuccess) return result.Error!.ToHttp();
        var sheet = AppendixTwo.From(result.Value!);
        return Results.File(AppendixTwo.Pdf(sheet), "application/pdf", $"vedlegg2-timeliste-{sheet.Month:yyyy-MM}.pdf");
    }

    private static async Task<IResult> WorkingTimeCsvAsync(Guid id, string? fromText, string? toText, string fromField, string toField, WorkingTimeRecord record, CancellationToken ct)
    {
        var pattern = NodaTime.Text.LocalDatePattern.Iso;
        var from = pattern.Parse(fromText ?? "");
        var to = pattern.Parse(toText ?? "");
        if (!from.Success || !to.Success) return Invalid.Field(from.Success ? toField : fromField, $"Oppgi perioden som {fromField}=ÅÅÅÅ-MM-DD og {toField}=ÅÅÅÅ-MM-DD.").ToHttp();
        var result = await record.ForAsync(id, from.Value, to.Value, ct);
        if (!result.IsSuccess) return result.Error!.ToHttp();
        return Results.File(Reports.ReportFiles.Csv(WorkingTimeRecord.Table(result.Value!)), Reports.ReportFiles.CsvType, $"arbeidstid-{from.Value:yyyy-MM-dd}-{to.Value:yyyy-MM-dd}.csv");
    }

    public static void MapPages(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/lonn/eksport/{id:guid}/fil", PayrollFileAsync).RequireAuthorization();
        app.MapGet("/timelister/{id:guid}/vedlegg-2.pdf", AppendixTwoAsync).RequireAuthorization();
        app.MapGet("/arbeidstid/{id:guid}.csv", (Guid id, string? fra, string? til, WorkingTimeRecord record, CancellationToken ct) => WorkingTimeCsvAsync(id, fra, til, "fra", "til", record, ct))
            .RequireAuthorization();
    }
}
