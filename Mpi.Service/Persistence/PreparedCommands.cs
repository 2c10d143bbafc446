using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Mpi.Service.Persistence;

/// <summary>
/// Plain commands on a context's connection and transaction (<see cref="DirectCommand"/>), each built once per SQL
/// text and executed again with new values, bound in order to <c>@p0</c>, <c>@p1</c>, …: a write path that inserts
/// many rows pays for building each statement once, not once per row.
/// </summary>
/// <remarks>
/// On PostgreSQL every statement is a network round trip, and inside the write lock those round trips set the write
/// rate of every replica. A statement whose result nobody reads (<see cref="Defer"/>) therefore waits and leaves with
/// the next statement that is executed, in one batch — in the order given, in the same transaction, so what the
/// transaction writes is unchanged; a failure of a deferred statement fails that next statement (or
/// <see cref="Flush"/>, which a writer calls before it commits). On SQLite, in-process, a deferred statement runs at once.
/// </remarks>
public sealed class PreparedCommands(MpiDbContext db) : IDisposable
{
    private readonly Dictionary<string, (DbCommand Command, DbParameter[] Parameters)> _prepared = [];
    private readonly List<(string Sql, object?[] Values)> _deferred = [];

    /// <summary>True where statements are round trips worth saving (PostgreSQL): deferred, and read several at once.</summary>
    public bool Batches => db.Database.GetDbConnection() is NpgsqlConnection;

    /// <summary>Runs a statement whose result is not needed before the next statement (or <see cref="Flush"/>).</summary>
    public void Defer(string sql, params object?[] values)
    {
        if (Batches) _deferred.Add((sql, values));
        else Execute(sql, values);
    }

    /// <summary>
    /// PostgreSQL only (<see cref="Batches"/>): the deferred statements, then <paramref name="queries"/>, in one round
    /// trip; every row of every query is handed to <paramref name="row"/>. Each query's first column should say which
    /// query it is, as a query that found nothing leaves no trace in the rows.
    /// </summary>
    public void ReadAll(IEnumerable<(string Sql, object?[] Values)> queries, Action<DbDataReader> row)
    {
        using var batch = Batch(null, []);
        foreach (var (sql, values) in queries) batch.BatchCommands.Add(BatchCommand(sql, values));
        using var reader = batch.ExecuteReader();
        do
        {
            while (reader.Read()) row(reader);
        } while (reader.NextResult());
    }

    public void Execute(string sql, params object?[] values)
    {
        if (_deferred.Count > 0)
        {
            Defer(sql, values);
            Flush();
        }
        else Bind(sql, values).ExecuteNonQuery();
    }

    public object? Scalar(string sql, params object?[] values)
    {
        if (_deferred.Count == 0) return Bind(sql, values).ExecuteScalar();
        using var batch = Batch(sql, values);
        using var reader = batch.ExecuteReader();
        // The deferred statements return no rows; the last result is this statement's.
        while (reader.FieldCount == 0 && reader.NextResult()) { }
        return reader.Read() ? reader.GetValue(0) : null;
    }

    /// <summary>The command for <paramref name="sql"/> with <paramref name="values"/> bound (deferred statements run first), to execute as the caller needs.</summary>
    public DbCommand Bind(string sql, object?[] values)
    {
        Flush();
        if (!_prepared.TryGetValue(sql, out var prepared))
        {
            var command = DirectCommand.Create(db, sql);
            prepared = (command, [.. Enumerable.Range(0, values.Length).Select(i => command.Parameter($"@p{i}"))]);
            _prepared[sql] = prepared;
        }
        for (var i = 0; i < values.Length; i++) prepared.Parameters[i].Value = DirectCommand.Nullable(values[i]);
        return prepared.Command;
    }

    /// <summary>Runs the deferred statements now, in one round trip.</summary>
    public void Flush()
    {
        if (_deferred.Count == 0) return;
        using var batch = Batch(null, []);
        batch.ExecuteNonQuery();
    }

    /// <summary>The deferred statements, then <paramref name="sql"/> if given, as one batch; the deferred list is emptied.</summary>
    private NpgsqlBatch Batch(string? sql, object?[] values)
    {
        var connection = (NpgsqlConnection)DirectCommand.OpenConnection(db);
        var batch = new NpgsqlBatch(connection) { Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction() };
        foreach (var (deferredSql, deferredValues) in _deferred) batch.BatchCommands.Add(BatchCommand(deferredSql, deferredValues));
        _deferred.Clear();
        if (sql is not null) batch.BatchCommands.Add(BatchCommand(sql, values));
        return batch;
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        for (var i = 0; i < values.Length; i++) command.Parameters.AddWithValue($"p{i}", DirectCommand.Nullable(values[i]));
        return command;
    }

    public void Dispose()
    {
        foreach (var (command, _) in _prepared.Values) command.Dispose();
        _prepared.Clear();
        _deferred.Clear();
    }
}
