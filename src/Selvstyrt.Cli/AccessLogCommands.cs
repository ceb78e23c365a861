using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Selvstyrt.Data;
using Backup = Selvstyrt.Data.Backup;

namespace Selvstyrt.Cli;

/// <summary>
/// <c>selvstyrt admin verify-log</c> (the access log's hash chains, quality.md S3) and <c>selvstyrt admin grant-app-role</c>
/// (PostgreSQL: a role for the running app that may read and write everything but change or delete no access-log row).
/// </summary>
internal static class AccessLogCommands
{
    public static IEnumerable<Command> Create(IConfiguration configuration, Func<ServiceProvider> services)
    {
        var anchorsFrom = new Option<string?>("--anchors")
        {
            Description = "En mappe fra «admin backup»: kontrollerer også at det nyeste oppslaget i hver kjede da kopien ble tatt, fortsatt finnes uendret (at loggen ikke er kuttet).",
        };
        var verify = new Command("verify-log", "Kontrollerer innsynsloggens hashkjeder: at ingen oppslag mangler, er satt inn eller er endret.") { anchorsFrom };
        verify.SetAction(async (parse, ct) =>
        {
            Backup.BackupManifest? manifest = null;
            if (parse.GetValue(anchorsFrom) is { } folder)
            {
                try
                {
                    manifest = await Backup.BackupManifest.ReadAsync(Path.GetFullPath(folder), ct);
                }
                catch (Backup.BackupException e)
                {
                    await Console.Error.WriteLineAsync(e.Message);
                    return 2;
                }
                if (manifest.AccessLogAnchors is null)
                {
                    await Console.Error.WriteLineAsync("Sikkerhetskopien har ingen ankre for innsynsloggen (den er tatt med en eldre versjon). Ta en ny kopi.");
                    return 2;
                }
            }
            await using var provider = services();
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            var result = await AccessLogChain.VerifyAsync(db, null, ct);
            var breaks = result.Breaks.ToList();
            if (manifest is not null)
                breaks.AddRange(await AccessLogChain.CheckAnchorsAsync(db, manifest.AccessLogAnchors!, $"i sikkerhetskopien fra {manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC", ct));
            if (breaks.Count == 0)
            {
                Console.WriteLine($"Innsynsloggen er hel: {result.Rows} oppslag i {result.Chains} kjeder (én per ordning), alle i rekkefølge og uendret"
                    + (manifest is null ? "." : $", og ingen kjede er kuttet siden sikkerhetskopien ({manifest.AccessLogAnchors!.Count} ankre)."));
                return 0;
            }
            foreach (var b in breaks) await Console.Error.WriteLineAsync($"Ordning {b.ArrangementId}, oppslag {b.Sequence}{(b.RowId > 0 ? $" (rad-id {b.RowId})" : "")}: {b.Problem}");
            await Console.Error.WriteLineAsync($"Innsynsloggen er IKKE hel: {breaks.Count} brudd i {result.Rows} oppslag.");
            return 3;
        });

        var role = new Option<string>("--role") { Description = "PostgreSQL-rollen appen kjører som (må finnes, og ikke eie tabellene).", Required = true };
        var grant = new Command("grant-app-role", "PostgreSQL: gir appens rolle lese- og skrivetilgang til alle tabeller, men ikke til å endre eller slette rader i innsynsloggen.") { role };
        grant.SetAction(async (parse, ct) =>
        {
            if (DatabaseSetup.ProviderFrom(configuration) != DatabaseProvider.Postgres)
            {
                await Console.Error.WriteLineAsync("grant-app-role gjelder bare PostgreSQL. I SQLite hindrer triggere i databasefilen at innsynsloggen endres eller slettes.");
                return 2;
            }
            var name = parse.GetValue(role)!;
            await using var connection = new NpgsqlConnection(DatabaseSetup.ConnectionStringFrom(configuration, DatabaseProvider.Postgres));
            await connection.OpenAsync(ct);
            await using (var check = new NpgsqlCommand("SELECT rolname = current_user FROM pg_roles WHERE rolname = @name", connection))
            {
                check.Parameters.AddWithValue("name", name);
                switch (await check.ExecuteScalarAsync(ct))
                {
                    case null:
                        await Console.Error.WriteLineAsync($"Rollen «{name}» finnes ikke. Lag den først: CREATE ROLE \"{name}\" LOGIN PASSWORD '…';");
                        return 2;
                    case true:
                        await Console.Error.WriteLineAsync($"«{name}» er rollen som kjører migreringene og eier tabellene. Appen skal ha en egen rolle uten eierskap.");
                        return 2;
                }
            }
            var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await using (var transaction = await connection.BeginTransactionAsync(ct))
            {
                foreach (var sql in new[]
                         {
                             $"GRANT CONNECT ON DATABASE \"{connection.Database.Replace("\"", "\"\"", StringComparison.Ordinal)}\" TO {quoted}",
                             $"GRANT USAGE ON SCHEMA public TO {quoted}",
                             $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted}",
                             $"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {quoted}",
                             $"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {quoted}",
                             $"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {quoted}",
                             $"REVOKE UPDATE, DELETE, TRUNCATE ON \"AccessLog\" FROM {quoted}",
                         })
                {
                    await using var command = new NpgsqlCommand(sql, connection, transaction);
                    await command.ExecuteNonQueryAsync(ct);
                }
                await transaction.CommitAsync(ct);
            }
            Console.WriteLine($"Rollen «{name}» kan lese og skrive alle tabeller (også dem senere migreringer lager), men ikke endre eller slette rader i innsynsloggen.");
            Console.WriteLine("Kjør appen som denne rollen med Database:MigrateOnStart=false, og migreringer med «selvstyrt admin migrate» som eierrollen.");
            return 0;
        });
        return [verify, grant];
    }
}
