using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Mpi.Contracts.V1;
using Mpi.Tests.Service.Changes;
using Mpi.Tests.Service.Crash;
using Mpi.Tests.Service.Grpc;
using Xunit.Abstractions;

namespace Mpi.Tests.Service.Replicas;

/// <summary>
/// One replica of two killed (<c>kill -9</c>) under a register load spread over both: the other answers throughout,
/// every acknowledged registration is in the database, a feed consumer that followed the killed replica resumes on
/// the other with no gap, and the killed one restarts on the same database and finds every record.
/// </summary>
public sealed class ReplicaKillTests(ITestOutputHelper output)
{
    private const int Callers = 32;
    private const int AcknowledgedBeforeKill = 250;
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task KillOneReplicaUnderLoad_OtherAnswersThroughout_NothingAcknowledgedLost_FeedHasNoGap_KilledOneCatchesUp()
    {
        await using var replicas = await ServeProcesses.LaunchAsync(2);
        var messages = CrashLoad.Messages(400, seed: 20261207);
        for (var i = 0; i < messages.Length; i++) messages[i].MessageId = $"replica-kill-{i:D5}";
        var pending = new ConcurrentQueue<RegisterRequest>(messages);
        var acknowledged = new ConcurrentDictionary<RecordKey, string>();
        var first = new RegistrationService.RegistrationServiceClient(replicas.Channel(0));
        var second = new RegistrationService.RegistrationServiceClient(replicas.Channel(1));
        var consumer = new FeedConsumer();
        using var killed = new CancellationTokenSource();
        using var done = new CancellationTokenSource();

        var followingFirst = consumer.FollowAsync(replicas.Channel(0), _ => false, CancellationToken.None);
        var probe = ProbeAsync(new RegistrationService.RegistrationServiceClient(replicas.Channel(1)), messages[0].Demographics, done.Token);
        var registering = Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            var client = caller % 2 == 0 ? first : second;
            while (pending.TryDequeue(out var message))
            {
                try
                {
                    var answer = await RetryingRegistration.RegisterAsync(client, message, CancellationToken.None, CallTimeout);
                    acknowledged[message.Key] = answer.PersonId;
                }
                catch (RpcException) when (killed.IsCancellationRequested && client == first)
                {
                    // Cut off by the kill: the engine sends it again to the replica left (same message id; it may have committed).
                    pending.Enqueue(message);
                    client = second;
                }
            }
        })));
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(120)))
            while (acknowledged.Count < AcknowledgedBeforeKill)
            {
                if (registering.IsCompleted) await registering;
                await Task.Delay(5, wait.Token);
            }
        await killed.CancelAsync();
        var killedAt = Stopwatch.GetTimestamp();
        await replicas.KillAsync(0);
        var atKill = acknowledged.Count;
        Assert.False(await followingFirst.WaitAsync(CallTimeout), "the consumer's stream from the killed replica ended well");
        await registering.WaitAsync(TimeSpan.FromMinutes(3));
        await done.CancelAsync();
        var probes = await probe;
        var (probeFailures, answeredAfterKill) = (probes.Count(p => !p.Answered), probes.Count(p => p.Answered && p.At > killedAt));

        await replicas.StartAsync(0);
        var restarted = replicas.Channel(0);
        var other = replicas.Channel(1);
        using (var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            var head = await FeedConsumer.HeadAsync(other);
            using var caughtUp = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            var followingSecond = consumer.FollowAsync(other, c => c.Cursor == head, caughtUp.Token);
            Assert.True(await followingSecond, "the consumer did not reach the feed's head on the other replica");
        }
        output.WriteLine($"{atKill} acknowledged at the kill, {acknowledged.Count} in all; the other replica was asked {probes.Count} Match calls "
            + $"meanwhile ({answeredAfterKill} answered after the kill), {probeFailures} failed; the consumer received {consumer.Delivered.Count} changes");

        Assert.Equal(0, probeFailures);
        Assert.True(answeredAfterKill > 0, "no Match call reached the other replica after the kill");
        Assert.Equal(messages.Length, acknowledged.Count);
        await using (var db = replicas.OpenDatabase())
        {
            var stored = (await db.SourceRecords.Select(r => new { r.Registry, r.LocalId }).ToListAsync()).Select(r => (r.Registry, r.LocalId)).ToHashSet();
            Assert.DoesNotContain(acknowledged.Keys, k => !stored.Contains((k.Registry, k.LocalId)));
        }
        Assert.Empty(consumer.Problems);
        Assert.Equal(await FeedConsumer.ReplayAsync(restarted), consumer.Delivered);
        Assert.Equal(messages.Length, consumer.Persons.Count);
        Assert.Empty(await consumer.DisagreementsWithGetPersonAsync(restarted));
        // The restarted replica's candidate search holds every record, those registered while it was down included.
        var matcher = new RegistrationService.RegistrationServiceClient(restarted);
        var persons = new PersonService.PersonServiceClient(restarted);
        var missing = new List<string>();
        foreach (var message in messages)
        {
            var person = (await persons.GetPersonAsync(new GetPersonRequest { Record = message.Key, Reason = "replica kill check" })).PersonId;
            var found = await matcher.MatchAsync(new MatchRequest { Demographics = message.Demographics, TopK = 5 });
            if (found.Candidates.All(c => c.PersonId != person)) missing.Add($"{message.Key.Registry}/{message.Key.LocalId}");
        }
        Assert.Empty(missing);
    }

    /// <summary>Match calls to the replica that stays up, one after another until stopped: when each ended, and whether it was answered.</summary>
    private static async Task<List<(long At, bool Answered)>> ProbeAsync(RegistrationService.RegistrationServiceClient client, Demographics query,
        CancellationToken stop)
    {
        var probes = new List<(long At, bool Answered)>();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await client.MatchAsync(new MatchRequest { Demographics = query }, deadline: DateTime.UtcNow.Add(CallTimeout));
                probes.Add((Stopwatch.GetTimestamp(), true));
            }
            catch (RpcException)
            {
                probes.Add((Stopwatch.GetTimestamp(), false));
            }
            await Task.Delay(10, CancellationToken.None);
        }
        return probes;
    }
}
