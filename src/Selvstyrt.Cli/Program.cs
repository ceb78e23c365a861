using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using NodaTime;

using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Data.Identity;
using Selvstyrt.Data.Interceptors;
using Selvstyrt.Data.Mail;

namespace Selvstyrt.Cli;

/// <summary>The <c>selvstyrt</c> command line; see <c>./selvstyrt --help</c>.</summary>
public static class CliProgram
{
    public static async Task<int> Main(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();

        var root = new RootCommand("Selvstyrt på kommandolinjen: regelsjekk av vakter og administrasjon.");
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(RosterCommand.Create());
        var admin = new Command("admin", "Administrasjon av databasen, sikkerhetskopier og API-nøkler.");
        root.Subcommands.Add(admin);

        var migrate = new Command("migrate", "Oppdaterer databasen til siste versjon.");
        migrate.SetAction(async (_, ct) =>
        {
            await using var services = Services(configuration);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            await db.Database.MigrateAsync(ct);
            var chained = await AccessLogChain.SealUnchainedAsync(db, ct);
            Console.WriteLine(chained > 0 ? $"Databasen er oppdatert, og {chained} eldre oppslag i innsynsloggen er lenket inn i hashkjeden." : "Databasen er oppdatert.");
            return 0;
        });
        admin.Subcommands.Add(migrate);

        var seed = new Command("seed-demo", "Legger inn demoleverandøren hvis den mangler.");
        var scale = new Option<int>("--scale") { Description = "Demoen så mange ganger i samme leverandør (10 gir 100 ordninger og 600 assistenter med et år med timelister).", DefaultValueFactory = _ => 1 };
        seed.Options.Add(scale);
        seed.SetAction(async (result, ct) =>
        {
            await using var services = Services(configuration);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            await db.Database.MigrateAsync(ct);
            var seeded = await ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider).SeedAsync(Math.Max(1, result.GetValue(scale)), ct);
            Console.WriteLine(seeded ? "Demodata er lagt inn." : "Demodata fantes fra før.");
            return 0;
        });
        admin.Subcommands.Add(seed);

        admin.Subcommands.Add(CreateProviderCommand(configuration));
        foreach (var command in BackupCommands.Create(configuration)) admin.Subcommands.Add(command);
        foreach (var command in AccessLogCommands.Create(configuration, () => Services(configuration))) admin.Subcommands.Add(command);

        var apiKey = new Command("api-key", "API-nøkler for integrasjoner.");
        admin.Subcommands.Add(apiKey);
        var provider = new Option<Guid>("--provider") { Description = "Leverandørens id.", Required = true };
        var role = new Option<string>("--role") { Description = "Rolle: " + string.Join(", ", ApiKeyAdmin.Roles) + ".", Required = true };
        role.AcceptOnlyFromAmong([.. ApiKeyAdmin.Roles]);
        var office = new Option<Guid?>("--office") { Description = "Kontorets id (for office-coordinator)." };
        var municipality = new Option<Guid?>("--municipality") { Description = "Kommunens id (for case-worker)." };
        var arrangement = new Option<Guid?>("--arrangement") { Description = "Ordningens id (for work-leader)." };
        var name = new Option<string?>("--name") { Description = "Et navn som forteller hva nøkkelen brukes til." };
        var create = new Command("create", "Lager en ny API-nøkkel og skriver den ut én gang.") { provider, role, office, municipality, arrangement, name };
        create.SetAction(async (parse, ct) =>
        {
            await using var services = Services(configuration);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            var result = await ApiKeyAdmin.CreateAsync(db, SystemClock.Instance, new ApiKeyAdmin.Request(
                parse.GetValue(provider), parse.GetValue(role)!, parse.GetValue(office), parse.GetValue(municipality), parse.GetValue(arrangement), parse.GetValue(name)), ct);
            if (!result.IsSuccess)
            {
                await Console.Error.WriteLineAsync(result.Error!.Message);
                return 2;
            }
            Console.WriteLine(result.Value);
            await Console.Error.WriteLineAsync("Ta vare på nøkkelen nå: den vises ikke igjen. Bruk den i overskriften X-Api-Key.");
            return 0;
        });
        apiKey.Subcommands.Add(create);

        return await root.Parse(args).InvokeAsync();
    }

    private static Command CreateProviderCommand(IConfiguration configuration)
    {
        var name = new Option<string>("--name") { Description = "Leverandørens navn, som i Enhetsregisteret.", Required = true };
        var number = new Option<string>("--org-number") { Description = "Organisasjonsnummeret (ni sifre).", Required = true };
        var email = new Option<string>("--admin-email") { Description = "E-postadressen til den første administratoren.", Required = true };
        var adminName = new Option<string>("--admin-name") { Description = "Navnet til den første administratoren.", Required = true };
        var command = new Command("create-provider", "Oppretter en leverandør og dens første administrator, som får en engangslenke for å velge passord.")
            { name, number, email, adminName };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = Services(configuration);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            await db.Database.MigrateAsync(ct);
            var mail = !string.IsNullOrWhiteSpace(configuration["Mail:Smtp:Host"]);
            var result = await ProviderSetup.CreateAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), SystemClock.Instance,
                new ProviderSetup.Request(parse.GetValue(name), parse.GetValue(number), parse.GetValue(email), parse.GetValue(adminName)),
                PasswordLinks.PublicUrl(configuration), mail, ct);
            if (result.Error is { } error)
            {
                foreach (var line in error is Selvstyrt.Domain.Common.Invalid invalid ? invalid.Fields.Values : [error.Message])
                    await Console.Error.WriteLineAsync(line);
                return 2;
            }
            var created = result.Value!;
            Console.WriteLine(created.ProviderExisted ? $"Leverandøren fantes fra før: {created.ProviderId}" : $"Leverandøren er opprettet: {created.ProviderId}");
            if (created.LinkUrl is null)
                Console.WriteLine("Administratoren har allerede et passord og kan logge inn.");
            else if (mail)
                Console.WriteLine("En e-post med engangslenke er lagt i utboksen; webappen sender den (lenken virker i 72 timer).");
            else
                Console.WriteLine($"Ingen e-postserver er satt opp. Gi administratoren denne engangslenken (virker i 72 timer):{Environment.NewLine}{created.LinkUrl}");
            return 0;
        });
        return command;
    }

    private static ServiceProvider Services(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton<ICurrentActor>(new FixedActor("cli"));
        services.AddLogging();
        services.AddSelvstyrtDb(configuration, DatabaseSetup.DataFolder(configuration, Directory.GetCurrentDirectory()));
        services.AddIdentityCore<AppUser>().AddEntityFrameworkStores<SelvstyrtDb>();
        services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = Selvstyrt.Data.Identity.PasswordPolicy.Iterations);
        return services.BuildServiceProvider();
    }
}
