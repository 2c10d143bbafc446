using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mpi.Service.Persistence;

/// <summary>
/// A plain ADO.NET command on a context's own connection and transaction, for the registration and match hot paths:
/// EF Core's per-statement overhead (tracking, SQL generation, a command per row) is several times the cost of the
/// SQLite statement itself. Quoted identifiers and <c>@</c> parameters, as PostgreSQL also accepts; lists of values
/// go through SQLite's <c>json_each</c>, which a PostgreSQL provider would replace with <c>unnest</c>.
/// </summary>
public static class DirectCommand
{
    public static DbCommand Create(MpiDbContext db, string sql)
    {
        var command = OpenConnection(db).CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    /// <summary>The context's connection, opened through EF so that EF knows; it stays open until the context is disposed.</summary>
    public static DbConnection OpenConnection(MpiDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open) db.Database.OpenConnection();
        return connection;
    }

    /// <summary>Adds a named parameter (reused by setting <see cref="DbParameter.Value"/> before each execution).</summary>
    public static DbParameter Parameter(this DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    public static object Nullable(object? value) => value ?? DBNull.Value;
}
