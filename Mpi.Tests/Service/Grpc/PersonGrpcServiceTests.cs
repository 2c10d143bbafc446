using Grpc.Core;
using Microsoft.Data.Sqlite;
using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Grpc;

public sealed class PersonGrpcServiceTests(RunningService service) : IClassFixture<RunningService>
{
    private static RegisterRequest Request(string registry, string localId, string given, string nationalId, string address) => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = localId },
        Demographics = new Demographics
        {
            GivenName = given, FamilyName = "Varga", BirthDate = "1948-12-02", Sex = "M", AddressLine = address, City = "Hobart",
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
            .RegisterAsync(Request("PHARMACY", "V-9", "Zoltan", "733100999", "1 Murray Street"));
        await new PersonService.PersonServiceClient(service.Channel).GetPersonAsync(new GetPersonRequest { PersonId = registered.PersonId, Reason = "dispensing" });

        await using var connection = new SqliteConnection($"Data Source={service.DatabasePath}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM AuditEntries WHERE Action = 'read_person' AND Subject = $id AND Reason = 'dispensing'";
        command.Parameters.AddWithValue("$id", registered.PersonId);
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
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

    [Fact]
    public async Task MergePersons_NotYetServed_IsUnimplemented()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new PersonService.PersonServiceClient(service.Channel).MergePersonsAsync(new MergePersonsRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }
}
