using Microsoft.EntityFrameworkCore;
using Mpi.Service.Outcomes;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;
using Mpi.Service.Security;

namespace Mpi.Service.Persons;

/// <summary>
/// A steward's "not the same person" marks: make one, list them, remove one. Changes run in the write transaction and
/// are audited (the record key and person ids only). What the marks do is asked elsewhere (<see cref="DifferentPersonMarks"/>).
/// </summary>
public sealed class DifferentPersonMarkOperations(MpiDbContext db, WriteGate gate, DifferentPersonMarks marks, TimeProvider time)
{
    public async Task<Outcome<MarkedDifferentPerson>> MarkAsync((string Registry, string LocalId) key, string personId, string reason, string actor,
        RegistryScope scope, CancellationToken cancellation)
    {
        if (!scope.Sees(key.Registry)) return NotAllowed(key.Registry);
        await using var transaction = await WriteTransaction.BeginAsync(db, gate, cancellation);
        var record = await db.SourceRecords.SingleOrDefaultAsync(r => r.Registry == key.Registry && r.LocalId == key.LocalId, cancellation);
        if (record is null) return Refusal.NotFound("no such record");
        if (!await db.Persons.AnyAsync(p => p.Id == personId, cancellation)) return Refusal.NotFound("no such person");
        if (marks.SurvivorOf(personId) == record.PersonId) return Refusal.WrongState("the record is on that person now: unlink it instead");
        var now = time.GetUtcNow();
        var mark = await marks.MarkAsync(record.Id, personId, MarkOrigin.Steward, actor, now, reason, cancellation);
        await db.SaveChangesAsync(cancellation);
        Audit(AuditAction.MarkDifferentPerson, actor, mark.Id, reason, now);
        await db.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        return View(mark, record);
    }

    public async Task<Outcome<MarkedDifferentPerson>> RemoveAsync(long markId, string reason, string actor, RegistryScope scope,
        CancellationToken cancellation)
    {
        await using var transaction = await WriteTransaction.BeginAsync(db, gate, cancellation);
        var mark = await db.DifferentPersonMarks.SingleOrDefaultAsync(m => m.Id == markId, cancellation);
        if (mark is null) return Refusal.NotFound("no such mark");
        var record = await db.SourceRecords.SingleAsync(r => r.Id == mark.SourceRecordId, cancellation);
        if (!scope.Sees(record.Registry)) return NotAllowed(record.Registry);
        if (mark.RemovedAt is not null) return Refusal.WrongState("the mark was removed already");
        var now = time.GetUtcNow();
        (mark.RemovedAt, mark.RemovedBy, mark.RemovalReason) = (now, actor, reason);
        Audit(AuditAction.RemoveDifferentPersonMark, actor, mark.Id, reason, now);
        await db.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        return View(mark, record);
    }

    /// <summary>The marks on a person's records and against it (or the persons merged into it), or on one record; oldest first.</summary>
    public async Task<Outcome<IReadOnlyList<MarkedDifferentPerson>>> ListAsync(string? personId, (string Registry, string LocalId)? key,
        bool includeRemoved, RegistryScope scope, CancellationToken cancellation)
    {
        IQueryable<DifferentPersonMarkEntity> query;
        if (key is { } k)
        {
            if (!scope.Sees(k.Registry)) return NotAllowed(k.Registry);
            var recordId = await db.SourceRecords.Where(r => r.Registry == k.Registry && r.LocalId == k.LocalId).Select(r => (long?)r.Id)
                .SingleOrDefaultAsync(cancellation);
            if (recordId is null) return Refusal.NotFound("no such record");
            query = db.DifferentPersonMarks.Where(m => m.SourceRecordId == recordId);
        }
        else
        {
            if (!await db.Persons.AnyAsync(p => p.Id == personId, cancellation)) return Refusal.NotFound("no such person");
            var named = await PersonAndMergedIntoItAsync(personId!, cancellation);
            var held = db.SourceRecords.Where(r => r.PersonId == personId).Select(r => r.Id);
            query = db.DifferentPersonMarks.Where(m => named.Contains(m.PersonId) || held.Contains(m.SourceRecordId));
        }
        if (!includeRemoved) query = query.Where(m => m.RemovedAt == null);
        var rows = await query.OrderBy(m => m.Id)
            .Join(db.SourceRecords, m => m.SourceRecordId, r => r.Id, (m, r) => new { Mark = m, Record = r }).ToListAsync(cancellation);
        IReadOnlyList<MarkedDifferentPerson> views = [.. rows.Where(x => scope.Sees(x.Record.Registry)).Select(x => View(x.Mark, x.Record))];
        return new Outcome<IReadOnlyList<MarkedDifferentPerson>>(views, null);
    }

    /// <summary>The person and every person merged into it, directly or through others.</summary>
    private async Task<HashSet<string>> PersonAndMergedIntoItAsync(string personId, CancellationToken cancellation)
    {
        var all = new HashSet<string> { personId };
        List<string> frontier = [personId];
        while (frontier.Count > 0)
        {
            var into = frontier;
            frontier = [.. (await db.Persons.Where(p => p.MergedIntoId != null && into.Contains(p.MergedIntoId)).Select(p => p.Id).ToListAsync(cancellation))
                .Where(all.Add)];
        }
        return all;
    }

    private MarkedDifferentPerson View(DifferentPersonMarkEntity mark, SourceRecordEntity record) =>
        new(mark.Id, record.Registry, record.LocalId, record.PersonId, mark.PersonId, marks.SurvivorOf(mark.PersonId), mark.Origin, mark.ReviewTaskId,
            mark.OperationId, mark.MarkedBy, mark.MarkedAt, mark.Reason, mark.RemovedAt, mark.RemovedBy, mark.RemovalReason);

    private void Audit(AuditAction action, string actor, long markId, string reason, DateTimeOffset at) =>
        db.AuditEntries.Add(new AuditEntryEntity { At = at, Actor = actor, Action = action, Subject = $"different_person_mark/{markId}", Outcome = "done", Reason = reason });

    private static Refusal NotAllowed(string registry) =>
        new(RefusalKind.NotAllowed, $"the key may not reach registry {registry}'s records") { Registry = registry };
}
