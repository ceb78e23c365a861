using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using NodaTime;
using NodaTime.Testing;

namespace Selvstyrt.Testing;

/// <summary>The databases every integration test runs on (bitwarden's [DatabaseData] idea).</summary>
public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The real Selvstyrt host on a real, fresh database: a temporary SQLite file, or a new database in the
/// throwaway PostgreSQL cluster that <c>./test.sh</c> starts (<c>SELVSTYRT_TEST_PG</c>). The demo
/// provider is seeded by the app's own start-up, exactly as for a new user. The clock is a fake one
/// fixed on a Monday in November 2026, so «today» is the same in every run.
/// </summary>
public sealed partial class SelvstyrtFactory : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "SELVSTYRT_TEST_PG";
    public static readonly Instant DefaultNow = Instant.FromUtc(2026, 11, 23, 9, 0);

    private readonly string _folder;
    private readonly string _connection;
    private readonly string? _postgresDatabase;
    private readonly bool _reused;

    /// <param name="kind">The database engine.</param>
    /// <param name="kestrel">Serve on a real TLS port (for the browser) instead of the in-memory test server.</param>
    /// <param name="reuse">Start on the same database as an earlier host (to test a restart).</param>
    public SelvstyrtFactory(DatabaseKind kind, bool kestrel = false, SelvstyrtFactory? reuse = null)
    {
        Kind = kind;
        if (reuse is not null)
        {
            _folder = reuse._folder;
            _connection = reuse._connection;
            _postgresDatabase = reuse._postgresDatabase;
            _reused = true;
        }
        else if (kind == DatabaseKind.Postgres)
        {
            _folder = Directory.CreateTempSubdirectory("selvstyrt-test-").FullName;
            var server = PostgresServer() ?? throw new InvalidOperationException($"{PostgresVariable} er ikke satt.");
            _postgresDatabase = "selvstyrt_test_" + Guid.NewGuid().ToString("N")[..12];
            _connection = new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase, Pooling = true }.ConnectionString;
        }
        else
        {
            _folder = Directory.CreateTempSubdirectory("selvstyrt-test-").FullName;
            _connection = $"Data Source={Path.Combine(_folder, "selvstyrt.db")}";
        }
        if (kestrel)
        {
            var certificate = TestCertificate.Create();
            UseKestrel(o => o.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        }
    }

    public DatabaseKind Kind { get; }

    /// <summary>The database this host runs on (for the command line run against the same database).</summary>
    public string ConnectionString => _connection;

    /// <summary>Settings that override the defaults below (set before the host starts), for example an empty database or a mail server.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    public FakeClock Clock { get; } = new(DefaultNow);

    /// <summary>Leave the database and its folder when this host is disposed (a later host reuses them).</summary>
    public bool KeepDatabase { get; set; }

    /// <summary>The base connection string of the test cluster, or null when none is configured.</summary>
    public static string? PostgresServer() => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    /// <summary>True under CI, where a missing prerequisite must fail loudly instead of skipping.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Start from a copy of a seeded template database instead of migrating and seeding again (default on).
    /// The template is made once per engine and test process by a host of its own, through the app's own
    /// start-up (migrations, then the demo seed); a host whose settings change what start-up writes, or that
    /// reuses another's database, starts the ordinary way.
    /// </summary>
    public bool FromTemplate { get; set; } = true;

    private bool _isTemplate;
    private bool _prepared;

    private static readonly Lock TemplateLock = new();
    private static readonly Dictionary<DatabaseKind, SelvstyrtFactory> Templates = [];

    /// <summary>Copies the seeded template into this host's database, once, before the host starts.</summary>
    private void PrepareDatabase()
    {
        if (_prepared) return;
        _prepared = true;
        if (_isTemplate || !FromTemplate || _reused) return;
        if (Settings.Keys.Any(k => k.StartsWith("Demo:", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Database:", StringComparison.OrdinalIgnoreCase))) return;
        var template = Template(Kind);
        if (Kind == DatabaseKind.Postgres)
        {
            using var connection = new NpgsqlConnection(PostgresServer());
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresDatabase}\" TEMPLATE \"{template._postgresDatabase}\"", connection);
            create.ExecuteNonQuery();
        }
        else
        {
            File.Copy(TemplateFile(template), Path.Combine(_folder, "selvstyrt.db"));
        }
    }

    private static string TemplateFile(SelvstyrtFactory template) => Path.Combine(template._folder, "selvstyrt.db");

    private static SelvstyrtFactory Template(DatabaseKind kind)
    {
        lock (TemplateLock)
        {
            if (Templates.TryGetValue(kind, out var made)) return made;
            var template = new SelvstyrtFactory(kind) { _isTemplate = true, KeepDatabase = true };
            template.StartServer();
            template.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (kind == DatabaseKind.Postgres)
            {
                // A disposed host's pool may keep an idle session open; a template must have none.
                using var connection = new NpgsqlConnection(PostgresServer());
                connection.Open();
                using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", connection);
                terminate.Parameters.AddWithValue("name", template._postgresDatabase!);
                terminate.ExecuteNonQuery();
            }
            else
            {
                // Fold the write-ahead log into the file so that one file is the whole database.
                using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(template._connection + ";Pooling=False"))
                {
                    connection.Open();
                    using var checkpoint = connection.CreateCommand();
                    checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                    checkpoint.ExecuteNonQuery();
                }
            }
            AppDomain.CurrentDomain.ProcessExit += (_, _) => template.Forget();
            Templates[kind] = template;
            return template;
        }
    }

    /// <summary>Removes a template's database when the test process ends.</summary>
    private void Forget()
    {
        try
        {
            if (_postgresDatabase is not null)
            {
                NpgsqlConnection.ClearAllPools();
                using var connection = new NpgsqlConnection(PostgresServer());
                connection.Open();
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
                drop.ExecuteNonQuery();
            }
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or NpgsqlException or UnauthorizedAccessException)
        {
            // The cluster of ./test.sh is thrown away with its data; a temp folder is cleaned by the OS.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        PrepareDatabase();
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", Kind.ToString());
        builder.UseSetting("Database:ConnectionString", _connection);
        builder.UseSetting("Data:Folder", _folder);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Demo:PrintLogins", "false");
        // The mail sender is started by the tests that are about it; others deliver on demand through MailSender.
        builder.UseSetting("Mail:Sender:Enabled", "false");
        builder.UseSetting("App:PublicUrl", "https://localhost");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IClock>();
            services.AddSingleton<IClock>(Clock);
        });
    }

    /// <summary>
    /// A sign-in of its own for tests that fail, lock or change an account, so that they never race
    /// with other tests signing in as the shared demo accounts.
    /// </summary>
    public async Task<string> CreateUserAsync(string prefix, string password)
    {
        var email = $"{prefix}-{Guid.NewGuid():N}@eksempel.no";
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Selvstyrt.Data.Identity.AppUser>>();
        var result = await users.CreateAsync(new Selvstyrt.Data.Identity.AppUser { Id = Guid.NewGuid(), UserName = email, Email = email, DisplayName = prefix }, password);
        return result.Succeeded ? email : throw new InvalidOperationException(string.Join(' ', result.Errors.Select(e => e.Description)));
    }

    /// <summary>A client that keeps cookies and talks https, so the <c>__Host-</c> Secure cookies flow as in a browser.</summary>
    public HttpClient CreateBrowserLikeClient()
        => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = true });

    /// <summary>Signs in through the real sign-in form (antiforgery token and all) and returns the client.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password = "demo-passord")
    {
        var client = CreateBrowserLikeClient();
        var response = await PostFormAsync(client, "/logg-inn", "logg-inn", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ReturnUrl"] = "/",
        });
        var location = response.Headers.Location;
        var path = location is null ? null : location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString;
        if (response.StatusCode != HttpStatusCode.Redirect || path != "/")
            throw new InvalidOperationException($"Innlogging som {email} feilet: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    /// <summary>Fetches a page, takes its antiforgery token and posts the named form like a browser would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string formName, IDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetStringAsync(path);
        var form = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
        };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(path, content);
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("Fant ikke antiforgery-token i siden.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (KeepDatabase)
        {
            GC.SuppressFinalize(this);
            return;
        }
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresServer());
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finalising connection; the temp folder is cleaned by the OS.
        }
        GC.SuppressFinalize(this);
    }
}
