using Grpc.Core;
using Grpc.Core.Interceptors;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Grpc;

/// <summary>
/// Audits every call refused after its caller was authenticated — who, which RPC, the status and its message, each
/// bounded — before the refusal is answered (through the group-commit writer). Runs outside
/// <see cref="AuthenticationInterceptor"/>, so an RPC the key is not granted is audited too; a call without a valid
/// key is only counted (metrics), since nobody can be named. Status messages never carry demographics (the reasons
/// that may quote a value travel in the error details, which are not kept). Shedding (RESOURCE_EXHAUSTED) is not a
/// refusal of the request and is only counted: auditing it would add writes exactly when the service is overloaded.
/// </summary>
public sealed class RefusalAuditInterceptor(GroupAuditWriter audit, TimeProvider time) : Interceptor
{
    /// <summary>The longest status message kept.</summary>
    public const int MaxReasonLength = 200;

    private static readonly Dictionary<StatusCode, string> Refusals = new()
    {
        [StatusCode.InvalidArgument] = "invalid_argument", [StatusCode.PermissionDenied] = "permission_denied",
        [StatusCode.NotFound] = "not_found", [StatusCode.AlreadyExists] = "already_exists",
        [StatusCode.FailedPrecondition] = "failed_precondition", [StatusCode.Aborted] = "aborted", [StatusCode.OutOfRange] = "out_of_range",
        // A key revoked while its stream was open.
        [StatusCode.Unauthenticated] = "unauthenticated",
    };

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException e) when (Audited(e, context) is { } entry)
        {
            await audit.WriteAsync(entry, CancellationToken.None);
            throw;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (RpcException e) when (Audited(e, context) is { } entry)
        {
            await audit.WriteAsync(entry, CancellationToken.None);
            throw;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (RpcException e) when (Audited(e, context) is { } entry)
        {
            await audit.WriteAsync(entry, CancellationToken.None);
            throw;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (RpcException e) when (Audited(e, context) is { } entry)
        {
            await audit.WriteAsync(entry, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The audit row of a refusal to an authenticated caller, or null for anything else.</summary>
    private AuditEntryEntity? Audited(RpcException e, ServerCallContext context) =>
        AuthenticationInterceptor.CallerOf(context) is { } caller && Refusals.TryGetValue(e.StatusCode, out var outcome)
            ? new AuditEntryEntity
            {
                At = time.GetUtcNow(), Actor = caller.Name, Action = AuditAction.Refused, Subject = Cut(context.Method.TrimStart('/')), Outcome = outcome,
                Reason = Cut(e.Status.Detail),
            }
            : null;

    private static string Cut(string text) => text.Length > MaxReasonLength ? text[..MaxReasonLength] : text;
}
