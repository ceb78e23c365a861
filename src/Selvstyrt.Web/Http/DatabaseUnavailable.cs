using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using Selvstyrt.Web.Resources;

namespace Selvstyrt.Web.Http;

/// <summary>
/// Answers a request that failed because the database is out of reach (quality.md R2: a crash of the database and its
/// recovery) without touching the database again: 503 with <c>Retry-After</c>, as a Norwegian problem for the API and as a
/// plain page for the browser. The ordinary error page cannot be used then: signing the user in again to render it reads the
/// database, which would fail the error handler and turn the answer into an empty 500.
/// </summary>
public sealed class DatabaseUnavailable(IProblemDetailsService problems, IStringLocalizer<Texts> texts) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!ErrorMapping.IsUnavailable(exception)) return false;
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = ErrorMapping.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The middleware has already pointed the request at the error page; the feature keeps the path that failed.
        var path = new PathString(httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path);
        if (path.StartsWithSegments("/api"))
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable } });
        await PlainPage.WriteAsync(httpContext, StatusCodes.Status503ServiceUnavailable, texts["Error.UnavailableTitle"], texts["Error.Unavailable"], requestIdText: texts["Error.RequestId"]);
        return true;
    }
}
