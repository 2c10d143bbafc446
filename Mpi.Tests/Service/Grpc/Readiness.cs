using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Mpi.Tests.Service.Grpc;

/// <summary>What an interface engine does before it sends calls: asks grpc.health.v1 until the server says serving.</summary>
public static class Readiness
{
    /// <summary>Polls the whole server's health; fails when it is not serving within <paramref name="within"/>.</summary>
    public static async Task WaitUntilServingAsync(GrpcChannel channel, TimeSpan within)
    {
        var health = new Health.HealthClient(channel);
        var deadline = DateTime.UtcNow + within;
        var last = HealthCheckResponse.Types.ServingStatus.Unknown;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = (await health.CheckAsync(new HealthCheckRequest(), deadline: deadline)).Status;
                if (last == HealthCheckResponse.Types.ServingStatus.Serving) return;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.DeadlineExceeded)
            {
                break;
            }
            await Task.Delay(50);
        }
        Assert.Fail($"not serving within {within.TotalSeconds:0.#} s (last status {last})");
    }
}
