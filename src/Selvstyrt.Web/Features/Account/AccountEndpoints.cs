using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Localization;
using Selvstyrt.Data;
using Selvstyrt.Data.Identity;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Account;

public static class AccountEndpoints
{
    /// <summary>Pages: sign-out (POST, antiforgery-checked) and the language switch.</summary>
    public static void MapPages(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/logg-ut", async ([FromForm] string? returnUrl, SignInManager<AppUser> signIn, HttpContext http) =>
        {
            await signIn.SignOutAsync();
            // Nothing of this user stays in the browser's caches and stores: the offline copy of «Min plan» and the
            // service worker go too (issue 23; the worker also drops a copy that is not the signed-in user's).
            http.Response.Headers["Clear-Site-Data"] = "\"cache\", \"storage\"";
            return TypedResults.LocalRedirect("/logg-inn?utlogget=1");
        }).RequireAuthorization().WithName("SignOut");

        app.MapPost("/sprak", ([FromForm] string culture, [FromForm] string? returnUrl, HttpContext http, Setup.AuthSetup.CookiePolicy cookies) =>
        {
            var chosen = culture == "en" ? "en" : "nb-NO";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Path = "/", HttpOnly = true, Secure = cookies.HttpsOnly || http.Request.IsHttps, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
            return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).WithName("SetLanguage");
    }

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/me", async (ClaimsPrincipal principal, CurrentUser user, SelvstyrtDb db, CancellationToken ct) =>
            TypedResults.Ok(new Me(user.Id, user.DisplayName, await Capabilities.NamesForUserAsync(db, user.Id, user.Today, ct), user.Purpose))).WithName("Me").WithSummary("Den innloggede brukeren");
        api.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            return TypedResults.Ok(new AntiforgeryToken(tokens.HeaderName, tokens.RequestToken));
        }).WithName("AntiforgeryToken").WithSummary("CSRF-token for endringer med informasjonskapsel");
    }

    /// <summary>The signed-in user as the API shows them (<c>GET /api/v1/me</c>).</summary>
    internal sealed record Me(Guid Id, string Name, IReadOnlyList<string> Capabilities, string? Purpose);

    /// <summary>The header and the token a cookie-signed-in client sends with a change (<c>GET /api/v1/antiforgery</c>).</summary>
    internal sealed record AntiforgeryToken(string? HeaderName, string? Token);

    internal static bool IsLocal(string? url)
        => !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
