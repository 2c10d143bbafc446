using Grpc.Core;
using Grpc.Core.Interceptors;
using Mpi.Service.Security;

namespace Mpi.Service.Grpc;

/// <summary>
/// Every mpi.v1 call must carry <c>authorization: Bearer &lt;api key&gt;</c>: without a valid key UNAUTHENTICATED, for an
/// RPC the credential does not grant PERMISSION_DENIED. Health checking and reflection stay open, as load balancers
/// and tools expect. The caller is left on the call for the services (registry ownership) and the audit trail.
/// </summary>
public sealed class AuthenticationInterceptor(CredentialStore credentials) : Interceptor
{
    private const string CallerKey = "mpi.caller";

    public const string KeyRequired = "a valid API key is required: authorization: Bearer <key>";

    /// <summary>The key of an <c>authorization: Bearer &lt;key&gt;</c> header, or null.</summary>
    public static string? KeyOf(string? header) =>
        header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;

    /// <summary>The authenticated caller of a call that passed this interceptor.</summary>
    public static CallerCredential? CallerOf(ServerCallContext context) =>
        context.UserState.TryGetValue(CallerKey, out var caller) ? (CallerCredential)caller : null;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        return await continuation(request, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        return await continuation(requestStream, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        await continuation(request, responseStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        await continuation(requestStream, responseStream, context);
    }

    private async Task AuthenticateAsync(ServerCallContext context)
    {
        if (!context.Method.StartsWith("/mpi.", StringComparison.Ordinal)) return; // health, reflection
        // The key was checked from the headers by KeyCheckMiddleware before the body was read; its verdict is reused.
        var caller = KeyCheckMiddleware.CallerOf(context.GetHttpContext())
            ?? await credentials.AuthenticateAsync(KeyOf(context.RequestHeaders.GetValue("authorization")), context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, KeyRequired));
        // Known before the grant is checked: a refused RPC is audited under the caller's name (RefusalAuditInterceptor).
        context.UserState[CallerKey] = caller;
        var rpc = context.Method[(context.Method.LastIndexOf('/') + 1)..];
        if (!caller.MayCall(rpc))
            throw PermissionDenied.Rpc(caller.Name, rpc);
    }
}
