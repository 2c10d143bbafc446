using Mpi.Service.Persistence;

namespace Mpi.Tests.Service.Persistence;

/// <summary>The write gate's two lanes: the audit's goes first; a writer that gives up leaves its place to the next.</summary>
public sealed class WriteGateTests
{
    [Fact]
    public async Task Leave_WritersWaitingInBothLanes_TheAuditLaneIsServedFirstThenTheQueueInOrder()
    {
        var gate = new WriteGate();
        var order = new List<string>();
        var held = await gate.EnterAsync(CancellationToken.None);
        async Task Take(string name, bool ahead)
        {
            using (await gate.EnterAsync(CancellationToken.None, ahead)) lock (order) order.Add(name);
        }
        var first = Take("change 1", ahead: false);
        var second = Take("change 2", ahead: false);
        var audit = Take("audit", ahead: true);

        held.Dispose();
        await Task.WhenAll(first, second, audit).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["audit", "change 1", "change 2"], order);
    }

    [Fact]
    public async Task EnterAsync_CancelledWhileWaiting_ThrowsAndTheTurnPassesToTheNextWriter()
    {
        var gate = new WriteGate();
        var held = await gate.EnterAsync(CancellationToken.None);
        using var giveUp = new CancellationTokenSource();
        var cancelled = gate.EnterAsync(giveUp.Token);
        var next = gate.EnterAsync(CancellationToken.None);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        held.Dispose();

        using var turn = await next.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, gate.WaitingAhead);
    }
}
