using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Selvstyrt.Testing;

namespace Selvstyrt.E2E;

/// <summary>
/// A journey's own host on Kestrel whose mail goes to the loopback SMTP server, sent every 0.3 s so a test reads it back at
/// once; the base URL it returns is what the browser opens.
/// </summary>
public static class MailHost
{
    public static (SelvstyrtFactory Factory, string BaseUrl) Start(TestSmtpServer smtp, IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        var factory = new SelvstyrtFactory(DatabaseKind.Sqlite, kestrel: true);
        foreach (var (key, value) in smtp.Settings()) factory.Settings[key] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) factory.Settings[key] = value;
        factory.Settings["Mail:Sender:Enabled"] = "true";
        factory.Settings["Mail:Sender:PollSeconds"] = "0.3";
        factory.StartServer();
        var baseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("127.0.0.1", "localhost", StringComparison.Ordinal).TrimEnd('/');
        return (factory, baseUrl);
    }
}
