using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Grpc;
/// <summary>
/// Online as batch: a person registered twice apart (the second record shares too little with the first) is joined
/// when a record arrives that matches both: merged at once when a rule joins the two, through a merge task when only
/// scores do (docs/decisions.md, "Two close candidates"); the merge is in the history and can be undone like a steward's.
/// </summary>
public sealed class BridgingRegistrationTests(RunningService service) : IClassFixture<RunningService>
{
    private RegistrationService.RegistrationServiceClient Registration => new(service.Channel);
    private PersonService.PersonServiceClient Persons => new(service.Channel);
    private ReviewService.ReviewServiceClient Review => new(service.Channel);

    private static RegisterRequest Request(string registry, string localId, Demographics demographics) =>
        new() { Key = new RecordKey { Registry = registry, LocalId = localId }, Demographics = demographics };

    /// <summary>At her old home, with her birth date.</summary>
    private static readonly Demographics AtTheOldHome = new()
    {
        GivenName = "Wilhelmina", FamilyName = "Ostrowska", BirthDate = "1963-09-21", Sex = "F", AddressLine = "31 Tamarind Crescent",
        City = "Delmar", PostalCode = "2119", Phone = "0291234567",
    };

    /// <summary>At her new home, from a registry that did not take her birth date.</summary>
    private static readonly Demographics AtTheNewHomeWithoutBirthDate = new()
    {
        GivenName = "Wilhelmina", FamilyName = "Ostrowska", Sex = "F", AddressLine = "8 Saltbush Road", City = "Richlands",
        PostalCode = "4560", Phone = "0733456789",
    };

    /// <summary>At her new home, with her birth date: the record that shows the two are one person.</summary>
    private static readonly Demographics AtTheNewHome = new()
    {
        GivenName = "Wilhelmina", FamilyName = "Ostrowska", BirthDate = "1963-09-21", Sex = "F", AddressLine = "8 Saltbush Road",
        City = "Richlands", PostalCode = "4560", Phone = "0733456789",
    };

    [Fact]
    public async Task Register_RecordMatchingTwoPersonsWhoMatchOnScores_LinksAndOpensAMergeTask()
    {
        var old = await Registration.RegisterAsync(Request("NORTH_HOSP", "BR-1", AtTheOldHome));
        var apart = await Registration.RegisterAsync(Request("SOUTH_LAB", "BR-2", AtTheNewHomeWithoutBirthDate));
        Assert.NotEqual(old.PersonId, apart.PersonId);
        var predicted = await Registration.MatchAsync(new MatchRequest { Demographics = AtTheNewHome });

        var bridge = await Registration.RegisterAsync(Request("GP_NET", "BR-3", AtTheNewHome));

        Assert.Equal((Decision.AutoLink, "", 0), (bridge.Decision, bridge.ReviewTaskId, bridge.MergedPersonIds.Count));
        Assert.NotEmpty(bridge.MergeTaskId);
        var other = new[] { old.PersonId, apart.PersonId }.Single(p => p != bridge.PersonId);
        Assert.Equal((Decision.AutoLink, other), (predicted.Decision, Assert.Single(predicted.MergeTaskPersonIds)));
        var task = await Review.GetTaskAsync(new GetTaskRequest { TaskId = bridge.MergeTaskId });
        Assert.Equal([bridge.PersonId, other], task.Candidates.Select(c => c.Person.PersonId));

        var resolved = await Review.ResolveTaskAsync(new ResolveTaskRequest
        {
            TaskId = task.TaskId, ExpectedVersion = task.Version, Resolution = Resolution.MergePersons, PersonId = bridge.PersonId,
            MergedPersonIds = { other }, Reason = "moved house; the GP record shows both addresses",
        });
        Assert.Equal(ReviewTaskState.Resolved, resolved.Task.State);
        var survivor = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = bridge.PersonId, Reason = "test" });
        Assert.Equal(["BR-1", "BR-2", "BR-3"], survivor.Records.Select(r => r.Key.LocalId).Order());
    }

    [Fact]
    public async Task Register_RecordMatchingTwoPersonsThatARuleJoins_LinksAndMergesThem()
    {
        var withId = AtTheOldHome.Clone();
        // Nobody of the other case's: another birth date and home, so neither case's records are the other's candidates.
        (withId.GivenName, withId.FamilyName, withId.NationalId, withId.BirthDate) = ("Genoveva", "Szczepanik", "612004873", "1971-04-02");
        var first = await Registration.RegisterAsync(Request("NORTH_HOSP", "RJ-1", withId));
        var sparse = new Demographics { GivenName = "Genoveva", FamilyName = "Szczepanik", Sex = "F", AddressLine = "15 Quandong Street", City = "Yeppoon", PostalCode = "4703" };
        var apart = await Registration.RegisterAsync(Request("SOUTH_LAB", "RJ-2", sparse));
        Assert.NotEqual(first.PersonId, apart.PersonId);
        // The lab's record is completed later (an update keeps its person): now a rule holds between the two persons' records.
        var completed = sparse.Clone();
        (completed.BirthDate, completed.NationalId) = (withId.BirthDate, withId.NationalId);
        Assert.Equal(Decision.Updated, (await Registration.RegisterAsync(Request("SOUTH_LAB", "RJ-2", completed))).Decision);

        var bridge = await Registration.RegisterAsync(Request("GP_NET", "RJ-3", completed));

        Assert.Equal((Decision.RuleLink, ""), (bridge.Decision, bridge.MergeTaskId));
        var merged = Assert.Single(bridge.MergedPersonIds);
        Assert.Contains(merged, new[] { first.PersonId, apart.PersonId });
        var survivor = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = bridge.PersonId, Reason = "test" });
        Assert.Equal(["RJ-1", "RJ-2", "RJ-3"], survivor.Records.Select(r => r.Key.LocalId).Order());
        var gone = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = merged, Reason = "test" });
        Assert.Equal((PersonState.Merged, bridge.PersonId), (gone.State, gone.MergedIntoPersonId));
        Assert.Contains(survivor.History, h => h.Kind == LinkEventKind.AutoMerge && h.FromPersonId == merged);

        var unmerge = await Persons.UnmergePersonAsync(new UnmergePersonRequest
        {
            PersonId = merged, ExpectedSurvivorVersion = survivor.Version, Reason = "two people after all",
        });
        Assert.Equal((PersonState.Active, 1), (unmerge.Restored.State, unmerge.Restored.Records.Count));
        Assert.Equal(2, unmerge.Survivor.Records.Count);
    }
}
