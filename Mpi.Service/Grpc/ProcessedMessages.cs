using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Mpi.Contracts.V1;
using Mpi.Service.Persistence;
using Mpi.Service.Registration;

namespace Mpi.Service.Grpc;

/// <summary>
/// Idempotent retries by message id (e.g. HL7 MSH-10): the first answer is kept; the same message again gets it back
/// with <c>replayed</c> set and changes nothing; the same id with other content is a client error. The answer is
/// stored, and the id claimed, by the registrar in the registration's own transaction (<see cref="MessageToRemember"/>,
/// <see cref="EarlierMessage"/>).
/// </summary>
public sealed class ProcessedMessages(MpiDbContext db)
{
    public const int MaxMessageIdLength = 128;

    /// <summary>
    /// The earlier message, or null when the id is not yet claimed. Outside the write transaction, so only a fast
    /// path for a retry: null here does not mean the id is free when the registrar looks.
    /// </summary>
    public async Task<EarlierMessage?> FindAsync(RegisterRequest request, CancellationToken cancellation)
    {
        var key = Key(request);
        var found = await db.ProcessedMessages.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Registry == key.Registry && m.MessageId == key.MessageId, cancellation);
        return found is null ? null : EarlierMessage.Of(Hash(request), found.RequestHash, found.Response);
    }

    /// <summary>The answer to a message sent before: the first answer with <c>replayed</c> set, or MESSAGE_ID_REUSED (thrown).</summary>
    public static RegisterResponse Replay(EarlierMessage earlier)
    {
        if (earlier.Answer is null) throw Reused();
        var answer = RegisterResponse.Parser.ParseFrom(earlier.Answer);
        answer.Replayed = true;
        return answer;
    }

    public static RpcException Reused() =>
        Conflicts.Of(Google.Rpc.Code.AlreadyExists, "message_id was sent before with different content", "MESSAGE_ID_REUSED");

    /// <summary>What the registrar stores with the registration: the request's key and hash, and how to write its answer.</summary>
    public static MessageToRemember ToRemember(RegisterRequest request, Func<RegistrationOutcome, RegisterResponse> answer)
    {
        var key = Key(request);
        return new MessageToRemember(key.Registry, key.MessageId, Hash(request), outcome => answer(outcome).ToByteArray());
    }

    private static (string Registry, string MessageId) Key(RegisterRequest request) => (request.Key.Registry.Trim(), request.MessageId.Trim());

    private static string Hash(RegisterRequest request)
    {
        // The key as the service reads it (trimmed): a retry whose key carries a space more is the same message.
        var key = new RecordKey { Registry = request.Key.Registry.Trim(), LocalId = request.Key.LocalId.Trim() };
        var identity = new RegisterRequest { Key = key, Demographics = request.Demographics ?? new Demographics() };
        return Convert.ToHexStringLower(SHA256.HashData(identity.ToByteArray()));
    }
}
