using Mpi.Service.Cli;
using Mpi.Tools.Load;

namespace Mpi.Tests.Tools.Load;

public class ClosedLoopTests
{
    [Fact]
    public async Task RunAfterWarmUp_CallsDuringTheWarmUp_AreNotReported()
    {
        var made = 0;
        Task<bool> Call(int _) { Interlocked.Increment(ref made); return Task.FromResult(true); }

        var result = await ClosedLoop.RunAfterWarmUpAsync(4, 50, TimeSpan.FromMilliseconds(200), async i => { await Task.Yield(); return await Call(i); },
            CancellationToken.None);

        Assert.Equal(50, result.Calls);
        Assert.Equal(50, result.SortedLatenciesMs.Length);
        Assert.True(made > 50, $"{made} calls made: the warm-up made none");
    }

    [Fact]
    public async Task RunAfterWarmUp_NoWarmUp_MakesExactlyTheMeasuredCalls()
    {
        var made = 0;
        var failing = new HashSet<int> { 3, 7 };

        var result = await ClosedLoop.RunAfterWarmUpAsync(3, 20, TimeSpan.Zero, i =>
        {
            Interlocked.Increment(ref made);
            return Task.FromResult(!failing.Contains(i));
        }, CancellationToken.None);

        Assert.Equal(20, made);
        Assert.Equal(2, result.Failures);
        Assert.Equal(20, result.SortedLatenciesMs.Length);
    }
}
