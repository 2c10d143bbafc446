using System.Collections.Concurrent;

namespace Mpi.Service.Changes;

/// <summary>
/// The Watch streams open now and how far each has been sent, for the feed-lag metric: one entry per stream, named by
/// the credential that opened it (never by anything the caller sent).
/// </summary>
public sealed class FeedWatchers
{
    private readonly ConcurrentDictionary<Watcher, byte> _open = new();

    public Watcher Open(string client, FeedPosition from)
    {
        var watcher = new Watcher(this, client, from);
        _open[watcher] = 0;
        return watcher;
    }

    /// <summary>Each client's largest lag, in link events committed and not yet sent, against <paramref name="head"/>.</summary>
    public IReadOnlyDictionary<string, long> Lags(FeedPosition head) =>
        _open.Keys.GroupBy(w => w.Client, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(w => Math.Max(0, head.EventId - w.SentEvent)), StringComparer.Ordinal);

    public bool Any => !_open.IsEmpty;

    public sealed class Watcher(FeedWatchers owner, string client, FeedPosition from) : IDisposable
    {
        public string Client { get; } = client;

        private long _sentEvent = from.EventId;

        /// <summary>The last link event whose changes were sent (or skipped by the stream's filter).</summary>
        public long SentEvent => Volatile.Read(ref _sentEvent);

        public void Sent(FeedPosition to) => Volatile.Write(ref _sentEvent, to.EventId);

        public void Dispose() => owner._open.TryRemove(this, out _);
    }
}
