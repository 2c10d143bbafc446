using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Mpi.Service.Grpc;

/// <summary>
/// INVALID_ARGUMENT with a google.rpc.BadRequest naming each offending field and why, so a caller can act on it
/// without parsing the message. The field paths are the request's (e.g. <c>demographics.birth_date</c>). The status
/// message names the fields only: the framework may log it, and a reason can quote the value sent (a date of birth).
/// The reasons travel in the BadRequest detail, to the caller alone.
/// </summary>
public static class InvalidArgument
{
    public static RpcException Of(IReadOnlyCollection<(string Field, string Reason)> violations)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.Add(violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Reason }));
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"invalid {string.Join(", ", violations.Select(v => v.Field).Distinct())} (reasons in the BadRequest detail)",
            Details = { Any.Pack(badRequest) },
        };
        return status.ToRpcException();
    }
}
