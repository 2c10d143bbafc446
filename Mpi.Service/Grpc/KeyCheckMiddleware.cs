using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Mpi.Service.Observability;
using Mpi.Service.Security;
using Mpi.Service.Configuration;

namespace Mpi.Service.Grpc;

/// <summary>
/// Checks the API key of an mpi.v1 call from its headers, before a byte of its body is read: gRPC's interceptors run
/// only after the request message is read whole, so keyless callers could make the service buffer megabytes each.
/// A refused call gets a trailers-only gRPC answer (UNAUTHENTICATED) and its body is never read. It also bounds the
/// RegisterStreams open at once, per key and in total (RESOURCE_EXHAUSTED beyond). The interceptor still checks the
/// RPC grant and hands the caller to the services.
/// </summary>
public sealed class KeyCheckMiddleware(RequestDelegate next, CredentialStore credentials, IOptions<MpiServiceOptions> options, MpiMetrics metrics)
{
    private const string RegisterStreamPath = "/mpi.v1.RegistrationService/RegisterStream";
    private readonly ConcurrentDictionary<string, int> _streamsByKey = new(StringComparer.Ordinal);
    private static readonly object CallerItem = new();
    private int _streams;

    /// <summary>The caller whose key this middleware accepted for the request, or null.</summary>
    public static CallerCredential? CallerOf(HttpContext context) => context.Items.TryGetValue(CallerItem, out var caller) ? (CallerCredential?)caller : null;

    public async Task InvokeAsync(HttpContext context)
    {
        // The gRPC path is /mpi.v1.Service/Method: one segment, so match its text, not its segments.
        if (context.Request.Path.Value?.StartsWith("/mpi.", StringComparison.Ordinal) != true)
        {
            await next(context);
            return;
        }
        var caller = await credentials.AuthenticateAsync(AuthenticationInterceptor.KeyOf(context.Request.Headers.Authorization), context.RequestAborted);
        if (caller is null)
        {
            metrics.Refused("unauthenticated");
            await GrpcRefusal.WriteAsync(context, StatusCode.Unauthenticated, AuthenticationInterceptor.KeyRequired);
            return;
        }
        context.Items[CallerItem] = caller;
        if (!context.Request.Path.Equals(RegisterStreamPath, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }
        if (!TryOpenStream(caller.Id))
        {
            metrics.Refused("too many streams");
            await GrpcRefusal.WriteAsync(context, StatusCode.ResourceExhausted,
                $"too many open RegisterStreams: at most {options.Value.MaxStreamsPerKey} per key and {options.Value.MaxStreams} in all; retry later");
            return;
        }
        try
        {
            await next(context);
        }
        finally
        {
            CloseStream(caller.Id);
        }
    }

    private bool TryOpenStream(string keyId)
    {
        if (Interlocked.Increment(ref _streams) > options.Value.MaxStreams)
        {
            Interlocked.Decrement(ref _streams);
            return false;
        }
        if (_streamsByKey.AddOrUpdate(keyId, 1, (_, open) => open + 1) > options.Value.MaxStreamsPerKey)
        {
            CloseStream(keyId);
            return false;
        }
        return true;
    }

    private void CloseStream(string keyId)
    {
        _streamsByKey.AddOrUpdate(keyId, 0, (_, open) => open - 1);
        Interlocked.Decrement(ref _streams);
    }
}
