using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Selvstyrt.Data;
using Selvstyrt.Data.Backup;

namespace Selvstyrt.Cli;

/// <summary><c>selvstyrt admin backup</c> and <c>selvstyrt admin restore</c> (quality.md R4, ADR 0028).</summary>
internal static class BackupCommands
{
    public static IEnumerable<Command> Create(IConfiguration configuration)
    {
        var to = new Option<string?>("--to") { Description = "Mappen sikkerhetskopien legges i (en ny undermappe per kopi). Standard: backups i datamappen." };
        var backup = new Command("backup", "Tar en sikkerhetskopi av databasen mens appen kjører, med antall rader og sjekksum per tabell.") { to };
        backup.SetAction(async (parse, ct) => await Run(async () =>
        {
            var (engine, connection, dataFolder) = Database(configuration);
            var parent = Path.GetFullPath(parse.GetValue(to) ?? Path.Combine(dataFolder, "backups"));
            var watch = Stopwatch.StartNew();
            var (folder, manifest) = await DatabaseBackup.BackupAsync(engine, connection, parent, TimeProvider.System, ct);
            Console.WriteLine($"Sikkerhetskopien er tatt: {folder}");
            Console.WriteLine(string.Create(CultureInfo.GetCultureInfo("nb-NO"), $"{manifest.Tables.Count} tabeller, {manifest.Rows:N0} rader, {watch.Elapsed.TotalSeconds:N1} s. Siste migrering: {manifest.LastMigration ?? "ingen"}."));
            return 0;
        }));

        var from = new Option<string>("--from") { Description = "Mappen med sikkerhetskopien (den «admin backup» skrev ut).", Required = true };
        var replace = new Option<bool>("--replace") { Description = "Erstatt en database som allerede har tabeller. Stopp appen først." };
        var restore = new Command("restore", "Gjenoppretter en sikkerhetskopi og kontrollerer antall rader og sjekksum for hver tabell.") { from, replace };
        restore.SetAction(async (parse, ct) => await Run(async () =>
        {
            var (engine, connection, _) = Database(configuration);
            var watch = Stopwatch.StartNew();
            var restored = await DatabaseBackup.RestoreAsync(engine, connection, Path.GetFullPath(parse.GetValue(from)!), parse.GetValue(replace), ct);
            if (!restored.Equal)
            {
                foreach (var line in restored.Differences) await Console.Error.WriteLineAsync(line);
                await Console.Error.WriteLineAsync("Gjenopprettingen er IKKE lik sikkerhetskopien." + (engine == DatabaseProvider.Sqlite ? " Den gamle databasefilen er ikke rørt." : ""));
                return 3;
            }
            Console.WriteLine(string.Create(CultureInfo.GetCultureInfo("nb-NO"),
                $"Gjenopprettet og kontrollert: {restored.Manifest.Tables.Count} tabeller, {restored.Manifest.Rows:N0} rader, alle like sikkerhetskopien fra {restored.Manifest.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC ({watch.Elapsed.TotalSeconds:N1} s)."));
            return 0;
        }));
        return [backup, restore];
    }

    private static (DatabaseProvider Engine, string Connection, string DataFolder) Database(IConfiguration configuration)
    {
        var dataFolder = DatabaseSetup.DataFolder(configuration, Directory.GetCurrentDirectory());
        var (engine, connection) = DatabaseSetup.ConnectionFrom(configuration, dataFolder);
        return (engine, connection, dataFolder);
    }

    private static async Task<int> Run(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
    }
}
