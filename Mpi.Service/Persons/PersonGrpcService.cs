using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Service.Contracts;

namespace Mpi.Service.Persons;

/// <summary>mpi.v1.PersonService: read a person; link, unlink, merge and unmerge (the steward operations).</summary>
public sealed class PersonGrpcService(PersonReader reader, StewardOperations steward) : PersonService.PersonServiceBase
{
    public override async Task<LinkResponse> Link(LinkRequest request, ServerCallContext context)
    {
        Require(("record", IsKey(request.Record)), ("to_person_id", request.ToPersonId.Length > 0), ("reason", request.Reason.Trim().Length > 0),
            ("expected_from_person_version", request.ExpectedFromPersonVersion > 0), ("expected_to_person_version", request.ExpectedToPersonVersion > 0));
        var result = Check(await steward.LinkAsync(Key(request.Record), request.ToPersonId.Trim(), request.ExpectedFromPersonVersion,
            request.ExpectedToPersonVersion, request.Reason.Trim(), CallerIdentity.Of(context), context.CancellationToken));
        return new LinkResponse { OperationId = result.OperationId, FromPerson = await View(result.FromPersonId!, context), ToPerson = await View(result.ToPersonId!, context) };
    }

    public override async Task<UnlinkResponse> Unlink(UnlinkRequest request, ServerCallContext context)
    {
        Require(("record", IsKey(request.Record)), ("reason", request.Reason.Trim().Length > 0), ("expected_person_version", request.ExpectedPersonVersion > 0));
        var result = Check(await steward.UnlinkAsync(Key(request.Record), request.ExpectedPersonVersion, request.Reason.Trim(),
            CallerIdentity.Of(context), context.CancellationToken));
        return new UnlinkResponse { OperationId = result.OperationId, FromPerson = await View(result.FromPersonId!, context), NewPerson = await View(result.ToPersonId!, context) };
    }

    public override async Task<MergePersonsResponse> MergePersons(MergePersonsRequest request, ServerCallContext context)
    {
        Require(("survivor_person_id", request.SurvivorPersonId.Length > 0), ("merged_person_id", request.MergedPersonId.Length > 0),
            ("reason", request.Reason.Trim().Length > 0), ("expected_survivor_version", request.ExpectedSurvivorVersion > 0),
            ("expected_merged_version", request.ExpectedMergedVersion > 0));
        var result = Check(await steward.MergeAsync(request.SurvivorPersonId.Trim(), request.MergedPersonId.Trim(), request.ExpectedSurvivorVersion,
            request.ExpectedMergedVersion, request.Reason.Trim(), CallerIdentity.Of(context), context.CancellationToken));
        return new MergePersonsResponse { OperationId = result.OperationId, Merged = await View(result.FromPersonId!, context), Survivor = await View(result.ToPersonId!, context) };
    }

    public override async Task<UnmergePersonResponse> UnmergePerson(UnmergePersonRequest request, ServerCallContext context)
    {
        Require(("person_id", request.PersonId.Length > 0), ("reason", request.Reason.Trim().Length > 0), ("expected_survivor_version", request.ExpectedSurvivorVersion > 0));
        var result = Check(await steward.UnmergeAsync(request.PersonId.Trim(), request.ExpectedSurvivorVersion, request.Reason.Trim(),
            CallerIdentity.Of(context), context.CancellationToken));
        return new UnmergePersonResponse { OperationId = result.OperationId, Restored = await View(result.FromPersonId!, context), Survivor = await View(result.ToPersonId!, context) };
    }

    private async Task<PersonView> View(string personId, ServerCallContext context) =>
        PersonViews.From((await reader.ReadAsync(personId, null, CallerIdentity.Of(context), "steward operation", context.CancellationToken))!);

    private static void Require(params (string Field, bool Present)[] fields)
    {
        var missing = fields.Where(f => !f.Present).Select(f => (f.Field, "required")).ToArray();
        if (missing.Length > 0) throw InvalidArgument.Of(missing);
    }

    private static bool IsKey(RecordKey? key) => !string.IsNullOrWhiteSpace(key?.Registry) && !string.IsNullOrWhiteSpace(key.LocalId);

    private static (string, string) Key(RecordKey key) => (key.Registry.Trim(), key.LocalId.Trim());

    private static StewardResult Check(StewardResult result) => result.Error switch
    {
        null => result,
        StewardErrorKind.NotFound => throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, result.Message!)),
        StewardErrorKind.StaleVersion => throw Conflicts.Of(Google.Rpc.Code.Aborted, result.Message!, "STALE_VERSION"),
        StewardErrorKind.PersonNotActive => throw Conflicts.Of(Google.Rpc.Code.FailedPrecondition, result.Message!, "PERSON_NOT_ACTIVE",
            new Dictionary<string, string> { ["person_id"] = result.PersonId ?? "" }),
        _ => throw Conflicts.Of(Google.Rpc.Code.FailedPrecondition, result.Message!, "WRONG_STATE"),
    };

    public override async Task<PersonView> GetPerson(GetPersonRequest request, ServerCallContext context)
    {
        var byRecord = request.LookupCase == GetPersonRequest.LookupOneofCase.Record;
        if (request.LookupCase == GetPersonRequest.LookupOneofCase.None
            || (byRecord && (string.IsNullOrWhiteSpace(request.Record.Registry) || string.IsNullOrWhiteSpace(request.Record.LocalId)))
            || (!byRecord && string.IsNullOrWhiteSpace(request.PersonId)))
            throw InvalidArgument.Of([(byRecord ? "record" : "person_id", "required: a person id or a record key (registry and local id)")]);

        var snapshot = await reader.ReadAsync(byRecord ? null : request.PersonId,
            byRecord ? (request.Record.Registry.Trim(), request.Record.LocalId.Trim()) : null,
            CallerIdentity.Of(context), request.Reason, context.CancellationToken)
            ?? throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, byRecord ? "no such record" : "no such person"));
        return PersonViews.From(snapshot);
    }
}
