using Grpc.Core;
using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Grpc;

/// <summary>
/// "Not the same person" remembered (issue 15, item 6): a reviewer's different-person answer, a steward's unlink or
/// mark is stored and respected by later registrations (no bridge merges or merge tasks across it), Match for the
/// record, merges by review and by steward, until a steward removes it. Each test starts from persons that the service
/// would put together without the mark.
/// </summary>
public sealed class DifferentPersonMarkTests(RunningService service) : IClassFixture<RunningService>
{
    private RegistrationService.RegistrationServiceClient Registration => new(service.Channel);
    private PersonService.PersonServiceClient Persons => new(service.Channel);
    private ReviewService.ReviewServiceClient Review => new(service.Channel);

    private static RegisterRequest Request(string registry, string localId, Demographics demographics) =>
        new() { Key = new RecordKey { Registry = registry, LocalId = localId }, Demographics = demographics };

    /// <summary>A namesake with the same birth date at another address and another national id: review against the first.</summary>
    private static Demographics Namesake(string family, string address, string city, string postal, string localId) => new()
    {
        GivenName = $"Rosalind{family[..3]}", FamilyName = family, BirthDate = new DateOnly(1950, 1, 1).AddDays(family.Length * 977 + family[0] * 31).ToString("yyyy-MM-dd"),
        Sex = "F", AddressLine = $"{family.Length} {address}", City = city, PostalCode = postal, NationalId = SomeNationalIds.For(localId),
    };

    private async Task<(RegisterResponse First, RegisterResponse Uncertain, Demographics UncertainDemographics)> OpenTaskAsync(string family)
    {
        var first = await Registration.RegisterAsync(Request("NORTH_HOSP", $"N-{family}", Namesake(family, "9 Karri Court", "Perth", "6000", $"N-{family}")));
        var demographics = Namesake(family, "71 Marri Road", "Albany", "6330", $"S-{family}");
        var uncertain = await Registration.RegisterAsync(Request("SOUTH_LAB", $"S-{family}", demographics));
        Assert.Equal(Decision.Review, uncertain.Decision);
        return (first, uncertain, demographics);
    }

    private async Task<PersonView> PersonAsync(string id) => await Persons.GetPersonAsync(new GetPersonRequest { PersonId = id, Reason = "test" });

    private static void AssertMarked(RpcException refused, string markId)
    {
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        var info = refused.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>();
        Assert.Equal(("MARKED_DIFFERENT_PERSON", markId), (info.Reason, info.Metadata["mark_id"]));
    }

    [Fact]
    public async Task DifferentPersonAnswer_IsKept_RefusesAMergeOfTheTwo_UntilAStewardRemovesIt()
    {
        var (first, uncertain, _) = await OpenTaskAsync("Marchbanks");
        var task = await Review.GetTaskAsync(new GetTaskRequest { TaskId = uncertain.ReviewTaskId });
        await Review.ResolveTaskAsync(new ResolveTaskRequest
        {
            TaskId = task.TaskId, ExpectedVersion = task.Version, Resolution = Resolution.DifferentPerson, Reason = "different mother's maiden name",
        });

        var mark = Assert.Single((await Persons.ListDifferentPersonMarksAsync(new ListDifferentPersonMarksRequest
        {
            Record = new RecordKey { Registry = "SOUTH_LAB", LocalId = "S-Marchbanks" },
        })).Marks);
        Assert.Equal((DifferentPersonMarkOrigin.ReviewAnswer, first.PersonId, first.PersonId, uncertain.PersonId, task.TaskId, false),
            (mark.Origin, mark.PersonId, mark.HeldAgainstPersonId, mark.RecordPersonId, mark.ReviewTaskId, mark.Removed));
        // Listed from either person's side.
        Assert.Equal(mark.MarkId, Assert.Single((await Persons.ListDifferentPersonMarksAsync(new ListDifferentPersonMarksRequest { PersonId = first.PersonId })).Marks).MarkId);

        var (survivor, merged) = (await PersonAsync(first.PersonId), await PersonAsync(uncertain.PersonId));
        MergePersonsRequest Merge() => new()
        {
            SurvivorPersonId = survivor.PersonId, MergedPersonId = merged.PersonId, ExpectedSurvivorVersion = survivor.Version,
            ExpectedMergedVersion = merged.Version, Reason = "looks like one person",
        };
        AssertMarked(await Assert.ThrowsAsync<RpcException>(() => Persons.MergePersonsAsync(Merge()).ResponseAsync), mark.MarkId);
        Assert.Equal(PersonState.Active, (await PersonAsync(merged.PersonId)).State);

        var removed = await Persons.RemoveDifferentPersonMarkAsync(new RemoveDifferentPersonMarkRequest { MarkId = mark.MarkId, Reason = "the clerk misread the form" });
        Assert.Equal((true, "the clerk misread the form"), (removed.Removed, removed.RemovalReason));
        Assert.Empty((await Persons.ListDifferentPersonMarksAsync(new ListDifferentPersonMarksRequest { PersonId = first.PersonId })).Marks);
        Assert.Single((await Persons.ListDifferentPersonMarksAsync(new ListDifferentPersonMarksRequest { PersonId = first.PersonId, IncludeRemoved = true })).Marks);
        var again = await Assert.ThrowsAsync<RpcException>(() =>
            Persons.RemoveDifferentPersonMarkAsync(new RemoveDifferentPersonMarkRequest { MarkId = mark.MarkId, Reason = "twice" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);

        var done = await Persons.MergePersonsAsync(Merge());
        Assert.Equal(PersonState.Merged, done.Merged.State);
    }

    [Fact]
    public async Task Match_ForAMarkedRecord_LeavesTheMarkedPersonOut()
    {
        var (first, uncertain, demographics) = await OpenTaskAsync("Wetherall");
        var key = new RecordKey { Registry = "SOUTH_LAB", LocalId = "S-Wetherall" };
        var before = await Registration.MatchAsync(new MatchRequest { Demographics = demographics, Record = key });
        Assert.Contains(before.Candidates, c => c.PersonId == first.PersonId);

        await Persons.MarkDifferentPersonAsync(new MarkDifferentPersonRequest { Record = key, PersonId = first.PersonId, Reason = "twin sister, seen together" });

        var after = await Registration.MatchAsync(new MatchRequest { Demographics = demographics, Record = key });
        Assert.DoesNotContain(after.Candidates, c => c.PersonId == first.PersonId);
        Assert.Contains(after.Candidates, c => c.PersonId == uncertain.PersonId);
        // Without the record the query is anyone's: the person is a candidate as before.
        var anyone = await Registration.MatchAsync(new MatchRequest { Demographics = demographics });
        Assert.Contains(anyone.Candidates, c => c.PersonId == first.PersonId);
    }

    [Fact]
    public async Task SamePersonAnswer_OnACandidateMarkedSinceTheTaskOpened_IsRefused()
    {
        var (first, uncertain, _) = await OpenTaskAsync("Oglethorpe");
        var mark = await Persons.MarkDifferentPersonAsync(new MarkDifferentPersonRequest
        {
            Record = new RecordKey { Registry = "SOUTH_LAB", LocalId = "S-Oglethorpe" }, PersonId = first.PersonId, Reason = "steward checked the passport",
        });
        var task = await Review.GetTaskAsync(new GetTaskRequest { TaskId = uncertain.ReviewTaskId });

        var refused = await Assert.ThrowsAsync<RpcException>(() => Review.ResolveTaskAsync(new ResolveTaskRequest
        {
            TaskId = task.TaskId, ExpectedVersion = task.Version, Resolution = Resolution.SamePerson, PersonId = first.PersonId, Reason = "same",
        }).ResponseAsync);

        AssertMarked(refused, mark.MarkId);
        Assert.Equal(ReviewTaskState.Open, (await Review.GetTaskAsync(new GetTaskRequest { TaskId = task.TaskId })).State);
        Assert.Single((await PersonAsync(first.PersonId)).Records);
    }

    /// <summary>At her old home, with her birth date.</summary>
    private static Demographics AtTheOldHome(string given) => new()
    {
        GivenName = given, FamilyName = "Ostrowska", BirthDate = "1963-09-21", Sex = "F", AddressLine = "31 Tamarind Crescent",
        City = "Delmar", PostalCode = "2119", Phone = "0291234567",
    };

    /// <summary>At her new home, from a registry that did not take her birth date.</summary>
    private static Demographics AtTheNewHomeWithoutBirthDate(string given) => new()
    {
        GivenName = given, FamilyName = "Ostrowska", Sex = "F", AddressLine = "8 Saltbush Road", City = "Richlands", PostalCode = "4560", Phone = "0733456789",
    };

    /// <summary>At her new home with her birth date: a record that matches both (BridgingRegistrationTests: a merge task opens).</summary>
    private static Demographics AtTheNewHome(string given) => new()
    {
        GivenName = given, FamilyName = "Ostrowska", BirthDate = "1963-09-21", Sex = "F", AddressLine = "8 Saltbush Road", City = "Richlands",
        PostalCode = "4560", Phone = "0733456789",
    };

    [Fact]
    public async Task Register_ARecordMatchingTwoPersonsMarkedApart_NeitherMergesThemNorAsks()
    {
        const string given = "Wilhelmina";
        var old = await Registration.RegisterAsync(Request("NORTH_HOSP", "MK-1", AtTheOldHome(given)));
        var apart = await Registration.RegisterAsync(Request("SOUTH_LAB", "MK-2", AtTheNewHomeWithoutBirthDate(given)));
        Assert.NotEqual(old.PersonId, apart.PersonId);
        var unmarked = await Registration.MatchAsync(new MatchRequest { Demographics = AtTheNewHome(given) });
        Assert.NotEmpty(unmarked.MergeTaskPersonIds);

        await Persons.MarkDifferentPersonAsync(new MarkDifferentPersonRequest
        {
            Record = new RecordKey { Registry = "SOUTH_LAB", LocalId = "MK-2" }, PersonId = old.PersonId, Reason = "mother and daughter, both Wilhelmina",
        });
        var predicted = await Registration.MatchAsync(new MatchRequest { Demographics = AtTheNewHome(given) });
        var bridge = await Registration.RegisterAsync(Request("GP_NET", "MK-3", AtTheNewHome(given)));

        Assert.Empty(predicted.MergeTaskPersonIds);
        Assert.Equal(("", 0), (bridge.MergeTaskId, bridge.MergedPersonIds.Count));
        Assert.Equal(PersonState.Active, (await PersonAsync(old.PersonId)).State);
        Assert.Equal(PersonState.Active, (await PersonAsync(apart.PersonId)).State);
    }

    [Fact]
    public async Task Unlink_LeavesAMarkThatStopsARuleFromMergingBack_AndLinkBackRemovesIt()
    {
        var patient = new Demographics
        {
            GivenName = "Genoveva", FamilyName = "Szczepanik", BirthDate = "1971-03-14", Sex = "F", AddressLine = "12 Banksia Way", City = "Delmar",
            PostalCode = "2119", NationalId = "612004873",
        };
        var first = await Registration.RegisterAsync(Request("NORTH_HOSP", "UL-1", patient));
        var second = await Registration.RegisterAsync(Request("SOUTH_LAB", "UL-2", patient));
        Assert.Equal(first.PersonId, second.PersonId);
        var person = await PersonAsync(first.PersonId);
        var unlinked = await Persons.UnlinkAsync(new UnlinkRequest
        {
            Record = new RecordKey { Registry = "SOUTH_LAB", LocalId = "UL-2" }, ExpectedPersonVersion = person.Version, Reason = "lab mixed up two samples",
        });
        var mark = Assert.Single((await Persons.ListDifferentPersonMarksAsync(new ListDifferentPersonMarksRequest { PersonId = first.PersonId })).Marks);
        Assert.Equal((DifferentPersonMarkOrigin.Unlink, unlinked.OperationId, unlinked.NewPerson.PersonId), (mark.Origin, mark.OperationId, mark.RecordPersonId));

        // A third record that a rule joins to both: without the mark the two persons would be merged by rule.
        var third = await Registration.RegisterAsync(Request("GP_NET", "UL-3", patient));

        Assert.Empty(third.MergedPersonIds);
        Assert.Equal(PersonState.Active, (await PersonAsync(first.PersonId)).State);
        Assert.Equal(PersonState.Active, (await PersonAsync(unlinked.NewPerson.PersonId)).State);

        var from = await PersonAsync(unlinked.NewPerson.PersonId);
        var to = await PersonAsync(first.PersonId);
        var back = await Persons.LinkAsync(new LinkRequest
        {
            Record = new RecordKey { Registry = "SOUTH_LAB", LocalId = "UL-2" }, ToPersonId = first.PersonId, ExpectedFromPersonVersion = from.Version,
            ExpectedToPersonVersion = to.Version, Reason = "it was the same patient after all",
        });
        var removed = Assert.Single((await Persons.ListDifferentPersonMarksAsync(new ListDifferentPersonMarksRequest
        {
            Record = new RecordKey { Registry = "SOUTH_LAB", LocalId = "UL-2" }, IncludeRemoved = true,
        })).Marks);
        Assert.True(removed.Removed);
        Assert.Contains(back.OperationId, removed.RemovalReason);
    }

    [Fact]
    public async Task Mark_AgainstAPersonMergedAway_HoldsAgainstItsSurvivor()
    {
        var (first, uncertain, _) = await OpenTaskAsync("Throckmorton");
        var key = new RecordKey { Registry = "SOUTH_LAB", LocalId = "S-Throckmorton" };
        var mark = await Persons.MarkDifferentPersonAsync(new MarkDifferentPersonRequest { Record = key, PersonId = first.PersonId, Reason = "different people" });
        var third = await Registration.RegisterAsync(Request("GP_NET", "G-Throckmorton", Namesake("Throckmorton", "5 Jarrah Lane", "Bunbury", "6230", "G-Throckmorton")));
        var (survivor, merged) = (await PersonAsync(third.PersonId), await PersonAsync(first.PersonId));
        Assert.NotEqual(survivor.PersonId, merged.PersonId);
        await Persons.MergePersonsAsync(new MergePersonsRequest
        {
            SurvivorPersonId = survivor.PersonId, MergedPersonId = merged.PersonId, ExpectedSurvivorVersion = survivor.Version,
            ExpectedMergedVersion = merged.Version, Reason = "same patient",
        });

        var held = Assert.Single((await Persons.ListDifferentPersonMarksAsync(new ListDifferentPersonMarksRequest { Record = key })).Marks);
        Assert.Equal((first.PersonId, third.PersonId), (held.PersonId, held.HeldAgainstPersonId));
        var (a, b) = (await PersonAsync(third.PersonId), await PersonAsync(uncertain.PersonId));
        var refused = await Assert.ThrowsAsync<RpcException>(() => Persons.MergePersonsAsync(new MergePersonsRequest
        {
            SurvivorPersonId = b.PersonId, MergedPersonId = a.PersonId, ExpectedSurvivorVersion = b.Version, ExpectedMergedVersion = a.Version, Reason = "one?",
        }).ResponseAsync);
        AssertMarked(refused, mark.MarkId);
    }

    [Fact]
    public async Task DedupeOverTheDatabase_NeverClustersAMarkedRecordWithItsPerson()
    {
        Demographics Patient(string given, string id) => new()
        {
            GivenName = given, FamilyName = "Vanstone", BirthDate = "1958-07-30", Sex = "M", AddressLine = "3 Ironbark Close", City = "Delmar",
            PostalCode = "2119", NationalId = id,
        };
        await Registration.RegisterAsync(Request("NORTH_HOSP", "DD-1", Patient("Aurelio", "733105982")));
        var twin = await Registration.RegisterAsync(Request("SOUTH_LAB", "DD-2", Patient("Aurelio", "733105982")));
        await Registration.RegisterAsync(Request("NORTH_HOSP", "DD-3", Patient("Benedikt", "733105990")));
        await Registration.RegisterAsync(Request("SOUTH_LAB", "DD-4", Patient("Benedikt", "733105990")));
        var person = await PersonAsync(twin.PersonId);
        await Persons.UnlinkAsync(new UnlinkRequest
        {
            Record = new RecordKey { Registry = "SOUTH_LAB", LocalId = "DD-2" }, ExpectedPersonVersion = person.Version, Reason = "the lab's sample was another man's",
        });
        var folder = Directory.CreateTempSubdirectory("mpi-dedupe-db-");
        try
        {
            var output = new FileInfo(Path.Combine(folder.FullName, "clusters.csv"));
            using var stdout = new StringWriter();
            using var errors = new StringWriter();

            var exit = await Mpi.Service.Cli.DedupeCommand.RunDatabaseAsync(service.DatabasePath, output, null, null, stdout, errors,
                TimeProvider.System, CancellationToken.None);

            Assert.True(exit == 0, errors.ToString());
            var personOf = File.ReadAllLines(output.FullName).Skip(1).Select(l => l.Split(',')).ToDictionary(c => $"{c[0]}/{c[1]}", c => c[2]);
            Assert.Equal(personOf["NORTH_HOSP/DD-3"], personOf["SOUTH_LAB/DD-4"]);
            Assert.NotEqual(personOf["NORTH_HOSP/DD-1"], personOf["SOUTH_LAB/DD-2"]);
            Assert.Contains("different_person_marks=", stdout.ToString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
