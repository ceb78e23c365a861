using System.Globalization;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Web.Http;

/// <summary>The revision an API caller read, from <c>If-Match</c> or the body, so that a stale change is a 409 and never a lost update.</summary>
public static class ApiRevision
{
    public static int? From(HttpRequest request, int? body)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.IfMatch.FirstOrDefault()?.Trim().Trim('"');
        return int.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : body;
    }

    public static IResult Missing() => Invalid.Field("If-Match", "Send revisjonen du leste (If-Match eller «revision»), så ingen endringer går tapt.").ToHttp();
}
