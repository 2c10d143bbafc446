using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Mpi.Service.Contracts;

/// <summary>PERMISSION_DENIED with the google.rpc.ErrorInfo (domain mpi.v1) the contract promises.</summary>
public static class PermissionDenied
{
    public static RpcException Registry(string credential, string registry) =>
        Of($"credential '{credential}' may not write registry {registry}", "REGISTRY_NOT_ALLOWED", ("registry", registry));

    public static RpcException Rpc(string credential, string rpc) =>
        Of($"credential '{credential}' may not call {rpc}", "RPC_NOT_ALLOWED", ("rpc", rpc));

    private static RpcException Of(string message, string reason, (string Key, string Value) metadata)
    {
        var info = new ErrorInfo { Domain = "mpi.v1", Reason = reason, Metadata = { [metadata.Key] = metadata.Value } };
        return new Google.Rpc.Status { Code = (int)Code.PermissionDenied, Message = message, Details = { Any.Pack(info) } }.ToRpcException();
    }
}
