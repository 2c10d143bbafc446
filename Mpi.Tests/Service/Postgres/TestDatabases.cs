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

    private static async Task<PostgresServer> StartAsync()
    {
        var server = new PostgresServer();
        await server.InitializeAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().GetAwaiter().GetResult();
        return server;
    }
}
