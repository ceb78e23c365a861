using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Selvstyrt.Web.Resources;

namespace Selvstyrt.Web.Http;

/// <summary>
/// The last answer to an exception no feature handled (quality.md S6, found by the long bad-input run on two threads):
/// <list type="bullet">
/// <item>Two people changing the same record at once, where the feature has no answer of its own for it
/// (<see cref="DbUpdateConcurrencyException"/>), get 409 and «try again», not a server error; nothing was saved.</item>
/// <item>Any other error of the API is a problem+json 500 with the request id. Re-executing the error page keeps the
/// method, and a PUT or POST to it answered 405 or 400 with an empty body instead.</item>
/// <item>A page's error after a form post is shown by the error page as a GET, for the same reason.</item>
/// </list>
/// </summary>
public sealed class UnhandledErrors(IProblemDetailsService problems, IStringLocalizer<Texts> texts) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var path = new PathString(httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path);
        var api = path.StartsWithSegments("/api");
        if (exception is DbUpdateConcurrencyException)
        {
            httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
            if (api)
            {
                return await problems.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = httpContext,
                    ProblemDetails = { Status = StatusCodes.Status409Conflict, Title = texts["Error.ConflictTitle"], Detail = texts["Error.Conflict"], Extensions = { ["code"] = "concurrent_change" } },
                });
            }
            await PlainPage.WriteAsync(httpContext, StatusCodes.Status409Conflict, texts["Error.ConflictTitle"], texts["Error.Conflict"], path.Value ?? "/", texts["Form.RejectedReload"]);
            return true;
        }
        if (api)
        {
            httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = { Status = StatusCodes.Status500InternalServerError, Title = texts["Error.Title"], Detail = texts["Error.Text"] },
            });
        }
        // The error page is a page: shown as a GET whatever the failed request's method was.
        httpContext.Request.Method = HttpMethods.Get;
        return false;
    }
}
