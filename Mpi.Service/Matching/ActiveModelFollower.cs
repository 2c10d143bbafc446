using Mpi.Service.Persistence;

namespace Mpi.Service.Matching;

/// <summary>
/// Follows the model version active in the database for what reads decide outside a write transaction (Match, the
/// review desks): another replica's UpdateThresholds or ActivateModel is used here within <see cref="Every"/>.
/// Registrations and model changes read the version again under the write lock (<see cref="ActiveModelHolder.SyncAsync"/>).
/// </summary>
public sealed partial class ActiveModelFollower(IServiceScopeFactory scopes, ActiveModelHolder holder, TimeProvider time, ILogger<ActiveModelFollower> log)
    : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stopping))
        {
            if (!holder.IsLoaded) continue; // the service is starting: it loads the active version itself
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var before = holder.Current.Model.Version;
                var now = await holder.SyncAsync(scope.ServiceProvider.GetRequiredService<MpiDbContext>(), stopping);
                if (now.Model.Version != before) Followed(log, now.Model.Version);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database away for a moment: the next tick tries again.
                FollowFailed(log, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "Model version {Version} activated by another process: now in use here")]
    private static partial void Followed(ILogger logger, string version);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Debug, Message = "Following the active model version failed: {Error}; retrying")]
    private static partial void FollowFailed(ILogger logger, string error);
}
