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
        var all = new Dictionary<string, string>();
        foreach (var (key, value) in smtp.Settings()) all[key] = value!;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
        all["Mail:Sender:Enabled"] = "true";
        all["Mail:Sender:PollSeconds"] = "0.3";
        var factory = OwnHost.Start(all);
        return (factory, OwnHost.BaseUrl(factory));
    }
}
