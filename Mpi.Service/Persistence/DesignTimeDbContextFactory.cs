using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Mpi.Service.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the context without starting the service.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<MpiDbContext>
{
    public MpiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MpiDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets `dotnet ef migrations add … --context PostgresMpiDbContext` build the PostgreSQL context without a server.</summary>
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresMpiDbContext>
{
    public PostgresMpiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMpiDbContext>().UseNpgsql("Host=localhost;Database=design-time").Options);
}
