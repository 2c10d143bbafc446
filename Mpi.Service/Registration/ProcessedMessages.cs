using System.Security.Cryptography;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Mpi.Contracts.V1;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Registration;

/// <summary>
/// Idempotent retries by message id (e.g. HL7 MSH-10): the first answer is kept; the same message again gets it back
/// with <c>replayed</c> set and changes nothing; the same id with other content is a client error. The answer is
/// stored by the registrar in the registration's own transaction (<see cref="MessageToRemember"/>).
/// </summary>
public sealed class ProcessedMessages(MpiDbContext db)
{
    public const int MaxMessageIdLength = 128;

    /// <summary>The earlier answer (replayed), null when the message is new, or reused = true for an id sent with other content.</summary>
    public async Task<(RegisterResponse? Earlier, bool Reused)> FindAsync(RegisterRequest request, CancellationToken cancellation)
    {
        var key = Key(request);
        var found = await db.ProcessedMessages.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Registry == key.Registry && m.MessageId == key.MessageId, cancellation);
        if (found is null) return (null, false);
        if (found.RequestHash != Hash(request)) return (null, true);
        var earlier = RegisterResponse.Parser.ParseFrom(found.Response);
        earlier.Replayed = true;
        return (earlier, false);
    }

    /// <summary>What the registrar stores with the registration: the request's key and hash, and how to write its answer.</summary>
    public static MessageToRemember ToRemember(RegisterRequest request, Func<RegistrationOutcome, RegisterResponse> answer)
    {
        var key = Key(request);
        return new MessageToRemember(key.Registry, key.MessageId, Hash(request), outcome => answer(outcome).ToByteArray());
    }

    private static (string Registry, string MessageId) Key(RegisterRequest request) => (request.Key.Registry.Trim(), request.MessageId.Trim());

    private static string Hash(RegisterRequest request)
    {
        var identity = new RegisterRequest { Key = request.Key, Demographics = request.Demographics ?? new Demographics() };
        return Convert.ToHexStringLower(SHA256.HashData(identity.ToByteArray()));
    }
}
