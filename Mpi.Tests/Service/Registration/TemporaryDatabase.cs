using Microsoft.Extensions.Time.Testing;
using Mpi.Matching.Normalization;
using Mpi.Service.Matching;
using Mpi.Service.Persistence;
using Mpi.Service.Registration;
using Mpi.Tests.Service.Postgres;

namespace Mpi.Tests.Service.Registration;

/// <summary>
/// A real database migrated as the service does at start-up: an SQLite file in a temporary folder (deleted
/// afterwards), or a fresh database on the test run's PostgreSQL server in the "service-postgres" lane
/// (<see cref="TestDatabases"/>).
/// </summary>
public sealed class TemporaryDatabase : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mpi-db-");
    private readonly DatabaseTarget _target;

    public TemporaryDatabase()
    {
        _target = DatabaseTarget.Of(TestDatabases.OnPostgres
            ? TestDatabases.CreatePostgresAsync().GetAwaiter().GetResult()
            : Path.Combine(_folder.FullName, "mpi.db"));
        using var db = NewContext();
        DatabaseInitializer.InitializeAsync(db).GetAwaiter().GetResult();
    }

    public bool IsPostgres => _target.IsPostgres;
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    public ActiveModel Model { get; } = new(ActiveModel.Default());

    public MpiDbContext NewContext() => _target.CreateContext();

    /// <summary>
    /// A registrar on its own context and connection, with its own gate and record directory: as if each call came
    /// from another process, so that only the database's write lock keeps concurrent registrations apart, and each
    /// learns the others' records from the database.
    /// </summary>
    public RecordRegistrar NewRegistrar(MpiDbContext db)
    {
        var normalizer = new RecordNormalizer(Clock);
        var directory = new RecordDirectory();
        var feed = new RecordDirectoryFeed(directory, normalizer);
        return new RecordRegistrar(db, normalizer, new CandidateSearch(db, directory, feed), new WriteGate(), directory, feed, Clock);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // the PostgreSQL database goes with the test run's server
        _folder.Delete(recursive: true);
    }
}
