using Microsoft.EntityFrameworkCore;
using Mpi.Service.Matching;
using Mpi.Service.Outcomes;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;
using Mpi.Service.Registration;
using Mpi.Service.Security;

namespace Mpi.Service.Persons;

/// <summary>
/// Link, unlink, merge and unmerge: every change moves source records between persons and appends one history event
/// per moved record, grouped by an operation id, so that any merge can be undone. Each names the versions the
/// steward looked at; a stale one changes nothing. Runs in the write transaction behind the registration gate.
/// An unlink leaves a "not the same person" mark between the record and the person it left; a merge of two persons a
/// mark holds apart is refused; a steward's link of a record to a person it is marked as not removes that mark (the
/// steward's decision on that very pair overrules it, and "undo an unlink with Link back" keeps working).
/// </summary>
public sealed class StewardOperations(MpiDbContext db, WriteGate gate, RecordDirectoryFeed directory, DifferentPersonMarks marks, TimeProvider time)
{
    public Task<Outcome<StewardChange>> LinkAsync((string Registry, string LocalId) key, string toPersonId, long expectedFrom, long expectedTo, string reason,
        string actor, CancellationToken cancellation, RegistryScope? scope = null) =>
        RunAsync(actor, AuditAction.Link, reason, cancellation, async operation =>
        {
            scope ??= RegistryScope.Everything;
            if (!scope.Sees(key.Registry)) return NotAllowed(key.Registry);
            var record = await Record(key, cancellation);
            if (record is null) return Refusal.NotFound("no such record");
            var from = await Person(record.PersonId, cancellation);
            var to = await Person(toPersonId, cancellation);
            if (to is null) return Refusal.NotFound("no such person");
            if (!scope.SeesAny(await RegistriesOf(to.Id, cancellation))) return NotAllowed(null, to.Id);
            if (!to.IsActive) return NotActive("the target person is not active", to.Id);
            if (from!.Id == to.Id) return Refusal.WrongState("the record is on that person already");
            if (from.Version != expectedFrom || to.Version != expectedTo) return Refusal.Stale("a person changed since you read it");
            foreach (var mark in await marks.OnAsync(record.Id, to.Id, cancellation))
                (mark.RemovedAt, mark.RemovedBy, mark.RemovalReason) = (time.GetUtcNow(), actor, $"the steward linked the record to the person ({operation})");
            await MoveAsync(record, from, to, LinkKind.StewardLink, operation, reason, actor, cancellation);
            return new StewardChange(operation, from.Id, to.Id);
        });

    public Task<Outcome<StewardChange>> UnlinkAsync((string Registry, string LocalId) key, long expectedPersonVersion, string reason, string actor,
        CancellationToken cancellation, RegistryScope? scope = null) =>
        RunAsync(actor, AuditAction.Unlink, reason, cancellation, async operation =>
        {
            if (!(scope ?? RegistryScope.Everything).Sees(key.Registry)) return NotAllowed(key.Registry);
            var record = await Record(key, cancellation);
            if (record is null) return Refusal.NotFound("no such record");
            var from = (await Person(record.PersonId, cancellation))!;
            if (from.Version != expectedPersonVersion) return Refusal.Stale("the person changed since you read it");
            if (!await db.SourceRecords.AnyAsync(r => r.PersonId == from.Id && r.Id != record.Id, cancellation))
                return Refusal.WrongState("the record is the person's only record");
            var now = time.GetUtcNow();
            var created = new PersonEntity { Id = $"P{Guid.CreateVersion7(now):N}", CreatedAt = now, Version = 1 };
            db.Persons.Add(created);
            await MoveAsync(record, from, created, LinkKind.Unlink, operation, reason, actor, cancellation);
            await marks.MarkAsync(record.Id, from.Id, MarkOrigin.Unlink, actor, now, reason, cancellation, operationId: operation);
            return new StewardChange(operation, from.Id, created.Id);
        });

    public Task<Outcome<StewardChange>> MergeAsync(string survivorId, string mergedId, long expectedSurvivor, long expectedMerged, string reason, string actor,
        CancellationToken cancellation, RegistryScope? scope = null) =>
        RunAsync(actor, AuditAction.Merge, reason, cancellation, async operation =>
        {
            scope ??= RegistryScope.Everything;
            var survivor = await Person(survivorId, cancellation);
            var merged = await Person(mergedId, cancellation);
            if (survivor is null || merged is null) return Refusal.NotFound("no such person");
            if (await MergeOutOfScopeAsync(scope, survivor.Id, merged.Id, cancellation) is { } outOfScope) return outOfScope;
            if (survivor.Id == merged.Id) return Refusal.WrongState("a person cannot be merged into itself");
            if (!survivor.IsActive) return NotActive("the survivor is not active", survivor.Id);
            if (!merged.IsActive) return NotActive("the merged person is not active", merged.Id);
            if (survivor.Version != expectedSurvivor || merged.Version != expectedMerged)
                return Refusal.Stale("a person changed since you read it");
            if (await marks.BetweenAsync(survivor.Id, merged.Id, cancellation) is { } mark) return Refusal.Marked(mark);
            await MergeWithinTransactionAsync(survivor, merged, operation, reason, actor, cancellation);
            return new StewardChange(operation, merged.Id, survivor.Id);
        });

    /// <summary>
    /// Moves every record of <paramref name="merged"/> onto <paramref name="survivor"/> and marks it merged, inside a
    /// write transaction the caller already holds (a review resolution that merges persons).
    /// </summary>
    internal async Task MergeWithinTransactionAsync(PersonEntity survivor, PersonEntity merged, string operation, string? reason, string actor,
        CancellationToken cancellation)
    {
        foreach (var record in await db.SourceRecords.Where(r => r.PersonId == merged.Id).ToListAsync(cancellation))
            await MoveAsync(record, merged, survivor, LinkKind.StewardMerge, operation, reason, actor, cancellation, retireEmpty: false);
        merged.MergedIntoId = survivor.Id;
    }

    /// <summary>Undoes the latest merge of <paramref name="mergedId"/>: its records still on the survivor go back.</summary>
    public Task<Outcome<StewardChange>> UnmergeAsync(string mergedId, long expectedSurvivor, string reason, string actor, CancellationToken cancellation,
        RegistryScope? scope = null) =>
        RunAsync(actor, AuditAction.Unmerge, reason, cancellation, async operation =>
        {
            var merged = await Person(mergedId, cancellation);
            if (merged is null) return Refusal.NotFound("no such person");
            // Before anything is said of the person's state, GetPerson's rule: a key sees a person with a record of its
            // registries, or a merged or retired one whose history moved one.
            if (scope is { IsEverything: false }
                && !scope.SeesAny(await (merged.IsActive ? RegistriesOf(merged.Id, cancellation) : RegistriesEverOn(merged.Id, cancellation))))
                return NotAllowed(null, merged.Id);
            if (merged.MergedIntoId is null) return Refusal.WrongState("the person is not merged");
            var survivor = (await Person(merged.MergedIntoId, cancellation))!;
            if (!survivor.IsActive) return NotActive("the survivor was merged since: unmerge it first", survivor.Id);
            // A steward's merge or one that registration made when a new record bridged the two persons.
            var latest = await db.LinkEvents.Where(e => LinkKinds.Merges.Contains(e.Kind)
                    && e.FromPersonId == merged.Id && e.ToPersonId == survivor.Id)
                .OrderByDescending(e => e.Id).Select(e => e.OperationId).FirstOrDefaultAsync(cancellation);
            var movedIds = await db.LinkEvents.Where(e => e.OperationId == latest && e.FromPersonId == merged.Id
                    && LinkKinds.Merges.Contains(e.Kind))
                .Select(e => e.SourceRecordId).ToListAsync(cancellation);
            var back = await db.SourceRecords.Where(r => movedIds.Contains(r.Id) && r.PersonId == survivor.Id).ToListAsync(cancellation);
            if (back.Count == 0) return Refusal.WrongState("none of the merged records is still on the survivor");
            if (!(scope ?? RegistryScope.Everything).SeesAll(back.Select(r => r.Registry))) return NotAllowed(null, merged.Id);
            if (survivor.Version != expectedSurvivor) return Refusal.Stale("the survivor changed since you read it");
            merged.MergedIntoId = null;
            merged.RetiredAt = null;
            // A survivor left with no record (its own were moved elsewhere since the merge) is retired, as a steward's link
            // retires the person it empties: it had stayed active and empty, and a later merge of it wrote no history.
            foreach (var record in back) await MoveAsync(record, survivor, merged, LinkKind.Unmerge, operation, reason, actor, cancellation);
            return new StewardChange(operation, merged.Id, survivor.Id);
        });

    private async Task MoveAsync(SourceRecordEntity record, PersonEntity from, PersonEntity to, LinkKind kind, string operation, string? reason,
        string actor, CancellationToken cancellation, bool retireEmpty = true)
    {
        var now = time.GetUtcNow();
        record.PersonId = to.Id;
        db.LinkEvents.Add(new LinkEventEntity
        {
            SourceRecordId = record.Id, FromPersonId = from.Id, ToPersonId = to.Id, Kind = kind, Actor = actor, At = now, Reason = reason,
            OperationId = operation,
        });
        from.Version++;
        to.Version++;
        await db.SaveChangesAsync(cancellation);
        // Emptied, it is retired — unless another person is merged into it: that one's unmerge comes back to it.
        if (retireEmpty && !await db.SourceRecords.AnyAsync(r => r.PersonId == from.Id, cancellation)
            && !await db.Persons.AnyAsync(p => p.MergedIntoId == from.Id, cancellation))
            from.RetiredAt = now;
    }

    private async Task<Outcome<StewardChange>> RunAsync(string actor, AuditAction action, string reason, CancellationToken cancellation,
        Func<string, Task<Outcome<StewardChange>>> operation)
    {
        await using var transaction = await WriteTransaction.BeginAsync(db, gate, cancellation);
        var id = $"op{Guid.CreateVersion7(time.GetUtcNow()):N}";
        var result = await operation(id);
        if (result.Refusal is { Kind: RefusalKind.NotAllowed } denied)
        {
            // An authenticated refusal of scope is audited (no demographics: the person id or registry only).
            db.AuditEntries.Add(new AuditEntryEntity
            {
                At = time.GetUtcNow(), Actor = actor, Action = action, Subject = denied.PersonId ?? denied.Registry ?? "", Outcome = "denied",
            });
            await db.SaveChangesAsync(cancellation);
            await transaction.CommitAsync(cancellation);
        }
        if (result.Value is not { } change) return result;
        db.AuditEntries.Add(new AuditEntryEntity
        {
            At = time.GetUtcNow(), Actor = actor, Action = action, Subject = $"{change.FromPersonId}->{change.ToPersonId}", Outcome = "done", Reason = reason,
        });
        await db.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        // Records moved between persons: candidate search and Match see it from now on.
        directory.CatchUp(db);
        return result;
    }

    private static Refusal NotAllowed(string? registry, string? personId = null) =>
        new(RefusalKind.NotAllowed,
            registry is not null ? $"the key may not change registry {registry}'s records" : "the change reaches records of registries the key may not change")
        {
            Registry = registry, PersonId = personId,
        };

    private static Refusal NotActive(string message, string personId) => new(RefusalKind.PersonNotActive, message) { PersonId = personId };

    /// <summary>
    /// A merge's scope rule, for MergePersons and a review's merge answer alike: a scoped key moves only its own
    /// registries' records (every record of the merged person), onto a person it can see. Null when it may.
    /// </summary>
    internal async Task<Refusal?> MergeOutOfScopeAsync(RegistryScope scope, string survivorId, string mergedId, CancellationToken cancellation)
    {
        if (!scope.SeesAll(await RegistriesOf(mergedId, cancellation))) return NotAllowed(null, mergedId);
        if (!scope.SeesAny(await RegistriesOf(survivorId, cancellation))) return NotAllowed(null, survivorId);
        return null;
    }

    /// <summary>The registries of the records on the person now.</summary>
    private Task<List<string>> RegistriesOf(string personId, CancellationToken cancellation) =>
        db.SourceRecords.Where(r => r.PersonId == personId).Select(r => r.Registry).Distinct().ToListAsync(cancellation);

    /// <summary>The registries of the records on the person now or moved on or off it by its history.</summary>
    private Task<List<string>> RegistriesEverOn(string personId, CancellationToken cancellation) =>
        db.SourceRecords.Where(r => r.PersonId == personId
                || db.LinkEvents.Any(e => e.SourceRecordId == r.Id && (e.FromPersonId == personId || e.ToPersonId == personId)))
            .Select(r => r.Registry).Distinct().ToListAsync(cancellation);

    private Task<SourceRecordEntity?> Record((string Registry, string LocalId) key, CancellationToken cancellation) =>
        db.SourceRecords.SingleOrDefaultAsync(r => r.Registry == key.Registry && r.LocalId == key.LocalId, cancellation);

    private Task<PersonEntity?> Person(string id, CancellationToken cancellation) => db.Persons.SingleOrDefaultAsync(p => p.Id == id, cancellation);

}
