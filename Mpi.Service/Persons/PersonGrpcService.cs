using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Service.Contracts;

namespace Mpi.Service.Persons;

/// <summary>
/// mpi.v1.PersonService. GetPerson is served; Link, Unlink, MergePersons and UnmergePerson answer UNIMPLEMENTED
/// until the steward operations land (the generated base class does that).
/// </summary>
public sealed class PersonGrpcService(PersonReader reader) : PersonService.PersonServiceBase
{
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
