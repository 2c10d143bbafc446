namespace Mpi.Service.Persistence;

/// <summary>
/// Queues this process's writers for the database's single write lock; taken by <see cref="WriteTransaction"/> (or
/// <see cref="PlainWriteTransaction"/> on a connection of its own), never on its own. SQLite lets one writer in at a time; waiting here is a fair, wake-on-release queue, while waiting
/// inside SQLite is a sleep-and-retry loop that turns contention into tail latency. The transaction still takes the
/// database's lock itself, so several processes on one file remain correct.
/// <para>
/// Two lanes: the audit of reads (<see cref="GroupAuditWriter"/>, on SQLite; PostgreSQL takes it beside the writers) goes ahead of the queued changes, so that a read
/// (GetPerson, Match) waits for at most the transaction being written, not for every registration queued behind it.
/// It cannot starve the changes: the audit has one writer, which gathers every row that arrives during its wait and
/// its turn into its next turn, so the lanes alternate at worst.
/// </para>
/// </summary>
public sealed class WriteGate
{
    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource> _ahead = [], _queued = [];
    private bool _held;

    /// <summary>Signalled after each commit of a writer that may have appended link history.</summary>
    public CommitPulse Commits { get; } = new();

    /// <summary>Writers waiting in the audit's lane now (the tests watch a read's audit queue up).</summary>
    internal int WaitingAhead
    {
        get
        {
            lock (_lock) return _ahead.Count;
        }
    }

    /// <param name="ahead">The audit's lane: served before the writers queued in the other.</param>
    internal async Task<IDisposable> EnterAsync(CancellationToken cancellation, bool ahead = false)
    {
        TaskCompletionSource turn;
        LinkedListNode<TaskCompletionSource> node;
        lock (_lock)
        {
            if (!_held)
            {
                _held = true;
                return new Release(this);
            }
            turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node = (ahead ? _ahead : _queued).AddLast(turn);
        }
        using (cancellation.Register(() => GiveUp(node)))
            await turn.Task;
        return new Release(this);
    }

    /// <summary>A waiter cancelled before its turn leaves the queue; one whose turn came meanwhile passes it on.</summary>
    private void GiveUp(LinkedListNode<TaskCompletionSource> node)
    {
        lock (_lock)
        {
            if (node.List is { } lane)
            {
                lane.Remove(node);
                node.Value.TrySetCanceled();
                return;
            }
        }
        // The turn was handed over just as the wait was cancelled: the awaiting code sees it succeed and releases it.
    }

    private void Leave()
    {
        TaskCompletionSource? next;
        lock (_lock)
        {
            var lane = _ahead.Count > 0 ? _ahead : _queued.Count > 0 ? _queued : null;
            if (lane is null)
            {
                _held = false;
                return;
            }
            next = lane.First!.Value;
            lane.RemoveFirst();
        }
        next.SetResult(); // the turn passes straight to the next writer: the gate stays held
    }

    private sealed class Release(WriteGate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Leave();
        }
    }
}
