using Grpc.Core;
using Grpc.Net.Client;
using Mpi.Contracts.V1;
using Mpi.Service.Grpc;

namespace Mpi.Tests.Service.Grpc;

/// <summary>
/// A key granted one registry neither sees nor changes another's records, tasks or persons, on every RPC (issue:
/// hardening, item 1; docs/decisions.md "Visibility across registries"). The table below has one check per RPC of the
/// contract, and the walk over the contract fails when an RPC is added without one. The table in docs/service.md says the same.
/// </summary>
public sealed class RegistryScopeTests(RegistryScopeService service) : IClassFixture<RegistryScopeService>
{
    private const string Own = RegistryScopeService.Own, Other = RegistryScopeService.Other;

    private GrpcChannel Scoped => service.Scoped;
    private RegisterResponse OwnPerson => service.OwnPerson;
    private RegisterResponse OtherPerson => service.OtherPerson;
    private RegisterResponse SharedPerson => service.SharedPerson;

    private static RegisterRequest Request(string registry, string localId, string given, string family, string birthDate, string address,
        string? nationalId = null) => RegistryScopeService.Request(registry, localId, given, family, birthDate, address, nationalId);


    private RegistrationService.RegistrationServiceClient Registration => new(Scoped);
    private PersonService.PersonServiceClient Persons => new(Scoped);
    private ReviewService.ReviewServiceClient Review => new(Scoped);
    private ModelService.ModelServiceClient Models => new(Scoped);
    private IdentityChangeService.IdentityChangeServiceClient Feed => new(Scoped);
    private ExceptionService.ExceptionServiceClient Exceptions => new(Scoped);

    /// <summary>The scoped key's whole feed (one page holds this fixture's changes).</summary>
    private async Task<List<IdentityChange>> WholeFeedAsync()
    {
        var changes = new List<IdentityChange>();
        var page = await Feed.ListChangesAsync(new ListChangesRequest { Limit = 1000 });
        changes.AddRange(page.Changes);
        return changes;
    }

    /// <summary>Per RPC: what a key granted only <see cref="Own"/> gets when it reaches for <see cref="Other"/>.</summary>
    private Dictionary<string, Func<Task>> Checks() => new()
    {
        ["mpi.v1.RegistrationService/Register"] = () => Denied(Registration.RegisterAsync(Request(Other, "B-9", "Griselda", "Oakenfull", "1956-10-30", "12 Brisbane Street")).ResponseAsync),
        ["mpi.v1.RegistrationService/RegisterStream"] = async () =>
        {
            using var call = Registration.RegisterStream();
            await call.RequestStream.WriteAsync(new RegisterStreamRequest { RequestIndex = 1, Register = Request(Other, "B-9", "Griselda", "Oakenfull", "1956-10-30", "x") });
            await call.RequestStream.CompleteAsync();
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal((int)StatusCode.PermissionDenied, call.ResponseStream.Current.Error.Code);
        },
        ["mpi.v1.RegistrationService/Match"] = async () =>
        {
            var match = await Registration.MatchAsync(new MatchRequest { Demographics = Request(Other, "q", "Griselda", "Oakenfull", "1956-10-30", "12 Brisbane Street").Demographics });
            Assert.DoesNotContain(match.Candidates, c => c.PersonId == OtherPerson.PersonId);
            // Whether another registry's record holds marks is not the key's to learn.
            await Denied(Registration.MatchAsync(new MatchRequest
            {
                Demographics = new Demographics { FamilyName = "Fairweather" },
                Record = new RecordKey { Registry = Other, LocalId = "B-3" },
            }).ResponseAsync);
        },
        ["mpi.v1.RegistrationService/Deactivate"] = async () =>
        {
            await Denied(Registration.DeactivateAsync(new DeactivateRequest { Key = new RecordKey { Registry = Other, LocalId = "B-1" } }).ResponseAsync);
            var steward = new PersonService.PersonServiceClient(service.Channel);
            var other = await steward.GetPersonAsync(new GetPersonRequest { Record = new RecordKey { Registry = Other, LocalId = "B-1" }, Reason = "test" });
            Assert.DoesNotContain(other.Records, r => r.Deactivated);
        },
        ["mpi.v1.PersonService/MarkDifferentPerson"] = () => Denied(Persons.MarkDifferentPersonAsync(new MarkDifferentPersonRequest
        {
            Record = new RecordKey { Registry = Other, LocalId = "B-1" }, PersonId = OwnPerson.PersonId, Reason = "test",
        }).ResponseAsync),
        ["mpi.v1.PersonService/ListDifferentPersonMarks"] = async () =>
        {
            await Denied(Persons.ListDifferentPersonMarksAsync(new ListDifferentPersonMarksRequest { Record = new RecordKey { Registry = Other, LocalId = "B-3" } }).ResponseAsync);
            // The other registry's record is marked against the key's own person: the key does not see that mark.
            var own = await Persons.ListDifferentPersonMarksAsync(new ListDifferentPersonMarksRequest { PersonId = OwnPerson.PersonId, IncludeRemoved = true });
            Assert.Empty(own.Marks);
        },
        ["mpi.v1.PersonService/RemoveDifferentPersonMark"] = async () =>
        {
            await Denied(Persons.RemoveDifferentPersonMarkAsync(new RemoveDifferentPersonMarkRequest { MarkId = service.OtherMarkId, Reason = "test" }).ResponseAsync);
            var kept = await new PersonService.PersonServiceClient(service.Channel).ListDifferentPersonMarksAsync(
                new ListDifferentPersonMarksRequest { Record = new RecordKey { Registry = Other, LocalId = "B-3" } });
            Assert.Equal(service.OtherMarkId, Assert.Single(kept.Marks).MarkId);
        },
        ["mpi.v1.PersonService/GetPerson"] = async () =>
        {
            await Denied(Persons.GetPersonAsync(new GetPersonRequest { PersonId = OtherPerson.PersonId, Reason = "test" }).ResponseAsync);
            await Denied(Persons.GetPersonAsync(new GetPersonRequest { Record = new RecordKey { Registry = Other, LocalId = "B-1" }, Reason = "test" }).ResponseAsync);
            var shared = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = SharedPerson.PersonId, Reason = "test" });
            Assert.Equal([Own], shared.Records.Select(r => r.Key.Registry));
            Assert.DoesNotContain(shared.History, h => h.Record.Registry == Other);
        },
        ["mpi.v1.PersonService/Link"] = async () =>
        {
            await Denied(Persons.LinkAsync(new LinkRequest
            {
                Record = new RecordKey { Registry = Other, LocalId = "B-1" }, ToPersonId = OwnPerson.PersonId, ExpectedFromPersonVersion = 1,
                ExpectedToPersonVersion = 1, Reason = "test",
            }).ResponseAsync);
            await Denied(Persons.LinkAsync(new LinkRequest
            {
                Record = new RecordKey { Registry = Own, LocalId = "A-1" }, ToPersonId = OtherPerson.PersonId, ExpectedFromPersonVersion = 1,
                ExpectedToPersonVersion = 1, Reason = "test",
            }).ResponseAsync);
        },
        ["mpi.v1.PersonService/Unlink"] = () => Denied(Persons.UnlinkAsync(new UnlinkRequest
        {
            Record = new RecordKey { Registry = Other, LocalId = "B-2" }, ExpectedPersonVersion = 1, Reason = "test",
        }).ResponseAsync),
        ["mpi.v1.PersonService/MergePersons"] = () => Denied(Persons.MergePersonsAsync(new MergePersonsRequest
        {
            SurvivorPersonId = OwnPerson.PersonId, MergedPersonId = OtherPerson.PersonId, ExpectedSurvivorVersion = 1, ExpectedMergedVersion = 1, Reason = "test",
        }).ResponseAsync),
        ["mpi.v1.PersonService/UnmergePerson"] = () => Denied(Persons.UnmergePersonAsync(new UnmergePersonRequest
        {
            PersonId = service.MergedOtherPersonId, ExpectedSurvivorVersion = 99, Reason = "test",
        }).ResponseAsync),
        ["mpi.v1.ReviewService/ListTasks"] = async () =>
        {
            var listed = await Review.ListTasksAsync(new ListTasksRequest { PageSize = 500 });
            Assert.DoesNotContain(listed.Tasks, t => t.TaskId == service.OtherTaskId || t.Incoming.Registry == Other);
        },
        ["mpi.v1.ReviewService/GetTask"] = () => Denied(Review.GetTaskAsync(new GetTaskRequest { TaskId = service.OtherTaskId }).ResponseAsync),
        ["mpi.v1.ReviewService/ClaimTask"] = () => Denied(Review.ClaimTaskAsync(new ClaimTaskRequest { TaskId = service.OtherTaskId, ExpectedVersion = 1 }).ResponseAsync),
        ["mpi.v1.ReviewService/ReleaseTask"] = () => Denied(Review.ReleaseTaskAsync(new ReleaseTaskRequest { TaskId = service.OtherTaskId, ExpectedVersion = 1 }).ResponseAsync),
        ["mpi.v1.ReviewService/ResolveTask"] = () => Denied(Review.ResolveTaskAsync(new ResolveTaskRequest
        {
            TaskId = service.OtherTaskId, ExpectedVersion = 1, Resolution = Resolution.DifferentPerson, Reason = "test",
        }).ResponseAsync),
        // The model holds no patient data: any key reads it; changing it is for steward-wide keys only.
        ["mpi.v1.ModelService/GetModel"] = async () => Assert.NotEmpty((await Models.GetModelAsync(new GetModelRequest())).Version),
        ["mpi.v1.IdentityChangeService/ListChanges"] = async () =>
        {
            await Denied(Feed.ListChangesAsync(new ListChangesRequest { Registries = { Other } }).ResponseAsync);
            var changes = await WholeFeedAsync();
            Assert.Contains(changes, c => c.Record?.Registry == Own);
            Assert.DoesNotContain(changes, c => c.Record?.Registry == Other);
            // The other registry's merged person was retired: not the scoped key's to learn.
            Assert.DoesNotContain(changes, c => c.PersonBefore == service.MergedOtherPersonId);
        },
        ["mpi.v1.IdentityChangeService/Watch"] = async () =>
        {
            using (var refused = Feed.Watch(new WatchChangesRequest { Registries = { Other } }))
                await Denied(refused.ResponseStream.MoveNext(CancellationToken.None));
            using var call = Feed.Watch(new WatchChangesRequest());
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            Assert.NotEmpty(call.ResponseStream.Current.Changes);
            Assert.All(call.ResponseStream.Current.Changes, c => Assert.NotEqual(Other, c.Record?.Registry));
        },
        ["mpi.v1.ExceptionService/ListExceptions"] = async () =>
        {
            await Denied(Exceptions.ListExceptionsAsync(new ListExceptionsRequest { Registry = Other }).ResponseAsync);
            var seen = (await Exceptions.ListExceptionsAsync(new ListExceptionsRequest { State = ExceptionState.Any })).Exceptions;
            Assert.Contains(seen, e => e.Id == service.OwnExceptionId);
            Assert.DoesNotContain(seen, e => e.Id == service.OtherExceptionId);
        },
        ["mpi.v1.ExceptionService/ResolveException"] = async () =>
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() =>
                Exceptions.ResolveExceptionAsync(new ResolveExceptionRequest { Id = service.OtherExceptionId, Note = "not mine" }).ResponseAsync);
            Assert.Equal(StatusCode.NotFound, refused.StatusCode);
            var stillOpen = await new ExceptionService.ExceptionServiceClient(service.Channel).ListExceptionsAsync(new ListExceptionsRequest { Registry = Other });
            Assert.Contains(stillOpen.Exceptions, e => e.Id == service.OtherExceptionId);
        },
        ["mpi.v1.ModelService/ListModelVersions"] = async () => Assert.NotEmpty((await Models.ListModelVersionsAsync(new ListModelVersionsRequest())).Versions),
        ["mpi.v1.ModelService/UpdateThresholds"] = async () => await Denied(Models.UpdateThresholdsAsync(new UpdateThresholdsRequest
        {
            ExpectedActiveVersion = (await Models.GetModelAsync(new GetModelRequest())).Version, AutoLink = 0.5, Reason = "test",
        }).ResponseAsync),
        ["mpi.v1.ModelService/ActivateModel"] = async () => await Denied(Models.ActivateModelAsync(new ActivateModelRequest
        {
            Version = (await Models.GetModelAsync(new GetModelRequest())).Version, ExpectedActiveVersion = (await Models.GetModelAsync(new GetModelRequest())).Version,
        }).ResponseAsync),
    };

    private static async Task Denied(Task call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("REGISTRY_NOT_ALLOWED", error.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Reason);
    }

    public static TheoryData<string> EveryRpc() => [.. ContractRpcs.All().Select(rpc => $"{rpc.Service.FullName}/{rpc.Name}")];

    [Theory]
    [MemberData(nameof(EveryRpc))]
    public async Task EveryRpc_WithAKeyOfAnotherRegistry_NeitherSeesNorChangesItsData(string rpc)
    {
        Assert.True(Checks().TryGetValue(rpc, out var check), $"{rpc} has no registry-scope check: add one here and a row to the table in docs/service.md");
        await check();
    }

    [Fact]
    public async Task ScopedKey_StillWorksItsOwnRegistry()
    {
        var own = await Persons.GetPersonAsync(new GetPersonRequest { Record = new RecordKey { Registry = Own, LocalId = "A-1" }, Reason = "test" });
        var match = await Registration.MatchAsync(new MatchRequest { Demographics = Request(Own, "q", "Philomena", "Yarwood", "1971-04-09", "3 Cimitiere Street").Demographics });

        Assert.Equal(OwnPerson.PersonId, own.PersonId);
        Assert.Equal(OwnPerson.PersonId, match.Candidates[0].PersonId);
    }
}

/// <summary>The running service with two registries' data, and a key granted only the first (set up once for the class).</summary>
public sealed class RegistryScopeService : RunningService
{
    public const string Own = "SCOPE_A", Other = "SCOPE_B";

    public GrpcChannel Scoped { get; private set; } = null!;
    public RegisterResponse OwnPerson { get; private set; } = null!;
    public RegisterResponse OtherPerson { get; private set; } = null!;
    /// <summary>The person with a record in each registry.</summary>
    public RegisterResponse SharedPerson { get; private set; } = null!;
    /// <summary>A review task whose incoming record is the other registry's.</summary>
    public string OtherTaskId { get; private set; } = "";
    /// <summary>A person of the other registry merged into another of its persons.</summary>
    public string MergedOtherPersonId { get; private set; } = "";
    /// <summary>Exceptions (refused registrations) kept under each registry.</summary>
    public string OwnExceptionId { get; private set; } = "";
    public string OtherExceptionId { get; private set; } = "";
    /// <summary>A "not the same person" mark on the other registry's record, against the key's own person.</summary>
    public string OtherMarkId { get; private set; } = "";

    public static RegisterRequest Request(string registry, string localId, string given, string family, string birthDate, string address,
        string? nationalId = null, string city = "Launceston", string postalCode = "7250") => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = localId },
        Demographics = new Demographics
        {
            GivenName = given, FamilyName = family, BirthDate = birthDate, Sex = "F", AddressLine = address, City = city,
            PostalCode = postalCode, NationalId = nationalId ?? SomeNationalIds.For(registry + localId),
        },
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var steward = new RegistrationService.RegistrationServiceClient(Channel);
        OwnPerson = await steward.RegisterAsync(Request(Own, "A-1", "Philomena", "Yarwood", "1971-04-09", "3 Cimitiere Street"));
        OtherPerson = await steward.RegisterAsync(Request(Other, "B-1", "Griselda", "Oakenfull", "1956-10-30", "12 Brisbane Street"));
        // One person with a record in each registry (same national id and birth date: a rule links them).
        await steward.RegisterAsync(Request(Own, "A-2", "Leocadia", "Pennefather", "1983-01-17", "40 Wellington Street", "523880147"));
        SharedPerson = await steward.RegisterAsync(Request(Other, "B-2", "Leocadia", "Pennefather", "1983-01-17", "40 Wellington Street", "523880147"));
        // A review task whose incoming record is the other registry's: the same name and birth date in another town, another id.
        await steward.RegisterAsync(Request(Other, "B-3", "Ottilie", "Fairweather", "1949-06-02", "7 Charles Street"));
        var b4 = await steward.RegisterAsync(Request(Other, "B-4", "Ottilie", "Fairweather", "1949-06-02", "88 Invermay Road", city: "Devonport", postalCode: "7310"));
        OtherTaskId = b4.ReviewTaskId;
        Assert.True(OtherTaskId.Length > 0, $"{b4.Decision} {b4.Probability}");
        // A person of the other registry merged into another of its persons, for UnmergePerson.
        var b5 = await steward.RegisterAsync(Request(Other, "B-5", "Henrike", "Quarmby", "1990-12-12", "5 Tamar Street"));
        var persons = new PersonService.PersonServiceClient(Channel);
        var survivor = await persons.GetPersonAsync(new GetPersonRequest { PersonId = OtherPerson.PersonId });
        var merged = await persons.GetPersonAsync(new GetPersonRequest { PersonId = b5.PersonId });
        await persons.MergePersonsAsync(new MergePersonsRequest
        {
            SurvivorPersonId = OtherPerson.PersonId, MergedPersonId = b5.PersonId, ExpectedSurvivorVersion = survivor.Version,
            ExpectedMergedVersion = merged.Version, Reason = "test set-up",
        });
        MergedOtherPersonId = b5.PersonId;
        OtherMarkId = (await persons.MarkDifferentPersonAsync(new MarkDifferentPersonRequest
        {
            Record = new RecordKey { Registry = Other, LocalId = "B-3" }, PersonId = OwnPerson.PersonId, Reason = "test set-up",
        })).MarkId;
        OwnExceptionId = await RefusedAsync(steward, Request(Own, "A-9", "Philippa", "Yarwood", "1971-02-30", "3 Cimitiere Street"));
        OtherExceptionId = await RefusedAsync(steward, Request(Other, "B-9", "Griselda", "Oakenfull", "1956-02-30", "12 Brisbane Street"));
        Scoped = ChannelWith(await Credentials.IssueAsync("own-registry-engine", Own, "*"));
    }

    /// <summary>Sends a registration the service refuses as invalid; returns the id of the exception that keeps it.</summary>
    private async Task<string> RefusedAsync(RegistrationService.RegistrationServiceClient client, RegisterRequest request)
    {
        await Assert.ThrowsAsync<RpcException>(() => client.RegisterAsync(request).ResponseAsync);
        var kept = await new ExceptionService.ExceptionServiceClient(Channel).ListExceptionsAsync(new ListExceptionsRequest { Registry = request.Key.Registry });
        return kept.Exceptions.Single(e => e.Key.LocalId == request.Key.LocalId).Id;
    }
}
