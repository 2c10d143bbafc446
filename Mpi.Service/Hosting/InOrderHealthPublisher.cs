using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Mpi.Service.Configuration;
using Mpi.Service.Matching;

namespace Mpi.Service.Hosting;

/// <summary>
/// Stands in front of grpc.health.v1's publisher so that two writers of the status agree: the periodic round, and the
/// record directory's warm-up, which publishes at once when the directory has loaded (health says serving the moment
/// it is, not up to a period later). A round whose checks ran before the load could otherwise publish "loading" after
/// the warm-up's "loaded" and hold it for another period. Loading goes one way (a loaded directory stays loaded), so a
/// report that says it is loading, published when it has loaded, is stale and is skipped; one publication at a time,
/// so the check and the publication cannot interleave with the other writer's.
/// </summary>
internal sealed class InOrderHealthPublisher(IHealthCheckPublisher inner, RecordDirectory directory, IOptions<MpiServiceOptions> options)
    : IHealthCheckPublisher
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task PublishAsync(HealthReport report, CancellationToken cancellation)
    {
        await _oneAtATime.WaitAsync(cancellation);
        try
        {
            if (!IsStale(report)) await inner.PublishAsync(report, cancellation);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private bool IsStale(HealthReport report) =>
        report.Entries.TryGetValue(RecordDirectoryHealthCheck.Name, out var entry) && entry.Status != HealthStatus.Healthy
        && RecordDirectoryHealthCheck.IsReady(directory, options.Value);

    /// <summary>Puts this in front of each publisher registered so far (grpc.health.v1's, by <c>AddGrpcHealthChecks</c>).</summary>
    public static void Wrap(IServiceCollection services)
    {
        foreach (var registered in services.Where(d => d.ServiceType == typeof(IHealthCheckPublisher)).ToList())
        {
            var type = registered.ImplementationType
                ?? throw new InvalidOperationException($"a health publisher registered without its type: {registered}");
            services.Remove(registered);
            services.AddSingleton<IHealthCheckPublisher>(provider => new InOrderHealthPublisher(
                (IHealthCheckPublisher)ActivatorUtilities.CreateInstance(provider, type),
                provider.GetRequiredService<RecordDirectory>(), provider.GetRequiredService<IOptions<MpiServiceOptions>>()));
        }
    }
}
