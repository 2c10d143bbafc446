using Microsoft.EntityFrameworkCore;
using Mpi.Service.Matching;
using Mpi.Service.Outcomes;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Registration;

/// <summary>
/// A source registry deletes or inactivates one of its records: it stays on its person with its whole history, is no
/// longer matched on (the record directory drops it from blocks and persons) and leaves the golden view; a
/// <see cref="LinkKind.Deactivated"/> event puts it on the identity-change feed. Registering the key again brings it
/// back (<see cref="RecordRegistrar"/>). Runs in the write transaction, like every change.
/// </summary>
public sealed class RecordDeactivation(MpiDbContext db, WriteGate gate, RecordDirectoryFeed directory, TimeProvider time)
{
    /// <param name="sourceEventAt">The registry's event time: older than that of the demographics held, the deactivation is out of order.</param>
    public async Task<Outcome<DeactivatedRecord>> DeactivateAsync(string registry, string localId, string? reason, DateTimeOffset? sourceEventAt,
        string actor, CancellationToken cancellation)
    {
        DeactivatedRecord done;
        await using (var transaction = await WriteTransaction.BeginAsync(db, gate, cancellation))
        {
            var record = await db.SourceRecords.SingleOrDefaultAsync(r => r.Registry == registry && r.LocalId == localId, cancellation);
            if (record is null) return Refusal.NotFound("no such record");
            if (record.DeactivatedAt is not null) return new DeactivatedRecord(record.PersonId, record.Version, AlreadyDeactivated: true);
            if (sourceEventAt is { } sent && record.SourceEventAt is { } held && sent < held)
                return Refusal.WrongState("the deactivation's source_event_time is older than that of the demographics held: it is out of order");
            var now = time.GetUtcNow();
            record.DeactivatedAt = now;
            record.Version++;
            record.UpdatedAt = now;
            if (sourceEventAt is { } eventAt) record.SourceEventAt = eventAt;
            db.LinkEvents.Add(new LinkEventEntity
            {
                SourceRecordId = record.Id, FromPersonId = record.PersonId, ToPersonId = record.PersonId, Kind = LinkKind.Deactivated, Actor = actor, At = now,
                Reason = reason,
            });
            await PersonVersions.BumpAsync(db, record.PersonId, cancellation);
            db.AuditEntries.Add(new AuditEntryEntity
            {
                At = now, Actor = actor, Action = AuditAction.Deactivate, Subject = $"{registry}/{localId}", Outcome = "deactivated", Reason = reason,
            });
            await db.SaveChangesAsync(cancellation);
            await transaction.CommitAsync(cancellation);
            done = new DeactivatedRecord(record.PersonId, record.Version, AlreadyDeactivated: false);
        }
        // No longer a candidate for the next Register or Match.
        directory.CatchUp(db);
        return done;
    }
}

/// <summary>A deactivated record: the person it stays on, its version, and whether it was deactivated already (nothing changed).</summary>
public sealed record DeactivatedRecord(string PersonId, int Version, bool AlreadyDeactivated);
