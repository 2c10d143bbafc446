using Google.Rpc;
using Grpc.Core;
using Mpi.Contracts.V1;

namespace Mpi.Service.Grpc;

/// <summary>A failed stream item's error: the status a unary call would have ended with, field violations included.</summary>
public static class ItemErrors
{
    public static ItemError From(RpcException e)
    {
        var status = e.GetRpcStatus();
        var error = new ItemError { Code = (int)e.StatusCode, Message = e.Status.Detail, Reason = status?.GetDetail<ErrorInfo>()?.Reason ?? "" };
        if (status?.GetDetail<BadRequest>() is { } badRequest)
            error.FieldViolations.Add(badRequest.FieldViolations.Select(v => new FieldViolation { Field = v.Field, Description = v.Description }));
        return error;
    }
}
