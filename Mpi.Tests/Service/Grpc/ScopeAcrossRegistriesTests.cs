using Grpc.Core;
using Grpc.Net.Client;
using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Grpc;

/// <summary>
/// What a key granted one registry learns or changes of another's through the paths beside the direct look-ups
/// <see cref="RegistryScopeTests"/> walks: a person a record of its registry left, the decision behind a Match, a
/// merge answered from a review task, an unmerge's checks, a task list filtered by another registry. Each test changes
/// the data it needs (its own instance of the fixture, apart from <see cref="RegistryScopeTests"/>').
/// </summary>
public sealed class ScopeAcrossRegistriesTests(RegistryScopeService service) : IClassFixture<RegistryScopeService>
{
    private const string Own = RegistryScopeService.Own, Other = RegistryScopeService.Other;

    private PersonService.PersonServiceClient Steward => new(service.Channel);
    private GrpcChannel Scoped => service.Scoped;

    private static async Task Denied(Task call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("REGISTRY_NOT_ALLOWED", error.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Reason);
    }

    [Fact]
    public async Task GetPerson_OfAnActivePersonTheKeysRecordWasUnlinkedFrom_IsDenied()
    {
        var shared = await Steward.GetPersonAsync(new GetPersonRequest { PersonId = service.SharedPerson.PersonId });
        Assert.Contains(shared.Records, r => r.Key.Registry == Own);
        var scoped = new PersonService.PersonServiceClient(Scoped);
        Assert.Equal(shared.PersonId, (await scoped.GetPersonAsync(new GetPersonRequest { PersonId = shared.PersonId })).PersonId);

        // A steward decides the key's record is not that patient: the person now holds the other registry's record only.
        await Steward.UnlinkAsync(new UnlinkRequest
        {
            Record = new RecordKey { Registry = Own, LocalId = "A-2" }, ExpectedPersonVersion = shared.Version, Reason = "not the same patient",
        });

        await Denied(scoped.GetPersonAsync(new GetPersonRequest { PersonId = shared.PersonId }).ResponseAsync);
    }

    [Fact]
    public async Task Match_WhenTheDecisionLinksToAnotherRegistrysPerson_AnswersNewAndNamesNoRule()
    {
        // The other registry's patient, with its national id and birth date: a rule links Register's record to it.
        var query = RegistryScopeService.Request(Other, "B-1", "Griselda", "Oakenfull", "1956-10-30", "12 Brisbane Street").Demographics;
        var wide = await new RegistrationService.RegistrationServiceClient(service.Channel).MatchAsync(new MatchRequest { Demographics = query });
        Assert.Equal(Decision.RuleLink, wide.Decision);
        Assert.Equal(service.OtherPerson.PersonId, wide.Candidates[0].PersonId);

        var scoped = await new RegistrationService.RegistrationServiceClient(Scoped).MatchAsync(new MatchRequest { Demographics = query });

        Assert.Equal(Decision.New, scoped.Decision);
        Assert.Equal("", scoped.Rule);
        Assert.Null(scoped.Learned);
        Assert.DoesNotContain(scoped.Candidates, c => c.PersonId == service.OtherPerson.PersonId);
    }

    [Fact]
    public async Task ResolveTask_MergingPersonsOfAnotherRegistry_IsDeniedAndMergesNothing()
    {
        // The key's own record, close to the other registry's two Ottilie Fairweathers: a task with both as candidates.
        var registered = await new RegistrationService.RegistrationServiceClient(Scoped).RegisterAsync(
            RegistryScopeService.Request(Own, "A-3", "Ottilie", "Fairweather", "1949-06-02", "19 Cameron Street", city: "Scottsdale", postalCode: "7260"));
        Assert.True(registered.ReviewTaskId.Length > 0, $"{registered.Decision} {registered.Probability}");
        var review = new ReviewService.ReviewServiceClient(Scoped);
        var task = await review.GetTaskAsync(new GetTaskRequest { TaskId = registered.ReviewTaskId });
        var others = task.Candidates.Select(c => c.Person.PersonId).Where(p => p != registered.PersonId).ToList();
        Assert.True(others.Count >= 2, $"{others.Count} candidates");

        await Denied(review.ResolveTaskAsync(new ResolveTaskRequest
        {
            TaskId = task.TaskId, ExpectedVersion = task.Version, Resolution = Resolution.MergePersons, PersonId = others[0],
            MergedPersonIds = { others[1] }, Reason = "one patient",
        }).ResponseAsync);

        var merged = await Steward.GetPersonAsync(new GetPersonRequest { PersonId = others[1] });
        Assert.Equal(PersonState.Active, merged.State);
        Assert.Contains(merged.Records, r => r.Key.Registry == Other);
    }

    [Fact]
    public async Task UnmergePerson_OfAnActivePersonOfAnotherRegistry_IsDeniedBeforeItsStateIsTold()
    {
        var persons = new PersonService.PersonServiceClient(Scoped);

        await Denied(persons.UnmergePersonAsync(new UnmergePersonRequest
        {
            PersonId = service.OtherPerson.PersonId, ExpectedSurvivorVersion = 1, Reason = "test",
        }).ResponseAsync);
    }

    [Fact]
    public async Task ListTasks_FilteredByAnotherRegistry_IsDenied()
    {
        var review = new ReviewService.ReviewServiceClient(Scoped);

        await Denied(review.ListTasksAsync(new ListTasksRequest { Registry = Other }).ResponseAsync);
        Assert.NotNull(await review.ListTasksAsync(new ListTasksRequest { Registry = Own }));
    }
}
