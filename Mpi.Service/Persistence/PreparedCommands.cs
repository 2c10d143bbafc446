using System.Data.Common;

namespace Mpi.Service.Persistence;

/// <summary>
/// Plain commands on a context's connection and transaction (<see cref="DirectCommand"/>), each prepared once per SQL
/// text and executed again with new values, bound in order to <c>@p0</c>, <c>@p1</c>, …: a write path that inserts
/// many rows pays for building each statement once, not once per row.
/// </summary>
public sealed class PreparedCommands(MpiDbContext db) : IDisposable
{
    private readonly Dictionary<string, (DbCommand Command, DbParameter[] Parameters)> _prepared = [];

    public void Execute(string sql, params object?[] values) => Bind(sql, values).ExecuteNonQuery();

    public object? Scalar(string sql, params object?[] values) => Bind(sql, values).ExecuteScalar();

    /// <summary>The command for <paramref name="sql"/> with <paramref name="values"/> bound, to execute as the caller needs.</summary>
    public DbCommand Bind(string sql, object?[] values)
    {
        if (!_prepared.TryGetValue(sql, out var prepared))
        {
            var command = DirectCommand.Create(db, sql);
            prepared = (command, [.. Enumerable.Range(0, values.Length).Select(i => command.Parameter($"@p{i}"))]);
            _prepared[sql] = prepared;
        }
        for (var i = 0; i < values.Length; i++) prepared.Parameters[i].Value = DirectCommand.Nullable(values[i]);
        return prepared.Command;
    }

    public void Dispose()
    {
        foreach (var (command, _) in _prepared.Values) command.Dispose();
        _prepared.Clear();
    }
}
