using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Service.Security;
using Mpi.Tests.Service.Grpc;

namespace Mpi.Tests.Service.Hardening;

/// <summary>
/// Revoking a key reaches a RegisterStream opened before it (issue: hardening, item 5): the stream ends with
/// UNAUTHENTICATED at its next batch and nothing sent after the revocation is stored. Real server, real gRPC stream.
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

    private long StoredWithLocalId(string localId)
    {
        using var db = service.OpenDatabase();
        return db.SourceRecords.LongCount(r => r.LocalId == localId);
    }
}
