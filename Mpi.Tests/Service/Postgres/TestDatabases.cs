namespace Mpi.Tests.Service.Postgres;

/// <summary>
/// The store the service tests run on: a fresh SQLite file each (the default), or, with
/// <c>MPI_TEST_DATABASE=postgres</c> (the CI lane "service-postgres"), a fresh database each on one real PostgreSQL
/// server started for the test run and stopped when it ends. The same test classes thus run on both providers.
/// </summary>
public static class TestDatabases
{
    public static bool OnPostgres => string.Equals(Environment.GetEnvironmentVariable("MPI_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    private static readonly Lazy<Task<PostgresServer>> Server = new(StartAsync);

    /// <summary>A new, empty database on the shared server, as a connection string.</summary>
    public static async Task<string> CreatePostgresAsync() => await (await Server.Value).CreateDatabaseAsync();

    private const string FolderPrefix = "mpi-pg-shared-";

    private static async Task<PostgresServer> StartAsync()
    {
        RemoveStaleFolders();
        var server = PostgresServer.InFolderPrefixed(FolderPrefix);
        await server.InitializeAsync();
        // The test host is killed moments after it starts exiting: time enough to stop the server (immediate), often
        // not to delete its folder, which the next run's RemoveStaleFolders does.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    /// <summary>Folders of earlier runs' shared servers that no longer run (no postmaster.pid), left for some minutes.</summary>
    private static void RemoveStaleFolders()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            if (File.Exists(Path.Combine(folder, "data", "postmaster.pid")) || Directory.GetLastWriteTimeUtc(folder) > DateTime.UtcNow.AddMinutes(-10)) continue;
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Another run's: it will be removed by a later one.
            }
        }
    }
}
