using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Tests.Service.Grpc;

namespace Mpi.Tests.Service.Changes;

/// <summary>A cursor older than the feed's retention window is OUT_OF_RANGE, naming the oldest cursor still served.</summary>
public sealed class FeedRetentionTests(FeedRetentionTests.ShortRetentionService service) : IClassFixture<FeedRetentionTests.ShortRetentionService>
{
    /// <summary>The service with a retention window of two seconds.</summary>
    public sealed class ShortRetentionService : RunningService
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Mpi:FeedRetention", "00:00:02")];
    }

    private static RegisterRequest Request(string localId, string given) => new()
    {
        Key = new RecordKey { Registry = "FEED_OLD", LocalId = localId },
        Demographics = new Demographics { GivenName = given, FamilyName = "Haverford", BirthDate = "1970-07-07", Sex = "M", PostalCode = "7000" },
    };

    [Fact]
    public async Task ListChanges_ACursorOlderThanTheRetention_IsOutOfRangeWithTheOldestCursor()
    {
        var feed = new IdentityChangeService.IdentityChangeServiceClient(service.Channel);
        await new RegistrationService.RegistrationServiceClient(service.Channel).RegisterAsync(Request("1", "Aloysius"));
        var old = (await feed.ListChangesAsync(new ListChangesRequest())).Changes.Single();
        await Task.Delay(TimeSpan.FromSeconds(3));
        var kept = await new RegistrationService.RegistrationServiceClient(service.Channel).RegisterAsync(Request("2", "Barnabas"));

        var error = await Assert.ThrowsAsync<RpcException>(() => feed.ListChangesAsync(new ListChangesRequest { FromCursor = old.Cursor }).ResponseAsync);
        var fromStart = await feed.ListChangesAsync(new ListChangesRequest());

        Assert.Equal(StatusCode.OutOfRange, error.StatusCode);
        var info = error.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>();
        Assert.Equal("CURSOR_EXPIRED", info.Reason);
        var resumed = await feed.ListChangesAsync(new ListChangesRequest { FromCursor = info.Metadata["oldest_cursor"] });
        Assert.Equal([kept.PersonId], resumed.Changes.Select(c => c.PersonAfter));
        // An empty cursor starts at the oldest change still served.
        Assert.Equal([kept.PersonId], fromStart.Changes.Select(c => c.PersonAfter));
    }
}
