using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Mpi.Service.Cli;
using Mpi.Service.Matching;

namespace Mpi.Tests.Service.Grpc;

/// <summary>
/// Health the moment the record directory has loaded after a start: serving, not a periodic round later (a script
/// that checks health right after the log says the directory is loaded, or the service started, got NOT_SERVING).
/// </summary>
public sealed class HealthAfterLoadTests(HealthAfterLoadTests.JustStarted service) : IClassFixture<HealthAfterLoadTests.JustStarted>
{
    /// <summary>The real service on a fresh file, handed over as soon as it listens.</summary>
    public sealed class JustStarted : RunningService
    {
        protected override bool WaitsUntilServing => false;
    }

    [Fact]
    public async Task Health_AsSoonAsTheDirectoryHasLoaded_SaysServing()
    {
        await DirectoryLoadedAsync();

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await StatusAsync());
    }

    [Fact]
    public async Task Health_WhenAPeriodicRoundThatCheckedBeforeTheLoadPublishesAfterIt_StaysServing()
    {
        await DirectoryLoadedAsync();
        await StopPeriodicRoundsAsync();
        // What such a round carries: the directory still loading, the database fine.
        var stale = new HealthReport(new Dictionary<string, HealthReportEntry>
        {
            ["database"] = new(HealthStatus.Healthy, null, TimeSpan.Zero, null, null),
            [RecordDirectoryHealthCheck.Name] = new(HealthStatus.Unhealthy, "the record directory is loading", TimeSpan.Zero, null, null),
        }, TimeSpan.Zero);

        var publishers = service.Services.GetServices<IHealthCheckPublisher>().ToList();
        Assert.NotEmpty(publishers);
        foreach (var publisher in publishers) await publisher.PublishAsync(stale, CancellationToken.None);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await StatusAsync());
    }

    [Fact]
    public async Task HealthVerb_OfAServiceNotServing_PrintsTheStatusAsGrpcSpellsItAndFails()
    {
        await DirectoryLoadedAsync();
        await StopPeriodicRoundsAsync();
        var status = service.Services.GetRequiredService<global::Grpc.HealthCheck.HealthServiceImpl>();
        status.SetStatus("", HealthCheckResponse.Types.ServingStatus.NotServing);
        try
        {
            var stdout = new StringWriter();

            var exit = await HealthCommand.RunAsync(service.Address, stdout, CancellationToken.None);

            Assert.Equal(ExitCodes.InputError, exit);
            Assert.StartsWith($"{service.Address}: NOT_SERVING (still loading its records", stdout.ToString());
        }
        finally
        {
            status.SetStatus("", HealthCheckResponse.Types.ServingStatus.Serving);
        }
    }

    /// <summary>No periodic round from here on, so that only the test changes the status.</summary>
    private Task StopPeriodicRoundsAsync() =>
        service.Services.GetServices<IHostedService>().Single(s => s.GetType().Name == "HealthCheckPublisherHostedService")
            .StopAsync(CancellationToken.None);

    private async Task DirectoryLoadedAsync()
    {
        var warmup = service.Services.GetServices<IHostedService>().OfType<RecordDirectoryWarmup>().Single();
        await warmup.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private async Task<HealthCheckResponse.Types.ServingStatus> StatusAsync() =>
        (await new Health.HealthClient(service.Channel).CheckAsync(new HealthCheckRequest())).Status;
}
