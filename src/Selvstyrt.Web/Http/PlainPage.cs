using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Selvstyrt.Web.Http;

/// <summary>
/// The plain page written where the app's layout cannot be rendered (the database out of reach, a form refused before any
/// page code runs, a concurrent change): the title as heading, the text, and a link back or the request id.
/// </summary>
public static class PlainPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Writes the page with <paramref name="status"/>; <paramref name="back"/> adds «<paramref name="backText"/>» as a link to it.</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string text, string? back = null, string? backText = null, string? requestIdText = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        context.Response.ContentLength = null;
        context.Response.ContentType = "text/html; charset=utf-8";
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nb";
        var link = back is null ? "" : $" <a href=\"{Html.Encode(back)}\">{Html.Encode(backText ?? back)}</a>.";
        var id = requestIdText is null ? "" : $"<p>{Html.Encode(requestIdText)} <code>{Html.Encode(context.TraceIdentifier)}</code></p>";
        return context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + $"<title>{Html.Encode(title)} – Selvstyrt</title></head><body><main><h1>{Html.Encode(title)}</h1><p>{Html.Encode(text)}{link}</p>{id}</main></body></html>",
            context.RequestAborted);
    }
}
