using Microsoft.EntityFrameworkCore;

namespace Mpi.Service.Persistence;

/// <summary>
/// Creates and migrates the database on start-up — no manual step — and switches SQLite to write-ahead logging, so
/// that readers never block the single writer and an acknowledged write survives a crash.
/// </summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(MpiDbContext db, CancellationToken cancellation = default)
    {
        await db.Database.MigrateAsync(cancellation);
        // WAL is a property of the file, so setting it once holds for every connection. Synchronous stays at SQLite's
        // FULL default: a commit is on disk before the answer goes out, even across a power cut.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellation);
    }
}
