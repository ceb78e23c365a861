using Selvstyrt.Web.Setup;

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
}
