using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Mpi.Service.Contracts;

/// <summary>ABORTED / FAILED_PRECONDITION with the google.rpc.ErrorInfo (domain mpi.v1) the contract promises.</summary>
public static class Conflicts
{
    public static RpcException Of(Code code, string message, string reason, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var info = new ErrorInfo { Domain = "mpi.v1", Reason = reason };
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>()) info.Metadata[key] = value;
        return new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(info) } }.ToRpcException();
    }
}
