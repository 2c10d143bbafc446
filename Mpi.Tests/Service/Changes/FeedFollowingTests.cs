using System.Collections.Concurrent;
using Mpi.Contracts.V1;
using Mpi.Tests.Service.Crash;
using Mpi.Tests.Service.Grpc;
using Xunit.Abstractions;

namespace Mpi.Tests.Service.Changes;

/// <summary>
/// The feed's promise under load: a consumer that follows Watch while 32 callers register and a steward merges,
/// unmerges, links and unlinks ends with the same record → person map as GetPerson, every change in order, none twice.
/// </summary>
public sealed class FeedFollowingTests(RunningService service, ITestOutputHelper output) : IClassFixture<RunningService>
{
    private const int Callers = 32;

    [Fact]
    public async Task Watch_ThirtyTwoCallersRegisteringAndAStewardAtWork_ConsumerEndsWithGetPersonsMap()
    {
        var consumer = new FeedConsumer();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var everything = new CancellationTokenSource();
        var following = consumer.FollowAsync(service.Channel, _ => false, everything.Token);

        var messages = CrashLoad.Messages(500, seed: 20261206);
        var pending = new ConcurrentQueue<RegisterRequest>(messages);
        var registered = new ConcurrentBag<RecordKey>();
        var registration = new RegistrationService.RegistrationServiceClient(service.Channel);
        var registering = Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            while (pending.TryDequeue(out var message))
            {
                await RetryingRegistration.RegisterAsync(registration, message, stop.Token);
                registered.Add(message.Key);
            }
        })));
        var churn = new IdentityChurn(seed: 6);
        while (!registering.IsCompleted) await churn.StepAsync(service.Channel, [.. registered], stop.Token);
        await registering;
        for (var i = 0; i < 40; i++) await churn.StepAsync(service.Channel, [.. registered], stop.Token);

        // Caught up: the consumer's cursor reaches the newest change.
        var head = await FeedConsumer.HeadAsync(service.Channel);
        while (consumer.Cursor != head && !following.IsCompleted) await Task.Delay(20, stop.Token);
        await everything.CancelAsync();
        await following;

        output.WriteLine($"merges {churn.Merges}, unmerges {churn.Unmerges}, links {churn.Links}, unlinks {churn.Unlinks}; changes by kind: "
            + string.Join(", ", consumer.Kinds.Select(k => $"{k.Key}={k.Value}")));
        Assert.Empty(consumer.Problems);
        Assert.Equal(await FeedConsumer.ReplayAsync(service.Channel), consumer.Delivered);
        Assert.Equal(messages.Length, consumer.Persons.Count);
        Assert.Empty(await consumer.DisagreementsWithGetPersonAsync(service.Channel));
        Assert.True(churn.Merges > 0 && churn.Unmerges > 0 && churn.Links > 0 && churn.Unlinks > 0,
            $"the steward's churn must do every kind of change: merges {churn.Merges}, unmerges {churn.Unmerges}, links {churn.Links}, unlinks {churn.Unlinks}");
        Assert.Equal(consumer.Merges.Count, consumer.Kinds.GetValueOrDefault(IdentityChangeKind.PersonRetired));
        Assert.Equal(churn.Merges, consumer.RetiredBy.GetValueOrDefault(ActorKind.Steward));
    }
}
