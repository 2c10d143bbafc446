using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Data.Sqlite;
using Mpi.Contracts.V1;
using Mpi.Tests.Service.Changes;
using Mpi.Tests.Service.Grpc;
using Xunit.Abstractions;

namespace Mpi.Tests.Service.Crash;

/// <summary>
/// The feed's promise across crashes: a consumer follows Watch while 32 callers register and a steward merges,
/// unmerges, links and unlinks; the service is killed (<c>kill -9</c>) twice mid-run and restarted on the same file,
/// and the consumer resumes each time from the last cursor it processed. At the end it has received every change once,
/// in order (the same cursors as ListChanges read from the start), and holds GetPerson's person for every record.
/// </summary>
public sealed class FeedAcrossKillsTests(ITestOutputHelper output)
{
    private const int Kills = 2;
    private const int Callers = 32;
    private const int AcknowledgedPerRound = 250;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Watch_ServiceKilledTwiceUnderRegistrationsAndAStewardAtWork_ConsumerResumesWithNoGapNoRepeatInOrder()
    {
        var folder = Directory.CreateTempSubdirectory("mpi-feed-kills-");
        var database = Path.Combine(folder.FullName, "mpi.db");
        var messages = CrashLoad.Messages(500, seed: 20261207);
        for (var i = 0; i < messages.Length; i++) messages[i].MessageId = $"feed-{i:D5}";
        var pending = new ConcurrentQueue<RegisterRequest>(messages);
        var acknowledged = new ConcurrentBag<RecordKey>();
        var consumer = new FeedConsumer();
        var churn = new IdentityChurn(seed: 7);
        string? key = null;
        ServiceProcess? service = null;
        try
        {
            for (var kill = 1; kill <= Kills; kill++)
            {
                service = await ServiceProcess.StartAsync(database, StartTimeout);
                key ??= service.DevelopmentKey ?? throw new InvalidOperationException($"no development key on the first start:\n{service.Output}");
                var resumedAt = consumer.Delivered.Count;
                var interrupted = await RunUntilKilledAsync(service, key, pending, acknowledged, consumer, churn);
                output.WriteLine($"kill {kill}: {acknowledged.Count} acknowledged so far, {interrupted} registrations interrupted (sent again after "
                    + $"the restart), consumer at {consumer.Delivered.Count} changes ({consumer.Delivered.Count - resumedAt} this round)");
                service.Dispose();
                service = null;
            }

            service = await ServiceProcess.StartAsync(database, StartTimeout);
            using var channel = service.ChannelWith(key!);
            await Readiness.WaitUntilServingAsync(channel, CallTimeout);
            using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            using var following = new CancellationTokenSource();
            var follow = consumer.FollowAsync(channel, _ => false, following.Token);
            await RegisterAllAsync(channel, pending, acknowledged, stop.Token);
            for (var i = 0; i < 30; i++) await churn.StepAsync(channel, [.. acknowledged], stop.Token);
            var head = await FeedConsumer.HeadAsync(channel);
            while (consumer.Cursor != head && !follow.IsCompleted) await Task.Delay(20, stop.Token);
            await following.CancelAsync();
            await follow;

            output.WriteLine("changes by kind: " + string.Join(", ", consumer.Kinds.Select(k => $"{k.Key}={k.Value}")));
            Assert.Empty(consumer.Problems);
            Assert.Equal(await FeedConsumer.ReplayAsync(channel), consumer.Delivered);
            Assert.Equal(messages.Length, consumer.Persons.Count);
            Assert.Empty(await consumer.DisagreementsWithGetPersonAsync(channel));
            foreach (var kind in new[] { IdentityChangeKind.Merge, IdentityChangeKind.Unmerge, IdentityChangeKind.Link, IdentityChangeKind.Unlink })
                Assert.True(consumer.Kinds.GetValueOrDefault(kind) > 0, $"the steward's churn made no {kind} change");
        }
        finally
        {
            service?.Dispose();
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Follows the feed, registers from <paramref name="pending"/> and lets the steward work until
    /// <see cref="AcknowledgedPerRound"/> more registrations are acknowledged, then kills the service under all of
    /// them: each caller goes on until a call fails after the kill. A registration that failed goes back on the queue
    /// (its message id makes the retry safe; one in flight may have committed); the number of those is returned.
    /// </summary>
    private static async Task<int> RunUntilKilledAsync(ServiceProcess service, string key, ConcurrentQueue<RegisterRequest> pending,
        ConcurrentBag<RecordKey> acknowledged, FeedConsumer consumer, IdentityChurn churn)
    {
        using var channel = service.ChannelWith(key);
        await Readiness.WaitUntilServingAsync(channel, CallTimeout);
        using var killed = new CancellationTokenSource();
        var follow = consumer.FollowAsync(channel, _ => false, CancellationToken.None);
        var target = acknowledged.Count + AcknowledgedPerRound;
        var interrupted = 0;
        var client = new RegistrationService.RegistrationServiceClient(channel);
        var registering = Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            while (pending.TryDequeue(out var message))
            {
                try
                {
                    await RetryingRegistration.RegisterAsync(client, message, CancellationToken.None, CallTimeout);
                    acknowledged.Add(message.Key);
                }
                catch (RpcException) when (killed.IsCancellationRequested)
                {
                    Interlocked.Increment(ref interrupted);
                    pending.Enqueue(message);
                    return;
                }
            }
        })));
        var stewarding = Task.Run(async () =>
        {
            while (true)
            {
                try
                {
                    await churn.StepAsync(channel, [.. acknowledged], CancellationToken.None);
                }
                catch (RpcException) when (killed.IsCancellationRequested)
                {
                    return; // cut off by the kill: whatever it committed is on the feed
                }
            }
        });

        using (var round = new CancellationTokenSource(TimeSpan.FromSeconds(120)))
            while (acknowledged.Count < target)
            {
                if (registering.IsCompleted) await registering; // a caller failed before the kill: its exception is the failure
                await Task.Delay(5, round.Token);
            }
        await killed.CancelAsync();
        await service.KillAsync(CallTimeout);
        await Task.WhenAll(registering, stewarding).WaitAsync(CallTimeout * 2);
        Assert.False(await follow.WaitAsync(CallTimeout), "the consumer's stream ended well although the service was killed");
        return interrupted;
    }

    private static Task RegisterAllAsync(GrpcChannel channel, ConcurrentQueue<RegisterRequest> pending, ConcurrentBag<RecordKey> acknowledged,
        CancellationToken cancellation)
    {
        var client = new RegistrationService.RegistrationServiceClient(channel);
        return Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            while (pending.TryDequeue(out var message))
            {
                await RetryingRegistration.RegisterAsync(client, message, cancellation, CallTimeout);
                acknowledged.Add(message.Key);
            }
        })));
    }
}
