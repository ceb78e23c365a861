using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Selvstyrt.Data;
using Selvstyrt.Data.Identity;

namespace Selvstyrt.Web.Auth;

public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string Header = "X-Api-Key";
}

/// <summary>
/// Authenticates integrations by API key (<c>Authorization: ApiKey …</c> or <c>X-Api-Key</c>). The key
/// maps to a service account whose grants scope it exactly like a user; revoked keys and disabled
/// accounts are refused.
/// </summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SelvstyrtDb db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public static string? KeyFrom(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("ApiKey ", StringComparison.OrdinalIgnoreCase)) return header["ApiKey ".Length..].Trim();
        var direct = request.Headers[ApiKeyDefaults.Header].ToString();
        return string.IsNullOrWhiteSpace(direct) ? null : direct.Trim();
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = KeyFrom(Request);
        if (key is null) return AuthenticateResult.NoResult();
        var prefix = ApiKeySecrets.PrefixOf(key);
        if (prefix is null) return AuthenticateResult.Fail("Ugyldig API-nøkkel.");
        var row = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix && k.RevokedAt == null, Context.RequestAborted);
        if (row is null || !ApiKeySecrets.Matches(key, row.SecretHash)) return AuthenticateResult.Fail("Ugyldig API-nøkkel.");
        var account = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == row.UserId, Context.RequestAborted);
        if (account is null || account.IsDisabled) return AuthenticateResult.Fail("Ugyldig API-nøkkel.");
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()),
                new Claim(ClaimTypes.Name, account.UserName ?? account.DisplayName),
                new Claim(SelvstyrtClaims.DisplayName, account.DisplayName),
            ],
            ApiKeyDefaults.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
