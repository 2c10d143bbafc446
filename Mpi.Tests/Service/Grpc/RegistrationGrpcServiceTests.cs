using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Mpi.Contracts.V1;
using Mpi.Service.Grpc;

namespace Mpi.Tests.Service.Grpc;
public sealed class RegistrationGrpcServiceTests(RunningService service) : IClassFixture<RunningService>
{
    private RegistrationService.RegistrationServiceClient Client => new(service.Channel);

    private static RegisterRequest Request(string registry, string localId, Action<Demographics>? change = null)
    {
        var demographics = new Demographics
        {
            GivenName = "Margaret", FamilyName = "Okonkwo-Smith", BirthDate = "1961-04-23", Sex = "F", AddressLine = "12 Wallaby Place",
            City = "Delmar", PostalCode = "2119", NationalId = "406662512",
        };
        change?.Invoke(demographics);
        return new RegisterRequest { Key = new RecordKey { Registry = registry, LocalId = localId }, Demographics = demographics };
    }

    [Theory]
    [InlineData("")]
    [InlineData("mpi.v1.RegistrationService")]
    [InlineData("mpi.v1.PersonService")]
    public async Task Health_DatabaseMigrated_IsServing(string name)
    {
        var health = await new Health.HealthClient(service.Channel).CheckAsync(new HealthCheckRequest { Service = name });
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task Register_ThenSamePersonFromAnotherRegistry_LinksWithReceiptsAndExplanation()
    {
        var first = await Client.RegisterAsync(Request("NORTH_HOSP", "N-100", d => { d.BirthDate = "07/14/1972"; d.FamilyName = "Abernethy"; d.NationalId = "612000781"; d.AddressLine = "3 Jacaranda Close"; }));
        var second = await Client.RegisterAsync(Request("SOUTH_LAB", "S-100", d => { d.NationalId = ""; d.GivenName = "Peggy"; d.FamilyName = "Abernethy"; d.BirthDate = "1972-07-14"; d.AddressLine = "3 Jacaranda Cl"; }));

        Assert.Equal(Decision.New, first.Decision);
        Assert.Contains(first.Receipts, r => r is { Field: "birth_date", Received: "07/14/1972", Stored: "1972-07-14", Outcome: FieldOutcome.Normalized });
        Assert.Equal(Decision.AutoLink, second.Decision);
        Assert.Equal(first.PersonId, second.PersonId);
        Assert.Contains(second.Explanation.Comparisons, c => c is { Comparison: "given_name", Label: "nickname" });
    }

    [Fact]
    public async Task Register_SameMessageResent_IsUpdatedWithTheSamePerson()
    {
        var first = await Client.RegisterAsync(Request("GP_NET", "G-7", d => d.GivenName = "Wilhelmina"));
        var again = await Client.RegisterAsync(Request("GP_NET", "G-7", d => d.GivenName = "Wilhelmina"));
        Assert.Equal((Decision.Updated, first.PersonId, 1L, 0.0), (again.Decision, again.PersonId, again.SourceRecordVersion, again.Probability));
    }

    [Theory]
    [InlineData("", "X1", "key.registry")]
    [InlineData("NORTH_HOSP", "", "key.local_id")]
    public async Task Register_MissingKey_IsInvalidArgumentNamingTheFieldAsMissing(string registry, string localId, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RegisterAsync(Request(registry, localId)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        // common.proto: a description starts with one of the listed reason words, `missing` for a required field not sent.
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == field);
        Assert.StartsWith("missing", violation.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1985-02-30", "demographics.birth_date")]
    [InlineData("2099-01-01", "demographics.birth_date")]
    public async Task Register_ImpossibleOrFutureDate_IsInvalidArgumentAndNothingIsStored(string date, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RegisterAsync(Request("NORTH_HOSP", $"BAD-{date}", d => d.BirthDate = date)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == field);
        Assert.DoesNotContain(date, error.Status.Detail);
        var match = await Client.MatchAsync(new MatchRequest { Demographics = Request("X", "Y", d => d.BirthDate = "1961-04-23").Demographics });
        Assert.DoesNotContain(match.Candidates, c => c.MatchedRecord.LocalId == $"BAD-{date}");
    }

    [Fact]
    public async Task Register_UnknownSexCode_IsInvalidArgumentUnlessSetAsideIsAsked()
    {
        var request = Request("PHARMACY", "PH-1", d => { d.Sex = "Q"; d.GivenName = "Ottoline"; });
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RegisterAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);

        request.InvalidFieldPolicy = InvalidFieldPolicy.SetAside;
        var accepted = await Client.RegisterAsync(request);
        Assert.Contains(accepted.Receipts, r => r is { Field: "sex", Outcome: FieldOutcome.SetAside });
    }

    [Fact]
    public async Task Register_OverLongName_IsInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.RegisterAsync(Request("NORTH_HOSP", "LONG-1", d => d.GivenName = new string('A', 10_000))).ResponseAsync);
        Assert.Contains(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == "demographics.given_name");
    }

    [Fact]
    public async Task Match_KnownPerson_ReturnsItWithoutStoringAnything()
    {
        var registered = await Client.RegisterAsync(Request("NORTH_HOSP", "N-MATCH", d => { d.GivenName = "Theodora"; d.NationalId = "517000123"; }));

        var match = await Client.MatchAsync(new MatchRequest { Demographics = Request("", "", d => { d.GivenName = "Teodora"; d.NationalId = ""; }).Demographics });
        var again = await Client.MatchAsync(new MatchRequest { Demographics = Request("", "", d => { d.GivenName = "Teodora"; d.NationalId = ""; }).Demographics });

        Assert.Equal(registered.PersonId, match.Candidates[0].PersonId);
        Assert.Equal("THEODORA", match.Candidates[0].Golden.GivenName);
        Assert.Contains(match.Candidates[0].Records, r => r.LocalId == "N-MATCH");
        Assert.Equal(match.Candidates.Count, again.Candidates.Count);
        Assert.NotEmpty(match.Candidates[0].Explanation.Comparisons);
    }

    [Fact]
    public async Task Register_RetryWithTheSameMessageId_GetsTheFirstAnswerReplayed()
    {
        var request = Request("GP_NET", "G-MSG", d => { d.GivenName = "Perpetua"; d.NationalId = "690001117"; });
        request.MessageId = "MSH10-000123";
        var first = await Client.RegisterAsync(request);
        var retry = await Client.RegisterAsync(request);

        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal((first.Decision, first.PersonId, first.SourceRecordVersion), (retry.Decision, retry.PersonId, retry.SourceRecordVersion));
    }

    [Fact]
    public async Task Register_RetryWhoseKeyCarriesSpaces_IsTheSameMessage_TheKeyIsReadTrimmed()
    {
        var request = Request("GP_NET", "G-MSG3", d => { d.GivenName = "Ottilie"; d.NationalId = "690001119"; });
        request.MessageId = "MSH10-000125";
        var first = await Client.RegisterAsync(request);
        request.Key = new RecordKey { Registry = "GP_NET ", LocalId = " G-MSG3" };

        var retry = await Client.RegisterAsync(request);

        Assert.True(retry.Replayed);
        Assert.Equal(first.PersonId, retry.PersonId);
    }

    [Fact]
    public async Task Register_MessageIdReusedForOtherContent_IsAlreadyExists()
    {
        var request = Request("GP_NET", "G-MSG2", d => { d.GivenName = "Cressida"; d.NationalId = "690001118"; });
        request.MessageId = "MSH10-000124";
        await Client.RegisterAsync(request);
        request.Demographics.GivenName = "Someone Else";

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RegisterAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal("MESSAGE_ID_REUSED", error.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Reason);
    }
}
