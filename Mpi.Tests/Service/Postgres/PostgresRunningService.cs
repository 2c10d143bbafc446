using Mpi.Tests.Service.Grpc;

namespace Mpi.Tests.Service.Postgres;

/// <summary>The real service on a real PostgreSQL 15 of its own (<see cref="PostgresServer"/>), migrated at start as the service does.</summary>
public class PostgresRunningService : RunningService
{
    private readonly PostgresServer _server = new();
    private string _connectionString = "";

    public override string DatabasePath => _connectionString;

    public override async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        _connectionString = await _server.CreateDatabaseAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            await _server.DisposeAsync();
        }
    }
}
