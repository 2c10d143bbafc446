using Grpc.Core;
using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Grpc;

/// <summary>
/// An answer rests on the evidence the reviewer read: when the incoming record or a candidate person changes after
/// the task was read, the answer is refused CANDIDATES_CHANGED and changes nothing, and reading the task again gives
/// a newer version to answer at (review.proto); a person's version grows when a registration links a record to it or
/// updates one of its records (common.proto), so a steward's expected version sees those changes too.
/// </summary>
public sealed class ReviewEvidenceChangeTests(RunningService service) : IClassFixture<RunningService>
{
    private RegistrationService.RegistrationServiceClient Registration => new(service.Channel);
    private ReviewService.ReviewServiceClient Review => new(service.Channel);
    private PersonService.PersonServiceClient Persons => new(service.Channel);

    private static RegisterRequest Request(string registry, string localId, string given, string family, string birthDate, string sex, string? address) => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = localId },
        Demographics = new Demographics
        {
            GivenName = given, FamilyName = family, BirthDate = birthDate, Sex = sex, AddressLine = address ?? "", City = address is null ? "" : "Bunbury",
            PostalCode = address is null ? "" : "6230",
        },
    };

    /// <summary>A man with an address, then a record of his name alone from another registry: a task with him as its one candidate.</summary>
    private async Task<(RegisterResponse Candidate, RegisterResponse Incoming)> OpenTaskAsync(string family, string suffix, string birthDate, string address)
    {
        var candidate = await Registration.RegisterAsync(Request("NORTH_HOSP", $"EV-N{suffix}", "Cornelius", family, birthDate, "M", address));
        var incoming = await Registration.RegisterAsync(Request("SOUTH_LAB", $"EV-S{suffix}", "Cornelius", family, "", "", null));
        Assert.Equal(Decision.Review, incoming.Decision);
        return (candidate, incoming);
    }

    private static string ReasonOf(RpcException refused) => refused.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Reason;

    [Fact]
    public async Task IncomingRecordUpdatedAfterTheTaskWasRead_TheAnswerIsRefused_AndReadingAgainGivesANewerVersion()
    {
        var (candidate, incoming) = await OpenTaskAsync("Ashdown", "1", "1949-03-17", "12 Tuart Drive");
        var read = await Review.GetTaskAsync(new GetTaskRequest { TaskId = incoming.ReviewTaskId });

        // The lab corrects its record: a girl born in 2011, nobody the candidate could be.
        var updated = await Registration.RegisterAsync(Request("SOUTH_LAB", "EV-S1", "Winifred", "Ashdown", "2011-06-30", "F", null));
        Assert.Equal(Decision.Updated, updated.Decision);
        var refused = await Assert.ThrowsAsync<RpcException>(() => Review.ResolveTaskAsync(new ResolveTaskRequest
        {
            TaskId = read.TaskId, ExpectedVersion = read.Version, Resolution = Resolution.SamePerson, PersonId = candidate.PersonId, Reason = "same name",
        }).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "CANDIDATES_CHANGED"), (refused.StatusCode, ReasonOf(refused)));
        Assert.Single((await Persons.GetPersonAsync(new GetPersonRequest { PersonId = candidate.PersonId })).Records);
        var again = await Review.GetTaskAsync(new GetTaskRequest { TaskId = incoming.ReviewTaskId });
        Assert.True(again.Version > read.Version, $"version {again.Version} after {read.Version}");
        Assert.Equal(ReviewTaskState.Open, again.State);
        // Read again, unchanged since: the same version, and an answer at it is taken.
        Assert.Equal(again.Version, (await Review.GetTaskAsync(new GetTaskRequest { TaskId = incoming.ReviewTaskId })).Version);
        var resolved = await Review.ResolveTaskAsync(new ResolveTaskRequest
        {
            TaskId = again.TaskId, ExpectedVersion = again.Version, Resolution = Resolution.DifferentPerson, Reason = "a child, not him",
        });
        Assert.Equal(ReviewTaskState.Resolved, resolved.Task.State);
    }

    [Fact]
    public async Task AnswerToATaskNeverRead_AfterItsIncomingRecordChanged_IsRefused_UntilTheTaskIsRead()
    {
        var (candidate, incoming) = await OpenTaskAsync("Hollingsworth", "4", "1938-12-24", "5 Peppermint Grove");
        // Answered straight from the listing's version, never read through GetTask.
        var listed = (await Review.ListTasksAsync(new ListTasksRequest { PageSize = 500 })).Tasks.Single(t => t.TaskId == incoming.ReviewTaskId);
        await Registration.RegisterAsync(Request("SOUTH_LAB", "EV-S4", "Winifred", "Hollingsworth", "2012-01-09", "F", null));

        var refused = await Assert.ThrowsAsync<RpcException>(() => Review.ResolveTaskAsync(new ResolveTaskRequest
        {
            TaskId = listed.TaskId, ExpectedVersion = listed.Version, Resolution = Resolution.SamePerson, PersonId = candidate.PersonId, Reason = "same name",
        }).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "CANDIDATES_CHANGED"), (refused.StatusCode, ReasonOf(refused)));
        var read = await Review.GetTaskAsync(new GetTaskRequest { TaskId = incoming.ReviewTaskId });
        var resolved = await Review.ResolveTaskAsync(new ResolveTaskRequest
        {
            TaskId = read.TaskId, ExpectedVersion = read.Version, Resolution = Resolution.DifferentPerson, Reason = "a child, not him",
        });
        Assert.Equal(ReviewTaskState.Resolved, resolved.Task.State);
    }

    [Fact]
    public async Task CandidateRetiredByAStewardsLink_TheAnswerIsRefused_TheRecordIsNeverFiledOnARetiredPerson()
    {
        var (candidate, incoming) = await OpenTaskAsync("Pendergast", "2", "1952-10-04", "77 Marri Crescent");
        var other = await Registration.RegisterAsync(Request("EAST_GP", "EV-E2", "Ottoline", "Braithwaite", "1931-08-08", "F", "3 Jarrah Lane"));
        var task = await Review.GetTaskAsync(new GetTaskRequest { TaskId = incoming.ReviewTaskId });
        var before = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = candidate.PersonId });
        await Persons.LinkAsync(new LinkRequest
        {
            Record = new RecordKey { Registry = "NORTH_HOSP", LocalId = "EV-N2" }, ToPersonId = other.PersonId, ExpectedFromPersonVersion = before.Version,
            ExpectedToPersonVersion = (await Persons.GetPersonAsync(new GetPersonRequest { PersonId = other.PersonId })).Version, Reason = "filed under the wrong patient",
        });
        Assert.Equal(PersonState.Retired, (await Persons.GetPersonAsync(new GetPersonRequest { PersonId = candidate.PersonId })).State);

        var refused = await Assert.ThrowsAsync<RpcException>(() => Review.ResolveTaskAsync(new ResolveTaskRequest
        {
            TaskId = task.TaskId, ExpectedVersion = task.Version, Resolution = Resolution.SamePerson, PersonId = candidate.PersonId, Reason = "same name",
        }).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "CANDIDATES_CHANGED"), (refused.StatusCode, ReasonOf(refused)));
        var record = await Persons.GetPersonAsync(new GetPersonRequest { Record = new RecordKey { Registry = "SOUTH_LAB", LocalId = "EV-S2" } });
        Assert.Equal((incoming.PersonId, PersonState.Active), (record.PersonId, record.State));
    }

    [Fact]
    public async Task PersonVersion_GrowsWhenARegistrationLinksOrUpdatesARecord_SoAStewardsStaleMergeIsAborted()
    {
        var first = await Registration.RegisterAsync(Request("NORTH_HOSP", "EV-N3", "Leopoldine", "Quartermaine", "1977-05-05", "F", "40 Wandoo Street"));
        var other = await Registration.RegisterAsync(Request("EAST_GP", "EV-E3", "Barnabas", "Hollingworth", "1966-09-09", "M", "8 Sheoak Way"));
        var read = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = first.PersonId });

        var linked = await Registration.RegisterAsync(Request("SOUTH_LAB", "EV-S3", "Leopoldine", "Quartermaine", "1977-05-05", "F", "40 Wandoo Street"));
        Assert.Equal((Decision.AutoLink, first.PersonId), (linked.Decision, linked.PersonId));
        var afterLink = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = first.PersonId });
        await Registration.RegisterAsync(Request("NORTH_HOSP", "EV-N3", "Leopoldine", "Quartermaine-Byrne", "1977-05-05", "F", "40 Wandoo Street"));
        var afterUpdate = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = first.PersonId });

        Assert.True(afterLink.Version > read.Version, $"after the link {afterLink.Version}, read at {read.Version}");
        Assert.True(afterUpdate.Version > afterLink.Version, $"after the update {afterUpdate.Version}, before it {afterLink.Version}");
        var refused = await Assert.ThrowsAsync<RpcException>(() => Persons.MergePersonsAsync(new MergePersonsRequest
        {
            SurvivorPersonId = other.PersonId, MergedPersonId = first.PersonId, ExpectedSurvivorVersion = 1, ExpectedMergedVersion = read.Version,
            Reason = "one patient",
        }).ResponseAsync);
        Assert.Equal(StatusCode.Aborted, refused.StatusCode);
        Assert.Equal(PersonState.Active, (await Persons.GetPersonAsync(new GetPersonRequest { PersonId = first.PersonId })).State);
    }
}
