using System.Net;
using Xunit;

namespace Selvstyrt.Web.Tests;

/// <summary>Pages as text a person reads: Blazor escapes æøå as entities, so assertions compare decoded HTML.</summary>
public static class Html
{
    public static async Task<string> ReadAsync(HttpResponseMessage response)
        => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    public static async Task<string> GetAsync(HttpClient client, string path, CancellationToken ct = default)
        => WebUtility.HtmlDecode(await client.GetStringAsync(path, ct));

    public static Task<string> GetAsync(HttpClient client, Uri? path, CancellationToken ct = default)
        => GetAsync(client, path!.ToString(), ct);
}
