using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Swaps;

/// <summary>Shift swaps under <c>/api/v1</c>: propose (idempotent on <c>Idempotency-Key</c>), answer, withdraw, approve or reject, the arrangement's policy.</summary>
public static class SwapEndpoints
{
    public sealed record ProposeBody(Guid? PlanId, string? ShiftKey, Guid? ToAssistantId, string? ReturnShiftKey, string? Note);

    public sealed record RejectBody(string? Reason);

    public sealed record PolicyBody(bool CleanSwapsWithoutApproval);

    public static void AddServices(IServiceCollection services) => services.AddScoped<ShiftSwaps>();

    /// <summary>A swap after a step: its id, where it stands, and why it closed when it did.</summary>
    public sealed record SwapAnswer(Guid Id, Domain.Plans.ShiftSwapState State, string? ClosedReason);

    private static SwapAnswer Answer(Domain.Plans.ShiftSwap s) => new(s.Id, s.State, s.ClosedReason);

    /// <summary>The arrangement's swap policy.</summary>
    public sealed record SwapPolicy(bool CleanSwapsWithoutApproval);

    /// <summary>An arrangement's swaps, whether the caller decides them, and whether clean swaps need no approval.</summary>
    public sealed record SwapList(bool CanDecide, bool CleanSwapsWithoutApproval, IReadOnlyList<SwapView> Swaps);

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/shift-swaps", async (ShiftSwaps swaps, CancellationToken ct) => Results.Ok(await swaps.MineAsync(ct)))
            .WithName("ListMyShiftSwaps").WithSummary("Vaktbytter du har foreslått, og forespørsler du kan svare på")
            .Produces<List<SwapView>>();
        api.MapPost("/shift-swaps", async (HttpRequest request, ShiftSwaps swaps, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<ProposeBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var key = request.Headers["Idempotency-Key"].ToString();
                var result = await swaps.ProposeAsync(new ShiftSwaps.Input(b.PlanId, b.ShiftKey, b.ToAssistantId, b.ReturnShiftKey, b.Note), key.Length == 0 ? null : key, ct);
                if (!result.IsSuccess) return result.Error!.ToHttp();
                var answer = new ApiContract.RecordId(result.Value.Id);
                return result.Value.AlreadyExisted ? Results.Ok(answer) : Results.Created($"/api/v1/shift-swaps/{result.Value.Id}", answer);
            })
            .WithName("ProposeShiftSwap").WithSummary("Foreslå å gi bort en av dine vakter (til en kollega eller hvem som helst i ordningen) eller bytte den mot en kollegas vakt. Idempotency-Key anbefales.")
            .Accepts<ProposeBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapPost("/shift-swaps/{id:guid}/accept", async (Guid id, ShiftSwaps swaps, CancellationToken ct) =>
            {
                var result = await swaps.AcceptAsync(id, ct);
                return result.IsSuccess ? Results.Ok(Answer(result.Value!)) : result.Error!.ToHttp();
            })
            .WithName("AcceptShiftSwap").WithSummary("Si ja: regelmotoren vurderer byttet; rene bytter gjøres straks der ordningen tillater det, ellers godkjenner arbeidslederen")
            .Produces<SwapAnswer>();
        api.MapPost("/shift-swaps/{id:guid}/decline", async (Guid id, ShiftSwaps swaps, CancellationToken ct) =>
            {
                var result = await swaps.DeclineAsync(id, ct);
                return result.IsSuccess ? Results.Ok(Answer(result.Value!)) : result.Error!.ToHttp();
            })
            .WithName("DeclineShiftSwap").WithSummary("Si nei til en forespørsel om vaktbytte")
            .Produces<SwapAnswer>();
        api.MapPost("/shift-swaps/{id:guid}/withdraw", async (Guid id, ShiftSwaps swaps, CancellationToken ct) =>
            {
                var result = await swaps.WithdrawAsync(id, ct);
                return result.IsSuccess ? Results.Ok(Answer(result.Value!)) : result.Error!.ToHttp();
            })
            .WithName("WithdrawShiftSwap").WithSummary("Trekk tilbake ditt forslag mens det er åpent")
            .Produces<SwapAnswer>();
        api.MapGet("/arrangements/{id:guid}/shift-swaps", async (Guid id, ShiftSwaps swaps, CancellationToken ct) =>
            {
                var result = await swaps.ForArrangementAsync(id, ct);
                if (!result.IsSuccess) return result.Error!.ToHttp();
                var (_, canDecide, withoutApproval, list) = result.Value;
                return Results.Ok(new SwapList(canDecide, withoutApproval, list));
            })
            .WithName("ListArrangementShiftSwaps").WithSummary("Ordningens vaktbytter: de som venter på godkjenning, og de siste 30 dagene")
            .Produces<SwapList>();
        api.MapPost("/arrangements/{id:guid}/shift-swaps/{swapId:guid}/approve", async (Guid id, Guid swapId, ShiftSwaps swaps, CancellationToken ct) =>
            {
                var result = await swaps.ApproveAsync(id, swapId, ct);
                return result.IsSuccess ? Results.Ok(Answer(result.Value!)) : result.Error!.ToHttp();
            })
            .WithName("ApproveShiftSwap").WithSummary("Godkjenn et bytte (regelmotoren vurderer det på nytt); planen endres")
            .Produces<SwapAnswer>();
        api.MapPost("/arrangements/{id:guid}/shift-swaps/{swapId:guid}/reject", async (Guid id, Guid swapId, HttpRequest request, ShiftSwaps swaps, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<RejectBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await swaps.RejectAsync(id, swapId, body.Value!.Reason, ct);
                return result.IsSuccess ? Results.Ok(Answer(result.Value!)) : result.Error!.ToHttp();
            })
            .WithName("RejectShiftSwap").WithSummary("Avslå et bytte med en begrunnelse begge får")
            .Accepts<RejectBody>("application/json")
            .Produces<SwapAnswer>();
        api.MapPut("/arrangements/{id:guid}/swap-policy", async (Guid id, HttpRequest request, ShiftSwaps swaps, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<PolicyBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await swaps.SetPolicyAsync(id, body.Value!.CleanSwapsWithoutApproval, ct);
                return result.IsSuccess ? Results.Ok(new SwapPolicy(result.Value)) : result.Error!.ToHttp();
            })
            .WithName("SetSwapPolicy").WithSummary("Om rene bytter (ingen nye funn for noen) gjøres uten godkjenning")
            .Accepts<PolicyBody>("application/json")
            .Produces<SwapPolicy>();
    }
}
