using Mpi.Service.ExceptionQueue;
using Mpi.Service.Security;

namespace Mpi.Service.Grpc;

/// <summary>
/// A Register message (or RegisterStream item) that protobuf could not decode is refused as invalid like any other,
/// so the exception queue keeps it too: with no key or receipts (nothing could be read), under the sender's registry
/// when its key holds exactly one, with the reason answered. A sender that was not authenticated never gets this far.
/// </summary>
public static class UndecodableRegistrations
{
    public static RefusedRegistration Of(CallerCredential caller, string reason) =>
        new(caller.Registries.Count == 1 && !caller.Registries.Contains(CallerCredential.All) ? caller.Registries.Single() : "", "", "", null, caller.Name,
            [(UndecodableAsInvalidArgument.Field, reason)], []);

    /// <summary>
    /// Keeps a unary Register's undecodable message from inside the request's decoding, before the refusal is answered.
    /// The decoder is synchronous; this rare path waits for the exception row's write.
    /// </summary>
    public static void KeepFromDecoder(string reason)
    {
        if (new HttpContextAccessor().HttpContext is not { } context || KeyCheckMiddleware.CallerOf(context) is not { } caller) return;
        var exceptions = context.RequestServices.GetRequiredService<RegistrationExceptions>();
        exceptions.KeepAsync(Of(caller, reason), context.RequestAborted).GetAwaiter().GetResult();
    }
}
