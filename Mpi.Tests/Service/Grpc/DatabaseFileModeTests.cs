using Microsoft.Data.Sqlite;

namespace Mpi.Tests.Service.Grpc;

/// <summary>The database holds patients' demographics: the service creates it, and SQLite its log, for its own user only.</summary>
public sealed class DatabaseFileModeTests(SqliteFileService service) : IClassFixture<SqliteFileService>
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void FirstStart_CreatesTheDatabaseAndItsWriteAheadLogForTheServiceUserOnly()
    {
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(service.DatabasePath));

        // SQLite removes the log when the last connection closes, which the service's pool may do at any moment, so a
        // connection is held open here: the log SQLite then opens takes its mode from the database file, as the
        // service's does.
        using var connection = new SqliteConnection($"Data Source={service.DatabasePath};Pooling=False");
        connection.Open();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM sqlite_master";
            read.ExecuteScalar();
        }
        Assert.True(File.Exists(service.DatabasePath + "-wal"), "the database is not in write-ahead logging mode");
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(service.DatabasePath + "-wal"));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(service.DatabasePath + "-shm"));
    }
}

/// <summary>The service on an SQLite file whichever store the other service tests run on.</summary>
public sealed class SqliteFileService : RunningService
{
    protected override bool SqliteFileOnly => true;
}
