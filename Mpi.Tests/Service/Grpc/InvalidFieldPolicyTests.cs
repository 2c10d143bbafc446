using Google.Rpc;
using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Service.Grpc;

namespace Mpi.Tests.Service.Grpc;

/// <summary>
/// What InvalidFieldPolicy does with a malformed suffix, e-mail, phone, postal code or national id, as
/// registration.proto now says (issue: hardening): refused under the default policy and under REJECT, set aside
/// under SET_ASIDE; a placeholder is set aside under every policy. Real gRPC, real SQLite.
/// </summary>
public sealed class InvalidFieldPolicyTests(RunningService service) : IClassFixture<RunningService>
{
    private RegistrationService.RegistrationServiceClient Registration => new(service.Channel);

    private static RegisterRequest Request(string localId, string field, string value, InvalidFieldPolicy policy)
    {
        var demographics = new Demographics { GivenName = "Wendeline", FamilyName = "Trubshawe", BirthDate = "1979-03-18", Sex = "F" };
        Demographics.Descriptor.FindFieldByName(field).Accessor.SetValue(demographics, value);
        return new RegisterRequest
        {
            Key = new RecordKey { Registry = "NORTH_HOSP", LocalId = localId }, Demographics = demographics, InvalidFieldPolicy = policy,
        };
    }

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "suffix", "MD", "unknown suffix 'MD'" },
        { "email", "wendeline.at.mail", "not an email address" },
        { "phone", "12345", "fewer than 6 digits" },
        { "postal_code", "12", "shorter than 3 characters" },
        { "national_id", "12", "shorter than 4 characters" },
    };

    public static TheoryData<string, string, string> PlaceholderValues => new()
    {
        { "email", "noemail@example.com", "placeholder email" },
        { "phone", "0000000000", "placeholder phone" },
        { "postal_code", "00000", "placeholder postal code" },
        { "national_id", "999999999", "placeholder identifier" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Register_MalformedFieldUnderDefaultOrRejectPolicy_IsInvalidArgumentAndNothingIsStored(string field, string value, string reason)
    {
        foreach (var policy in new[] { InvalidFieldPolicy.Unspecified, InvalidFieldPolicy.Reject })
        {
            var localId = $"REFUSED-{field}-{policy}";

            var error = await Assert.ThrowsAsync<RpcException>(() => Registration.RegisterAsync(Request(localId, field, value, policy)).ResponseAsync);

            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
            Assert.Equal(($"demographics.{field}", reason), (violation.Field, violation.Description));
            var lookup = await Assert.ThrowsAsync<RpcException>(() => new PersonService.PersonServiceClient(service.Channel)
                .GetPersonAsync(new GetPersonRequest { Record = new RecordKey { Registry = "NORTH_HOSP", LocalId = localId } }).ResponseAsync);
            Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Register_MalformedFieldUnderSetAsidePolicy_IsRegisteredWithoutTheField(string field, string value, string reason)
    {
        var registered = await Registration.RegisterAsync(Request($"SET-ASIDE-{field}", field, value, InvalidFieldPolicy.SetAside));

        Assert.NotEmpty(registered.PersonId);
        Assert.Contains(registered.Receipts, r => r.Field == field && r.Outcome == FieldOutcome.SetAside && r.Received == value && r.Reason == reason && r.Stored == "");
    }

    [Theory]
    [MemberData(nameof(PlaceholderValues))]
    public async Task Register_PlaceholderUnderDefaultPolicy_IsRegisteredWithoutTheField(string field, string value, string reason)
    {
        var registered = await Registration.RegisterAsync(Request($"PLACEHOLDER-{field}", field, value, InvalidFieldPolicy.Unspecified));

        Assert.NotEmpty(registered.PersonId);
        Assert.Contains(registered.Receipts, r => r.Field == field && r.Outcome == FieldOutcome.SetAside && r.Received == value && r.Reason == reason && r.Stored == "");
    }
}
