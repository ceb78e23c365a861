using NodaTime;
using Selvstyrt.Domain.Absences;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Absences;

/// <summary>Absence under <c>/api/v1</c>: report (idempotent on <c>Idempotency-Key</c>) and the user's own absences.</summary>
public static class AbsenceEndpoints
{
    public sealed record AbsenceRequest(Guid? AssistantId, AbsenceKind? Kind, LocalDate? From, LocalDate? To, int? Degree, LocalDate? CertificateDate);

    public static void AddServices(IServiceCollection services) => services.AddScoped<AbsenceReports>();

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
                var answer = new { id = r.Id, vacatedShifts = r.VacatedShifts, findings = r.Findings };
                return r.AlreadyExisted ? Results.Ok(answer) : Results.Created("/api/v1/absences", answer);
            })
            .WithName("ReportAbsence").WithSummary("Meld fravær (egenmelding eller sykmelding); vaktene blir ledige og arbeidslederen får beskjed. Idempotency-Key anbefales.")
            .Accepts<AbsenceRequest>("application/json");
    }
}
