using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Mpi.Contracts.V1;
using Mpi.Service.Grpc;

namespace Mpi.Tests.Service.Grpc;
public sealed class PersonGrpcServiceTests(RunningService service) : IClassFixture<RunningService>
{
    private static RegisterRequest Request(string registry, string localId, string given, string nationalId, string address,
        string birthDate = "1948-12-02") => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = localId },
        Demographics = new Demographics
        {
            GivenName = given, FamilyName = "Varga", BirthDate = birthDate, Sex = "M", AddressLine = address, City = "Hobart",
            PostalCode = "7000", NationalId = nationalId,
        },
    };

    [Fact]
    public async Task GetPerson_ByRecordKey_ShowsGoldenViewRecordsAndHistory()
    {
        var registration = new RegistrationService.RegistrationServiceClient(service.Channel);
        var first = await registration.RegisterAsync(Request("NORTH_HOSP", "V-1", "Laszlo", "733100542", "5 Elizabeth Street"));
        await registration.RegisterAsync(Request("SOUTH_LAB", "V-2", "László", "733100542", "5 Elizabeth St"));
        await registration.RegisterAsync(Request("GP_NET", "V-3", "Laszlo", "", "5 Elizabeth Street"));

        var person = await new PersonService.PersonServiceClient(service.Channel).GetPersonAsync(
            new GetPersonRequest { Record = new RecordKey { Registry = "SOUTH_LAB", LocalId = "V-2" }, Reason = "clinic visit" });

        Assert.Equal(first.PersonId, person.PersonId);
        Assert.Equal(PersonState.Active, person.State);
        Assert.Equal(3, person.Records.Count);
        Assert.Equal(("LASZLO", "VARGA", "1948-12-02", "5 ELIZABETH ST"),
            (person.Golden.GivenName, person.Golden.FamilyName, person.Golden.BirthDate, person.Golden.AddressLine));
        Assert.Equal([LinkEventKind.New, LinkEventKind.RuleLink, LinkEventKind.AutoLink], person.History.Select(h => h.Kind));
        Assert.Equal("national_id+birth_date", person.History[1].Rule);
        Assert.All(person.History, h => Assert.NotEmpty(h.ModelVersion));
    }

    [Fact]
    public async Task GetPerson_EveryRead_IsAuditedWithTheReason()
    {
        var registered = await new RegistrationService.RegistrationServiceClient(service.Channel)
            // Born years apart: not a brother of the Laszlo the other case registers, whichever runs first.
            .RegisterAsync(Request("PHARMACY", "V-9", "Zoltan", "733100999", "1 Murray Street", birthDate: "1961-07-15"));
        await new PersonService.PersonServiceClient(service.Channel).GetPersonAsync(new GetPersonRequest { PersonId = registered.PersonId, Reason = "dispensing" });

        await using var db = service.OpenDatabase();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == Mpi.Service.Persistence.Entities.AuditAction.ReadPerson
            && a.Subject == registered.PersonId && a.Reason == "dispensing"));
    }

    [Fact]
    public async Task GetPerson_Unknown_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new PersonService.PersonServiceClient(service.Channel).GetPersonAsync(new GetPersonRequest { PersonId = "P-nobody" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task GetPerson_NoLookup_IsInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new PersonService.PersonServiceClient(service.Channel).GetPersonAsync(new GetPersonRequest()).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    private async Task<RegisterResponse> Register(string registry, string localId, string given, string family, string birth) =>
        await new RegistrationService.RegistrationServiceClient(service.Channel).RegisterAsync(new RegisterRequest
        {
            Key = new RecordKey { Registry = registry, LocalId = localId },
            Demographics = new Demographics { GivenName = given, FamilyName = family, BirthDate = birth, Sex = "F", PostalCode = "2600" },
        });

    private PersonService.PersonServiceClient Persons => new(service.Channel);

    [Fact]
    public async Task MergePersons_ThenUnmerge_RestoresBothPersonsWithHistory()
    {
        var a = await Register("NORTH_HOSP", "MG-1", "Imogen", "Thistlethwaite", "1991-02-03");
        var b = await Register("SOUTH_LAB", "MG-2", "Henrietta", "Blackwood", "1948-11-20");
        var survivor = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = a.PersonId });
        var merged = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = b.PersonId });
        Assert.NotEqual(a.PersonId, b.PersonId);

        var merge = await Persons.MergePersonsAsync(new MergePersonsRequest
        {
            SurvivorPersonId = a.PersonId, MergedPersonId = b.PersonId, ExpectedSurvivorVersion = survivor.Version,
            ExpectedMergedVersion = merged.Version, Reason = "same Medicare number on both referrals",
        });
        var unmerge = await Persons.UnmergePersonAsync(new UnmergePersonRequest
        {
            PersonId = b.PersonId, ExpectedSurvivorVersion = merge.Survivor.Version, Reason = "merged in error",
        });

        Assert.Equal((2, PersonState.Merged, a.PersonId), (merge.Survivor.Records.Count, merge.Merged.State, merge.Merged.MergedIntoPersonId));
        Assert.Equal((1, PersonState.Active), (unmerge.Restored.Records.Count, unmerge.Restored.State));
        Assert.Equal("MG-2", unmerge.Restored.Records[0].Key.LocalId);
        Assert.Single(unmerge.Survivor.Records);
        Assert.Contains(unmerge.Restored.History, h => h.Kind == LinkEventKind.StewardMerge);
        Assert.Contains(unmerge.Restored.History, h => h.Kind == LinkEventKind.Unmerge && h.Reason == "merged in error");
    }

    [Fact]
    public async Task Unmerge_ThatEmptiesTheSurvivor_RetiresIt_SoItCannotBeMergedUnseen()
    {
        var a = await Register("NORTH_HOSP", "UE-1", "Lavinia", "Pemberton-Oakes", "1958-06-14");
        var b = await Register("SOUTH_LAB", "UE-2", "Cordelia", "Ravenscroft", "1972-03-30");
        var x = await Register("EAST_GP", "UE-3", "Euphemia", "Strickland", "1944-10-01");
        var survivor = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = a.PersonId });
        var merge = await Persons.MergePersonsAsync(new MergePersonsRequest
        {
            SurvivorPersonId = a.PersonId, MergedPersonId = b.PersonId, ExpectedSurvivorVersion = survivor.Version,
            ExpectedMergedVersion = (await Persons.GetPersonAsync(new GetPersonRequest { PersonId = b.PersonId })).Version, Reason = "one patient",
        });
        // The survivor's own record is moved to another person; then the merge is undone: the survivor holds nothing.
        await Persons.LinkAsync(new LinkRequest
        {
            Record = new RecordKey { Registry = "NORTH_HOSP", LocalId = "UE-1" }, ToPersonId = x.PersonId, ExpectedFromPersonVersion = merge.Survivor.Version,
            ExpectedToPersonVersion = (await Persons.GetPersonAsync(new GetPersonRequest { PersonId = x.PersonId })).Version, Reason = "filed under the wrong patient",
        });
        var unmerged = await Persons.UnmergePersonAsync(new UnmergePersonRequest
        {
            PersonId = b.PersonId, ExpectedSurvivorVersion = (await Persons.GetPersonAsync(new GetPersonRequest { PersonId = a.PersonId })).Version,
            Reason = "merged in error",
        });

        Assert.Equal((PersonState.Retired, 0), (unmerged.Survivor.State, unmerged.Survivor.Records.Count));
        var target = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = x.PersonId });
        var refused = await Assert.ThrowsAsync<RpcException>(() => Persons.MergePersonsAsync(new MergePersonsRequest
        {
            SurvivorPersonId = x.PersonId, MergedPersonId = a.PersonId, ExpectedSurvivorVersion = target.Version,
            ExpectedMergedVersion = unmerged.Survivor.Version, Reason = "tidy up",
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
    }

    [Fact]
    public async Task LinkThenUnlink_MovesTheRecordAndBackToANewPerson()
    {
        var a = await Register("NORTH_HOSP", "LK-1", "Cordelia", "Vanstone", "1977-07-07");
        await Register("GP_NET", "LK-3", "Cordelia", "Vanstone", "1977-07-07");
        var b = await Register("SOUTH_LAB", "LK-2", "Delphine", "Okoro", "1960-01-30");
        var from = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = b.PersonId });
        var to = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = a.PersonId });

        var link = await Persons.LinkAsync(new LinkRequest
        {
            Record = new RecordKey { Registry = "SOUTH_LAB", LocalId = "LK-2" }, ToPersonId = a.PersonId,
            ExpectedFromPersonVersion = from.Version, ExpectedToPersonVersion = to.Version, Reason = "test",
        });
        var unlink = await Persons.UnlinkAsync(new UnlinkRequest
        {
            Record = new RecordKey { Registry = "SOUTH_LAB", LocalId = "LK-2" }, ExpectedPersonVersion = link.ToPerson.Version, Reason = "wrong patient",
        });

        Assert.Equal(PersonState.Retired, link.FromPerson.State);
        Assert.Equal(3, link.ToPerson.Records.Count);
        Assert.Equal(2, unlink.FromPerson.Records.Count);
        Assert.NotEqual(a.PersonId, unlink.NewPerson.PersonId);
        Assert.Equal("LK-2", Assert.Single(unlink.NewPerson.Records).Key.LocalId);
    }

    [Fact]
    public async Task MergePersons_StaleVersion_IsAbortedAndChangesNothing()
    {
        var a = await Register("NORTH_HOSP", "ST-1", "Euphemia", "Larkspur", "1955-05-05");
        var b = await Register("SOUTH_LAB", "ST-2", "Winifred", "Quillfeather", "1944-04-04");
        var error = await Assert.ThrowsAsync<RpcException>(() => Persons.MergePersonsAsync(new MergePersonsRequest
        {
            SurvivorPersonId = a.PersonId, MergedPersonId = b.PersonId, ExpectedSurvivorVersion = 99, ExpectedMergedVersion = 1, Reason = "x",
        }).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal(PersonState.Active, (await Persons.GetPersonAsync(new GetPersonRequest { PersonId = b.PersonId })).State);
    }

    [Fact]
    public async Task MergePersons_WithoutReason_IsInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Persons.MergePersonsAsync(new MergePersonsRequest
        {
            SurvivorPersonId = "P1", MergedPersonId = "P2", ExpectedSurvivorVersion = 1, ExpectedMergedVersion = 1,
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        // The reason word common.proto lists for a required field not sent.
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations);
        Assert.Equal(("reason", "missing"), (violation.Field, violation.Description));
    }

    [Fact]
    public async Task MergePersons_WithAReasonOverFiveHundredCharacters_IsInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Persons.MergePersonsAsync(new MergePersonsRequest
        {
            SurvivorPersonId = "P1", MergedPersonId = "P2", ExpectedSurvivorVersion = 1, ExpectedMergedVersion = 1, Reason = new string('x', 501),
        }).ResponseAsync);

        // persons.proto: "1 to 500 characters".
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations);
        Assert.Equal(("reason", "longer than 500 characters"), (violation.Field, violation.Description));
    }
}
