using System.Diagnostics;
using Npgsql;

namespace Selvstyrt.Data.Backup;

/// <summary>
/// Runs PostgreSQL's own client programs (<c>pg_dump</c>, <c>pg_restore</c>) against the database of an Npgsql connection
/// string. The programs are found in <c>SELVSTYRT_PG_BIN</c> when set, else on the PATH, else in the newest
/// <c>/usr/lib/postgresql/N/bin</c> (Debian's layout). The password goes in the environment, never on the command line.
/// </summary>
public static class PostgresTools
{
    public static string Locate(string program)
    {
        if (Environment.GetEnvironmentVariable("SELVSTYRT_PG_BIN") is { Length: > 0 } configured)
        {
            var chosen = Path.Combine(configured, program);
            return File.Exists(chosen) ? chosen : throw new BackupException($"Fant ikke {program} i SELVSTYRT_PG_BIN («{configured}»).");
        }
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, program);
            if (File.Exists(candidate)) return candidate;
        }
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var newest = Directory.GetDirectories(debian)
                .Select(d => (Folder: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Folder, "bin", program))
                .FirstOrDefault(File.Exists);
            if (newest is not null) return newest;
        }
        throw new BackupException($"Fant ikke {program}. Installer PostgreSQLs klientprogrammer (Debian: apt-get install postgresql-client) eller sett SELVSTYRT_PG_BIN.");
    }

    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/> (and the database as <c>--dbname</c> when given); a failure becomes a <see cref="BackupException"/> with the program's own message.</summary>
    public static async Task RunAsync(string program, string? connectionString, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(Locate(program)) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (connectionString is not null)
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            start.ArgumentList.Add("--dbname=" + ConnInfo(builder));
            if (!string.IsNullOrEmpty(builder.Password)) start.Environment["PGPASSWORD"] = builder.Password;
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new BackupException($"{program} startet ikke.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        await output;
        if (process.ExitCode != 0) throw new BackupException($"{program} feilet (kode {process.ExitCode}): {(await error).Trim()}");
    }

    /// <summary>A libpq connection string (key=value, values quoted) for the same server, database and user.</summary>
    public static string ConnInfo(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add($"{key}='{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}'");
        }
        Add("host", builder.Host);
        Add("port", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("user", builder.Username);
        Add("dbname", builder.Database);
        if (builder.SslMode != SslMode.Prefer) Add("sslmode", builder.SslMode.ToString().ToLowerInvariant() switch { "verifyca" => "verify-ca", "verifyfull" => "verify-full", var m => m });
        return string.Join(' ', parts);
    }
}
