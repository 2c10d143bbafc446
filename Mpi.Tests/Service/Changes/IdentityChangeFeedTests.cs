using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Tests.Service.Grpc;

namespace Mpi.Tests.Service.Changes;
/// <summary>
/// The identity-change feed against the real service: every change of a record's person in commit order, with its
/// kind, actor and operation; resumable from any cursor exactly once; filtered by registry; bad cursors refused.
/// Each test uses registries of its own, so the class's tests share one service.
/// </summary>
public sealed class IdentityChangeFeedTests(RunningService service) : IClassFixture<RunningService>
{
    private IdentityChangeService.IdentityChangeServiceClient Feed => new(service.Channel);
    private RegistrationService.RegistrationServiceClient Registration => new(service.Channel);
    private PersonService.PersonServiceClient Persons => new(service.Channel);
    private ReviewService.ReviewServiceClient Review => new(service.Channel);

    private static RegisterRequest Request(string registry, string localId, string given, string family, string birth, string nationalId) => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = localId },
        Demographics = new Demographics
        {
            GivenName = given, FamilyName = family, BirthDate = birth, Sex = "F", AddressLine = "9 Salamanca Place", City = "Hobart",
            PostalCode = "7000", NationalId = nationalId,
        },
    };

    private async Task<List<IdentityChange>> ChangesOf(string registry, string from = "", int limit = 1000)
    {
        var page = await Feed.ListChangesAsync(new ListChangesRequest { FromCursor = from, Limit = limit, Registries = { registry } });
        return [.. page.Changes];
    }

    [Fact]
    public async Task ListChanges_RegistrationsAMergeAndAnUnmerge_InCommitOrderWithKindActorAndOperation()
    {
        const string r = "FEED_ORDER";
        var a = await Registration.RegisterAsync(Request(r, "1", "Clementine", "Abernethy", "1961-02-03", "611200345"));
        var b = await Registration.RegisterAsync(Request(r, "2", "Wilhelmina", "Brackenbury", "1977-08-19", "611200999"));
        await Registration.RegisterAsync(Request(r, "3", "Clementine", "Abernethy", "1961-02-03", "611200345"));
        var survivor = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = a.PersonId, Reason = "test" });
        var merged = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = b.PersonId, Reason = "test" });
        var merge = await Persons.MergePersonsAsync(new MergePersonsRequest
        {
            SurvivorPersonId = a.PersonId, MergedPersonId = b.PersonId, ExpectedSurvivorVersion = survivor.Version, ExpectedMergedVersion = merged.Version,
            Reason = "one patient, two charts",
        });
        var unmerge = await Persons.UnmergePersonAsync(new UnmergePersonRequest
        {
            PersonId = b.PersonId, ExpectedSurvivorVersion = merge.Survivor.Version, Reason = "merged in error",
        });

        var changes = await ChangesOf(r);

        Assert.Equal(
            [
                (IdentityChangeKind.NewPerson, "1", "", a.PersonId, ActorKind.Engine),
                (IdentityChangeKind.NewPerson, "2", "", b.PersonId, ActorKind.Engine),
                (IdentityChangeKind.Link, "3", "", a.PersonId, ActorKind.Engine),
                (IdentityChangeKind.Merge, "2", b.PersonId, a.PersonId, ActorKind.Steward),
                (IdentityChangeKind.PersonRetired, "", b.PersonId, a.PersonId, ActorKind.Steward),
                (IdentityChangeKind.Unmerge, "2", a.PersonId, b.PersonId, ActorKind.Steward),
            ],
            changes.Select(c => (c.Kind, c.Record?.LocalId ?? "", c.PersonBefore, c.PersonAfter, c.ActorKind)));
        Assert.Equal(LinkEventKind.RuleLink, changes[2].LinkKind);
        Assert.Equal([merge.OperationId, merge.OperationId, unmerge.OperationId], changes.Skip(3).Select(c => c.OperationId));
        Assert.Null(changes[4].Record);
        Assert.All(changes.Take(3), c => Assert.NotEmpty(c.ModelVersion));
        Assert.Equal(changes.Count, changes.Select(c => c.Cursor).Distinct().Count());
    }

    /// <summary>
    /// A steward's Link that moves a person's only record elsewhere leaves that person PERSON_STATE_RETIRED, with no
    /// person it went into: the feed tells the record's move (LINK by a steward) and no PERSON_RETIRED, as the
    /// contract says.
    /// </summary>
    [Fact]
    public async Task ListChanges_AStewardsLinkThatEmptiesAPerson_IsALinkWithoutARetirement()
    {
        const string r = "FEED_STEWARD_LINK";
        var a = await Registration.RegisterAsync(Request(r, "1", "Philippa", "Quennell", "1949-05-06", "611200777"));
        var b = await Registration.RegisterAsync(Request(r, "2", "Ottoline", "Farquharson", "1983-11-21", "611200888"));
        var from = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = b.PersonId, Reason = "test" });
        var to = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = a.PersonId, Reason = "test" });

        var link = await Persons.LinkAsync(new LinkRequest
        {
            Record = new RecordKey { Registry = r, LocalId = "2" }, ToPersonId = a.PersonId, ExpectedFromPersonVersion = from.Version,
            ExpectedToPersonVersion = to.Version, Reason = "one patient, two charts",
        });

        Assert.Equal((PersonState.Retired, ""), (link.FromPerson.State, link.FromPerson.MergedIntoPersonId));
        Assert.Equal(
            [
                (IdentityChangeKind.NewPerson, "1", "", a.PersonId, ActorKind.Engine),
                (IdentityChangeKind.NewPerson, "2", "", b.PersonId, ActorKind.Engine),
                (IdentityChangeKind.Link, "2", b.PersonId, a.PersonId, ActorKind.Steward),
            ],
            (await ChangesOf(r)).Select(c => (c.Kind, c.Record?.LocalId ?? "", c.PersonBefore, c.PersonAfter, c.ActorKind)));
    }

    /// <summary>
    /// A record sent to review starts on a person of its own; the reviewer's "same person" moves it to the candidate and
    /// leaves that person merged into the candidate: the feed says so, as after a merge, so that whoever filed under
    /// the provisional person's id files under the candidate's.
    /// </summary>
    [Fact]
    public async Task ListChanges_AReviewersLinkThatEmptiesTheProvisionalPerson_IsFollowedByItsRetirement()
    {
        const string north = "FEED_REVIEW_N", south = "FEED_REVIEW_S";
        Demographics Namesake(string address, string city, string postal, string nationalId) => new()
        {
            GivenName = "Rosalind", FamilyName = "Marchbanks", BirthDate = "1958-04-11", Sex = "F", AddressLine = address, City = city,
            PostalCode = postal, NationalId = nationalId,
        };
        var first = await Registration.RegisterAsync(new RegisterRequest
        {
            Key = new RecordKey { Registry = north, LocalId = "1" }, Demographics = Namesake("9 Karri Court", "Perth", "6000", SomeNationalIds.For("FR-1")),
        });
        var uncertain = await Registration.RegisterAsync(new RegisterRequest
        {
            Key = new RecordKey { Registry = south, LocalId = "2" }, Demographics = Namesake("71 Marri Road", "Albany", "6330", SomeNationalIds.For("FR-2")),
        });
        Assert.Equal(Decision.Review, uncertain.Decision);
        var task = await Review.GetTaskAsync(new GetTaskRequest { TaskId = uncertain.ReviewTaskId });

        await Review.ResolveTaskAsync(new ResolveTaskRequest
        {
            TaskId = task.TaskId, ExpectedVersion = task.Version, Resolution = Resolution.SamePerson, PersonId = first.PersonId, Reason = "same patient",
        });

        var page = await Feed.ListChangesAsync(new ListChangesRequest { Limit = 1000, Registries = { north, south } });
        Assert.Equal(
            [
                (IdentityChangeKind.NewPerson, "1", "", first.PersonId, ActorKind.Engine),
                (IdentityChangeKind.NewPerson, "2", "", uncertain.PersonId, ActorKind.Engine),
                (IdentityChangeKind.Link, "2", uncertain.PersonId, first.PersonId, ActorKind.Reviewer),
                (IdentityChangeKind.PersonRetired, "", uncertain.PersonId, first.PersonId, ActorKind.Reviewer),
            ],
            page.Changes.Select(c => (c.Kind, c.Record?.LocalId ?? "", c.PersonBefore, c.PersonAfter, c.ActorKind)));
        // A key that follows only the registry whose record left the provisional person is told of its retirement; one
        // that follows only the other registry is not (it never saw that person).
        Assert.Contains((await ChangesOf(south)), c => c.Kind == IdentityChangeKind.PersonRetired);
        Assert.DoesNotContain((await ChangesOf(north)), c => c.Kind == IdentityChangeKind.PersonRetired);
        var retired = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = uncertain.PersonId, Reason = "test" });
        Assert.Equal((PersonState.Merged, first.PersonId), (retired.State, retired.MergedIntoPersonId));
    }

    [Fact]
    public async Task ListChanges_ResumedFromEveryCursorOneAtATime_GivesTheSameChangesOnceEach()
    {
        const string r = "FEED_RESUME";
        var a = await Registration.RegisterAsync(Request(r, "1", "Perpetua", "Cholmondeley", "1950-01-01", "722100111"));
        var b = await Registration.RegisterAsync(Request(r, "2", "Seraphina", "Dankworth", "1988-03-30", "722100222"));
        await Registration.RegisterAsync(Request(r, "3", "Perpetua", "Cholmondeley", "1950-01-01", "722100111"));
        var merge = await Persons.MergePersonsAsync(new MergePersonsRequest
        {
            SurvivorPersonId = a.PersonId, MergedPersonId = b.PersonId, Reason = "same patient",
            ExpectedSurvivorVersion = (await Persons.GetPersonAsync(new GetPersonRequest { PersonId = a.PersonId, Reason = "test" })).Version,
            ExpectedMergedVersion = (await Persons.GetPersonAsync(new GetPersonRequest { PersonId = b.PersonId, Reason = "test" })).Version,
        });
        var whole = await ChangesOf(r);

        var oneByOne = new List<IdentityChange>();
        var cursor = "";
        while (true)
        {
            var page = await Feed.ListChangesAsync(new ListChangesRequest { FromCursor = cursor, Limit = 1, Registries = { r } });
            oneByOne.AddRange(page.Changes);
            if (page.NextCursor == cursor) break;
            cursor = page.NextCursor;
        }

        Assert.Equal(5, whole.Count); // new, new, link, merge, retired
        Assert.Equal(whole, oneByOne);
        Assert.Equal([], await ChangesOf(r, from: whole[^1].Cursor));
        Assert.Equal(whole.Skip(3), await ChangesOf(r, from: whole[2].Cursor));
        // Resuming between the merge and the retirement it implies gives the retirement alone.
        Assert.Equal([whole[4]], await ChangesOf(r, from: whole[3].Cursor));
        Assert.Equal(merge.OperationId, whole[4].OperationId);
    }

    [Fact]
    public async Task ListChanges_AReviewersMergeAnswer_IsOneOperation_TheRecordsLinkSharesTheMergesId()
    {
        const string r = "FEED_REVIEW_MERGE";
        RegisterRequest Sibling(string localId, string given) => new()
        {
            Key = new RecordKey { Registry = r, LocalId = localId },
            Demographics = new Demographics
            {
                GivenName = given, FamilyName = "Wachowski-Brandt", BirthDate = "1990-07-12", Sex = "M", AddressLine = "3 Risdon Road", City = "Hobart",
                PostalCode = "7000",
            },
        };
        var first = await Registration.RegisterAsync(Sibling("1", "Benedikt"));
        var second = await Registration.RegisterAsync(Sibling("2", "Bartholomew"));
        var incoming = await Registration.RegisterAsync(Sibling("3", "Cornelius"));
        Assert.Equal(Decision.Review, incoming.Decision);
        var task = await Review.GetTaskAsync(new GetTaskRequest { TaskId = incoming.ReviewTaskId });
        var (survivor, merged) = (task.Candidates[0].Person.PersonId, task.Candidates[1].Person.PersonId);
        var before = await ChangesOf(r);

        await Review.ResolveTaskAsync(new ResolveTaskRequest
        {
            TaskId = task.TaskId, ExpectedVersion = task.Version, Resolution = Resolution.MergePersons, PersonId = survivor, MergedPersonIds = { merged },
            Reason = "one man: the clinic registered him three times",
        });

        var answer = (await ChangesOf(r)).Skip(before.Count).ToList();
        Assert.Contains(answer, c => c.Kind == IdentityChangeKind.Link && c.PersonAfter == survivor);
        Assert.Contains(answer, c => c.Kind == IdentityChangeKind.Merge && c.PersonBefore == merged);
        Assert.Single(answer.Where(c => c.Kind is IdentityChangeKind.Link or IdentityChangeKind.Merge).Select(c => c.OperationId).Distinct());
        Assert.Contains(new[] { first.PersonId, second.PersonId }, p => p == survivor);
    }

    [Fact]
    public async Task ListChanges_ARecordSentAgainWithOtherDemographics_IsARecordUpdateByTheSource()
    {
        const string r = "FEED_UPDATE";
        var first = await Registration.RegisterAsync(Request(r, "1", "Ermintrude", "Fothergill", "1939-09-09", "733400111"));
        var resent = Request(r, "1", "Ermintrude", "Fothergill", "1939-09-09", "733400111");
        resent.Demographics.Phone = "0362 111 222";
        await Registration.RegisterAsync(resent);

        var changes = await ChangesOf(r);

        Assert.Equal([IdentityChangeKind.NewPerson, IdentityChangeKind.RecordUpdated], changes.Select(c => c.Kind));
        Assert.Equal((first.PersonId, first.PersonId, ActorKind.Source), (changes[1].PersonBefore, changes[1].PersonAfter, changes[1].ActorKind));
        // No model decided the update: the source did (changes.proto, model_version).
        Assert.Equal(("", first.ModelVersion), (changes[1].ModelVersion, changes[0].ModelVersion));
    }

    [Fact]
    public async Task Watch_FromTheHead_SendsEachNewChangeAsItIsCommitted()
    {
        const string r = "FEED_WATCH";
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var call = Feed.Watch(new WatchChangesRequest { FromCursor = await FeedConsumer.HeadAsync(service.Channel), Registries = { r } },
            cancellationToken: cancel.Token);
        await call.ResponseHeadersAsync;
        var registered = await Registration.RegisterAsync(Request(r, "1", "Philippa", "Gorringe", "1966-06-06", "744500111"));

        var received = new List<IdentityChange>();
        while (received.Count == 0 && await call.ResponseStream.MoveNext(cancel.Token)) received.AddRange(call.ResponseStream.Current.Changes);

        var change = Assert.Single(received);
        Assert.Equal((IdentityChangeKind.NewPerson, r, "1", registered.PersonId), (change.Kind, change.Record.Registry, change.Record.LocalId, change.PersonAfter));
        // The message's cursor resumes after the change.
        Assert.Empty((await Feed.ListChangesAsync(new ListChangesRequest { FromCursor = call.ResponseStream.Current.Cursor, Registries = { r } })).Changes);
    }

    [Fact]
    public async Task Watch_WhileConnected_ShowsTheClientsLagInMetrics()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var call = Feed.Watch(new WatchChangesRequest { FromCursor = await FeedConsumer.HeadAsync(service.Channel) }, cancellationToken: cancel.Token);
        await call.ResponseHeadersAsync;

        var text = await service.ScrapeMetricsAsync(t => t.Contains("mpi_feed_lag"));

        Assert.Matches("mpi_feed_lag\\{[^}]*client=\"test-engine\"[^}]*\\} \\d+", text);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("-4")]
    [InlineData("007")]
    [InlineData("99999999999999")]
    public async Task ListChanges_ACursorThisServiceDidNotIssue_IsInvalidArgumentNamingTheField(string cursor)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Feed.ListChangesAsync(new ListChangesRequest { FromCursor = cursor }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations);
        Assert.Equal("from_cursor", violation.Field);
        Assert.StartsWith("invalid cursor", violation.Description);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1001)]
    public async Task ListChanges_ALimitOutOfRange_IsInvalidArgument(int limit)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Feed.ListChangesAsync(new ListChangesRequest { Limit = limit }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("limit", Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task Feed_AKeyNotGrantedIt_IsPermissionDenied()
    {
        using var engine = service.ChannelWith(await service.Credentials.IssueAsync("register-only-engine", "*", "Register,Match"));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new IdentityChangeService.IdentityChangeServiceClient(engine).ListChangesAsync(new ListChangesRequest()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }
}
