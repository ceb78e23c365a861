using NodaTime;
using Selvstyrt.Domain.Absences;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Absences;

/// <summary>Absence under <c>/api/v1</c>: report (idempotent on <c>Idempotency-Key</c>) and the user's own absences.</summary>
public static class AbsenceEndpoints
{
    public sealed record AbsenceRequest(Guid? AssistantId, AbsenceKind? Kind, LocalDate? From, LocalDate? To, int? Degree, LocalDate? CertificateDate);

    public sealed record LastDayRequest(LocalDate? To);

    public sealed record CareRequest(Guid? AssistantId, IReadOnlyList<CareChild>? Children, bool SoleCarer);

    public static void AddServices(IServiceCollection services) => services.AddScoped<AbsenceReports>();

    /// <summary>
    /// An absence (or a holiday, <c>HolidayEndpoints</c>) reported, changed or decided: its id, the shifts it left vacant and the
    /// rule findings that follow.
    /// </summary>
    public sealed record VacatedAnswer(Guid Id, int VacatedShifts, IReadOnlyList<Domain.Absences.AbsenceFinding> Findings);

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/absences", async (AbsenceReports absences, CancellationToken ct) => TypedResults.Ok(await absences.MineAsync(ct)))
            .WithName("ListMyAbsences").WithSummary("Ditt eget fravær med arbeidsgiverperioden, nyeste først");
        api.MapPost("/absences", async (HttpRequest request, AbsenceReports absences, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<AbsenceRequest>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var key = request.Headers["Idempotency-Key"].ToString();
                var result = await absences.ReportAsync(new AbsenceReports.Input(b.AssistantId, b.Kind, b.From, b.To, b.Degree, b.CertificateDate), key.Length == 0 ? null : key, ct);
                if (!result.IsSuccess) return result.Error!.ToHttp();
                var r = result.Value!;
                var answer = new VacatedAnswer(r.Id, r.VacatedShifts, r.Findings);
                return r.AlreadyExisted ? Results.Ok(answer) : Results.Created("/api/v1/absences", answer);
            })
            .WithName("ReportAbsence").WithSummary("Meld fravær (egenmelding eller sykmelding); vaktene blir ledige og arbeidslederen får beskjed. Idempotency-Key anbefales.")
            .Accepts<AbsenceRequest>("application/json")
            .Idempotent()
            .Produces<VacatedAnswer>(StatusCodes.Status201Created).Produces<VacatedAnswer>();
        api.MapGet("/arrangements/{id:guid}/absences", async (Guid id, string? from, string? to, AbsenceReports absences, Selvstyrt.Web.Auth.CurrentUser user, CancellationToken ct) =>
            {
                var first = from is null ? NodaTime.Text.ParseResult<LocalDate>.ForValue(user.Today.PlusDays(-30)) : NodaTime.Text.LocalDatePattern.Iso.Parse(from);
                var last = to is null ? NodaTime.Text.ParseResult<LocalDate>.ForValue(user.Today.PlusDays(60)) : NodaTime.Text.LocalDatePattern.Iso.Parse(to);
                if (!first.Success) return Selvstyrt.Domain.Common.Invalid.Field("from", "Oppgi en dato som 2026-11-01.").ToHttp();
                if (!last.Success) return Selvstyrt.Domain.Common.Invalid.Field("to", "Oppgi en dato som 2026-11-30.").ToHttp();
                var result = await absences.ForArrangementAsync(id, first.Value, last.Value, ct);
                return result.IsSuccess ? Results.Ok(result.Value.Rows) : result.Error!.ToHttp();
            })
            .WithName("ListArrangementAbsences").WithSummary("Fraværet til ordningens assistenter (from/to, standard 30 dager tilbake og 60 fram): hvem og når for arbeidslederen; arten, graden og arbeidsgiverperioden bare for arbeidsgiveren")
            .Produces<List<AbsenceReports.InArrangement>>();
        api.MapGet("/assistants/{id:guid}/absences", async (Guid id, AbsenceReports absences, CancellationToken ct) =>
            {
                var result = await absences.ForAssistantAsync(id, ct);
                return result.IsSuccess ? Results.Ok(result.Value) : result.Error!.ToHttp();
            })
            .WithName("ListAssistantAbsences").WithSummary("En assistents fravær og permisjon for arbeidsgiveren (administrator, kontorets koordinator), med arbeidsgiverens dager")
            .Produces<AbsenceReports.Mine>();
        api.MapPut("/absences/care", async (HttpRequest request, AbsenceReports absences, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<CareRequest>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await absences.SetCareAsync(body.Value!.AssistantId, body.Value.Children, body.Value.SoleCarer, ct);
                return result.IsSuccess ? Results.Ok(result.Value) : result.Error!.ToHttp();
            })
            .WithName("SetSickChildCare").WithSummary("Barna (fødselsår, kronisk syk) og om du er alene om omsorgen: grunnlaget for omsorgsdager (folketrygdloven § 9-6); ingen navn")
            .Accepts<CareRequest>("application/json")
            .Produces<AbsenceReports.Mine>();
        api.MapPut("/absences/{id:guid}/last-day", async (Guid id, HttpRequest request, AbsenceReports absences, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<LastDayRequest>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await absences.ChangeLastDayAsync(id, body.Value!.To, ct);
                return result.IsSuccess ? Results.Ok(new VacatedAnswer(id, result.Value!.VacatedShifts, result.Value.Findings)) : result.Error!.ToHttp();
            })
            .WithName("ChangeAbsenceLastDay").WithSummary("Flytt siste fraværsdag: tilbake tidligere gir vaktene tilbake, lengre fravær gjør flere vakter ledige")
            .Accepts<LastDayRequest>("application/json")
            .Produces<VacatedAnswer>();
        api.MapPost("/absences/{id:guid}/cancel", async (Guid id, AbsenceReports absences, CancellationToken ct) =>
            {
                var result = await absences.CancelAsync(id, ct);
                return result.IsSuccess ? Results.Ok(new ApiContract.RecordId(id)) : result.Error!.ToHttp();
            })
            .WithName("CancelAbsence").WithSummary("Avlys et fravær som ble meldt ved en feil; vaktene som ikke er tatt av en vikar, blir assistentens igjen")
            .Produces<ApiContract.RecordId>();
    }
}
