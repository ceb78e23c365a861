using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Selvstyrt.Testing;

/// <summary>
/// A real SMTP server on a free loopback port (the SmtpServer package), so that the app's MailKit client speaks
/// SMTP over a socket exactly as in production, and the tests read back what was delivered.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Store _store = new();

    private TestSmtpServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false)).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public IReadOnlyCollection<MimeMessage> Messages => _store.Messages;

    /// <summary>Starts a server on a port nobody uses.</summary>
    public static TestSmtpServer Start() => new(FreePort());

    /// <summary>Starts a server on a given port (a server that comes back after being down).</summary>
    public static TestSmtpServer StartOn(int port) => new(port);

    /// <summary>A loopback port with nothing listening (for a server that is down).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The settings that point the app's mail at this server.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
        ["Mail:From"] = "post@selvstyrt.test",
    };

    /// <summary>Waits until a message for <paramref name="to"/> has arrived (or fails after <paramref name="seconds"/>).</summary>
    public async Task<MimeMessage> WaitForAsync(string to, int seconds = 30, Func<MimeMessage, bool>? where = null)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            var found = _store.Messages.FirstOrDefault(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase)) && (where?.Invoke(m) ?? true));
            if (found is not null) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Ingen e-post til {to} kom fram innen {seconds} s.");
    }

    public IReadOnlyList<MimeMessage> For(string to)
        => _store.Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase))).ToList();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }
        _stop.Dispose();
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
