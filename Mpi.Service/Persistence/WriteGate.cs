namespace Mpi.Service.Persistence;

/// <summary>
/// Queues this process's writers for the database's single write lock; taken by <see cref="WriteTransaction"/>, never
/// on its own. SQLite lets one writer in at a time; waiting here is a fair, wake-on-release queue, while waiting
/// inside SQLite is a sleep-and-retry loop that turns contention into tail latency. The transaction still takes the
/// database's lock itself, so several processes on one file remain correct.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Signalled after each commit of a writer that may have appended link history.</summary>
    public CommitPulse Commits { get; } = new();

    internal async Task<IDisposable> EnterAsync(CancellationToken cancellation)
    {
        await _gate.WaitAsync(cancellation);
        return new Release(_gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
