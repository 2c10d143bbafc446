using Grpc.Core;

namespace Mpi.Service.Contracts;

/// <summary>Who is calling, for the audit trail. Until credentials arrive, the peer address stands in for the caller.</summary>
public static class CallerIdentity
{
    public static string Of(ServerCallContext context) =>
        context.AuthContext.PeerIdentity.FirstOrDefault()?.Value is { Length: > 0 } identity ? identity : $"peer:{context.Peer}";
}
