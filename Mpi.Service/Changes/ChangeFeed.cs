using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Mpi.Service.Configuration;
using Mpi.Service.Outcomes;
using Mpi.Service.Persistence;
using Mpi.Service.Security;

namespace Mpi.Service.Changes;

/// <summary>
/// The identity-change feed: every change of a record's person, in commit order, read from the link history (so
/// merges made before the feed existed are on it too), for one caller's registries. Polled page by page or followed as
/// commits happen; a position older than the retention window is refused with the oldest one still served.
/// </summary>
public sealed class ChangeFeed(IOptions<MpiServiceOptions> options, TimeProvider time, WriteGate gate, FeedWatchers watchers, DatabaseTarget database)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>Link events read per page of a Watch: large enough that a burst of registrations is one message.</summary>
    private const int FollowPage = 500;

    /// <summary>How long a follower waits for this process's next commit before it looks anyway (another process may write the file).</summary>
    private static readonly TimeSpan LookAgain = TimeSpan.FromSeconds(1);

    /// <summary>The longest a follower stays silent: an empty message then says the stream is alive and where it stands.</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    /// <summary>Checks a caller's cursor and registries (the adapter checks the limit); the refusal says which field and why.</summary>
    public Outcome<FeedRequest> Validate(string cursor, IReadOnlyCollection<string> registries, RegistryScope scope)
    {
        using var reader = Reader();
        return Validate(reader, cursor, registries, scope);
    }

    /// <summary>A poll (ListChanges): the caller's cursor and registries checked, then up to <paramref name="limit"/> changes after it, on one connection.</summary>
    public Outcome<FeedPage> List(string cursor, IReadOnlyCollection<string> registries, RegistryScope scope, int limit)
    {
        using var reader = Reader();
        var request = Validate(reader, cursor, registries, scope);
        if (request.Refused) return request.Refusal!;
        return List(reader, request.Value!, limit);
    }

    private Outcome<FeedRequest> Validate(ChangeRowReader reader, string cursor, IReadOnlyCollection<string> registries, RegistryScope scope)
    {
        foreach (var registry in registries)
            if (!scope.Sees(registry))
                return new Refusal(RefusalKind.NotAllowed, $"the key may not follow registry {registry}") { Registry = registry };
        var oldest = reader.OldestSince(time.GetUtcNow() - options.Value.FeedRetention);
        if (cursor.Length == 0) return new FeedRequest(oldest, FeedRequest.Filter(scope, registries));
        if (FeedPosition.FromCursor(cursor) is not { } from) return Refusal.Invalid("from_cursor", "invalid cursor: not one this service issued");
        if (from > reader.Head())
            return Refusal.Invalid("from_cursor", "invalid cursor: ahead of the newest change (was the database restored from a backup?)");
        if (from < oldest)
            return new Refusal(RefusalKind.Expired, $"the cursor is older than the feed's retention window ({options.Value.FeedRetention.TotalDays:0.##} days): read the persons again, then follow from the oldest cursor")
            {
                Oldest = oldest.ToCursor(),
            };
        return new FeedRequest(from, FeedRequest.Filter(scope, registries));
    }

    /// <summary>Up to <paramref name="limit"/> changes after the request's position.</summary>
    private static FeedPage List(ChangeRowReader reader, FeedRequest request, int limit)
    {
        var head = reader.Head();
        var shown = new List<IdentityChange>(limit);
        var next = request.From;
        // Read until the page is full or the history ends; a filter may skip many events.
        while (true)
        {
            var (changes, readTo, more) = reader.After(next, limit);
            foreach (var (change, registries) in changes)
                if (shown.Count < limit && request.Shows(registries)) shown.Add(change);
            var progressed = readTo > next;
            next = shown.Count == limit ? shown[^1].Position : readTo;
            if (shown.Count == limit || !more || !progressed) break;
        }
        return new FeedPage(shown, next, head);
    }

    /// <summary>
    /// The changes after the request's position, then each new commit's as it happens, until cancelled: a page per
    /// wake-up that has changes, or an empty one to say where the stream stands (a filter skipped changes, or nothing
    /// happened for a while).
    /// </summary>
    public async IAsyncEnumerable<FeedPage> FollowAsync(FeedRequest request, string client, [EnumeratorCancellation] CancellationToken cancellation)
    {
        using var watcher = watchers.Open(client, request.From);
        using var reader = Reader();
        var at = request.From;
        var lastSent = time.GetUtcNow();
        var reported = at;
        while (!cancellation.IsCancellationRequested)
        {
            // Taken before reading: a commit between the read and the wait wakes this follower at once.
            var nextCommit = gate.Commits.Next;
            var (changes, readTo, more) = reader.After(at, FollowPage);
            var shown = changes.Where(c => request.Shows(c.Registries)).Select(c => c.Change).ToList();
            at = readTo;
            var now = time.GetUtcNow();
            if (shown.Count > 0 || (at > reported && now - lastSent >= LookAgain) || now - lastSent >= KeepAlive)
            {
                yield return new FeedPage(shown, at, at);
                watcher.Sent(at);
                reported = at;
                lastSent = now;
            }
            if (more) continue;
            try
            {
                await nextCommit.WaitAsync(LookAgain, time, cancellation);
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    /// <summary>The position after the newest change.</summary>
    public FeedPosition Head()
    {
        using var reader = Reader();
        return reader.Head();
    }

    private ChangeRowReader Reader() => new(database);
}
