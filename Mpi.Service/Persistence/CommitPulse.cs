namespace Mpi.Service.Persistence;

/// <summary>
/// Wakes whoever waits for this process's next commit that may have changed identities (the feed's watchers): a
/// task that completes at the next <see cref="Signal"/>. A waiter takes <see cref="Next"/> before it reads, so a
/// commit between its read and its wait is not missed. Commits of other processes are not signalled; watchers also
/// look again after a short while.
/// </summary>
public sealed class CommitPulse
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next => Volatile.Read(ref _next).Task;

    public void Signal() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
