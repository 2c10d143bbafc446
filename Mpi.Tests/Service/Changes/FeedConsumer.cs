using Grpc.Core;
using Grpc.Net.Client;
using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Changes;

/// <summary>
/// An identity-change consumer written against the proto alone, as a lab system would: it follows Watch from the last
/// cursor it processed, keeps record → person, and checks every change against what it holds — a change whose
/// person_before is not the person it has for the record means a change was missed, repeated or out of order.
/// </summary>
public sealed class FeedConsumer
{
    private readonly HashSet<string> _cursors = new(StringComparer.Ordinal);

    /// <summary>The cursor of every change applied, in the order received (across reconnections).</summary>
    public List<string> Delivered { get; } = [];

    public Dictionary<(string Registry, string LocalId), string> Persons { get; } = [];

    /// <summary>Persons retired by a merge, and the survivor each was merged into.</summary>
    public Dictionary<string, string> Retired { get; } = new(StringComparer.Ordinal);

    public Dictionary<IdentityChangeKind, int> Kinds { get; } = [];

    /// <summary>The merges seen, as (operation, merged person): each must be followed by one retirement.</summary>
    public HashSet<(string Operation, string Merged)> Merges { get; } = [];

    /// <summary>Retirements by who merged (a steward, or the engine when a new record bridged two persons).</summary>
    public Dictionary<ActorKind, int> RetiredBy { get; } = [];

    /// <summary>Where to resume: the cursor of the last message processed.</summary>
    public string Cursor { get; private set; } = "";

    /// <summary>Changes that did not follow from what the consumer held (empty when the feed kept its promise).</summary>
    public List<string> Problems { get; } = [];

    public void Apply(IdentityChange change)
    {
        if (!_cursors.Add(change.Cursor)) Problems.Add($"cursor {change.Cursor} delivered twice");
        Delivered.Add(change.Cursor);
        Kinds[change.Kind] = Kinds.GetValueOrDefault(change.Kind) + 1;
        if (change.Kind == IdentityChangeKind.Merge) Merges.Add((change.OperationId, change.PersonBefore));
        if (change.Kind == IdentityChangeKind.PersonRetired)
        {
            if (!Merges.Contains((change.OperationId, change.PersonBefore))) Problems.Add($"retirement of {change.PersonBefore} without its merge");
            RetiredBy[change.ActorKind] = RetiredBy.GetValueOrDefault(change.ActorKind) + 1;
            Retired[change.PersonBefore] = change.PersonAfter;
            return;
        }
        var key = (change.Record.Registry, change.Record.LocalId);
        var held = Persons.GetValueOrDefault(key) ?? "";
        if (change.PersonBefore != held)
            Problems.Add($"{change.Kind} of {key} at {change.Cursor}: person_before {change.PersonBefore}, but the consumer held '{held}'");
        Persons[key] = change.PersonAfter;
    }

    /// <summary>
    /// Follows Watch from <see cref="Cursor"/> until <paramref name="done"/> holds (true) or the stream breaks (false:
    /// the service went away; call again to resume).
    /// </summary>
    public async Task<bool> FollowAsync(GrpcChannel channel, Func<FeedConsumer, bool> done, CancellationToken cancellation)
    {
        var client = new IdentityChangeService.IdentityChangeServiceClient(channel);
        try
        {
            using var call = client.Watch(new WatchChangesRequest { FromCursor = Cursor }, cancellationToken: cancellation);
            while (await call.ResponseStream.MoveNext(cancellation))
            {
                foreach (var change in call.ResponseStream.Current.Changes) Apply(change);
                Cursor = call.ResponseStream.Current.Cursor;
                if (done(this)) return true;
            }
            return false;
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled
                                     && !cancellation.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception e) when (e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled } && cancellation.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The newest change's cursor now (ListChanges' head_cursor).</summary>
    public static async Task<string> HeadAsync(GrpcChannel channel) =>
        (await new IdentityChangeService.IdentityChangeServiceClient(channel).ListChangesAsync(new ListChangesRequest { Limit = 1 })).HeadCursor;

    /// <summary>
    /// The whole feed read again with ListChanges from the start, page by page: the cursors the consumer should have
    /// received, in order. Equal to <see cref="Delivered"/> when nothing was missed, repeated or reordered.
    /// </summary>
    public static async Task<List<string>> ReplayAsync(GrpcChannel channel)
    {
        var client = new IdentityChangeService.IdentityChangeServiceClient(channel);
        var cursors = new List<string>();
        var from = "";
        while (true)
        {
            var page = await client.ListChangesAsync(new ListChangesRequest { FromCursor = from, Limit = 1000 });
            if (page.Changes.Count == 0) return cursors;
            cursors.AddRange(page.Changes.Select(c => c.Cursor));
            from = page.NextCursor;
        }
    }

    /// <summary>Every record the consumer holds, read back with GetPerson: the records whose person differs from the consumer's.</summary>
    public async Task<List<string>> DisagreementsWithGetPersonAsync(GrpcChannel channel)
    {
        var persons = new PersonService.PersonServiceClient(channel);
        var disagreements = new List<string>();
        foreach (var ((registry, localId), person) in Persons)
        {
            var read = await persons.GetPersonAsync(new GetPersonRequest { Record = new RecordKey { Registry = registry, LocalId = localId }, Reason = "feed check" });
            if (read.PersonId != person) disagreements.Add($"{registry}/{localId}: feed {person}, GetPerson {read.PersonId}");
        }
        return disagreements;
    }
}
