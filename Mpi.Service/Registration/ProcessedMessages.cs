using System.Security.Cryptography;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Mpi.Contracts.V1;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Registration;

/// <summary>
/// Idempotent retries by message id (e.g. HL7 MSH-10): the first answer is kept; the same message again gets it back
/// with <c>replayed</c> set and changes nothing; the same id with other content is a client error.
/// </summary>
public sealed class ProcessedMessages(MpiDbContext db, TimeProvider time, RegistrationGate gate)
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

    public async Task RememberAsync(RegisterRequest request, RegisterResponse response, CancellationToken cancellation)
    {
        var key = Key(request);
        db.ProcessedMessages.Add(new ProcessedMessageEntity
        {
            Registry = key.Registry, MessageId = key.MessageId, RequestHash = Hash(request), Response = response.ToByteArray(), At = time.GetUtcNow(),
        });
        try
        {
            // In the process's turn at the write lock, like registrations: not in SQLite's sleep-and-retry loop.
            using (await gate.EnterAsync(cancellation)) await db.SaveChangesAsync(cancellation);
        }
        catch (DbUpdateException)
        {
            // A concurrent retry of the same message stored its answer first; the registration itself was an update.
            db.ChangeTracker.Clear();
        }
    }

    private static (string Registry, string MessageId) Key(RegisterRequest request) => (request.Key.Registry.Trim(), request.MessageId.Trim());

    private static string Hash(RegisterRequest request)
    {
        var identity = new RegisterRequest { Key = request.Key, Demographics = request.Demographics ?? new Demographics() };
        return Convert.ToHexStringLower(SHA256.HashData(identity.ToByteArray()));
    }
}
