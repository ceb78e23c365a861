using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Selvstyrt.Cli;

namespace Selvstyrt.Bench;

/// <summary>
/// quality.md S6, the long run: the generated bad input of <c>tests/Shared/BadInput.cs</c> (CsCheck), 2,000 bodies to every
/// write operation of the API and 50 spoiled posts to every form of the pages, on a fresh demo installation on SQLite and
/// on PostgreSQL (a private cluster this run starts). Reports requests sent, the time, and every fault with the CsCheck
/// seed that reproduces it; exits non-zero on any. The integration tests run the same generators with 20 and 3.
/// Run: <c>dotnet run -c Release --project bench/Selvstyrt.Bench -- bad-input [per operation] [per form] [sqlite|postgres|both]</c>.
/// </summary>
internal static class BadInputRun
{
    public static void Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task RunAsync(string[] args)
    {
        var perOperation = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
        var perForm = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        var engines = args.Length > 2 ? args[2] : "both";
        // The in-memory host's content root, wherever the bench is started from (WebApplicationFactory's own override).
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SELVSTYRT_WEB", Path.Combine(Repository.Root, "src", "Selvstyrt.Web"));
        var failed = false;
        if (engines is "sqlite" or "both") failed |= !await EngineAsync(DatabaseKind.Sqlite, perOperation, perForm);
        if (engines is "postgres" or "both")
        {
            await using var cluster = await PrivateCluster.StartAsync();
            Environment.SetEnvironmentVariable(SelvstyrtFactory.PostgresVariable, cluster.Database("postgres"));
            failed |= !await EngineAsync(DatabaseKind.Postgres, perOperation, perForm);
        }
        if (failed) throw new InvalidOperationException("S6 failed: see the lines marked FAIL above.");
    }

    private static async Task<bool> EngineAsync(DatabaseKind kind, int perOperation, int perForm)
    {
        var ct = CancellationToken.None;
        await using var factory = new SelvstyrtFactory(kind) { FromTemplate = false };
        factory.Settings["Logging:LogLevel:Default"] = "Error";
        using var client = factory.CreateBrowserLikeClient();
        using (var scope = factory.Services.CreateScope())
        {
            var made = await ApiKeyAdmin.CreateAsync(scope.ServiceProvider.GetRequiredService<SelvstyrtDb>(), SystemClock.Instance,
                new ApiKeyAdmin.Request(DemoSeeder.ProviderId, "provider-admin", null, null, null, "S6"), ct);
            client.DefaultRequestHeaders.Add("X-Api-Key", made.Value ?? throw new InvalidOperationException(made.Error!.Message));
        }
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", ct));
        var operations = BadInput.Operations(document.RootElement, path => ApiPaths.WithNewIds(ApiPaths.WithDemoIds(path))).ToList();

        var watch = Stopwatch.StartNew();
        // Two senders: the in-process server has both cores (the forms go one at a time, as one person posts them).
        var (sent, apiFaults) = await BadInput.RunApiAsync(client, operations, perOperation, ct, threads: 2);
        Report(kind, $"API: {operations.Count} write operations × {perOperation}", sent, watch.Elapsed, apiFaults);

        watch.Restart();
        var (forms, posted, formFaults) = await BadInput.RunPagesAsync(factory, perForm, ct);
        Report(kind, $"pages: {forms} forms × {perForm}", posted, watch.Elapsed, formFaults);
        return apiFaults.Count == 0 && formFaults.Count == 0;
    }

    private static void Report(DatabaseKind kind, string what, int sent, TimeSpan time, List<string> faults)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"S6 {kind}, {what}: {sent} requests in {time.TotalSeconds:F0} s ({sent / Math.Max(1, time.TotalSeconds):F0}/s), {faults.Count} faults{(faults.Count == 0 ? "" : " FAIL")}"));
        foreach (var fault in faults) Console.WriteLine("  " + fault);
    }
}
