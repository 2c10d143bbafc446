using Grpc.Core;

namespace Mpi.Service.Contracts;

/// <summary>Who is calling, for the audit trail: the name of the credential that authenticated the call.</summary>
public static class CallerIdentity
{
    public static string Of(ServerCallContext context) =>
        Security.AuthenticationInterceptor.CallerOf(context)?.Name ?? throw new InvalidOperationException("the call was not authenticated");
}
