using Grpc.Core;
using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Grpc;
/// <summary>The review queue over the wire: a namesake at another address opens a task that reviewers work.</summary>
public sealed class ReviewGrpcServiceTests(RunningService service) : IClassFixture<RunningService>
{
    private RegistrationService.RegistrationServiceClient Registration => new(service.Channel);
    private ReviewService.ReviewServiceClient Review => new(service.Channel);

    private static RegisterRequest Request(string registry, string localId, string family, string address, string city, string postal) => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = localId },
        Demographics = new Demographics
        {
            // Each test's patient is its own: the name and birth date follow the family name, the addresses differ.
            GivenName = $"Rosalind{family[..3]}", FamilyName = family, BirthDate = new DateOnly(1950, 1, 1).AddDays(family.Length * 977 + family[0] * 31).ToString("yyyy-MM-dd"),
            Sex = "F", AddressLine = $"{family.Length} {address}", City = city, PostalCode = postal,
            NationalId = SomeNationalIds.For(localId),
        },
    };

    /// <summary>Registers a person, then the same name and birth date at another address with another national id: review.</summary>
    private async Task<(RegisterResponse First, RegisterResponse Uncertain)> OpenTaskAsync(string family)
    {
        var first = await Registration.RegisterAsync(Request("NORTH_HOSP", $"N-{family}", family, "9 Karri Court", "Perth", "6000"));
        var uncertain = await Registration.RegisterAsync(Request("SOUTH_LAB", $"S-{family}", family, "71 Marri Road", "Albany", "6330"));
        Assert.Equal(Decision.Review, uncertain.Decision);
        return (first, uncertain);
    }

    [Fact]
    public async Task ResolveTask_SamePerson_MovesTheRecordOntoTheCandidate()
    {
        var (first, uncertain) = await OpenTaskAsync("Quennell");
        var task = await Review.GetTaskAsync(new GetTaskRequest { TaskId = uncertain.ReviewTaskId });
        Assert.Equal(first.PersonId, task.Candidates[0].Person.PersonId);
        Assert.NotEmpty(task.Candidates[0].Explanation.Comparisons);

        var claimed = await Review.ClaimTaskAsync(new ClaimTaskRequest { TaskId = task.TaskId, ExpectedVersion = task.Version });
        var resolved = await Review.ResolveTaskAsync(new ResolveTaskRequest
        {
            TaskId = task.TaskId, ExpectedVersion = claimed.Version, Resolution = Resolution.SamePerson, PersonId = first.PersonId, Reason = "same NHI on the form",
        });

        Assert.Equal(ReviewTaskState.Resolved, resolved.Task.State);
        var person = await new PersonService.PersonServiceClient(service.Channel).GetPersonAsync(new GetPersonRequest { PersonId = first.PersonId });
        Assert.Equal(2, person.Records.Count);
        Assert.Contains(person.History, h => h.Kind == LinkEventKind.ReviewerLink && h.ReviewTaskId == task.TaskId && h.Reason == "same NHI on the form");
    }

    [Fact]
    public async Task ResolveTask_StaleVersionFromASecondReviewer_IsAbortedAndChangesNothing()
    {
        var (first, uncertain) = await OpenTaskAsync("Featherstonhaugh");
        var seen = await Review.GetTaskAsync(new GetTaskRequest { TaskId = uncertain.ReviewTaskId });
        await Review.ResolveTaskAsync(new ResolveTaskRequest
        {
            TaskId = seen.TaskId, ExpectedVersion = seen.Version, Resolution = Resolution.DifferentPerson, Reason = "different mother's maiden name",
        });

        var error = await Assert.ThrowsAsync<RpcException>(() => Review.ResolveTaskAsync(new ResolveTaskRequest
        {
            TaskId = seen.TaskId, ExpectedVersion = seen.Version, Resolution = Resolution.SamePerson, PersonId = first.PersonId, Reason = "same NHI",
        }).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        var person = await new PersonService.PersonServiceClient(service.Channel).GetPersonAsync(new GetPersonRequest { PersonId = first.PersonId });
        Assert.Single(person.Records);
    }

    [Fact]
    public async Task ClaimTask_RetriedByTheCallerWhoHoldsIt_SucceedsAndChangesNothing()
    {
        var (_, uncertain) = await OpenTaskAsync("Wrottesley");
        var task = await Review.GetTaskAsync(new GetTaskRequest { TaskId = uncertain.ReviewTaskId });
        var claimed = await Review.ClaimTaskAsync(new ClaimTaskRequest { TaskId = task.TaskId, ExpectedVersion = task.Version });

        // The first answer was lost on the way: the claim is sent again as it was.
        var retried = await Review.ClaimTaskAsync(new ClaimTaskRequest { TaskId = task.TaskId, ExpectedVersion = task.Version });

        Assert.Equal((ReviewTaskState.Claimed, claimed.Version, claimed.ClaimedBy), (retried.State, retried.Version, retried.ClaimedBy));
    }

    [Fact]
    public async Task ClaimTask_ClaimedByAnother_IsAbortedTaskClaimed()
    {
        var (_, uncertain) = await OpenTaskAsync("Cholmondeley");
        var task = await Review.GetTaskAsync(new GetTaskRequest { TaskId = uncertain.ReviewTaskId });
        var claimed = await Review.ClaimTaskAsync(new ClaimTaskRequest { TaskId = task.TaskId, ExpectedVersion = task.Version });
        var otherKey = await service.Credentials.IssueAsync("clerk-2", "*", "*");
        using var other = service.ChannelWith(otherKey);

        var error = await Assert.ThrowsAsync<RpcException>(() => new ReviewService.ReviewServiceClient(other)
            .ClaimTaskAsync(new ClaimTaskRequest { TaskId = task.TaskId, ExpectedVersion = claimed.Version }).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal("TASK_CLAIMED", error.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Reason);
        static bool IsClaimRefusal(string line) =>
            line.StartsWith("mpi_review_refusals_total{") && line.Contains("action=\"claim_review\"") && line.Contains("reason=\"TaskClaimed\"");
        var metrics = await service.ScrapeMetricsAsync(t => t.Split('\n').Any(IsClaimRefusal));
        Assert.Contains(metrics.Split('\n'), IsClaimRefusal);
    }

    [Fact]
    public async Task ReleaseTask_NotClaimed_IsFailedPreconditionWrongState()
    {
        var (_, uncertain) = await OpenTaskAsync("Ashburnham");
        var task = await Review.GetTaskAsync(new GetTaskRequest { TaskId = uncertain.ReviewTaskId });

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Review.ReleaseTaskAsync(new ReleaseTaskRequest { TaskId = task.TaskId, ExpectedVersion = task.Version }).ResponseAsync);

        // The contract's answer (review.proto, ReleaseTask): the task is in the wrong state, not the request malformed.
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("WRONG_STATE", error.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Reason);
        var after = await Review.GetTaskAsync(new GetTaskRequest { TaskId = task.TaskId });
        Assert.Equal((ReviewTaskState.Open, task.Version), (after.State, after.Version));
    }

    [Fact]
    public async Task ReleaseTask_AnotherCallersClaimWithAKeyThatIsNotAStewards_IsPermissionDeniedNotClaimant()
    {
        var (_, uncertain) = await OpenTaskAsync("Trevelyan");
        var task = await Review.GetTaskAsync(new GetTaskRequest { TaskId = uncertain.ReviewTaskId });
        var claimed = await Review.ClaimTaskAsync(new ClaimTaskRequest { TaskId = task.TaskId, ExpectedVersion = task.Version });
        // A clerk's key: both registries of the task, but not steward-wide.
        using var clerk = service.ChannelWith(await service.Credentials.IssueAsync("clerk-release", "NORTH_HOSP,SOUTH_LAB", "*"));

        var error = await Assert.ThrowsAsync<RpcException>(() => new ReviewService.ReviewServiceClient(clerk)
            .ReleaseTaskAsync(new ReleaseTaskRequest { TaskId = task.TaskId, ExpectedVersion = claimed.Version }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        var info = error.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>();
        Assert.Equal("NOT_CLAIMANT", info.Reason);
        Assert.Equal(claimed.ClaimedBy, info.Metadata["claimed_by"]);
        var after = await Review.GetTaskAsync(new GetTaskRequest { TaskId = task.TaskId });
        Assert.Equal((ReviewTaskState.Claimed, claimed.Version), (after.State, after.Version));
    }

    [Fact]
    public async Task ReleaseTask_AClerksClaimWithAStewardsKey_GoesBackToTheQueue()
    {
        var (_, uncertain) = await OpenTaskAsync("Winterbottom");
        using var clerk = service.ChannelWith(await service.Credentials.IssueAsync("clerk-gone-home", "NORTH_HOSP,SOUTH_LAB", "*"));
        var clerkReview = new ReviewService.ReviewServiceClient(clerk);
        var task = await clerkReview.GetTaskAsync(new GetTaskRequest { TaskId = uncertain.ReviewTaskId });
        var claimed = await clerkReview.ClaimTaskAsync(new ClaimTaskRequest { TaskId = task.TaskId, ExpectedVersion = task.Version });

        var released = await Review.ReleaseTaskAsync(new ReleaseTaskRequest
        {
            TaskId = task.TaskId, ExpectedVersion = claimed.Version, Reason = "the clerk went home with it",
        });

        Assert.Equal((ReviewTaskState.Open, ""), (released.State, released.ClaimedBy));
    }

    [Fact]
    public async Task ResolveTask_WithoutAReason_IsInvalidArgumentAndTheTaskStaysOpen()
    {
        var (first, uncertain) = await OpenTaskAsync("Lethbridge");
        var task = await Review.GetTaskAsync(new GetTaskRequest { TaskId = uncertain.ReviewTaskId });

        var error = await Assert.ThrowsAsync<RpcException>(() => Review.ResolveTaskAsync(new ResolveTaskRequest
        {
            TaskId = task.TaskId, ExpectedVersion = task.Version, Resolution = Resolution.SamePerson, PersonId = first.PersonId,
        }).ResponseAsync);

        // review.proto: the reason is required (INVALID_ARGUMENT "reason missing").
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations);
        Assert.Equal(("reason", "missing"), (violation.Field, violation.Description));
        var after = await Review.GetTaskAsync(new GetTaskRequest { TaskId = task.TaskId });
        Assert.Equal((ReviewTaskState.Open, task.Version), (after.State, after.Version));
    }

    [Fact]
    public async Task ClaimTask_WithoutTheVersionRead_IsInvalidArgument()
    {
        var (_, uncertain) = await OpenTaskAsync("Postlethwaite");

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Review.ClaimTaskAsync(new ClaimTaskRequest { TaskId = uncertain.ReviewTaskId }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations);
        Assert.Equal(("expected_version", "missing"), (violation.Field, violation.Description));
    }

    [Fact]
    public async Task ListTasks_OpenTasks_OldestFirstWithPaging()
    {
        await OpenTaskAsync("Auchinleck");
        await OpenTaskAsync("Marjoribanks");
        var firstPage = await Review.ListTasksAsync(new ListTasksRequest { PageSize = 1 });
        var secondPage = await Review.ListTasksAsync(new ListTasksRequest { PageSize = 1, PageToken = firstPage.NextPageToken });

        Assert.Single(firstPage.Tasks);
        Assert.True(firstPage.TotalSize >= 2);
        Assert.True(long.Parse(secondPage.Tasks[0].TaskId) > long.Parse(firstPage.Tasks[0].TaskId));
        Assert.All(firstPage.Tasks.Concat(secondPage.Tasks), t => Assert.NotEqual(ReviewTaskState.Resolved, t.State));
    }

    [Fact]
    public async Task ResolveTask_MergePersons_MergesTheOtherCandidateAndLinksTheRecord()
    {
        var (first, second) = await OpenTaskAsync("Wolstenholme");
        var third = await Registration.RegisterAsync(Request("GP_NET", "G-Wolstenholme", "Wolstenholme", "3 Boab Street", "Broome", "6725"));
        Assert.Equal(Decision.Review, third.Decision);
        var task = await Review.GetTaskAsync(new GetTaskRequest { TaskId = third.ReviewTaskId });
        // Other tests of the class share the service and register at the same street numbers: only these two matter.
        Assert.Contains(task.Candidates, c => c.Person.PersonId == first.PersonId);
        Assert.Contains(task.Candidates, c => c.Person.PersonId == second.PersonId);

        var resolved = await Review.ResolveTaskAsync(new ResolveTaskRequest
        {
            TaskId = task.TaskId, ExpectedVersion = task.Version, Resolution = Resolution.MergePersons, PersonId = first.PersonId,
            MergedPersonIds = { second.PersonId }, Reason = "one patient seen in three towns",
        });

        Assert.Equal(Resolution.MergePersons, resolved.Task.Resolution.Resolution);
        var persons = new PersonService.PersonServiceClient(service.Channel);
        var survivor = await persons.GetPersonAsync(new GetPersonRequest { PersonId = first.PersonId });
        var merged = await persons.GetPersonAsync(new GetPersonRequest { PersonId = second.PersonId });
        Assert.Equal(3, survivor.Records.Count);
        Assert.Equal((PersonState.Merged, first.PersonId), (merged.State, merged.MergedIntoPersonId));
    }
}
