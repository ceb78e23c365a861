using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Selvstyrt.Data.Interceptors;

namespace Selvstyrt.Data;

/// <summary>The database engines Selvstyrt runs on, chosen by <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Registers <see cref="SelvstyrtDb"/> on the configured engine with its own migrations assembly.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrations = "Selvstyrt.Data.Sqlite";
    public const string PostgresMigrations = "Selvstyrt.Data.Postgres";
    public const string DefaultSqliteConnection = "Data Source=data/selvstyrt.db";

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        return Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider «{name}» er ukjent. Bruk Sqlite eller Postgres.");
    }

    public static string ConnectionStringFrom(IConfiguration configuration, DatabaseProvider provider)
        => configuration["Database:ConnectionString"] is { Length: > 0 } cs
            ? cs
            : provider == DatabaseProvider.Sqlite
                ? DefaultSqliteConnection
                : throw new InvalidOperationException("Database:ConnectionString må settes for PostgreSQL.");

    /// <summary>
    /// Configures the options for one engine; shared by the web host, the CLI and the design-time factories. The model is the
    /// engine's compiled model (<c>CompiledModel/</c> in the engine's project, made by <c>tools/compiled-models.sh</c>), so a
    /// process does not build it at start (quality.md R2: ready again within 5 s); the design-time factories build it from
    /// the configuration (<paramref name="compiledModel"/> false), which is what the compiled model is made from and checked
    /// against (<c>Web.Tests/Host/CompiledModelTests</c>).
    /// </summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, bool compiledModel = true)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(connectionString, o => o.UseNodaTime().MigrationsAssembly(PostgresMigrations));
        }
        else
        {
            EnsureSqliteFolder(connectionString);
            options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrations));
            options.AddInterceptors(SqliteDurability.Instance);
        }
        if (compiledModel && CompiledModel(provider) is { } model) options.UseModel(model);
    }

    /// <summary>The engine's compiled model, from the engine's migrations assembly (which this assembly cannot reference).</summary>
    public static Microsoft.EntityFrameworkCore.Metadata.IModel? CompiledModel(DatabaseProvider provider)
    {
        var assembly = provider == DatabaseProvider.Postgres ? PostgresMigrations : SqliteMigrations;
        var type = Type.GetType($"{assembly}.CompiledModel.SelvstyrtDbModel, {assembly}");
        return type?.GetProperty("Instance")?.GetValue(null) as Microsoft.EntityFrameworkCore.Metadata.IModel;
    }

    /// <summary>
    /// The folder for local data (the SQLite file, data-protection keys): <c>Data:Folder</c> when set,
    /// else <c>./data</c> at the repository root when running from a checkout, else under <paramref name="contentRoot"/>.
    /// </summary>
    public static string DataFolder(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration["Data:Folder"] is { Length: > 0 } configured) return Path.GetFullPath(configured, contentRoot);
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Selvstyrt.slnx"))) return Path.Combine(dir.FullName, "data");
        }
        return Path.Combine(contentRoot, "data");
    }

    /// <summary>Makes a relative SQLite file path absolute under <paramref name="dataFolder"/>'s parent (so «data/x.db» lands in the data folder).</summary>
    public static string ResolveSqlitePath(string connectionString, string dataFolder)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || Path.IsPathRooted(builder.DataSource)
            || builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory) return connectionString;
        var relative = builder.DataSource.StartsWith("data/", StringComparison.Ordinal) ? builder.DataSource["data/".Length..] : builder.DataSource;
        builder.DataSource = Path.Combine(dataFolder, relative);
        return builder.ToString();
    }

    /// <summary>The engine and the connection string as the app uses them (a relative SQLite path resolved under <paramref name="dataFolder"/>).</summary>
    public static (DatabaseProvider Provider, string ConnectionString) ConnectionFrom(IConfiguration configuration, string dataFolder)
    {
        var provider = ProviderFrom(configuration);
        var connectionString = ConnectionStringFrom(configuration, provider);
        return (provider, provider == DatabaseProvider.Sqlite ? ResolveSqlitePath(connectionString, dataFolder) : connectionString);
    }

    public static IServiceCollection AddSelvstyrtDb(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        var (provider, connectionString) = ConnectionFrom(configuration, dataFolder);
        services.AddScoped<AuditInterceptor>();
        services.AddDbContext<SelvstyrtDb>((sp, options) =>
        {
            Configure(options, provider, connectionString);
            options.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
        });
        return services;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:") return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
