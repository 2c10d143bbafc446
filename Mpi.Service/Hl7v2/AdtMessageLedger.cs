using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mpi.Contracts.V1;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;
using Mpi.Service.Registration;

namespace Mpi.Service.Hl7v2;

/// <summary>
/// The answers of the ADT messages that change persons without registering (A40, A24, A37), by registry and MSH-10,
/// kept beside Register's (one id space per registry, so an A04 and an A24 cannot share an MSH-10): a resent message
/// gets its first answer and changes nothing. A resent A24 had linked again a record a steward had taken off since,
/// and removed the steward's "not the same person" mark. The same MSH-10 with other content is refused (AR 205), as
/// for an A04. Kept after the change it answers has committed: a service killed between the two answers a resend from
/// the persons as they are then, as every resend was answered before.
/// </summary>
public sealed class AdtMessageLedger(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>What a message is, for its id: the event and the records it names (not the persons they are on, which move).</summary>
    public static string Hash(string trigger, params RecordKey[] records) =>
        "adt:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\n', records.Select(r => $"{r.Registry.Trim()}|{r.LocalId.Trim()}").Prepend(trigger)))));

    /// <summary>The first answer to the message, null when the id is new; the id used by another message is thrown as Register throws it.</summary>
    public async Task<string[]?> FindAsync(string registry, string messageId, string hash, CancellationToken cancellation)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MpiDbContext>();
        var found = await db.ProcessedMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Registry == registry && m.MessageId == messageId, cancellation);
        if (found is null) return null;
        var earlier = EarlierMessage.Of(hash, found.RequestHash, found.Response);
        if (earlier.Reused) throw Grpc.ProcessedMessages.Reused();
        return Encoding.UTF8.GetString(earlier.Answer!).Split(Separator);
    }

    /// <summary>Keeps the answer; a copy of the same message that answered meanwhile has kept the same one.</summary>
    public async Task KeepAsync(string registry, string messageId, string hash, string[] answer, CancellationToken cancellation)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MpiDbContext>();
        await using var transaction = await WriteTransaction.BeginAsync(db, scope.ServiceProvider.GetRequiredService<WriteGate>(), cancellation,
            changesIdentities: false);
        if (await db.ProcessedMessages.AnyAsync(m => m.Registry == registry && m.MessageId == messageId, cancellation)) return;
        db.ProcessedMessages.Add(new ProcessedMessageEntity
        {
            Registry = registry, MessageId = messageId, RequestHash = hash, Response = Encoding.UTF8.GetBytes(string.Join(Separator, answer)),
            At = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
    }

    /// <summary>The answer's fields (person ids and words, never demographics) apart: a character no id or word holds.</summary>
    private const char Separator = '\u001f';
}
