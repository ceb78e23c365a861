using MailKit.Security;

namespace Selvstyrt.Web.Features.Notifications;

/// <summary>
/// How e-mail leaves the app (<c>Mail:*</c>). With <c>Mail:Smtp:Host</c> set, messages go to that SMTP server;
/// without it they are written as <c>.eml</c> files to <c>Mail:PickupFolder</c> (default <c>data/mail</c>), so a
/// developer can read what would have been sent, and nothing is lost before a server is configured.
/// </summary>
public sealed class MailOptions
{
    public string? SmtpHost { get; init; }
    public int SmtpPort { get; init; } = 587;

    /// <summary><c>Auto</c>, <c>None</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c> or <c>SslOnConnect</c> (MailKit's names).</summary>
    public SecureSocketOptions Security { get; init; } = SecureSocketOptions.Auto;
    public string? Username { get; init; }
    public string? Password { get; init; }
    public string From { get; init; } = "ikke-svar@selvstyrt.localhost";
    public string FromName { get; init; } = "Selvstyrt";
    public string PickupFolder { get; init; } = "";

    /// <summary>The background sender runs (<c>Mail:Sender:Enabled</c>, default on).</summary>
    public bool SenderEnabled { get; init; } = true;

    /// <summary>How often the sender looks for due messages.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claimed message is held before another sender may try it.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);

    public static MailOptions Read(IConfiguration configuration, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var mail = configuration.GetSection("Mail");
        var security = mail["Smtp:Security"];
        return new MailOptions
        {
            SmtpHost = mail["Smtp:Host"],
            SmtpPort = mail.GetValue("Smtp:Port", 587),
            Security = string.IsNullOrWhiteSpace(security) ? SecureSocketOptions.Auto
                : Enum.TryParse<SecureSocketOptions>(security, ignoreCase: true, out var parsed) ? parsed
                : throw new InvalidOperationException($"Mail:Smtp:Security «{security}» er ukjent. Bruk Auto, None, StartTls, StartTlsWhenAvailable eller SslOnConnect."),
            Username = mail["Smtp:Username"],
            Password = mail["Smtp:Password"],
            From = mail["From"] is { Length: > 0 } from ? from : "ikke-svar@selvstyrt.localhost",
            FromName = mail["FromName"] is { Length: > 0 } name ? name : "Selvstyrt",
            PickupFolder = mail["PickupFolder"] is { Length: > 0 } folder ? folder : Path.Combine(dataFolder, "mail"),
            SenderEnabled = mail.GetValue("Sender:Enabled", true),
            PollInterval = TimeSpan.FromSeconds(mail.GetValue("Sender:PollSeconds", 5.0)),
        };
    }
}
