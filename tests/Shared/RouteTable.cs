using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Selvstyrt.Testing;

/// <summary>The app's own route table, as the authorisation matrix and the page benchmark read it: every method and pattern, static files left out.</summary>
public static class RouteTable
{
    public static IEnumerable<(string Method, string Pattern)> Read(SelvstyrtFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal))) continue;
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]) yield return (method, pattern);
        }
    }
}
