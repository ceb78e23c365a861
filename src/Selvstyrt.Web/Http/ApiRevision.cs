using System.Globalization;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Web.Http;

/// <summary>The revision an API caller read, from <c>If-Match</c> or the body, so that a stale change is refused (412 for <c>If-Match</c>, 409 for the body) and never a lost update.</summary>
public static class ApiRevision
{
    public static int? From(HttpRequest request, int? body)
        => int.TryParse(Header(request), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : body;

    /// <summary>
    /// The version (a record's stamp, <see cref="RecordVersion"/>) the caller read: <c>If-Match</c> first, as for a revision, so
    /// that a stale one is always the precondition that failed (412), else the body's <c>version</c>.
    /// </summary>
    public static string? Version(HttpRequest request, string? body) => Header(request) is { Length: > 0 } header ? header : body;

    private static string? Header(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.IfMatch.FirstOrDefault()?.Trim().Trim('"');
    }

    public static IResult Missing() => Invalid.Field("If-Match", "Send revisjonen du leste (If-Match eller «revision»), så ingen endringer går tapt.").ToHttp();
}
