using Microsoft.Extensions.Options;
using Mpi.Service.Configuration;
using Mpi.Service.Persistence.Entities;
using System.Threading.Channels;

namespace Mpi.Service.Persistence;

/// <summary>
/// Writes the audit rows that belong to no change of their own — reads (who read which person, why: GetPerson, Match)
/// and refused calls — with group commit: the rows that arrive while the writer is busy are inserted together in its
/// next turn, so a call waits for one shared commit instead of a turn of its own behind every registration. Each call
/// still returns only once its rows are durable.
/// </summary>
public sealed class GroupAuditWriter : IDisposable
{
    /// <summary>The most rows written in one turn (a call's rows are never split over two turns).</summary>
    public const int MaxBatch = 256;

    /// <summary>One call's rows: a Match that returned three persons waits for one completion, not three.</summary>
    private sealed record Pending(IReadOnlyList<AuditEntryEntity> Entries, TaskCompletionSource Written);

    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly DatabaseTarget _database;
    private readonly int _sqliteCacheMegabytes;
    private readonly WriteGate _gate;
    private readonly Task _writer;
    private AuditRowInserts? _inserts;

    public GroupAuditWriter(DatabaseTarget database, IOptions<MpiServiceOptions> options, WriteGate gate)
    {
        _database = database;
        _sqliteCacheMegabytes = options.Value.SqliteCacheMegabytes;
        _gate = gate;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>Returns once <paramref name="entry"/> is committed; a failure to write it is thrown.</summary>
    public Task WriteAsync(AuditEntryEntity entry, CancellationToken cancellation) => WriteAsync([entry], cancellation);

    /// <summary>Returns once every one of <paramref name="entries"/> is committed (in one turn); a failure to write them is thrown.</summary>
    public async Task WriteAsync(IReadOnlyList<AuditEntryEntity> entries, CancellationToken cancellation)
    {
        // Asynchronous continuations: the callers' answers are sent from the thread pool, not one after another from the writer's turn.
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.Writer.TryWrite(new Pending(entries, written))) throw new ObjectDisposedException(nameof(GroupAuditWriter));
        await written.Task.WaitAsync(cancellation);
    }

    private async Task WriteAsync()
    {
        var batch = new List<Pending>();
        var rows = new List<AuditEntryEntity>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            batch.Clear();
            rows.Clear();
            while (rows.Count < MaxBatch && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
                rows.AddRange(next.Entries);
            }
            try
            {
                _inserts ??= new AuditRowInserts(_database, _sqliteCacheMegabytes);
                await _inserts.InsertAsync(rows, _gate);
                foreach (var pending in batch) pending.Written.TrySetResult();
            }
            catch (Exception e)
            {
                // The connection may be in any state (the database restarted, the file was replaced): the next turn opens a new one.
                _inserts?.Dispose();
                _inserts = null;
                foreach (var pending in batch) pending.Written.TrySetException(e);
            }
        }
        _inserts?.Dispose();
    }

    public void Dispose()
    {
        _pending.Writer.TryComplete();
        _writer.Wait(TimeSpan.FromSeconds(10));
    }
}
