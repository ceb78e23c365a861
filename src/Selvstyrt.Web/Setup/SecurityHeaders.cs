using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using Selvstyrt.Web.Http;
using Selvstyrt.Web.Resources;

namespace Selvstyrt.Web.Setup;

/// <summary>
/// The response headers of quality.md S5 on every response: a strict CSP with
/// <c>frame-ancestors 'none'</c>, <c>nosniff</c>, a referrer policy, and <c>no-store</c> whenever
/// someone is signed in so that personal data never lands in a shared cache.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, OidcSettings oidc)
    {
        var formAction = "'self'";
        if (oidc.IsConfigured && Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority))
            formAction += " " + authority.GetLeftPart(UriPartial.Authority);
        var csp = "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; "
                  + $"form-action {formAction}; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'";
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = csp;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.Remove("Server");
                if (context.User.Identity?.IsAuthenticated == true)
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                    if (OfflineUser.KeyOf(context.User) is { } key) headers[OfflineUser.Header] = key;
                }
                return Task.CompletedTask;
            });
            await next(context);
        });
    }

    /// <summary>
    /// A form posted without a valid antiforgery token (a forged cross-site post, or a page left open
    /// past its token's life) gets a plain 400 in Norwegian before any page code runs, never a 500.
    /// </summary>
    public static IApplicationBuilder UseRejectedFormPosts(this IApplicationBuilder app)
        => app.Use(async (context, next) =>
        {
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                await WriteRejectedFormAsync(context, "Form.RejectedToken");
                return;
            }
            await next(context);
        });

    /// <summary>
    /// A page's answer to a form post it could not take (quality.md S6): for a form the page no longer shows (sent twice, or
    /// from a tab opened before the page changed) Blazor answers 400 with an English line in plain text, or nothing, and the
    /// not-found page re-executed as a POST would fail the same way. A form post's answer is held back until it is complete;
    /// that one is replaced by a Norwegian page that says so and leads back, every other goes out as it came.
    /// </summary>
    public static async Task AnswerStaleFormPostsAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!HttpMethods.IsPost(context.Request.Method) || !IsForm(context.Request.ContentType))
        {
            await next(context);
            return;
        }
        var body = context.Response.Body;
        using var held = new MemoryStream();
        context.Response.Body = held;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }
        if (IsStaleFormAnswer(context))
        {
            await WriteRejectedFormAsync(context, "Form.RejectedStale");
            return;
        }
        held.Position = 0;
        await held.CopyToAsync(body, context.RequestAborted);
    }

    // The content type from the header: after a failed antiforgery check the form feature throws on any use.
    private static bool IsForm(string? contentType)
        => contentType is not null && (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase));

    private static bool IsStaleFormAnswer(HttpContext context)
        => context.Response.StatusCode == StatusCodes.Status400BadRequest && !context.Response.HasStarted
            && context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: false }
            && (context.Response.ContentType is null || context.Response.ContentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase));

    /// <summary>Writes the «form could not be sent» page with the reason under <paramref name="reasonKey"/> (400).</summary>
    public static Task WriteRejectedFormAsync(HttpContext context, string reasonKey)
    {
        ArgumentNullException.ThrowIfNull(context);
        var t = context.RequestServices.GetRequiredService<IStringLocalizer<Texts>>();
        return PlainPage.WriteAsync(context, StatusCodes.Status400BadRequest, t["Form.RejectedTitle"], t[reasonKey], context.Request.Path.Value ?? "/", t["Form.RejectedReload"]);
    }
}

/// <summary>
/// Whose page a response is, for the service worker (wwwroot/sw.js) that keeps «Min plan» readable offline: an opaque
/// key per user, sent on every response to a signed-in user and never on another's. The worker keeps a page only with
/// its key and drops every kept page when a response shows another key or none (signed out), so it never shows one
/// user's page to another.
/// </summary>
public static class OfflineUser
{
    public const string Header = "X-Selvstyrt-User";

    public static string? KeyOf(System.Security.Claims.ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        return id is null ? null : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("selvstyrt-offline:" + id)))[..24].ToLowerInvariant();
    }
}
