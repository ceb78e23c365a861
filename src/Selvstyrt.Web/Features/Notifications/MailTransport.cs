using MailKit.Net.Smtp;
using MimeKit;

namespace Selvstyrt.Web.Features.Notifications;

/// <summary>Where a finished message goes: an SMTP server, or a folder of <c>.eml</c> files.</summary>
public interface IMailTransport : IAsyncDisposable
{
    /// <summary>Sends one message; returns what the server answered. Throws when it was not accepted.</summary>
    Task<string> SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>MailKit over SMTP: one connection per batch, opened on the first message.</summary>
public sealed class SmtpTransport(MailOptions options) : IMailTransport
{
    private SmtpClient? _client;

    public async Task<string> SendAsync(MimeMessage message, CancellationToken ct)
    {
        if (_client is not { IsConnected: true })
        {
            _client?.Dispose();
            _client = new SmtpClient { Timeout = 30_000 };
            await _client.ConnectAsync(options.SmtpHost!, options.SmtpPort, options.Security, ct);
            if (!string.IsNullOrEmpty(options.Username)) await _client.AuthenticateAsync(options.Username, options.Password ?? "", ct);
        }
        return await _client.SendAsync(message, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is null) return;
        try
        {
            if (_client.IsConnected) await _client.DisconnectAsync(quit: true);
        }
        catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or SmtpCommandException)
        {
            // The messages are already accepted or recorded as failed; a failed QUIT changes nothing.
        }
        _client.Dispose();
    }
}

/// <summary>Writes each message as <c>{id}.eml</c> in a folder (no server configured, or development).</summary>
public sealed class PickupFolderTransport(MailOptions options) : IMailTransport
{
    public async Task<string> SendAsync(MimeMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(options.PickupFolder);
        var path = Path.Combine(options.PickupFolder, (message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0] + ".eml");
        await message.WriteToAsync(path, ct);
        return "lagt i " + options.PickupFolder;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
