using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Mpi.Service.Matching;
using Mpi.Service.Configuration;

namespace Mpi.Tests.Service.Registration;

public class RecordDirectoryHealthCheckTests
{
    private static Task<HealthCheckResult> Check(RecordDirectory directory, bool loadAtStart) =>
        new RecordDirectoryHealthCheck(directory, Options.Create(new MpiServiceOptions { LoadRecordsAtStart = loadAtStart }))
            .CheckHealthAsync(new HealthCheckContext());

    [Fact]
    public async Task Check_WhileTheDirectoryLoadsAtStart_IsUnhealthyUntilLoaded()
    {
        var directory = new RecordDirectory();
        var release = new TaskCompletionSource();
        var loading = directory.EnsureLoadedAsync((_, _) => release.Task, CancellationToken.None);

        var during = await Check(directory, loadAtStart: true);
        release.SetResult();
        await loading;
        var after = await Check(directory, loadAtStart: true);

        Assert.Equal(HealthStatus.Unhealthy, during.Status);
        Assert.Contains("loading", during.Description);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }

    [Fact]
    public async Task Check_DirectoryLoadedByTheFirstCall_IsHealthyFromTheStart()
    {
        var result = await Check(new RecordDirectory(), loadAtStart: false);

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }
}
