using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Mpi.Service.Persistence;

/// <summary>
/// Creates and migrates the database on start-up — no manual step — and switches SQLite to write-ahead logging, so
/// that readers never block the single writer and an acknowledged write survives a crash. PostgreSQL: the database
/// must exist (the DBA's CREATE DATABASE); its tables are made and migrated here.
/// </summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(MpiDbContext db, CancellationToken cancellation = default)
    {
        if (db.Database.IsSqlite()) CreateOwnerOnly(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
        // EF looks for its history table by querying it, and logs the failed query as an error on a new PostgreSQL
        // database; made first (in EF's own shape), the first start logs nothing alarming.
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" ("MigrationId" character varying(150) PRIMARY KEY, "ProductVersion" character varying(32) NOT NULL)
                """, cancellation);
        await db.Database.MigrateAsync(cancellation);
        // WAL is a property of the file, so setting it once holds for every connection. Synchronous stays at SQLite's
        // FULL default: a commit is on disk before the answer goes out, even across a power cut.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellation);
    }

    /// <summary>
    /// The file holds patients' demographics, so a new one is created readable and writable by the service's own user
    /// only (SQLite gives its -wal and -shm files the database file's mode). An existing file keeps its mode.
    /// </summary>
    private static void CreateOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows() || string.IsNullOrEmpty(path) || path == ":memory:" || File.Exists(path)) return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        using var created = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
    }
}
