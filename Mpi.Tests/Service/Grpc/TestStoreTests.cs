using Microsoft.Extensions.DependencyInjection;
using Mpi.Service.Persistence;
using Mpi.Tests.Service.Postgres;

namespace Mpi.Tests.Service.Grpc;

/// <summary>The lane "service-postgres" really runs the service on PostgreSQL, and the lane "service" on SQLite.</summary>
public sealed class TestStoreTests(RunningService service) : IClassFixture<RunningService>
{
    [Fact]
    public void TheServicesContexts_AreOnTheStoreTheLaneAsksFor()
    {
        using var scope = service.Services.CreateScope();
        var provider = scope.ServiceProvider.GetRequiredService<MpiDbContext>().Database.ProviderName;

        Assert.Equal(TestDatabases.OnPostgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", provider);
    }
}
