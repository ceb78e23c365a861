using System.Net;
using Microsoft.AspNetCore.Antiforgery;

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
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/html; charset=utf-8";
                var back = WebUtility.HtmlEncode(context.Request.Path.Value ?? "/");
                await context.Response.WriteAsync(
                    "<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\"><title>Skjemaet kunne ikke sendes – Selvstyrt</title></head>"
                    + "<body><main><h1>Skjemaet kunne ikke sendes</h1><p>Sikkerhetsnøkkelen i skjemaet manglet eller var utløpt. Ingenting er lagret. "
                    + $"<a href=\"{back}\">Last inn siden på nytt</a> og prøv igjen.</p></main></body></html>");
                return;
            }
            await next(context);
        });
}
