using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Grpc;

/// <summary>
/// Out-of-order and repeated updates, and records the source deletes (issue 15, item 4): an update older than the
/// demographics held (by the registry's event time) is kept and acknowledged as stale, never applied; Deactivate keeps
/// the record and its history on the person, takes it out of matching and the golden view, and is on the feed; a new
/// Register brings it back.
/// </summary>
public sealed class SourceEventTimeAndDeactivationTests(RunningService service) : IClassFixture<RunningService>
{
    private RegistrationService.RegistrationServiceClient Registration => new(service.Channel);
    private PersonService.PersonServiceClient Persons => new(service.Channel);

    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static RegisterRequest Request(string localId, string given, string family, string address, DateTimeOffset? eventAt = null) => new()
    {
        Key = new RecordKey { Registry = "NORTH_HOSP", LocalId = localId },
        Demographics = new Demographics
        {
            GivenName = given, FamilyName = family, BirthDate = "1968-05-17", Sex = "F", AddressLine = address, City = "Delmar", PostalCode = "2119",
            NationalId = SomeNationalIds.For(localId),
        },
        SourceEventTime = eventAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
    };

    private async Task<SourceRecordView> RecordAsync(string localId) =>
        (await Persons.GetPersonAsync(new GetPersonRequest { Record = new RecordKey { Registry = "NORTH_HOSP", LocalId = localId }, Reason = "test" }))
        .Records.Single(r => r.Key.LocalId == localId);

    [Fact]
    public async Task Register_AnOlderUpdateArrivingAfterANewerOne_IsKeptAsStale_AndNeverOverwrites()
    {
        await Registration.RegisterAsync(Request("EV-1", "Cordelia", "Abernethy", "1 First Street", Monday));
        var newer = await Registration.RegisterAsync(Request("EV-1", "Cordelia", "Abernethy", "3 Third Street", Monday.AddHours(2)));

        var older = await Registration.RegisterAsync(Request("EV-1", "Cordelia", "Abernethy", "2 Second Street", Monday.AddHours(1)));

        Assert.Equal((Decision.Updated, true, newer.SourceRecordVersion), (older.Decision, older.Stale, older.SourceRecordVersion));
        var record = await RecordAsync("EV-1");
        Assert.Equal(("3 THIRD ST", Monday.AddHours(2)), (record.Demographics.AddressLine, record.SourceEventTime.ToDateTimeOffset()));
        var kept = Assert.Single(record.StaleUpdates);
        Assert.Equal(("2 Second Street", Monday.AddHours(1), Monday.AddHours(2)),
            (kept.Demographics.AddressLine, kept.SourceEventTime.ToDateTimeOffset(), kept.HeldSourceEventTime.ToDateTimeOffset()));

        // A later event applies; so does one without an event time (arrival order, as before).
        var later = await Registration.RegisterAsync(Request("EV-1", "Cordelia", "Abernethy", "4 Fourth Street", Monday.AddHours(3)));
        Assert.Equal((false, newer.SourceRecordVersion + 1), (later.Stale, later.SourceRecordVersion));
        var untimed = await Registration.RegisterAsync(Request("EV-1", "Cordelia", "Abernethy", "5 Fifth Street"));
        Assert.False(untimed.Stale);
        Assert.Equal("5 FIFTH ST", (await RecordAsync("EV-1")).Demographics.AddressLine);
    }

    [Fact]
    public async Task Register_ASourceEventTimeMoreThanADayAhead_IsRefusedNamingTheField()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            Registration.RegisterAsync(Request("EV-2", "Cordelia", "Abernethy", "1 First Street", DateTimeOffset.UtcNow.AddDays(3))).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains(refused.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations,
            v => v.Field == "source_event_time" && v.Description == "more than a day in the future");
    }

    [Fact]
    public async Task Deactivate_KeepsTheRecordAndItsHistory_StopsMatchingIt_IsOnTheFeed_AndRegisterBringsItBack()
    {
        var registered = await Registration.RegisterAsync(Request("EV-3", "Philippa", "Quennington", "7 Seventh Avenue"));
        var query = new MatchRequest { Demographics = Request("q", "Philippa", "Quennington", "7 Seventh Avenue").Demographics };
        Assert.Contains((await Registration.MatchAsync(query)).Candidates, c => c.PersonId == registered.PersonId);
        var feed = new IdentityChangeService.IdentityChangeServiceClient(service.Channel);
        var head = (await feed.ListChangesAsync(new ListChangesRequest { Limit = 1 })).HeadCursor;

        var deactivated = await Registration.DeactivateAsync(new DeactivateRequest
        {
            Key = new RecordKey { Registry = "NORTH_HOSP", LocalId = "EV-3" }, Reason = "merged in the PAS",
        });
        var again = await Registration.DeactivateAsync(new DeactivateRequest { Key = new RecordKey { Registry = "NORTH_HOSP", LocalId = "EV-3" } });

        Assert.Equal((registered.PersonId, 2, false), (deactivated.PersonId, deactivated.SourceRecordVersion, deactivated.AlreadyDeactivated));
        Assert.Equal((true, 2), (again.AlreadyDeactivated, again.SourceRecordVersion));
        var person = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = registered.PersonId, Reason = "test" });
        Assert.True(Assert.Single(person.Records).Deactivated);
        Assert.Equal("", person.Golden.FamilyName);
        Assert.Contains(person.History, h => h.Kind == LinkEventKind.New);
        Assert.Contains(person.History, h => h.Kind == LinkEventKind.Deactivated && h.Reason == "merged in the PAS");
        Assert.DoesNotContain((await Registration.MatchAsync(query)).Candidates, c => c.PersonId == registered.PersonId);
        var changes = (await feed.ListChangesAsync(new ListChangesRequest { FromCursor = head, Limit = 100 })).Changes;
        var change = Assert.Single(changes, c => c.Record?.LocalId == "EV-3");
        Assert.Equal((IdentityChangeKind.RecordDeactivated, registered.PersonId, registered.PersonId, ActorKind.Source),
            (change.Kind, change.PersonBefore, change.PersonAfter, change.ActorKind));

        var back = await Registration.RegisterAsync(Request("EV-3", "Philippa", "Quennington", "7 Seventh Avenue"));

        Assert.Equal((Decision.Updated, registered.PersonId, 3), (back.Decision, back.PersonId, back.SourceRecordVersion));
        Assert.False((await RecordAsync("EV-3")).Deactivated);
        Assert.Contains((await Registration.MatchAsync(query)).Candidates, c => c.PersonId == registered.PersonId);
        var reactivated = (await feed.ListChangesAsync(new ListChangesRequest { FromCursor = head, Limit = 100 })).Changes.Last(c => c.Record?.LocalId == "EV-3");
        Assert.Equal(IdentityChangeKind.RecordReactivated, reactivated.Kind);
    }

    [Fact]
    public async Task Deactivate_UnknownOrOutOfOrder_ChangesNothing()
    {
        var missing = await Assert.ThrowsAsync<RpcException>(() => Registration.DeactivateAsync(new DeactivateRequest
        {
            Key = new RecordKey { Registry = "NORTH_HOSP", LocalId = "EV-none" },
        }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);

        await Registration.RegisterAsync(Request("EV-4", "Ermengarde", "Lightfoot", "9 Ninth Road", Monday.AddHours(5)));
        var outOfOrder = await Assert.ThrowsAsync<RpcException>(() => Registration.DeactivateAsync(new DeactivateRequest
        {
            Key = new RecordKey { Registry = "NORTH_HOSP", LocalId = "EV-4" }, SourceEventTime = Timestamp.FromDateTimeOffset(Monday),
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, outOfOrder.StatusCode);
        Assert.False((await RecordAsync("EV-4")).Deactivated);
    }
}
