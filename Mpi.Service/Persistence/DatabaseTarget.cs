using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Mpi.Service.Persistence;

/// <summary>Which database engine holds the MPI.</summary>
public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// What <c>--database</c> (<c>Mpi:DatabasePath</c>) names: an SQLite file (the embedded default), or a PostgreSQL
/// server given as a connection string (<c>Host=…;Database=…</c>) or a URI (<c>postgresql://user@host:5432/mpi</c>).
/// Every part of the service that opens the database asks this, so no part assumes the engine.
/// </summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString, string? FilePath)
{
    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    /// <summary>
    /// The SQLite file when it is not there, else null: a verb that reads the service's database says so rather than
    /// creating an empty one.
    /// </summary>
    public string? MissingFile => FilePath is { } file && !File.Exists(file) ? file : null;

    /// <summary>How messages name it: the file's name, or the PostgreSQL database's (never the password).</summary>
    public string Name => FilePath is { } file ? Path.GetFileName(file) : $"database {new NpgsqlConnectionStringBuilder(ConnectionString).Database}";

    public static DatabaseTarget Of(string database)
    {
        if (database.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || database.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
            return new(DatabaseProvider.Postgres, Tuned(FromUri(new Uri(database))), null);
        if (database.Contains("Host=", StringComparison.OrdinalIgnoreCase))
            return new(DatabaseProvider.Postgres, Tuned(database), null);
        var path = Path.GetFullPath(database);
        return new(DatabaseProvider.Sqlite, SqliteConnectionStrings.For(path), path);
    }

    /// <summary>The EF Core options of a context on this database (a CLI verb's, or the service's pool).</summary>
    public void Configure(DbContextOptionsBuilder builder, bool readOnly = false)
    {
        if (IsPostgres) builder.UseNpgsql(ConnectionString);
        else builder.UseSqlite(readOnly ? SqliteConnectionStrings.For(FilePath!, readOnly: true) : ConnectionString);
    }

    /// <summary>A context of the provider's own type (so that its migrations are found), outside dependency injection.</summary>
    public MpiDbContext CreateContext(bool readOnly = false)
    {
        if (IsPostgres)
        {
            var postgres = new DbContextOptionsBuilder<PostgresMpiDbContext>();
            Configure(postgres, readOnly);
            return new PostgresMpiDbContext(postgres.Options);
        }
        var sqlite = new DbContextOptionsBuilder<MpiDbContext>();
        Configure(sqlite, readOnly);
        return new MpiDbContext(sqlite.Options);
    }

    /// <summary>A new, opened connection for plain commands outside EF (reads, the read audit); <paramref name="readOnly"/> opens an SQLite file read-only.</summary>
    public DbConnection OpenConnection(int sqliteCacheMegabytes, bool readOnly = false)
    {
        if (IsPostgres)
        {
            var postgres = new NpgsqlConnection(ConnectionString);
            postgres.Open();
            return postgres;
        }
        var sqlite = new SqliteConnection(readOnly ? SqliteConnectionStrings.For(FilePath!, readOnly: true) : ConnectionString);
        sqlite.Open();
        SqliteConnectionTuning.Apply(sqlite, sqliteCacheMegabytes);
        return sqlite;
    }

    /// <summary>
    /// A read transaction that sees one snapshot and takes no write lock: SQLite's deferred transaction (its
    /// Serializable would be BEGIN IMMEDIATE, the write lock), PostgreSQL's repeatable read.
    /// </summary>
    public static DbTransaction BeginSnapshot(DbConnection connection) => connection is SqliteConnection sqlite
        ? sqlite.BeginTransaction(IsolationLevel.Serializable, deferred: true)
        : connection.BeginTransaction(IsolationLevel.RepeatableRead);

    /// <summary>
    /// The hot path's statements are few and run millions of times: Npgsql prepares them on the server once they
    /// have run twice (auto-prepare), so PostgreSQL parses and plans each once per connection, not per execution.
    /// And a pooled connection is handed on without resetting its session (<c>No Reset On Close</c>): the service keeps
    /// no session state (its one lock is transaction-scoped, its isolation levels are per transaction), and the reset
    /// cost PostgreSQL about a quarter of its CPU under audited <c>Match</c> calls when each turn of the read audit took a
    /// pooled connection (it keeps one of its own now; registrations and EF's reads still take pooled ones). A connection
    /// string that sets either setting itself keeps it.
    /// PostgreSQL's error details are always off (<c>Include Error Detail</c>), whatever the string says: a detail
    /// quotes the row's values (<c>Key (registry, local_id)=(…)</c>, a name in a failing row), and errors are logged.
    /// </summary>
    private static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { IncludeErrorDetail = false };
        if (!Sets(connectionString, "Max Auto Prepare")) (builder.MaxAutoPrepare, builder.AutoPrepareMinUsages) = (64, 2);
        if (!Sets(connectionString, "No Reset On Close")) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    /// <summary>Whether the connection string names a setting itself (with or without the spaces in its name).</summary>
    private static bool Sets(string connectionString, string setting) =>
        connectionString.Contains(setting, StringComparison.OrdinalIgnoreCase)
        || connectionString.Contains(setting.Replace(" ", ""), StringComparison.OrdinalIgnoreCase);

    private static string FromUri(Uri uri)
    {
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Database = uri.AbsolutePath.Trim('/') };
        if (!uri.IsDefaultPort && uri.Port > 0) builder.Port = uri.Port;
        if (uri.UserInfo.Split(':', 2) is [var user, ..] && user.Length > 0) builder.Username = Uri.UnescapeDataString(user);
        if (uri.UserInfo.Split(':', 2) is [_, var password]) builder.Password = Uri.UnescapeDataString(password);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            if (pair.Split('=', 2) is [var key, var value]) builder[Uri.UnescapeDataString(key)] = Uri.UnescapeDataString(value);
        return builder.ConnectionString;
    }
}
