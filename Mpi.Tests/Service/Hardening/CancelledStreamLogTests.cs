using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Tests.Service.Crash;

namespace Mpi.Tests.Service.Hardening;

/// <summary>
/// A caller that cancels its RegisterStream (or whose connection drops) is ordinary for an interface engine being
/// restarted (issue: hardening, item 6): the service logs one line saying so, not a stack trace. The real service
/// process and its console.
/// </summary>
public sealed class CancelledStreamLogTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mpi-cancelled-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task RegisterStream_CancelledByTheCaller_LogsNoStackTrace()
    {
        using var service = await ServiceProcess.StartAsync(Path.Combine(_folder.FullName, "mpi.db"), TimeSpan.FromSeconds(60));
        using var channel = service.ChannelWith(service.DevelopmentKey!);
        var client = new RegistrationService.RegistrationServiceClient(channel);

        for (var round = 0; round < 3; round++)
        {
            using var cancel = new CancellationTokenSource();
            using var stream = client.RegisterStream(cancellationToken: cancel.Token);
            await stream.RequestStream.WriteAsync(new RegisterStreamRequest
            {
                RequestIndex = round,
                Register = new RegisterRequest
                {
                    Key = new RecordKey { Registry = "NORTH_HOSP", LocalId = $"CX-{round}" },
                    Demographics = new Demographics { GivenName = "Eadweard", FamilyName = "Muybridge", BirthDate = "1930-04-09" },
                },
            });
            Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None)); // served: the stream is open and working
            for (var item = 0; item < 200; item++) // then items in flight, being registered and answered, when ...
                await stream.RequestStream.WriteAsync(new RegisterStreamRequest
                {
                    RequestIndex = item,
                    Register = new RegisterRequest
                    {
                        Key = new RecordKey { Registry = "NORTH_HOSP", LocalId = $"CX-{round}-{item}" },
                        Demographics = new Demographics { GivenName = $"Eadweard{(char)('a' + item % 26)}", FamilyName = "Muybridge", BirthDate = "1930-04-09" },
                    },
                });
            cancel.Cancel(); // ... the caller goes away mid-stream
            await Assert.ThrowsAsync<RpcException>(() => stream.ResponseStream.MoveNext(CancellationToken.None));
        }
        await Task.Delay(1000); // the server notices the reset, and the console sink writes asynchronously

        Assert.DoesNotContain("   at ", service.Output); // no stack trace
        Assert.DoesNotContain(" ERR]", service.Output);
    }
}
