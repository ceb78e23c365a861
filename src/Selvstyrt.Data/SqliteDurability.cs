using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Selvstyrt.Data;

/// <summary>
/// Sets every SQLite connection the app opens to write-ahead logging with <c>synchronous = FULL</c> (quality.md R2, ADR 0028):
/// a commit returns only after its WAL frames are synced to disk, so a write the API acknowledged survives a killed process
/// and a lost power supply alike; readers do not block the writer. <c>journal_mode</c> is stored in the file (the first
/// connection changes it, later ones find it set); <c>synchronous</c> belongs to the connection and is set on every open.
/// A wait of up to 5 s for another writer's lock replaces an immediate «database is locked».
/// </summary>
public sealed class SqliteDurability : DbConnectionInterceptor
{
    public static readonly SqliteDurability Instance = new();

    /// <summary>The statements run on each open; in-memory databases answer <c>memory</c> to the first and keep working.</summary>
    public const string Pragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;";

    private SqliteDurability()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
