using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mpi.Service.Persistence;

/// <summary>
/// A transaction that holds the database's write lock from its first statement (SQLite <c>BEGIN IMMEDIATE</c>).
/// Look-up, match and create must be one transaction that writes: a deferred transaction that reads first and
/// writes later fails with SQLITE_BUSY_SNAPSHOT under concurrency, and "look up, then write" in two transactions
/// turns one new patient sent by two registries at once into two persons.
/// </summary>
public static class WriteTransaction
{
    public static async Task<IDbContextTransaction> BeginAsync(MpiDbContext db, CancellationToken cancellation)
    {
        if (!db.Database.IsSqlite()) return await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellation);
        await db.Database.OpenConnectionAsync(cancellation);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
        return await db.Database.UseTransactionAsync(transaction, cancellation)
            ?? throw new InvalidOperationException("EF Core did not accept the SQLite transaction");
    }
}
