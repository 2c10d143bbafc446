using Microsoft.Extensions.Options;
using Mpi.Service.Configuration;

namespace Mpi.Service.Review;

/// <summary>
/// Gives expired review claims back to the queue (<see cref="MpiServiceOptions.ReviewClaimTimeout"/>): a task a clerk
/// claimed and left would otherwise wait for nobody. Sweeps every minute (more often when the timeout is shorter),
/// each expiry audited by the queue; the log says how many, never which.
/// </summary>
public sealed partial class ClaimExpiry(IServiceScopeFactory scopes, IOptions<MpiServiceOptions> options, TimeProvider time, ILogger<ClaimExpiry> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var timeout = options.Value.ReviewClaimTimeout;
        using var timer = new PeriodicTimer(TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, Math.Max(timeout.Ticks / 2, TimeSpan.TicksPerSecond))), time);
        while (await timer.WaitForNextTickAsync(stopping))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expired = await scope.ServiceProvider.GetRequiredService<ReviewQueue>().ExpireClaimsAsync(timeout, stopping);
                if (expired > 0) Expired(log, expired);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next sweep tries again; a claim expires a little late rather than the service stopping.
                SweepFailed(log, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Review claims expired and back in the queue: {Count}")]
    private static partial void Expired(ILogger logger, int count);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Review claim sweep failed: {Error}; retrying at the next sweep")]
    private static partial void SweepFailed(ILogger logger, string error);
}
