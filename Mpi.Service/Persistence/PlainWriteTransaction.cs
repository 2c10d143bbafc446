using System.Data;
using Microsoft.Data.Sqlite;

namespace Mpi.Service.Persistence;

/// <summary>
/// <see cref="WriteTransaction"/> for a writer that keeps an SQLite connection of its own, outside EF Core (the read
/// audit, <see cref="AuditRowInserts"/>): the same turn at the <see cref="WriteGate"/>, then <c>BEGIN IMMEDIATE</c>.
/// Disposing it without a commit rolls back; either way it gives the turn back.
/// </summary>
public sealed class PlainWriteTransaction : IDisposable
{
    private readonly IDisposable _turn;

    private PlainWriteTransaction(IDisposable turn, SqliteTransaction transaction) => (_turn, Transaction) = (turn, transaction);

    public SqliteTransaction Transaction { get; }

    /// <param name="ahead">The read audit's lane at the gate, ahead of queued changes.</param>
    public static async Task<PlainWriteTransaction> BeginAsync(SqliteConnection connection, WriteGate gate, bool ahead)
    {
        var turn = await gate.EnterAsync(CancellationToken.None, ahead);
        try
        {
            return new PlainWriteTransaction(turn, connection.BeginTransaction(IsolationLevel.Serializable, deferred: false));
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    public void Commit() => Transaction.Commit();

    public void Dispose()
    {
        try
        {
            Transaction.Dispose();
        }
        finally
        {
            _turn.Dispose();
        }
    }
}
