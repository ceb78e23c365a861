using Selvstyrt.Domain.Users;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Users;

/// <summary>People and their access: one-time links to choose a password (first administrator, reset), invitations to roles and revocations.</summary>
public static class UserEndpoints
{
    public sealed record InvitationRequest(string? Email, string? Name, RoleKind? Role, Guid? ScopeId);

    public sealed record RevokeRequest(RoleKind? Role, Guid? ScopeId);

    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<PasswordLinkService>();
        services.AddScoped<Invitations>();
        services.AddScoped<RoleLog>();
    }

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/users", async (Invitations invitations, CancellationToken ct) => TypedResults.Ok(await invitations.ListAsync(ct)))
            .WithName("ListUsers").WithSummary("Personene med roller hos leverandøren (administrator) eller i kontorets ordninger (koordinator)");
        api.MapGet("/role-changes", async (RoleLog log, CancellationToken ct) => TypedResults.Ok(await log.ListAsync(ct) ?? []))
            .WithName("ListRoleChanges").WithSummary("Rolleloggen hos leverandørene brukeren administrerer: hvem som fikk eller mistet hvilken rolle, hvor, av hvem og når (nyeste først, høyst 500; tom for andre)");
        api.MapPost("/invitations", async (HttpRequest request, Invitations invitations, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<InvitationRequest>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var key = request.Headers["Idempotency-Key"].ToString();
                var result = await invitations.InviteAsync(new Invitations.Command(b.Email, b.Name, b.Role, b.ScopeId, key.Length == 0 ? null : key), ct);
                if (!result.IsSuccess) return result.Error!.ToHttp();
                return result.Value!.AlreadyHeld ? Results.Ok(result.Value) : Results.Created("/api/v1/users", result.Value);
            })
            .WithName("InviteUser").WithSummary("Inviter en person til en rolle på e-post (krever Idempotency-Key; samme rolle to ganger endrer ingenting)")
            .Accepts<InvitationRequest>("application/json")
            .Idempotent(keyRequired: true)
            .Produces<Invitations.Invited>(StatusCodes.Status201Created).Produces<Invitations.Invited>();
        api.MapPost("/users/{id:guid}/revoke", async (Guid id, HttpRequest request, Invitations invitations, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<RevokeRequest>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var result = await invitations.RevokeAsync(id, body.Value!.Role, body.Value.ScopeId, ct);
                return result.IsSuccess ? Results.NoContent() : result.Error!.ToHttp();
            })
            .WithName("RevokeRole").WithSummary("Fjern en rolle fra en person; tilgangen stopper med en gang")
            .Accepts<RevokeRequest>("application/json")
            .Produces(StatusCodes.Status204NoContent);
        api.MapPost("/users/{id:guid}/disable", async (Guid id, Invitations invitations, CancellationToken ct) =>
            {
                var result = await invitations.SetDisabledAsync(id, true, ct);
                return result.IsSuccess ? Results.NoContent() : result.Error!.ToHttp();
            })
            .WithName("DisableUser").WithSummary("Steng en konto: alle økter slutter med en gang (administrator for alle personens leverandører)")
            .Produces(StatusCodes.Status204NoContent);
        api.MapPost("/users/{id:guid}/enable", async (Guid id, Invitations invitations, CancellationToken ct) =>
            {
                var result = await invitations.SetDisabledAsync(id, false, ct);
                return result.IsSuccess ? Results.NoContent() : result.Error!.ToHttp();
            })
            .WithName("EnableUser").WithSummary("Åpne en stengt konto igjen")
            .Produces(StatusCodes.Status204NoContent);
    }
}
