using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

using Mpi.Service.Observability;

namespace Mpi.Service.Grpc;

/// <summary>PERMISSION_DENIED with the google.rpc.ErrorInfo (domain mpi.v1) the contract promises.</summary>
public static class PermissionDenied
{
    public static RpcException Registry(string credential, string registry) =>
        Of($"credential '{credential}' may not write registry {LogText.Safe(registry)}", "REGISTRY_NOT_ALLOWED", ("registry", LogText.Safe(registry)));

    /// <summary>A person, task or record outside the registries the key is granted (REGISTRY_NOT_ALLOWED, naming what was refused).</summary>
    public static RpcException OutOfScope(string credential, string what, (string Key, string Value) subject) =>
        Of($"credential '{credential}' may not {LogText.Safe(what, 200)}", "REGISTRY_NOT_ALLOWED", (subject.Key, LogText.Safe(subject.Value)));

    /// <summary>A review task another caller holds, which only a steward-wide key may release.</summary>
    public static RpcException NotClaimant(string credential, string claimedBy) =>
        Of($"credential '{credential}' may not release a task another caller holds", "NOT_CLAIMANT", ("claimed_by", claimedBy));

    public static RpcException Rpc(string credential, string rpc) =>
        Of($"credential '{credential}' may not call {rpc}", "RPC_NOT_ALLOWED", ("rpc", rpc));

    private static RpcException Of(string message, string reason, (string Key, string Value) metadata)
    {
        var info = new ErrorInfo { Domain = "mpi.v1", Reason = reason, Metadata = { [metadata.Key] = metadata.Value } };
        return new Google.Rpc.Status { Code = (int)Code.PermissionDenied, Message = message, Details = { Any.Pack(info) } }.ToRpcException();
    }
}
