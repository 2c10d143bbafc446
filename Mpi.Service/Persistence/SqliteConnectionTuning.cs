using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mpi.Service.Persistence;

/// <summary>
/// Sets each SQLite connection's page cache when it opens (a per-connection setting, so it must be applied on every
/// connection the pool hands out). SQLite's default is 2 MB; a registry of a million persons has indexes of hundreds of
/// megabytes, and every page missed is a system call on the hot path.
/// </summary>
public sealed class SqliteConnectionTuning(int cacheMegabytes) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection, cacheMegabytes);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection, cacheMegabytes);
        return Task.CompletedTask;
    }

    /// <summary>Tunes a connection opened without EF (the person reads' own connections) as EF's are tuned.</summary>
    public static void Apply(DbConnection connection, int cacheMegabytes)
    {
        if (connection is not Microsoft.Data.Sqlite.SqliteConnection) return;
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA cache_size = -{cacheMegabytes * 1024}";
        command.ExecuteNonQuery();
    }
}
