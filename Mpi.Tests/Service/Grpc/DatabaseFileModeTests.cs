namespace Mpi.Tests.Service.Grpc;

/// <summary>The database holds patients' demographics: the service creates it, and SQLite its log, for its own user only.</summary>
public sealed class DatabaseFileModeTests(RunningService service) : IClassFixture<RunningService>
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void FirstStart_CreatesTheDatabaseAndItsWriteAheadLogForTheServiceUserOnly()
    {
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(service.DatabasePath));
        Assert.True(File.Exists(service.DatabasePath + "-wal"), "no write-ahead log after the start-up writes");
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(service.DatabasePath + "-wal"));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(service.DatabasePath + "-shm"));
    }
}
