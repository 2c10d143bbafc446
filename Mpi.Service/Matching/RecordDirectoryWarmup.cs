using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Mpi.Service.Configuration;

namespace Mpi.Service.Matching;

/// <summary>
/// Loads the record directory in the background right after start-up, so that the first calls find it loaded (or
/// wait for it, on a large database) instead of each paying for part of it. Health says not serving until it is
/// (<see cref="RecordDirectoryHealthCheck"/>), and says it is the moment it is: it publishes a health round of its own
/// instead of leaving it to the next periodic one, up to a second later.
/// </summary>
public sealed partial class RecordDirectoryWarmup(IServiceScopeFactory scopes, RecordDirectory directory, ActiveModelHolder model,
    HealthCheckService health, IEnumerable<IHealthCheckPublisher> publishers, IOptions<MpiServiceOptions> options,
    ILogger<RecordDirectoryWarmup> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        if (!options.Value.LoadRecordsAtStart) return;
        await Task.Yield();
        Loading(log);
        var clock = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<CandidateSearch>();
        await search.ReadyAsync(model.Current, stopping);
        Loaded(log, directory.Count, clock.Elapsed.TotalSeconds);
        var report = await health.CheckHealthAsync(stopping);
        foreach (var publisher in publishers) await publisher.PublishAsync(report, stopping);
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Loading the record directory; health says not serving until it is loaded")]
    private static partial void Loading(ILogger logger);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Record directory loaded: {Records} records in {Seconds:F1} s")]
    private static partial void Loaded(ILogger logger, int records, double seconds);
}
