using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Mpi.Service.Persistence;

namespace Mpi.Service.Hosting;

/// <summary>Healthy when the database opens and has no pending migration; reported through grpc.health.v1.</summary>
internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellation = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MpiDbContext>();
        if (!await db.Database.CanConnectAsync(cancellation)) return HealthCheckResult.Unhealthy("the database does not open");
        var pending = await db.Database.GetPendingMigrationsAsync(cancellation);
        return pending.Any() ? HealthCheckResult.Unhealthy("migrations pending") : HealthCheckResult.Healthy();
    }
}
