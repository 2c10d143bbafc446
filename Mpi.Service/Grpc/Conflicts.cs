using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Mpi.Service.Grpc;

/// <summary>ABORTED / FAILED_PRECONDITION / OUT_OF_RANGE / RESOURCE_EXHAUSTED with the google.rpc.ErrorInfo (domain mpi.v1) the contract promises.</summary>
public static class Conflicts
{
    public static RpcException Of(Code code, string message, string reason, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var info = new ErrorInfo { Domain = "mpi.v1", Reason = reason };
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>()) info.Metadata[key] = value;
        return new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(info) } }.ToRpcException();
    }

    /// <summary>RESOURCE_EXHAUSTED (WRITER_BUSY) with a google.rpc.RetryInfo saying when to try again.</summary>
    public static RpcException Busy(string message, TimeSpan retryAfter)
    {
        var info = new ErrorInfo { Domain = "mpi.v1", Reason = "WRITER_BUSY" };
        var retry = new RetryInfo { RetryDelay = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(retryAfter) };
        return new Google.Rpc.Status { Code = (int)Code.ResourceExhausted, Message = message, Details = { Any.Pack(info), Any.Pack(retry) } }.ToRpcException();
    }
}
