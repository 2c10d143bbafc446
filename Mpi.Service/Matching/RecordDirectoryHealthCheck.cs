using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Mpi.Service.Configuration;

namespace Mpi.Service.Matching;

/// <summary>
/// Readiness, reported through grpc.health.v1: not serving while the record directory loads at start-up (about 20 s
/// at a million records), since every call would wait for it. A load balancer or an interface engine that probes
/// health sends its calls elsewhere, or waits, instead of stalling. With <c>Mpi:LoadRecordsAtStart</c> off the first
/// call loads the directory, so the service is ready from the start.
/// </summary>
internal sealed class RecordDirectoryHealthCheck(RecordDirectory directory, IOptions<MpiServiceOptions> options) : IHealthCheck
{
    public const string Name = "record_directory";

    public static bool IsReady(RecordDirectory directory, MpiServiceOptions options) => directory.IsLoaded || !options.LoadRecordsAtStart;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellation = default) =>
        Task.FromResult(IsReady(directory, options.Value)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("the record directory is loading; calls wait until it is loaded"));
}
