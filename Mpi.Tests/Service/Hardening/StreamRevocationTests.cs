using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Service.Security;
using Mpi.Tests.Service.Grpc;

namespace Mpi.Tests.Service.Hardening;

/// <summary>
/// Revoking a key reaches a RegisterStream opened before it (issue: hardening, item 5): the stream ends with
/// UNAUTHENTICATED at its next batch and nothing sent after the revocation is stored; a Watch ends before the next
/// change is sent. Real server, real gRPC streams.
/// </summary>
public sealed class StreamRevocationTests(RunningService service) : IClassFixture<RunningService>
{
    private static RegisterStreamRequest Item(int index) => new()
    {
        RequestIndex = index,
        Register = new RegisterRequest
        {
            Key = new RecordKey { Registry = "NORTH_HOSP", LocalId = $"RV-{index}" },
            Demographics = new Demographics { GivenName = "Marisol", FamilyName = $"Etxeberria{index}", BirthDate = "1979-03-14" },
        },
    };

    [Fact]
    public async Task RegisterStream_KeyRevokedWhileOpen_EndsTheStreamAndStoresNothingMore()
    {
        var key = await service.Credentials.IssueAsync("revoked-engine", "NORTH_HOSP", "RegisterStream");
        using var channel = service.ChannelWith(key);
        using var call = new RegistrationService.RegistrationServiceClient(channel).RegisterStream();
        await call.RequestStream.WriteAsync(Item(1));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(Decision.New, call.ResponseStream.Current.Result.Decision);

        Assert.True(await service.Credentials.RevokeAsync(ApiKey.IdOf(key)));
        await call.RequestStream.WriteAsync(Item(2));
        var ended = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Unauthenticated, ended.StatusCode);
        Assert.Equal(0, StoredWithLocalId("RV-2"));
        Assert.Equal(1, StoredWithLocalId("RV-1"));
    }

    [Fact]
    public async Task Watch_KeyRevokedWhileFollowing_EndsTheStreamBeforeTheNextChange()
    {
        var key = await service.Credentials.IssueAsync("revoked-consumer", "NORTH_HOSP", "Watch");
        using var channel = service.ChannelWith(key);
        var feed = new IdentityChangeService.IdentityChangeServiceClient(channel);
        var head = (await new IdentityChangeService.IdentityChangeServiceClient(service.Channel).ListChangesAsync(new ListChangesRequest { Limit = 1 })).HeadCursor;
        using var call = feed.Watch(new WatchChangesRequest { FromCursor = head });
        var register = new RegistrationService.RegistrationServiceClient(service.Channel);
        await register.RegisterAsync(Watched("WV-1", "Ottavia", "Brennan-Hale", "1966-11-02"));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        while (call.ResponseStream.Current.Changes.Count == 0) Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal("WV-1", call.ResponseStream.Current.Changes[0].Record.LocalId);

        Assert.True(await service.Credentials.RevokeAsync(ApiKey.IdOf(key)));
        await register.RegisterAsync(Watched("WV-2", "Casimir", "Okonkwo", "1990-04-22"));
        var ended = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
                Assert.DoesNotContain(call.ResponseStream.Current.Changes, c => c.Record?.LocalId == "WV-2");
        });

        Assert.Equal(StatusCode.Unauthenticated, ended.StatusCode);
    }

    /// <summary>A registration for the feed to carry: other people than the stream test's, so that neither links to the other's.</summary>
    private static RegisterRequest Watched(string localId, string given, string family, string birthDate) => new()
    {
        Key = new RecordKey { Registry = "NORTH_HOSP", LocalId = localId },
        Demographics = new Demographics { GivenName = given, FamilyName = family, BirthDate = birthDate },
    };

    private long StoredWithLocalId(string localId)
    {
        using var db = service.OpenDatabase();
        return db.SourceRecords.LongCount(r => r.LocalId == localId);
    }
}
