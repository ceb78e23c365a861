using Microsoft.EntityFrameworkCore;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Data.Interceptors;

namespace Selvstyrt.Web.Setup;

/// <summary>Applies migrations (unless <c>Database:MigrateOnStart</c> is false) and, when <c>Demo:Seed</c> is on (the default), seeds the demo provider (<c>Demo:Scale</c> times over) and prints its logins.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<SelvstyrtDb>();
        // A deployment whose app role may not change the schema (ADR 0029) migrates with «selvstyrt admin migrate» instead.
        if (app.Configuration.GetValue("Database:MigrateOnStart", true))
        {
            // Migrate only when there is something to apply: MigrateAsync also compares the model with the last migration's
            // snapshot, which costs about 0.3 s of every start (quality.md R2: ready again within 5 s after a crash).
            if ((await db.Database.GetPendingMigrationsAsync()).Any()) await db.Database.MigrateAsync();
            var chained = await AccessLogChain.SealUnchainedAsync(db, CancellationToken.None);
            if (chained > 0) services.GetRequiredService<ILoggerFactory>().CreateLogger("Selvstyrt.AccessLog").LogInformation("Sealed {Rows} access-log rows written before the hash chain", chained);
        }
        if (!app.Configuration.GetValue("Demo:Seed", true)) return;
        var seeded = await ActivatorUtilities.CreateInstance<DemoSeeder>(services).SeedAsync(scale: Math.Max(1, app.Configuration.GetValue("Demo:Scale", 1)));
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Selvstyrt.Demo");
        if (seeded) logger.LogInformation("Seeded the demo provider {Provider}", DemoSeeder.ProviderName);
        if (app.Configuration.GetValue("Demo:PrintLogins", true)) PrintLogins(app.Configuration);
    }

    private static void PrintLogins(IConfiguration configuration)
    {
        var url = (configuration["urls"] ?? "http://localhost:5080").Split(';')[0];
        Console.WriteLine();
        Console.WriteLine($"Selvstyrt kjører på {url} med demodata for «{DemoSeeder.ProviderName}».");
        Console.WriteLine($"Demo-innlogginger (passord for alle: {DemoLogins.Password}):");
        foreach (var (role, email) in DemoLogins.All) Console.WriteLine($"  {role,-46} {email}");
        Console.WriteLine($"Demoleverandørens id (for ./selvstyrt admin api-key create --provider): {DemoSeeder.ProviderId}");
        Console.WriteLine();
    }
}

/// <summary>The actor stamped on changes made in a web request: the signed-in user, or «anonym».</summary>
public sealed class HttpActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public string Actor
    {
        get
        {
            var user = accessor.HttpContext?.User;
            var id = user?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
            return id is null ? "system" : "user:" + id;
        }
    }
}
