using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Service.Persons;

namespace Mpi.Service.Grpc;

/// <summary>
/// mpi.v1.PersonService: read a person; link, unlink, merge and unmerge (the steward operations); the "not the same
/// person" marks.
/// </summary>
[BindServiceMethod(typeof(PersonGrpcService), nameof(BindService))]
public sealed class PersonGrpcService(PersonReader reader, StewardOperations steward, DifferentPersonMarkOperations marks, IdentifierLookup identifiers)
    : PersonService.PersonServiceBase
{
    /// <summary>The generated binding, with undecodable requests answered INVALID_ARGUMENT.</summary>
    public static void BindService(ServiceBinderBase binder, PersonService.PersonServiceBase service) =>
        UndecodableAsInvalidArgument.Bind(binder, service, PersonService.BindService);

    public override async Task<LinkResponse> Link(LinkRequest request, ServerCallContext context)
    {
        Require(("record", IsKey(request.Record)), ("to_person_id", request.ToPersonId.Length > 0), ("reason", request.Reason.Trim().Length > 0),
            ("expected_from_person_version", request.ExpectedFromPersonVersion > 0), ("expected_to_person_version", request.ExpectedToPersonVersion > 0));
        var result = RefusalStatus.ValueOr(await steward.LinkAsync(Key(request.Record), request.ToPersonId.Trim(), request.ExpectedFromPersonVersion,
            request.ExpectedToPersonVersion, RequestReasons.Required(request.Reason), CallerIdentity.Of(context), context.CancellationToken, CallerIdentity.Scope(context)), context);
        return new LinkResponse { OperationId = result.OperationId, FromPerson = await View(result.FromPersonId, context), ToPerson = await View(result.ToPersonId, context) };
    }

    public override async Task<UnlinkResponse> Unlink(UnlinkRequest request, ServerCallContext context)
    {
        Require(("record", IsKey(request.Record)), ("reason", request.Reason.Trim().Length > 0), ("expected_person_version", request.ExpectedPersonVersion > 0));
        var result = RefusalStatus.ValueOr(await steward.UnlinkAsync(Key(request.Record), request.ExpectedPersonVersion, RequestReasons.Required(request.Reason),
            CallerIdentity.Of(context), context.CancellationToken, CallerIdentity.Scope(context)), context);
        return new UnlinkResponse { OperationId = result.OperationId, FromPerson = await View(result.FromPersonId, context), NewPerson = await View(result.ToPersonId, context) };
    }

    public override async Task<MergePersonsResponse> MergePersons(MergePersonsRequest request, ServerCallContext context)
    {
        Require(("survivor_person_id", request.SurvivorPersonId.Length > 0), ("merged_person_id", request.MergedPersonId.Length > 0),
            ("reason", request.Reason.Trim().Length > 0), ("expected_survivor_version", request.ExpectedSurvivorVersion > 0),
            ("expected_merged_version", request.ExpectedMergedVersion > 0));
        var result = RefusalStatus.ValueOr(await steward.MergeAsync(request.SurvivorPersonId.Trim(), request.MergedPersonId.Trim(), request.ExpectedSurvivorVersion,
            request.ExpectedMergedVersion, RequestReasons.Required(request.Reason), CallerIdentity.Of(context), context.CancellationToken, CallerIdentity.Scope(context)),
            context);
        return new MergePersonsResponse { OperationId = result.OperationId, Merged = await View(result.FromPersonId, context), Survivor = await View(result.ToPersonId, context) };
    }

    public override async Task<UnmergePersonResponse> UnmergePerson(UnmergePersonRequest request, ServerCallContext context)
    {
        Require(("person_id", request.PersonId.Length > 0), ("reason", request.Reason.Trim().Length > 0), ("expected_survivor_version", request.ExpectedSurvivorVersion > 0));
        var result = RefusalStatus.ValueOr(await steward.UnmergeAsync(request.PersonId.Trim(), request.ExpectedSurvivorVersion, RequestReasons.Required(request.Reason),
            CallerIdentity.Of(context), context.CancellationToken, CallerIdentity.Scope(context)), context);
        return new UnmergePersonResponse { OperationId = result.OperationId, Restored = await View(result.FromPersonId, context), Survivor = await View(result.ToPersonId, context) };
    }

    public override async Task<DifferentPersonMark> MarkDifferentPerson(MarkDifferentPersonRequest request, ServerCallContext context)
    {
        Require(("record", IsKey(request.Record)), ("person_id", request.PersonId.Trim().Length > 0), ("reason", request.Reason.Trim().Length > 0));
        var mark = RefusalStatus.ValueOr(await marks.MarkAsync(Key(request.Record), request.PersonId.Trim(), RequestReasons.Required(request.Reason),
            CallerIdentity.Of(context), CallerIdentity.Scope(context), context.CancellationToken), context);
        return DifferentPersonMarkViews.From(mark);
    }

    public override async Task<ListDifferentPersonMarksResponse> ListDifferentPersonMarks(ListDifferentPersonMarksRequest request, ServerCallContext context)
    {
        var byRecord = request.LookupCase == ListDifferentPersonMarksRequest.LookupOneofCase.Record;
        if (byRecord ? !IsKey(request.Record) : string.IsNullOrWhiteSpace(request.PersonId))
            throw InvalidArgument.Of([(byRecord ? "record" : "person_id", "required: a person id or a record key (registry and local id)")]);
        var listed = RefusalStatus.ValueOr(await marks.ListAsync(byRecord ? null : request.PersonId.Trim(), byRecord ? Key(request.Record) : null,
            request.IncludeRemoved, CallerIdentity.Scope(context), context.CancellationToken), context);
        return new ListDifferentPersonMarksResponse { Marks = { listed.Select(DifferentPersonMarkViews.From) } };
    }

    public override async Task<DifferentPersonMark> RemoveDifferentPersonMark(RemoveDifferentPersonMarkRequest request, ServerCallContext context)
    {
        if (!long.TryParse(request.MarkId.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            throw InvalidArgument.Of([("mark_id", request.MarkId.Trim().Length == 0 ? "missing" : "invalid mark id")]);
        Require(("reason", request.Reason.Trim().Length > 0));
        var mark = RefusalStatus.ValueOr(await marks.RemoveAsync(id, RequestReasons.Required(request.Reason), CallerIdentity.Of(context),
            CallerIdentity.Scope(context), context.CancellationToken), context);
        return DifferentPersonMarkViews.From(mark);
    }

    /// <summary>
    /// A person after a change, as the caller's scope shows it: a person the change left without any of the key's
    /// records still answers with its id and state (the change is committed; refusing now would hide that).
    /// </summary>
    private async Task<PersonView> View(string personId, ServerCallContext context) =>
        PersonViews.From((await reader.ReadAsync(personId, null, CallerIdentity.Of(context), "steward operation", context.CancellationToken))!
            .Within(CallerIdentity.Scope(context)));

    private static void Require(params (string Field, bool Present)[] fields)
    {
        var missing = fields.Where(f => !f.Present).Select(f => (f.Field, "missing")).ToArray();
        if (missing.Length > 0) throw InvalidArgument.Of(missing);
    }

    private static bool IsKey(RecordKey? key) => !string.IsNullOrWhiteSpace(key?.Registry) && !string.IsNullOrWhiteSpace(key.LocalId);

    private static (string, string) Key(RecordKey key) => (key.Registry.Trim(), key.LocalId.Trim());

    public override async Task<PersonView> GetPerson(GetPersonRequest request, ServerCallContext context)
    {
        if (request.LookupCase == GetPersonRequest.LookupOneofCase.Identifier) return await ByIdentifierAsync(request, context);
        var byRecord = request.LookupCase == GetPersonRequest.LookupOneofCase.Record;
        if (request.LookupCase == GetPersonRequest.LookupOneofCase.None
            || (byRecord && (string.IsNullOrWhiteSpace(request.Record.Registry) || string.IsNullOrWhiteSpace(request.Record.LocalId)))
            || (!byRecord && string.IsNullOrWhiteSpace(request.PersonId)))
            throw InvalidArgument.Of([(byRecord ? "record" : "person_id", "required: a person id or a record key (registry and local id)")]);

        // A record key of a registry out of scope is refused before the look-up: whether it exists is not the key's to know.
        if (byRecord && !CallerIdentity.Scope(context).Sees(request.Record.Registry.Trim()))
            throw PermissionDenied.Registry(CallerIdentity.Of(context), request.Record.Registry.Trim());
        var read = await reader.ReadAsync(byRecord ? null : request.PersonId,
            byRecord ? (request.Record.Registry.Trim(), request.Record.LocalId.Trim()) : null,
            CallerIdentity.Scope(context), CallerIdentity.Of(context), request.Reason, context.CancellationToken);
        if (read.Denied)
            throw byRecord ? PermissionDenied.Registry(CallerIdentity.Of(context), request.Record.Registry.Trim())
                : PermissionDenied.OutOfScope(CallerIdentity.Of(context), $"see person {request.PersonId}: it holds no record of the key's registries", ("person_id", request.PersonId));
        return PersonViews.From(read.Snapshot
            ?? throw new RpcException(new global::Grpc.Core.Status(StatusCode.NotFound, byRecord ? "no such record" : "no such person")));
    }

    /// <summary>GetPerson by an identifier: the one person (visible to the key) whose records carry it.</summary>
    private async Task<PersonView> ByIdentifierAsync(GetPersonRequest request, ServerCallContext context)
    {
        var sent = new Mpi.Matching.Records.RecordIdentifier(request.Identifier.Type, request.Identifier.Authority, request.Identifier.Value);
        var scope = CallerIdentity.Scope(context);
        var (identifier, invalid, persons) = await identifiers.FindAsync(sent, scope, context.CancellationToken);
        if (invalid is not null) throw InvalidArgument.Of([("identifier", invalid)]);
        if (persons.Count > 1)
            throw Conflicts.Of(Google.Rpc.Code.FailedPrecondition, $"records of {persons.Count} persons carry that identifier: ask by person id", "WRONG_STATE",
                new Dictionary<string, string> { ["person_ids"] = string.Join(',', persons) });
        // A miss is audited like any look-up (the identifier's type and authority, never its value).
        var read = await reader.ReadAsync(persons.Count == 1 ? persons[0] : null, null, scope, CallerIdentity.Of(context), request.Reason,
            context.CancellationToken, missSubject: $"identifier {identifier!.Type}|{identifier.Authority}");
        return PersonViews.From(read.Snapshot ?? throw new RpcException(new global::Grpc.Core.Status(StatusCode.NotFound, "no record carries that identifier")));
    }
}
