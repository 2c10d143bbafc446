using Grpc.Core;
using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Grpc;

/// <summary>
/// Identifiers with their authority over the wire (issue 15, item 5): stored and shown, a person found by any of
/// them (GetPerson, Match), national ids of two authorities never joined by the rule, the national id field still one.
/// </summary>
public sealed class IdentifierTests(RunningService service) : IClassFixture<RunningService>
{
    private RegistrationService.RegistrationServiceClient Registration => new(service.Channel);
    private PersonService.PersonServiceClient Persons => new(service.Channel);

    private static RegisterRequest Request(string registry, string localId, string given, string family, params Identifier[] identifiers) => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = localId },
        Demographics = new Demographics
        {
            GivenName = given, FamilyName = family, BirthDate = "1972-08-09", Sex = "M", AddressLine = "14 Huon Pine Drive", City = "Hobart", PostalCode = "7000",
            Identifiers = { identifiers },
        },
    };

    private static Identifier Id(string type, string authority, string value) => new() { Type = type, Authority = authority, Value = value };

    [Fact]
    public async Task Register_WithIdentifiers_StoresThem_AndGetPersonAndMatchFindThePersonByAnyOfThem()
    {
        var registered = await Registration.RegisterAsync(Request("NORTH_HOSP", "ID-1", "Barnaby", "Fitzwilliam",
            Id("MR", "st-marys", "SM-004417"), Id("NH", "MEDICARE", "2950 12345 1")));
        Assert.Contains(registered.Receipts, r => r.Field == "identifiers[0]" && r.Stored == "MR|ST-MARYS|SM004417");

        var byMrn = await Persons.GetPersonAsync(new GetPersonRequest { Identifier = Id("MR", "ST-MARYS", "sm 004417"), Reason = "test" });
        var byInsurance = await Persons.GetPersonAsync(new GetPersonRequest { Identifier = Id("NH", "medicare", "2950123451"), Reason = "test" });

        Assert.Equal(registered.PersonId, byMrn.PersonId);
        Assert.Equal(registered.PersonId, byInsurance.PersonId);
        Assert.Equal(["MR|ST-MARYS|SM004417", "NH|MEDICARE|2950123451"],
            byMrn.Records.Single().Demographics.Identifiers.Select(i => $"{i.Type}|{i.Authority}|{i.Value}"));
        var otherHospital = await Assert.ThrowsAsync<RpcException>(() =>
            Persons.GetPersonAsync(new GetPersonRequest { Identifier = Id("MR", "ST-JOHNS", "SM004417") }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, otherHospital.StatusCode);

        // A system that knows him by that MRN alone: nothing else blocks the two together.
        var match = await Registration.MatchAsync(new MatchRequest { Demographics = new Demographics { Identifiers = { Id("MR", "ST-MARYS", "SM004417") } } });
        Assert.Contains(match.Candidates, c => c.PersonId == registered.PersonId);
    }

    [Fact]
    public async Task NationalIds_OfTwoAuthorities_AreNotJoinedByTheRule_ButOfOneAuthorityAre()
    {
        var australia = await Registration.RegisterAsync(Request("NORTH_HOSP", "ID-2", "Cuthbert", "Ravensworth", Id("NI", "AU", "471 902 385")));
        var newZealand = await Registration.RegisterAsync(Request("SOUTH_LAB", "ID-3", "Cuthbert", "Ravensworth", Id("NI", "NZ", "471902385")));
        var australiaAgain = await Registration.RegisterAsync(Request("GP_NET", "ID-4", "Cuthbert", "Ravensworth", Id("NI", "AU", "471902385")));

        Assert.NotEqual(Decision.RuleLink, newZealand.Decision);
        Assert.Equal((Decision.RuleLink, australia.PersonId), (australiaAgain.Decision, australiaAgain.PersonId));
    }

    [Fact]
    public async Task GetPerson_ByAnIdentifierTwoPersonsCarry_AsksForThePersonId()
    {
        var first = await Registration.RegisterAsync(Request("NORTH_HOSP", "ID-5", "Aldwin", "Esterhazy", Id("PI", "SHARED-LAB", "77")));
        var second = await Registration.RegisterAsync(Request("SOUTH_LAB", "ID-6", "Gwendolyn", "Marchetti", Id("PI", "SHARED-LAB", "77")));
        Assert.NotEqual(first.PersonId, second.PersonId);

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            Persons.GetPersonAsync(new GetPersonRequest { Identifier = Id("PI", "SHARED-LAB", "77") }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        var info = refused.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>();
        Assert.Equal(string.Join(',', new[] { first.PersonId, second.PersonId }.Order(StringComparer.Ordinal)), info.Metadata["person_ids"]);
    }

    [Fact]
    public async Task GetPerson_ByTheNationalIdField_FindsItAsAnIdentifierWithoutAuthority()
    {
        var request = Request("NORTH_HOSP", "ID-7", "Leopold", "Vandermeer");
        request.Demographics.NationalId = "593 118 204";
        var registered = await Registration.RegisterAsync(request);

        var found = await Persons.GetPersonAsync(new GetPersonRequest { Identifier = Id("NI", "", "593118204"), Reason = "test" });

        Assert.Equal(registered.PersonId, found.PersonId);
    }
}
