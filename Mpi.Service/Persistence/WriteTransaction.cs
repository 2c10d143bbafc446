using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mpi.Service.Persistence;

/// <summary>
/// A transaction that holds the database's write lock from its first statement (SQLite <c>BEGIN IMMEDIATE</c>).
/// Look-up, match and create must be one transaction that writes: a deferred transaction that reads first and
/// writes later fails with SQLITE_BUSY_SNAPSHOT under concurrency, and "look up, then write" in two transactions
/// turns one new patient sent by two registries at once into two persons. Disposing it without a commit rolls back,
/// so the context's connection is clean for whatever it does next (a failed batch's records are retried on it).
/// It first waits for this process's turn at the <see cref="WriteGate"/> and holds it until disposed, so no writer
/// can forget to queue.
/// </summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    private readonly MpiDbContext _db;
    private readonly CommitPulse? _commits;
    private readonly IDisposable _turn;
    private readonly IDbContextTransaction _ef;
    private readonly DbTransaction? _owned;
    private bool _committed;

    private WriteTransaction(MpiDbContext db, CommitPulse? commits, IDisposable turn, IDbContextTransaction ef, DbTransaction? owned) =>
        (_db, _commits, _turn, _ef, _owned) = (db, commits, turn, ef, owned);

    /// <summary>The PostgreSQL advisory lock every writer takes (any number, the same for all replicas of one MPI).</summary>
    private const long WriteLockKey = 0x4D5049;

    /// <param name="cancellation">Gives up waiting for the turn or the lock; a caller that holds the transaction writes to the end.</param>
    /// <param name="changesIdentities">
    /// False for a writer that never appends link history (the read audit): its commits do not wake the feed's watchers.
    /// </param>
    /// <param name="ahead">The read audit's lane at the <see cref="WriteGate"/>, ahead of queued changes.</param>
    public static async Task<WriteTransaction> BeginAsync(MpiDbContext db, WriteGate gate, CancellationToken cancellation, bool changesIdentities = true,
        bool ahead = false)
    {
        var commits = changesIdentities ? gate.Commits : null;
        var turn = await gate.EnterAsync(cancellation, ahead);
        try
        {
            if (!db.Database.IsSqlite())
            {
                // PostgreSQL: every writer of every replica takes one transaction-scoped advisory lock first, so writes
                // are serialised across replicas as the gate serialises them within one, and ids drawn inside are in
                // commit order (the lock is released by the commit that ends the transaction).
                var serialised = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellation);
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({WriteLockKey})", cancellation);
                return new WriteTransaction(db, commits, turn, serialised, null);
            }
            await db.Database.OpenConnectionAsync(cancellation);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
            // EF does not own a transaction handed to it with UseTransaction: it neither rolls it back nor disposes it.
            var ef = await db.Database.UseTransactionAsync(transaction, cancellation)
                ?? throw new InvalidOperationException("EF Core did not accept the SQLite transaction");
            return new WriteTransaction(db, commits, turn, ef, transaction);
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken cancellation)
    {
        await _ef.CommitAsync(cancellation);
        _committed = true;
        _commits?.Signal();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_owned is null)
            {
                await _ef.DisposeAsync();
                return;
            }
            if (!_committed && _owned.Connection is not null) await _owned.RollbackAsync();
            await _ef.DisposeAsync();
            await _owned.DisposeAsync();
            await _db.Database.UseTransactionAsync(null);
        }
        finally
        {
            _turn.Dispose();
        }
    }
}
