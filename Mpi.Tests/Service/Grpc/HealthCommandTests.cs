using Mpi.Service.Cli;

namespace Mpi.Tests.Service.Grpc;

/// <summary>The <c>health</c> verb against the real service, and against an address where nothing listens.</summary>
public sealed class HealthCommandTests(RunningService service) : IClassFixture<RunningService>
{
    [Fact]
    public async Task Health_OfARunningService_SaysServingInOneLine()
    {
        var stdout = new StringWriter();

        var exit = await HealthCommand.RunAsync(service.Address, stdout, CancellationToken.None);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal($"{service.Address}: SERVING", stdout.ToString().Trim());
    }

    [Fact]
    public async Task Health_WhereNothingListens_SaysSoAndFails()
    {
        var port = FreeTcpPort.Next(); // free a moment ago: nothing answers there
        var stdout = new StringWriter();

        var exit = await HealthCommand.RunAsync($"http://127.0.0.1:{port}", stdout, CancellationToken.None);

        Assert.Equal(ExitCodes.InputError, exit);
        Assert.Contains("no answer", stdout.ToString());
    }
}
