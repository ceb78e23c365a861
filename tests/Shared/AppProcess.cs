using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Selvstyrt.Testing;

/// <summary>
/// The web app as a process of its own (the built <c>src/Selvstyrt.Web/bin/Release/net10.0/Selvstyrt.Web.dll</c>) on a free
/// loopback port, with settings as environment variables; its output is kept to read what it logged. Used where a test or
/// benchmark needs a real server to kill or to load: the cluster's recovery test and the load run (issue 21).
/// </summary>
public sealed partial class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }
    public Uri Address => new($"http://127.0.0.1:{Port}");
    public int ProcessId => _process.Id;

    /// <summary>The scheduler's instance id, as the process logged it when it started.</summary>
    public string? InstanceId
    {
        get
        {
            lock (_output) return InstanceIdPattern().Match(_output.ToString()) is { Success: true } m ? m.Groups[1].Value : null;
        }
    }

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static AppProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // SELVSTYRT_APP_DLL runs another build, such as the one published for production with ReadyToRun (bench -- durability).
        var dll = Environment.GetEnvironmentVariable("SELVSTYRT_APP_DLL") is { Length: > 0 } given
            ? Path.GetFullPath(given)
            : Path.Combine(Repository.Root, "src", "Selvstyrt.Web", "bin", "Release", "net10.0", "Selvstyrt.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} mangler: bygg appen i Release først (./test.sh gjør det).");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var info = new ProcessStartInfo("dotnet", [dll]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        info.Environment["Urls"] = $"http://127.0.0.1:{port}";
        info.Environment["Data__Folder"] = Directory.CreateTempSubdirectory("selvstyrt-prosess-").FullName;
        info.Environment["Demo__PrintLogins"] = "false";
        foreach (var (key, value) in settings) info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("Appen startet ikke.");
        var app = new AppProcess(process, port);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    private void Keep(string? line)
    {
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>Waits until <c>/health</c> answers and the scheduler has started (a minute at most).</summary>
    public async Task WaitUntilUpAsync(CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = Address };
        for (var i = 0; i < 240 && !_process.HasExited; i++)
        {
            try
            {
                using var health = await client.GetAsync(new Uri("/health", UriKind.Relative), ct);
                if (health.IsSuccessStatusCode && InstanceId is not null) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250, ct);
        }
        throw new TimeoutException("Appen svarte ikke på et minutt:\n" + Output);
    }

    /// <summary>The process's resident memory in MiB (from /proc).</summary>
    public double ResidentMegabytes()
    {
        _process.Refresh();
        return _process.WorkingSet64 / 1024.0 / 1024.0;
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the cluster.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    [GeneratedRegex("with instanceId '([^']+)'")]
    private static partial Regex InstanceIdPattern();
}
