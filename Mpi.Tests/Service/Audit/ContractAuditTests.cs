using Grpc.Core;
using Mpi.Service.Persistence;
using Mpi.Contracts.V1;
using Mpi.Tests.Service.Grpc;

namespace Mpi.Tests.Service.Audit;

/// <summary>
/// What the contract promises the audit trail holds (issue 15, item 7): a Match is a read of every person it returned,
/// with its reason; a call refused after authentication is audited (who, which RPC, the status, bounded), one without
/// a valid key is not. Read from the database.
/// </summary>
public sealed class ContractAuditTests(RunningService service) : IClassFixture<RunningService>
{
    private RegistrationService.RegistrationServiceClient Registration => new(service.Channel);

    private static Demographics Patient(string given, string family, string birthDate, string nationalId) => new()
    {
        GivenName = given, FamilyName = family, BirthDate = birthDate, Sex = "M", AddressLine = "4 Tuart Close", City = "Bunbury", PostalCode = "6230",
        NationalId = nationalId,
    };

    [Fact]
    public async Task Match_AuditsAReadOfEveryPersonReturned_WithItsReason()
    {
        var first = await Registration.RegisterAsync(new RegisterRequest
        {
            Key = new RecordKey { Registry = "AUD_A", LocalId = "1" }, Demographics = Patient("Evander", "Trelawny", "1962-08-14", "618203945"),
        });
        var since = LastAuditId();

        var match = await Registration.MatchAsync(new MatchRequest { Demographics = Patient("Evander", "Trelawny", "1962-08-14", ""), Reason = "ED triage lookup" });
        var none = await Registration.MatchAsync(new MatchRequest { Demographics = Patient("Wilhelmina", "Xanthakos", "1901-01-01", ""), Reason = "no one" });

        Assert.Contains(match.Candidates, c => c.PersonId == first.PersonId);
        Assert.Empty(none.Candidates);
        var rows = AuditSince(since);
        Assert.Equal(match.Candidates.Select(c => (c.PersonId, "match", "ED triage lookup")).Order(),
            rows.Where(r => r.Action == "read_person" && r.Reason == "ED triage lookup").Select(r => (r.Subject, r.Outcome, r.Reason!)).Order());
        Assert.Contains(rows, r => r is { Action: "read_person", Subject: "", Outcome: "match_none", Reason: "no one" });
        Assert.All(rows, r => Assert.Equal("test-engine", r.Actor));
    }

    [Fact]
    public async Task Match_AReasonOverTwoHundredCharacters_IsInvalidArgumentNamingIt()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            Registration.MatchAsync(new MatchRequest { Demographics = Patient("Evander", "Trelawny", "1962-08-14", ""), Reason = new string('r', 201) }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("reason", refused.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task Refusals_AfterAuthentication_AreAuditedWithoutDemographics_AndWithoutAKeyAreNot()
    {
        var since = LastAuditId();
        var readOnly = service.ChannelWith(await service.Credentials.IssueAsync("aud-matcher", "AUD_B", "Match"));

        await Assert.ThrowsAsync<RpcException>(() => Registration.RegisterAsync(new RegisterRequest
        {
            Key = new RecordKey { Registry = "AUD_B", LocalId = "9" }, Demographics = Patient("Evander", "Trelawny", "1985-02-30", ""),
        }).ResponseAsync);
        await Assert.ThrowsAsync<RpcException>(() => new PersonService.PersonServiceClient(service.Channel)
            .GetPersonAsync(new GetPersonRequest { PersonId = "P-none", Reason = "check" }).ResponseAsync);
        var notGranted = await Assert.ThrowsAsync<RpcException>(() => new RegistrationService.RegistrationServiceClient(readOnly).RegisterAsync(new RegisterRequest
        {
            Key = new RecordKey { Registry = "AUD_B", LocalId = "10" }, Demographics = Patient("Evander", "Trelawny", "1962-08-14", ""),
        }).ResponseAsync);
        var noKey = await Assert.ThrowsAsync<RpcException>(() => new RegistrationService.RegistrationServiceClient(service.ChannelWith(null))
            .MatchAsync(new MatchRequest { Demographics = Patient("Evander", "Trelawny", "1962-08-14", "") }).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.Unauthenticated), (notGranted.StatusCode, noKey.StatusCode));
        var refusals = AuditSince(since).Where(r => r.Action == "refused").Select(r => (r.Actor, r.Subject, r.Outcome)).ToList();
        Assert.Equal(
        [
            ("test-engine", "mpi.v1.RegistrationService/Register", "invalid_argument"),
            ("test-engine", "mpi.v1.PersonService/GetPerson", "not_found"),
            ("aud-matcher", "mpi.v1.RegistrationService/Register", "permission_denied"),
        ], refusals);
        Assert.All(AuditSince(since), r => Assert.DoesNotContain("1985-02-30", r.Reason ?? ""));
    }

    private sealed record AuditRow(string Actor, string Action, string Subject, string Outcome, string? Reason);

    private long LastAuditId()
    {
        using var db = service.OpenDatabase();
        return db.AuditEntries.Max(a => (long?)a.Id) ?? 0;
    }

    private List<AuditRow> AuditSince(long id)
    {
        using var db = service.OpenDatabase();
        return [.. db.AuditEntries.Where(a => a.Id > id).OrderBy(a => a.Id).AsEnumerable()
            .Select(a => new AuditRow(a.Actor, StoredWords.Of(a.Action), a.Subject, a.Outcome, a.Reason))];
    }
}
