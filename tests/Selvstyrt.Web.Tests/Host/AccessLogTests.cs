using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Host;

/// <summary>
/// quality.md S3: every read of an arrangement's personal data is a row in its access log, chained by hash; the recipient's
/// side reads the log («innsynslogg») in plain Norwegian; the app cannot change or delete a row, and a row changed behind its
/// back (by someone who can switch the protection off) is found by the chain check on the page and by
/// <c>selvstyrt admin verify-log</c>.
/// </summary>
public sealed class AccessLogTests
{
    private static readonly Guid Arrangement = DemoIds.For("arrangement:10");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Reads_AreChained_ShownToTheWorkLeader_AndCannotBeChanged(DatabaseKind db)
    {
        await using var host = Hosts.Fresh(db);
        var leader = await host.SignedInClientAsync(DemoLogins.WorkLeader);
        var coordinator = await host.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var before = await CountAsync(host);

        // Reads of health-related data, some at the same moment: each is one row, numbered without gaps.
        foreach (var path in new[] { "hour-account", "decisions" })
            (await coordinator.GetAsync($"/api/v1/arrangements/{Arrangement}/{path}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var together = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => coordinator.GetAsync($"/api/v1/arrangements/{Arrangement}/hour-account", Ct)));
        together.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        (await CountAsync(host)).ShouldBe(before + 18);
        var chain = await Stored.ReadAsync(host, d => AccessLogChain.VerifyAsync(d, Arrangement, Ct));
        chain.Intact.ShouldBeTrue(string.Join("; ", chain.Breaks.Select(b => b.Problem)));
        chain.Rows.ShouldBe(before + 18);

        // The work leader reads who looked, in Norwegian; the log itself is not logged.
        var page = WebUtility.HtmlDecode(await leader.GetStringAsync($"/ordninger/{Arrangement}/innsynslogg", Ct));
        page.ShouldContain($"alle {chain.Rows} oppslag er med, i rekkefølge og uendret");
        page.ShouldContain("<td>Jon Aasen</td>");
        page.ShouldContain("<td>koordinator</td>");
        page.ShouldContain("<td>timekonto</td>");
        page.ShouldContain("<td>vedtak</td>");
        var api = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{Arrangement}/access-log", Ct);
        api.GetProperty("chain").GetProperty("intact").GetBoolean().ShouldBeTrue();
        api.GetProperty("rows")[0].GetProperty("what").GetString().ShouldBe("timekonto");
        api.GetProperty("rows")[0].GetProperty("roles")[0].GetString().ShouldBe("OfficeCoordinator");
        (await CountAsync(host)).ShouldBe(before + 18, "reading the log writes no row");
        (await coordinator.GetAsync($"/api/v1/arrangements/{Arrangement}/access-log", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a coordinator does not read the recipient's log");

        // The app's own connection cannot change or delete a row.
        await Should.ThrowAsync<Exception>(() => Stored.ReadAsync(host, d => d.Database.ExecuteSqlRawAsync("UPDATE \"AccessLog\" SET \"What\" = 'ingenting'", Ct)));
        await Should.ThrowAsync<Exception>(() => Stored.ReadAsync(host, d => d.Database.ExecuteSqlRawAsync("DELETE FROM \"AccessLog\"", Ct)));
        (await CountAsync(host)).ShouldBe(before + 18);

        // A backup keeps the newest row of every chain as an anchor. Cutting the newest row off afterwards leaves a chain that
        // is consistent in itself; checked against the backup's anchors, the cut is found.
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = db == DatabaseKind.Postgres ? "Postgres" : "Sqlite", ["Database__ConnectionString"] = host.ConnectionString,
            ["Data__Folder"] = Directory.CreateTempSubdirectory("selvstyrt-s3-").FullName,
        };
        var backup = await CliProcess.RunAsync("admin backup", environment: environment, ct: Ct);
        backup.Exit.ShouldBe(0, backup.Err);
        var copy = backup.Out.Split('\n')[0]["Sikkerhetskopien er tatt: ".Length..].Trim();
        (await Selvstyrt.Data.Backup.BackupManifest.ReadAsync(copy, Ct)).AccessLogAnchors!.ShouldContain(a => a.ArrangementId == Arrangement && a.Sequence == chain.Rows);
        await AsOwnerAsync(db, host.ConnectionString, "DELETE FROM \"AccessLog\" WHERE \"Id\" = (SELECT max(\"Id\") FROM \"AccessLog\" WHERE \"ArrangementId\" = {0})");
        (await Stored.ReadAsync(host, d => AccessLogChain.VerifyAsync(d, Arrangement, Ct))).Intact.ShouldBeTrue("a chain cut at its end is consistent in itself");
        var anchored = await CliProcess.RunAsync($"admin verify-log --anchors \"{copy}\"", environment: environment, ct: Ct);
        anchored.Exit.ShouldBe(3, anchored.Out + anchored.Err);
        anchored.Err.ShouldContain($"Ordning {Arrangement}, oppslag {chain.Rows}: Oppslag {chain.Rows}, som fantes i sikkerhetskopien fra");
        anchored.Err.ShouldContain("mangler: loggen er kuttet etter det.");
        Directory.Delete(environment["Data__Folder"], recursive: true);

        // Someone with the power to lift the protection changes one row: the chain check finds it, on the page and in the CLI.
        await TamperAsync(db, host.ConnectionString);
        var broken = await Stored.ReadAsync(host, d => AccessLogChain.VerifyAsync(d, null, Ct));
        broken.Intact.ShouldBeFalse();
        broken.Breaks.ShouldContain(b => b.ArrangementId == Arrangement && b.Problem.Contains("stemmer ikke med hashen"));
        WebUtility.HtmlDecode(await leader.GetStringAsync($"/ordninger/{Arrangement}/innsynslogg", Ct)).ShouldContain("Loggen er ikke hel");
        var cli = await CliProcess.RunAsync("admin verify-log", environment: new Dictionary<string, string>
        {
            ["Database__Provider"] = db == DatabaseKind.Postgres ? "Postgres" : "Sqlite", ["Database__ConnectionString"] = host.ConnectionString,
            ["Data__Folder"] = Path.GetTempPath(),
        }, ct: Ct);
        cli.Exit.ShouldBe(3, cli.Out + cli.Err);
        cli.Err.ShouldContain($"Ordning {Arrangement}");
        cli.Err.ShouldContain("Innsynsloggen er IKKE hel");
    }

    /// <summary>
    /// PostgreSQL: a role made with <c>selvstyrt admin grant-app-role</c> runs the app (migrations left to the owner) and
    /// writes access-log rows, but may not change or delete one even with the triggers gone.
    /// </summary>
    [Fact]
    public async Task TheAppsOwnRole_WritesTheLog_ButMayNotChangeIt()
    {
        await using var host = Hosts.Fresh(DatabaseKind.Postgres, new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" });
        var key = await ApiCalls.KeyAsync(host, "provider-admin", ct: Ct);
        var role = $"selvstyrt_app_{Guid.NewGuid():N}"[..30];
        await using (var server = new NpgsqlConnection(SelvstyrtFactory.PostgresServer()))
        {
            await server.OpenAsync(Ct);
            await using var create = new NpgsqlCommand($"CREATE ROLE \"{role}\" LOGIN PASSWORD 'app-passord'", server);
            await create.ExecuteNonQueryAsync(Ct);
        }
        try
        {
            var owner = new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["Database__ConnectionString"] = host.ConnectionString, ["Data__Folder"] = Path.GetTempPath() };
            var granted = await CliProcess.RunAsync($"admin grant-app-role --role {role}", environment: owner, ct: Ct);
            granted.Exit.ShouldBe(0, granted.Err);
            var asApp = new NpgsqlConnectionStringBuilder(host.ConnectionString) { Username = role, Password = "app-passord", Pooling = false }.ConnectionString;

            using var app = AppProcess.Start(new Dictionary<string, string>
            {
                ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = asApp, ["Database:MigrateOnStart"] = "false",
                ["Jobs:Enabled"] = "false", ["Mail:Sender:Enabled"] = "false", ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:Quartz"] = "Information",
            });
            await app.WaitUntilUpAsync(Ct);
            using var client = new HttpClient { BaseAddress = app.Address };
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            var before = await CountAsync(host);
            (await client.GetAsync($"/api/v1/arrangements/{Arrangement}/hour-account", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, app.Output);
            (await CountAsync(host)).ShouldBe(before + 1, "the app's role wrote the row");

            await using var connection = new NpgsqlConnection(asApp);
            await connection.OpenAsync(Ct);
            foreach (var sql in new[] { "UPDATE \"AccessLog\" SET \"What\" = 'ingenting'", "DELETE FROM \"AccessLog\"", "TRUNCATE \"AccessLog\"", "ALTER TABLE \"AccessLog\" DISABLE TRIGGER USER" })
            {
                await using var command = new NpgsqlCommand(sql, connection);
                var refused = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Ct));
                refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, sql);
            }
            await using var other = new NpgsqlCommand("UPDATE \"Arrangements\" SET \"Name\" = \"Name\" WHERE \"Id\" = @id", connection);
            other.Parameters.AddWithValue("id", Arrangement);
            (await other.ExecuteNonQueryAsync(Ct)).ShouldBe(1, "every other table is the app's to change");
        }
        finally
        {
            await using var server = new NpgsqlConnection(SelvstyrtFactory.PostgresServer());
            await server.OpenAsync(CancellationToken.None);
            var database = new NpgsqlConnectionStringBuilder(host.ConnectionString).Database;
            foreach (var sql in new[] { $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'" })
            {
                await using var end = new NpgsqlCommand(sql, server);
                await end.ExecuteNonQueryAsync(CancellationToken.None);
            }
            await using (var onDatabase = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(SelvstyrtFactory.PostgresServer()) { Database = database, Pooling = false }.ConnectionString))
            {
                await onDatabase.OpenAsync(CancellationToken.None);
                await using var drop = new NpgsqlCommand($"DROP OWNED BY \"{role}\"", onDatabase);
                await drop.ExecuteNonQueryAsync(CancellationToken.None);
            }
            await using var dropRole = new NpgsqlCommand($"DROP ROLE \"{role}\"", server);
            await dropRole.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static Task<int> CountAsync(SelvstyrtFactory host)
        => Stored.ReadAsync(host, d => d.AccessLog.CountAsync(a => a.ArrangementId == Arrangement, Ct));

    /// <summary>Changes the newest row of the arrangement's log with the protection lifted, as a database owner could.</summary>
    private static Task TamperAsync(DatabaseKind db, string connectionString)
        => AsOwnerAsync(db, connectionString, "UPDATE \"AccessLog\" SET \"What\" = 'ingenting' WHERE \"Id\" = (SELECT max(\"Id\") FROM \"AccessLog\" WHERE \"ArrangementId\" = {0})");

    /// <summary>Runs one statement on the access log with its protection lifted for the moment ({0} is the arrangement), as an owner could.</summary>
    private static async Task AsOwnerAsync(DatabaseKind db, string connectionString, string statement)
    {
        if (db == DatabaseKind.Postgres)
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand(
                $"ALTER TABLE \"AccessLog\" DISABLE TRIGGER USER; {string.Format(CultureInfo.InvariantCulture, statement, "@a")}; ALTER TABLE \"AccessLog\" ENABLE TRIGGER USER;", connection);
            command.Parameters.AddWithValue("a", Arrangement);
            (await command.ExecuteNonQueryAsync(Ct)).ShouldBe(1);
        }
        else
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT group_concat(sql, ';') FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AccessLog'";
            var triggers = (string)(await command.ExecuteScalarAsync(Ct))!;
            command.CommandText = $"""
                DROP TRIGGER "AccessLog_sealed_update";
                DROP TRIGGER "AccessLog_no_delete";
                {string.Format(CultureInfo.InvariantCulture, statement, $"'{Arrangement.ToString().ToUpperInvariant()}'")};
                {triggers};
                """;
            await command.ExecuteNonQueryAsync(Ct);
        }
    }
}
