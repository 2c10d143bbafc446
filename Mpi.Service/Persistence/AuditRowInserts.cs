using System.Data.Common;
using Microsoft.Data.Sqlite;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Persistence;

/// <summary>
/// The read audit's own connection, kept open with its insert prepared (<see cref="GroupAuditWriter"/> is its one
/// user). Taking a pooled EF context, opening and tuning its connection and handing EF the transaction had cost more
/// per turn than the rows it wrote: with it, the audit was about 40% of a Match's CPU.
/// SQLite: the turn's rows one prepared insert each, in one gated <c>BEGIN IMMEDIATE</c> transaction. PostgreSQL:
/// the rows in one statement (<see cref="StoredAuditRows.InsertMany"/>), which commits durably when it returns,
/// beside the writers (nothing follows audit ids in commit order, so neither the gate nor the replicas' lock).
/// </summary>
public sealed class AuditRowInserts : IDisposable
{
    private readonly DbConnection _connection;
    private readonly DbCommand _insert;

    public AuditRowInserts(DatabaseTarget database, int sqliteCacheMegabytes)
    {
        _connection = database.OpenConnection(sqliteCacheMegabytes);
        _insert = _connection.CreateCommand();
        _insert.CommandText = database.IsPostgres ? StoredAuditRows.InsertMany : StoredAuditRows.Insert;
        for (var i = 0; i < StoredAuditRows.ColumnCount; i++) _insert.Parameter($"@p{i}");
    }

    /// <summary>Returns once every row is committed; throws when they are not (and the caller should open anew).</summary>
    public async Task InsertAsync(IReadOnlyList<AuditEntryEntity> rows, WriteGate gate)
    {
        if (_connection is not SqliteConnection sqlite)
        {
            Bind(StoredAuditRows.Columns(rows));
            await _insert.ExecuteNonQueryAsync();
            return;
        }
        using var transaction = await PlainWriteTransaction.BeginAsync(sqlite, gate, ahead: true);
        _insert.Transaction = transaction.Transaction;
        foreach (var row in rows)
        {
            Bind(StoredAuditRows.Values(row));
            _insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private void Bind(object?[] values)
    {
        for (var i = 0; i < values.Length; i++) _insert.Parameters[i].Value = DirectCommand.Nullable(values[i]);
    }

    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
    }
}
