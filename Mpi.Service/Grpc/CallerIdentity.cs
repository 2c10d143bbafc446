using Grpc.Core;

namespace Mpi.Service.Grpc;

/// <summary>Who is calling, for the audit trail (the name of the credential that authenticated the call), and what it may see.</summary>
public static class CallerIdentity
{
    public static string Of(ServerCallContext context) => Caller(context).Name;

    /// <summary>The registries the caller's key may see and change (<see cref="Security.RegistryScope"/>).</summary>
    public static Security.RegistryScope Scope(ServerCallContext context) => Security.RegistryScope.Of(Caller(context));

    private static Security.CallerCredential Caller(ServerCallContext context) =>
        AuthenticationInterceptor.CallerOf(context) ?? throw new InvalidOperationException("the call was not authenticated");
}
