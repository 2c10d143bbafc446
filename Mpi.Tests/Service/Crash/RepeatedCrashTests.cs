using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Mpi.Contracts.V1;
using Mpi.Tests.Service.Grpc;
using Xunit.Abstractions;

namespace Mpi.Tests.Service.Crash;

/// <summary>
/// The hardening issue's crash point: twenty <c>kill -9</c>s of the service under a mixed load of 32 callers (24
/// registering with message ids, 8 matching), each restart on the same file. A registration interrupted by a kill is
/// sent again after the restart with the same message id, as an interface engine retries. At the end no acknowledged
/// registration is lost, <c>integrity_check</c> is ok, and every acknowledged message id sent once more is answered
/// with the answer it first had. The service runs as a real separate process.
/// </summary>
public sealed class RepeatedCrashTests(ITestOutputHelper output)
{
    private const int Kills = 20;
    private const int RegisterCallers = 24;
    private const int MatchCallers = 8;
    private const int AcknowledgedPerRound = 120;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private sealed record Acknowledged(string Registry, string LocalId, string PersonId, Decision Decision);

    [Fact]
    public async Task MixedLoad_TwentyKillsAndRestarts_NoAcknowledgedRegistrationLostAndEveryMessageIdAnsweredTheSame()
    {
        var folder = Directory.CreateTempSubdirectory("mpi-crashes-");
        var database = Path.Combine(folder.FullName, "mpi.db");
        var messages = CrashLoad.Messages(3_500, seed: 20261205);
        for (var i = 0; i < messages.Length; i++) messages[i].MessageId = $"crash-{i:D5}";
        var pending = new ConcurrentQueue<int>(Enumerable.Range(0, messages.Length));
        var acknowledged = new ConcurrentDictionary<string, Acknowledged>();
        string? key = null;
        ServiceProcess? service = null;
        var interrupted = 0;
        try
        {
            for (var kill = 1; kill <= Kills; kill++)
            {
                service = await ServiceProcess.StartAsync(database, StartTimeout);
                key ??= service.DevelopmentKey ?? throw new InvalidOperationException($"no development key on the first start:\n{service.Output}");
                using (var channel = service.ChannelWith(key)) await Readiness.WaitUntilServingAsync(channel, CallTimeout);
                var round = await LoadUntilKilledAsync(service, key, messages, pending, acknowledged);
                interrupted += round.Interrupted;
                output.WriteLine($"kill {kill}: {round.Acknowledged} acknowledged, {round.Matched} matched, {round.Interrupted} interrupted (sent again after the restart)");
                service.Dispose();
                service = null;
            }

            Assert.True(interrupted > 0, "no registration was in flight at any kill: the kills did not interrupt the load");
            service = await ServiceProcess.StartAsync(database, StartTimeout);
            await AssertEveryMessageAnsweredTheSameAsync(service, key!, messages, acknowledged);
            await service.KillAsync(CallTimeout);
            var stored = CrashRecoveryTests.AssertWholeInDatabase(database,
                acknowledged.Values.ToDictionary(a => (a.Registry, a.LocalId), a => a.PersonId));
            output.WriteLine($"{acknowledged.Count} acknowledged registrations replayed the same and stored whole; {stored} source records in the file");
        }
        finally
        {
            service?.Dispose();
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private sealed record Round(int Acknowledged, int Matched, int Interrupted);

    /// <summary>
    /// Registers from the pending queue and matches until <see cref="AcknowledgedPerRound"/> more registrations are
    /// acknowledged, then kills the service under the callers. A call that fails before the kill fails the test; a
    /// registration that fails after it goes back on the queue.
    /// </summary>
    private static async Task<Round> LoadUntilKilledAsync(ServiceProcess service, string key, RegisterRequest[] messages, ConcurrentQueue<int> pending,
        ConcurrentDictionary<string, Acknowledged> acknowledged)
    {
        var killSignal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var killed = 0;
        var (acknowledgedNow, matched, interrupted) = (0, 0, 0);
        using var channel = service.ChannelWith(key);
        var client = new RegistrationService.RegistrationServiceClient(channel);

        var registering = Enumerable.Range(0, RegisterCallers).Select(_ => Task.Run(async () =>
        {
            while (Volatile.Read(ref killed) == 0 && pending.TryDequeue(out var i))
            {
                try
                {
                    var answer = await RetryingRegistration.RegisterAsync(client, messages[i], CancellationToken.None, CallTimeout);
                    var first = new Acknowledged(answer.Key.Registry, answer.Key.LocalId, answer.PersonId, answer.Decision);
                    // A message acknowledged before (its retry was in flight at a kill, or it is sent again) must answer the same.
                    var kept = acknowledged.GetOrAdd(messages[i].MessageId, first);
                    Assert.Equal(kept, first);
                    if (Interlocked.Increment(ref acknowledgedNow) >= AcknowledgedPerRound) killSignal.TrySetResult();
                }
                catch (RpcException) when (Volatile.Read(ref killed) == 1)
                {
                    Interlocked.Increment(ref interrupted);
                    pending.Enqueue(i);
                    return;
                }
            }
        }));
        var matching = Enumerable.Range(0, MatchCallers).Select(caller => Task.Run(async () =>
        {
            for (var i = caller; Volatile.Read(ref killed) == 0; i += MatchCallers)
            {
                try
                {
                    await client.MatchAsync(new MatchRequest { Demographics = messages[i % messages.Length].Demographics, TopK = 3 },
                        deadline: DateTime.UtcNow.Add(CallTimeout));
                    Interlocked.Increment(ref matched);
                }
                catch (RpcException) when (Volatile.Read(ref killed) == 1)
                {
                    return;
                }
            }
        }));
        var all = Task.WhenAll(registering.Concat(matching));

        if (await Task.WhenAny(killSignal.Task, all).WaitAsync(TimeSpan.FromSeconds(120)) == all)
        {
            await all; // a caller failed before the kill: its exception is the failure
            throw new InvalidOperationException("the messages ran out before the round's registrations were acknowledged");
        }
        Volatile.Write(ref killed, 1);
        await service.KillAsync(CallTimeout);
        await all.WaitAsync(CallTimeout * 2);
        return new Round(acknowledgedNow, matched, interrupted);
    }

    /// <summary>Every acknowledged message, sent once more after the last restart, is a replay of its first answer.</summary>
    private static async Task AssertEveryMessageAnsweredTheSameAsync(ServiceProcess service, string key, RegisterRequest[] messages,
        ConcurrentDictionary<string, Acknowledged> acknowledged)
    {
        using var channel = service.ChannelWith(key);
        await Readiness.WaitUntilServingAsync(channel, CallTimeout);
        var client = new RegistrationService.RegistrationServiceClient(channel);
        var byId = messages.ToDictionary(m => m.MessageId);
        var queue = new ConcurrentQueue<string>(acknowledged.Keys);
        var different = new ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, RegisterCallers).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var messageId))
            {
                var answer = await client.RegisterAsync(byId[messageId], deadline: DateTime.UtcNow.Add(CallTimeout));
                var first = acknowledged[messageId];
                if (!answer.Replayed || answer.PersonId != first.PersonId || answer.Decision != first.Decision)
                    different.Add($"{messageId}: first {first.PersonId} {first.Decision}, now {answer.PersonId} {answer.Decision} replayed={answer.Replayed}");
            }
        })));
        Assert.True(different.IsEmpty, $"{different.Count} message ids answered differently after the crashes:\n{string.Join('\n', different.Take(20))}");
    }
}
