using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Tests.Service.Grpc;

namespace Mpi.Tests.Service.Hardening;

/// <summary>A service that admits 10 unary Registers a second.</summary>
public sealed class RateBoundService : RunningService
{
    public const int PerSecond = 10;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Mpi:MaxRegistersPerSecond", $"{PerSecond}")];
}

/// <summary>
/// Registers beyond the configured rate are refused at once with RESOURCE_EXHAUSTED and a retry hint (issue:
/// hardening, item 3: Match keeps its latency while Register is shed), and counted. Real server, real gRPC.
/// </summary>
public sealed class RegisterRateTests(RateBoundService service) : IClassFixture<RateBoundService>
{
    [Fact]
    public async Task Register_FasterThanTheRate_IsShedWithARetryHint()
    {
        var client = new RegistrationService.RegistrationServiceClient(service.Channel);
        var sent = 6 * RateBoundService.PerSecond;

        var answers = await Task.WhenAll(Enumerable.Range(0, sent).Select(async i =>
        {
            try
            {
                await client.RegisterAsync(new RegisterRequest
                {
                    Key = new RecordKey { Registry = "NORTH_HOSP", LocalId = $"RATE-{i}" },
                    Demographics = new Demographics { GivenName = $"Rate{(char)('a' + i % 26)}{(char)('a' + i / 26)}", FamilyName = "Limitworth", BirthDate = "1958-06-17" },
                });
                return (StatusCode?)null;
            }
            catch (RpcException e)
            {
                Assert.True(e.GetRpcStatus()!.GetDetail<Google.Rpc.RetryInfo>().RetryDelay.ToTimeSpan() > TimeSpan.Zero);
                return e.StatusCode;
            }
        }));

        // A second's worth at once (the bucket's burst), a few more as it refills while the calls arrive; the rest shed.
        var served = answers.Count(a => a is null);
        Assert.InRange(served, RateBoundService.PerSecond, 3 * RateBoundService.PerSecond);
        Assert.All(answers.Where(a => a is not null), a => Assert.Equal(StatusCode.ResourceExhausted, a));
        Assert.Contains("register rate", await service.ScrapeMetricsAsync(text => text.Contains("register rate")));
    }
}
