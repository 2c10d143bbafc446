using Grpc.Core;
using Grpc.Net.Client;
using Mpi.Contracts.V1;

namespace Mpi.Tools.Load;

/// <summary>
/// One identity-change consumer beside a load (<c>load --watch</c>): follows Watch from the feed's head, as a lab
/// system that only wants what happens from now on would, and counts the changes it receives, so that the feed's cost
/// to registration is measured with a real stream attached.
/// </summary>
internal sealed class FeedWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly IdentityChangeService.IdentityChangeServiceClient _client;
    private readonly Metadata _headers;
    private readonly Task _following;
    private long _changes;
    private volatile string _cursor;

    private FeedWatch(IdentityChangeService.IdentityChangeServiceClient client, Metadata headers, string head)
    {
        (_client, _headers, _cursor) = (client, headers, head);
        _following = FollowAsync();
    }

    /// <summary>Changes received so far.</summary>
    public long Changes => Interlocked.Read(ref _changes);

    /// <summary>Opens the stream at the current head (ListChanges' head_cursor).</summary>
    public static async Task<FeedWatch> StartAsync(GrpcChannel channel, Metadata headers, CancellationToken cancellation)
    {
        var client = new IdentityChangeService.IdentityChangeServiceClient(channel);
        var head = await client.ListChangesAsync(new ListChangesRequest { Limit = 1 }, headers, cancellationToken: cancellation);
        return new FeedWatch(client, headers, head.HeadCursor);
    }

    private async Task FollowAsync()
    {
        using var call = _client.Watch(new WatchChangesRequest { FromCursor = _cursor }, _headers, cancellationToken: _stop.Token);
        try
        {
            while (await call.ResponseStream.MoveNext(_stop.Token))
            {
                Interlocked.Add(ref _changes, call.ResponseStream.Current.Changes.Count);
                _cursor = call.ResponseStream.Current.Cursor;
            }
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && _stop.IsCancellationRequested)
        {
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Waits up to <paramref name="catchUp"/> until the stream has delivered the newest change committed now, then
    /// closes it. False when it had not caught up by then.
    /// </summary>
    public async Task<bool> StopAsync(TimeSpan catchUp)
    {
        var head = (await _client.ListChangesAsync(new ListChangesRequest { Limit = 1 }, _headers)).HeadCursor;
        using var deadline = new CancellationTokenSource(catchUp);
        while (_cursor != head && !deadline.IsCancellationRequested && !_following.IsCompleted) await Task.Delay(10, CancellationToken.None);
        var caughtUp = _cursor == head;
        await _stop.CancelAsync();
        await _following;
        return caughtUp;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await _stop.CancelAsync();
        await _following;
        _stop.Dispose();
    }
}
