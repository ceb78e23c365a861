using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Selvstyrt.Testing;

namespace Selvstyrt.E2E;

/// <summary>A journey's own host on Kestrel with a fresh demo database, for journeys that change what the shared host's other journeys read.</summary>
public static class OwnHost
{
    public static SelvstyrtFactory Start(IReadOnlyDictionary<string, string>? settings = null)
    {
        var factory = new SelvstyrtFactory(DatabaseKind.Sqlite, kestrel: true);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) factory.Settings[key] = value;
        factory.StartServer();
        return factory;
    }

    /// <summary>The address the browser opens: the host's Kestrel address, by name (the certificate is for localhost).</summary>
    public static string BaseUrl(SelvstyrtFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("127.0.0.1", "localhost", StringComparison.Ordinal).Replace("[::1]", "localhost", StringComparison.Ordinal).TrimEnd('/');
    }
}
