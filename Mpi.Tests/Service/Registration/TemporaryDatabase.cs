using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Mpi.Matching.Normalization;
using Mpi.Service.Matching;
using Mpi.Service.Persistence;
using Mpi.Service.Registration;

namespace Mpi.Tests.Service.Registration;

/// <summary>A real SQLite file in a temporary folder, migrated as the service does at start-up; deleted afterwards.</summary>
public sealed class TemporaryDatabase : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mpi-db-");

    public TemporaryDatabase()
    {
        ConnectionString = $"Data Source={Path.Combine(_folder.FullName, "mpi.db")};Default Timeout=60";
        using var db = NewContext();
        DatabaseInitializer.InitializeAsync(db).GetAwaiter().GetResult();
    }

    public string ConnectionString { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    public ActiveModel Model { get; } = new(ActiveModel.Default());

    public MpiDbContext NewContext() => new(new DbContextOptionsBuilder<MpiDbContext>().UseSqlite(ConnectionString).Options);

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
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
