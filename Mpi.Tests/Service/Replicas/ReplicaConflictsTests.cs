using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Tests.Service.Grpc;

namespace Mpi.Tests.Service.Replicas;

/// <summary>
/// Issue 3's invariants across two replicas on one PostgreSQL database: a message id replayed to the other replica
/// gets the original answer, a task claimed on one is claimed on the other, and a stale answer sent to the other is
/// refused — exactly as within one replica.
/// </summary>
public sealed class ReplicaConflictsTests(TwoReplicas replicas) : IClassFixture<TwoReplicas>
{
    private static RegisterRequest Request(string registry, string localId, string family, string address, string postal, string messageId = "") => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = localId },
        MessageId = messageId,
        Demographics = new Demographics
        {
            GivenName = $"Philomena{family[..3]}", FamilyName = family, BirthDate = new DateOnly(1961, 1, 1).AddDays(family.Length * 613 + family[0] * 17).ToString("yyyy-MM-dd"),
            Sex = "F", AddressLine = address, City = "Bunbury", PostalCode = postal, NationalId = SomeNationalIds.For(localId),
        },
    };

    /// <summary>A namesake at another address with another national id, registered through the first replica: a review task.</summary>
    private async Task<ReviewTask> OpenTaskAsync(string family)
    {
        var registration = new RegistrationService.RegistrationServiceClient(replicas.First.Channel);
        await registration.RegisterAsync(Request("NORTH_HOSP", $"N-{family}", family, "3 Tuart Place", "6230"));
        var uncertain = await registration.RegisterAsync(Request("SOUTH_LAB", $"S-{family}", family, "88 Jarrah Drive", "6280"));
        Assert.Equal(Decision.Review, uncertain.Decision);
        return await new ReviewService.ReviewServiceClient(replicas.First.Channel).GetTaskAsync(new GetTaskRequest { TaskId = uncertain.ReviewTaskId });
    }

    [Fact]
    public async Task Register_MessageIdReplayedToTheOtherReplica_GetsTheOriginalAnswer()
    {
        var message = Request("GP_NET", "G-Abernethy", "Abernethy", "5 Wandoo Way", "6225", messageId: "replica-replay-1");
        var original = await new RegistrationService.RegistrationServiceClient(replicas.First.Channel).RegisterAsync(message);

        var replayed = await new RegistrationService.RegistrationServiceClient(replicas.Second.Channel).RegisterAsync(message);

        Assert.Equal((original.PersonId, original.Decision, original.Probability), (replayed.PersonId, replayed.Decision, replayed.Probability));
        await using var db = replicas.First.OpenDatabase();
        Assert.Single(db.SourceRecords.Where(r => r.LocalId == "G-Abernethy"));
    }

    [Fact]
    public async Task ClaimTask_ClaimedOnTheFirstReplica_IsRefusedOnTheSecond()
    {
        var task = await OpenTaskAsync("Braithwaite");
        var claimed = await new ReviewService.ReviewServiceClient(replicas.First.Channel)
            .ClaimTaskAsync(new ClaimTaskRequest { TaskId = task.TaskId, ExpectedVersion = task.Version });
        using var otherClerk = replicas.Second.ChannelWith(await replicas.Second.Credentials.IssueAsync("clerk-on-second", "*", "*"));

        var error = await Assert.ThrowsAsync<RpcException>(() => new ReviewService.ReviewServiceClient(otherClerk)
            .ClaimTaskAsync(new ClaimTaskRequest { TaskId = task.TaskId, ExpectedVersion = claimed.Version }).ResponseAsync);

        Assert.Equal((StatusCode.Aborted, "TASK_CLAIMED"), (error.StatusCode, error.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Reason));
    }

    [Fact]
    public async Task ResolveTask_AnsweredOnOneReplica_AStaleAnswerOnTheOtherIsAbortedAndChangesNothing()
    {
        var task = await OpenTaskAsync("Cunningham");
        await new ReviewService.ReviewServiceClient(replicas.First.Channel).ResolveTaskAsync(new ResolveTaskRequest
        {
            TaskId = task.TaskId, ExpectedVersion = task.Version, Resolution = Resolution.DifferentPerson, Reason = "different mother's name",
        });

        var error = await Assert.ThrowsAsync<RpcException>(() => new ReviewService.ReviewServiceClient(replicas.Second.Channel).ResolveTaskAsync(
            new ResolveTaskRequest
            {
                TaskId = task.TaskId, ExpectedVersion = task.Version, Resolution = Resolution.SamePerson,
                PersonId = task.Candidates[0].Person.PersonId, Reason = "same person",
            }).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        var person = await new PersonService.PersonServiceClient(replicas.Second.Channel)
            .GetPersonAsync(new GetPersonRequest { PersonId = task.Candidates[0].Person.PersonId, Reason = "check" });
        Assert.Single(person.Records);
    }

    [Fact]
    public async Task ThresholdsChangedOnOneReplica_TheOtherDecidesUnderTheNewVersion_AndAcceptsAChangeToIt()
    {
        var firstModels = new ModelService.ModelServiceClient(replicas.First.Channel);
        var secondModels = new ModelService.ModelServiceClient(replicas.Second.Channel);
        var active = await firstModels.GetModelAsync(new GetModelRequest());
        // A margin a hair wider: a new version that decides these tests' registrations as the old one did.
        var changed = await firstModels.UpdateThresholdsAsync(new UpdateThresholdsRequest
        {
            ExpectedActiveVersion = active.Version, AmbiguityMargin = active.Thresholds.AmbiguityMargin + 0.0001, Reason = "replica test",
        });

        var registered = await new RegistrationService.RegistrationServiceClient(replicas.Second.Channel)
            .RegisterAsync(Request("EAST_GP", "E-Fotheringham", "Fotheringham", "12 Karri Loop", "6230"));
        Assert.Equal(changed.Version, registered.ModelVersion);
        // Match decides outside a write transaction: the version is followed within a moment.
        var matcher = new RegistrationService.RegistrationServiceClient(replicas.Second.Channel);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        string matchedUnder;
        do
        {
            matchedUnder = (await matcher.MatchAsync(new MatchRequest { Demographics = Request("EAST_GP", "x", "Fotheringham", "12 Karri Loop", "6230").Demographics }))
                .ModelVersion;
        }
        while (matchedUnder != changed.Version && DateTime.UtcNow < deadline && await Task.Delay(50).ContinueWith(_ => true));
        Assert.Equal(changed.Version, matchedUnder);
        var back = await secondModels.UpdateThresholdsAsync(new UpdateThresholdsRequest
        {
            ExpectedActiveVersion = changed.Version, AmbiguityMargin = active.Thresholds.AmbiguityMargin, Reason = "replica test: back",
        });
        Assert.Equal(back.Version, (await firstModels.GetModelAsync(new GetModelRequest())).Version);
    }
}
