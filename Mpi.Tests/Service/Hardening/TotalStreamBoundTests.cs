using Grpc.Core;
using Grpc.Net.Client;
using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Hardening;

/// <summary>
/// RegisterStreams are bounded in total as well as per key (issue: hardening, item 3): many keys, each within its own
/// bound, cannot together hold more streams than <c>Mpi:MaxStreams</c>. Real server, real gRPC streams.
/// </summary>
public sealed class TotalStreamBoundTests(StreamBoundService service) : IClassFixture<StreamBoundService>
{
    private static RegisterRequest Request(string localId) => new()
    {
        Key = new RecordKey { Registry = "NORTH_HOSP", LocalId = localId },
        Demographics = new Demographics { GivenName = "Eulalia", FamilyName = $"Streamfield{localId}", BirthDate = "1974-08-21" },
    };

    [Fact]
    public async Task RegisterStream_KeysTogetherBeyondTheTotalBound_IsResourceExhaustedUntilOneCloses()
    {
        var channels = new List<GrpcChannel>();
        var open = new List<AsyncDuplexStreamingCall<RegisterStreamRequest, RegisterStreamResponse>>();
        async Task<RegistrationService.RegistrationServiceClient> ClientOfANewKey(string name)
        {
            channels.Add(service.ChannelWith(await service.Credentials.IssueAsync(name, "NORTH_HOSP", "RegisterStream")));
            return new RegistrationService.RegistrationServiceClient(channels[^1]);
        }
        try
        {
            // Two keys, each holding fewer streams than its own bound, fill the total between them.
            var perKey = StreamBoundService.Total / 2;
            Assert.True(perKey < StreamBoundService.PerKey);
            foreach (var name in new[] { "total-a", "total-b" })
            {
                var client = await ClientOfANewKey(name);
                for (var i = 0; i < perKey; i++)
                {
                    var call = client.RegisterStream();
                    Assert.Equal("served", await RegisterStreamProbe.SendOneAsync(call, i, Request($"TS-{name}-{i}")));
                    open.Add(call);
                }
            }

            // A third key has no stream open: only the total can refuse it.
            var third = await ClientOfANewKey("total-c");
            using var oneTooMany = third.RegisterStream();
            var refused = await RegisterStreamProbe.SendOneAsync(oneTooMany, 0, Request("TS-total-c-0"));
            await open[0].RequestStream.CompleteAsync();
            Assert.False(await open[0].ResponseStream.MoveNext(CancellationToken.None));
            // The slot is freed as the server finishes the closed stream, a moment after the client saw its end.
            var afterClose = "";
            for (var attempt = 1; attempt <= 20 && afterClose != "served"; attempt++)
            {
                using var next = third.RegisterStream();
                afterClose = await RegisterStreamProbe.SendOneAsync(next, attempt, Request($"TS-total-c-{attempt}"));
                if (afterClose != "served") await Task.Delay(50);
            }

            Assert.Equal("ResourceExhausted", refused);
            Assert.Equal("served", afterClose);
        }
        finally
        {
            foreach (var call in open) call.Dispose();
            foreach (var channel in channels) channel.Dispose();
        }
    }
}
