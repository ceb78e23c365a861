using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Absences;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Holidays;

/// <summary>Holidays under <c>/api/v1</c>: wishes (idempotent on <c>Idempotency-Key</c>), the arrangement's round and plan, decisions, carry-over, holiday pay.</summary>
public static class HolidayEndpoints
{
    public sealed record WishBody(Guid? AssistantId, LocalDate? From, LocalDate? To, bool Main);

    public sealed record RoundBody(int? Year, LocalDate? WishesBy);

    public sealed record GrantBody(LocalDate? From, LocalDate? To);

    public sealed record RefuseBody(string? Reason);

    public sealed record CarryOverBody(int? FromYear, int? Days, LocalDate? AgreedOn);

    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<HolidayPlans>();
        services.AddScoped<HolidayPayReport>();
    }

    /// <summary>The year asked for, or this year; a year that is not a number is a field error.</summary>
    private static Result<int> Year(string? year, CurrentUser user)
        => year is null ? user.Today.Year
            : int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is > 1999 and < 2200 ? y
            : Invalid.Field("year", "Oppgi året som et tall, som 2027.");

    private static AbsenceEndpoints.VacatedAnswer Answer(HolidayPlans.Decided d) => new(d.Id, d.VacatedShifts, d.Findings);

    /// <summary>A granted holiday taken back: how many of its shifts are the assistant's again.</summary>
    public sealed record RevokedHoliday(Guid Id, int RestoredShifts);

    /// <summary>An assistant's holiday year and the carry-overs agreed.</summary>
    public sealed record AssistantHolidays(HolidayPlans.Account Account, IReadOnlyList<CarryOver> CarryOvers);

    /// <summary>Holiday days carried over from a year, and when it was agreed.</summary>
    public sealed record CarryOver(int FromYear, int Days, LocalDate AgreedOn);

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/holidays", async (string? year, HolidayPlans holidays, CurrentUser user, CancellationToken ct) =>
            {
                var y = Year(year, user);
                return y.IsSuccess ? Results.Ok(await holidays.MineAsync(y.Value, ct)) : y.Error!.ToHttp();
            })
            .WithName("ListMyHolidays").WithSummary("Ditt ferieår (year): dagene du har rett på, overført, innvilget og igjen, ønskene dine med svar, og fristene for ønsker")
            .Produces<List<HolidayPlans.Mine>>();
        api.MapPost("/holidays", async (HttpRequest request, HolidayPlans holidays, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<WishBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var key = request.Headers["Idempotency-Key"].ToString();
                var result = await holidays.WishAsync(b.AssistantId, b.From, b.To, b.Main, key.Length == 0 ? null : key, ct);
                if (!result.IsSuccess) return result.Error!.ToHttp();
                return result.Value!.AlreadyExisted ? Results.Ok(Answer(result.Value)) : Results.Created("/api/v1/holidays", Answer(result.Value));
            })
            .WithName("WishHoliday").WithSummary("Ønsk ferie (fra, til, om det er hovedferien); arbeidslederen får beskjed. Idempotency-Key anbefales.")
            .Accepts<WishBody>("application/json")
            .Idempotent()
            .Produces<AbsenceEndpoints.VacatedAnswer>(StatusCodes.Status201Created).Produces<AbsenceEndpoints.VacatedAnswer>();
        api.MapPost("/holidays/{id:guid}/withdraw", async (Guid id, HolidayPlans holidays, CancellationToken ct) =>
            {
                var result = await holidays.WithdrawAsync(id, ct);
                return result.IsSuccess ? Results.Ok(Answer(result.Value!)) : result.Error!.ToHttp();
            })
            .WithName("WithdrawHolidayWish").WithSummary("Trekk et ferieønske som ikke er besvart")
            .Produces<AbsenceEndpoints.VacatedAnswer>();
        api.MapGet("/arrangements/{id:guid}/holidays", async (Guid id, string? year, HolidayPlans holidays, CurrentUser user, CancellationToken ct) =>
            {
                var y = Year(year, user);
                if (!y.IsSuccess) return y.Error!.ToHttp();
                var result = await holidays.PlanAsync(id, y.Value, ct);
                return result.IsSuccess ? Results.Ok(result.Value) : result.Error!.ToHttp();
            })
            .WithName("GetHolidayPlan").WithSummary("Ferieplanen for ordningen (year): hver assistents ferieår, ønskene med hva de gjør med arbeidsplanen, og svarene")
            .Produces<HolidayPlans.Plan>();
        api.MapPut("/arrangements/{id:guid}/holiday-round", async (Guid id, HttpRequest request, HolidayPlans holidays, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<RoundBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await holidays.SetRoundAsync(id, body.Value!.Year, body.Value.WishesBy, ct);
                return result.IsSuccess ? Results.Ok(result.Value) : result.Error!.ToHttp();
            })
            .WithName("SetHolidayRound").WithSummary("Sett fristen for ferieønsker for et år; assistentene i ordningen får beskjed")
            .Accepts<RoundBody>("application/json")
            .Produces<HolidayPlans.Round>();
        api.MapPost("/arrangements/{id:guid}/holidays/{requestId:guid}/grant", async (Guid id, Guid requestId, HttpRequest request, HolidayPlans holidays, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<GrantBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await holidays.GrantAsync(id, requestId, body.Value!.From, body.Value.To, ct);
                return result.IsSuccess ? Results.Ok(Answer(result.Value!)) : result.Error!.ToHttp();
            })
            .WithName("GrantHoliday").WithSummary("Innvilg et ferieønske, som ønsket eller med andre datoer; vaktene i ferien blir ledige")
            .Accepts<GrantBody>("application/json")
            .Produces<AbsenceEndpoints.VacatedAnswer>();
        // Refusing a wish and taking a granted holiday back both carry the reason the assistant is told.
        RouteHandlerBuilder WithReason(string verb, Func<HolidayPlans, Guid, Guid, string?, CancellationToken, Task<Result<HolidayPlans.Decided>>> decide, Func<HolidayPlans.Decided, object> answer)
            => api.MapPost($"/arrangements/{{id:guid}}/holidays/{{requestId:guid}}/{verb}", async (Guid id, Guid requestId, HttpRequest request, HolidayPlans holidays, CancellationToken ct) =>
                {
                    var body = await ApiJson.ReadAsync<RefuseBody>(request, ct);
                    if (!body.IsSuccess) return body.Error!.ToHttp();
                    var result = await decide(holidays, id, requestId, body.Value!.Reason, ct);
                    return result.IsSuccess ? Results.Ok(answer(result.Value!)) : result.Error!.ToHttp();
                })
                .Accepts<RefuseBody>("application/json");
        WithReason("refuse", (h, id, r, reason, ct) => h.RefuseAsync(id, r, reason, ct), Answer)
            .WithName("RefuseHoliday").WithSummary("Avslå et ferieønske med begrunnelse (en hovedferie assistenten kan kreve, kan ikke avslås)")
            .Produces<AbsenceEndpoints.VacatedAnswer>();
        WithReason("revoke", (h, id, r, reason, ct) => h.RevokeAsync(id, r, reason, ct), d => new RevokedHoliday(d.Id, d.VacatedShifts))
            .WithName("RevokeHoliday").WithSummary("Trekk tilbake innvilget ferie før den begynner, med begrunnelse (ferieloven § 6); vaktene som ingen vikar har tatt, blir assistentens igjen")
            .Produces<RevokedHoliday>();
        api.MapGet("/assistants/{id:guid}/holidays", async (Guid id, string? year, HolidayPlans holidays, CurrentUser user, CancellationToken ct) =>
            {
                var y = Year(year, user);
                if (!y.IsSuccess) return y.Error!.ToHttp();
                var result = await holidays.ForAssistantAsync(id, y.Value, ct);
                return result.IsSuccess
                    ? Results.Ok(new AssistantHolidays(result.Value.Account, [.. result.Value.CarryOvers.Select(c => new CarryOver(c.FromYear, c.Days, c.AgreedOn))]))
                    : result.Error!.ToHttp();
            })
            .WithName("GetAssistantHolidays").WithSummary("En assistents ferieår og avtalte overføringer, for arbeidsgiveren")
            .Produces<AssistantHolidays>();
        api.MapPut("/assistants/{id:guid}/holiday-carry-over", async (Guid id, HttpRequest request, HolidayPlans holidays, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<CarryOverBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await holidays.CarryOverAsync(id, body.Value!.FromYear, body.Value.Days, body.Value.AgreedOn, ct);
                return result.IsSuccess ? Results.Ok(new ApiContract.RecordId(result.Value)) : result.Error!.ToHttp();
            })
            .WithName("SetHolidayCarryOver").WithSummary("Registrer feriedager avtalt overført til neste år (høyst 12, ferieloven § 7)")
            .Accepts<CarryOverBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapGet("/providers/{id:guid}/holiday-pay", async (Guid id, string? year, HolidayPayReport report, CurrentUser user, CancellationToken ct) =>
            {
                var y = Year(year, user);
                if (!y.IsSuccess) return y.Error!.ToHttp();
                var result = await report.ForYearAsync(id, y.Value, ct);
                return result.IsSuccess ? Results.Ok(result.Value) : result.Error!.ToHttp();
            })
            .WithName("GetHolidayPayBasis").WithSummary("Feriepengegrunnlaget per assistent for et opptjeningsår (year), med feriepengene som utbetales året etter (ferieloven § 10)")
            .Produces<HolidayPayReport.Report>();
    }
}
