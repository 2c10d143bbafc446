using Microsoft.EntityFrameworkCore;
using Mpi.Service.Matching;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;
using Mpi.Service.Registration;
using Mpi.Service.Security;

namespace Mpi.Service.Persons;

/// <summary>
/// Link, unlink, merge and unmerge: every change moves source records between persons and appends one history event
/// per moved record, grouped by an operation id, so that any merge can be undone. Each names the versions the
/// steward looked at; a stale one changes nothing. Runs in the write transaction behind the registration gate.
/// </summary>
public sealed class StewardOperations(MpiDbContext db, WriteGate gate, RecordDirectoryFeed directory, TimeProvider time)
{
    public Task<StewardResult> LinkAsync((string Registry, string LocalId) key, string toPersonId, long expectedFrom, long expectedTo, string reason,
        string actor, CancellationToken cancellation, RegistryScope? scope = null) =>
        RunAsync(actor, "link", reason, cancellation, async operation =>
        {
            scope ??= RegistryScope.Everything;
            if (!scope.Sees(key.Registry)) return NotAllowed(key.Registry);
            var record = await Record(key, cancellation);
            if (record is null) return StewardResult.Fail(StewardErrorKind.NotFound, "no such record");
            var from = await Person(record.PersonId, cancellation);
            var to = await Person(toPersonId, cancellation);
            if (to is null) return StewardResult.Fail(StewardErrorKind.NotFound, "no such person");
            if (!scope.SeesAny(await RegistriesOf(to.Id, cancellation))) return NotAllowed(null, to.Id);
            if (!IsActive(to)) return StewardResult.Fail(StewardErrorKind.PersonNotActive, "the target person is not active", to.Id);
            if (from!.Id == to.Id) return StewardResult.Fail(StewardErrorKind.WrongState, "the record is on that person already");
            if (from.Version != expectedFrom || to.Version != expectedTo) return StewardResult.Fail(StewardErrorKind.StaleVersion, "a person changed since you read it");
            await MoveAsync(record, from, to, LinkKind.StewardLink, operation, reason, actor, cancellation);
            return StewardResult.Done(operation, from.Id, to.Id);
        });

    public Task<StewardResult> UnlinkAsync((string Registry, string LocalId) key, long expectedPersonVersion, string reason, string actor,
        CancellationToken cancellation, RegistryScope? scope = null) =>
        RunAsync(actor, "unlink", reason, cancellation, async operation =>
        {
            if (!(scope ?? RegistryScope.Everything).Sees(key.Registry)) return NotAllowed(key.Registry);
            var record = await Record(key, cancellation);
            if (record is null) return StewardResult.Fail(StewardErrorKind.NotFound, "no such record");
            var from = (await Person(record.PersonId, cancellation))!;
            if (from.Version != expectedPersonVersion) return StewardResult.Fail(StewardErrorKind.StaleVersion, "the person changed since you read it");
            if (!await db.SourceRecords.AnyAsync(r => r.PersonId == from.Id && r.Id != record.Id, cancellation))
                return StewardResult.Fail(StewardErrorKind.WrongState, "the record is the person's only record");
            var now = time.GetUtcNow();
            var created = new PersonEntity { Id = $"P{Guid.CreateVersion7(now):N}", CreatedAt = now, Version = 1 };
            db.Persons.Add(created);
            await MoveAsync(record, from, created, LinkKind.Unlink, operation, reason, actor, cancellation);
            return StewardResult.Done(operation, from.Id, created.Id);
        });

    public Task<StewardResult> MergeAsync(string survivorId, string mergedId, long expectedSurvivor, long expectedMerged, string reason, string actor,
        CancellationToken cancellation, RegistryScope? scope = null) =>
        RunAsync(actor, "merge", reason, cancellation, async operation =>
        {
            scope ??= RegistryScope.Everything;
            var survivor = await Person(survivorId, cancellation);
            var merged = await Person(mergedId, cancellation);
            if (survivor is null || merged is null) return StewardResult.Fail(StewardErrorKind.NotFound, "no such person");
            // A scoped key moves only its own registries' records, onto a person it can see.
            if (!scope.SeesAll(await RegistriesOf(merged.Id, cancellation))) return NotAllowed(null, merged.Id);
            if (!scope.SeesAny(await RegistriesOf(survivor.Id, cancellation))) return NotAllowed(null, survivor.Id);
            if (survivor.Id == merged.Id) return StewardResult.Fail(StewardErrorKind.WrongState, "a person cannot be merged into itself");
            if (!IsActive(survivor)) return StewardResult.Fail(StewardErrorKind.PersonNotActive, "the survivor is not active", survivor.Id);
            if (!IsActive(merged)) return StewardResult.Fail(StewardErrorKind.PersonNotActive, "the merged person is not active", merged.Id);
            if (survivor.Version != expectedSurvivor || merged.Version != expectedMerged)
                return StewardResult.Fail(StewardErrorKind.StaleVersion, "a person changed since you read it");
            await MergeWithinTransactionAsync(survivor, merged, operation, reason, actor, cancellation);
            return StewardResult.Done(operation, merged.Id, survivor.Id);
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
    public Task<StewardResult> UnmergeAsync(string mergedId, long expectedSurvivor, string reason, string actor, CancellationToken cancellation,
        RegistryScope? scope = null) =>
        RunAsync(actor, "unmerge", reason, cancellation, async operation =>
        {
            var merged = await Person(mergedId, cancellation);
            if (merged is null) return StewardResult.Fail(StewardErrorKind.NotFound, "no such person");
            if (merged.MergedIntoId is null) return StewardResult.Fail(StewardErrorKind.WrongState, "the person is not merged");
            var survivor = (await Person(merged.MergedIntoId, cancellation))!;
            if (!IsActive(survivor)) return StewardResult.Fail(StewardErrorKind.PersonNotActive, "the survivor was merged since: unmerge it first", survivor.Id);
            // A steward's merge or one that registration made when a new record bridged the two persons.
            var latest = await db.LinkEvents.Where(e => (e.Kind == LinkKind.StewardMerge || e.Kind == LinkKind.AutoMerge)
                    && e.FromPersonId == merged.Id && e.ToPersonId == survivor.Id)
                .OrderByDescending(e => e.Id).Select(e => e.OperationId).FirstOrDefaultAsync(cancellation);
            var movedIds = await db.LinkEvents.Where(e => e.OperationId == latest && e.FromPersonId == merged.Id
                    && (e.Kind == LinkKind.StewardMerge || e.Kind == LinkKind.AutoMerge))
                .Select(e => e.SourceRecordId).ToListAsync(cancellation);
            var back = await db.SourceRecords.Where(r => movedIds.Contains(r.Id) && r.PersonId == survivor.Id).ToListAsync(cancellation);
            if (back.Count == 0) return StewardResult.Fail(StewardErrorKind.WrongState, "none of the merged records is still on the survivor");
            if (!(scope ?? RegistryScope.Everything).SeesAll(back.Select(r => r.Registry))) return NotAllowed(null, merged.Id);
            if (survivor.Version != expectedSurvivor) return StewardResult.Fail(StewardErrorKind.StaleVersion, "the survivor changed since you read it");
            merged.MergedIntoId = null;
            merged.RetiredAt = null;
            foreach (var record in back) await MoveAsync(record, survivor, merged, LinkKind.Unmerge, operation, reason, actor, cancellation, retireEmpty: false);
            return StewardResult.Done(operation, merged.Id, survivor.Id);
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
        if (retireEmpty && !await db.SourceRecords.AnyAsync(r => r.PersonId == from.Id, cancellation)) from.RetiredAt = now;
    }

    private async Task<StewardResult> RunAsync(string actor, string action, string reason, CancellationToken cancellation,
        Func<string, Task<StewardResult>> operation)
    {
        await using var transaction = await WriteTransaction.BeginAsync(db, gate, cancellation);
        var id = $"op{Guid.CreateVersion7(time.GetUtcNow()):N}";
        var result = await operation(id);
        if (result.Error == StewardErrorKind.NotAllowed)
        {
            // An authenticated refusal of scope is audited (no demographics: the person id or registry only).
            db.AuditEntries.Add(new AuditEntryEntity
            {
                At = time.GetUtcNow(), Actor = actor, Action = action, Subject = result.PersonId ?? result.Registry ?? "", Outcome = "denied",
            });
            await db.SaveChangesAsync(cancellation);
            await transaction.CommitAsync(cancellation);
        }
        if (result.Error is not null) return result;
        db.AuditEntries.Add(new AuditEntryEntity
        {
            At = time.GetUtcNow(), Actor = actor, Action = action, Subject = $"{result.FromPersonId}->{result.ToPersonId}", Outcome = "done", Reason = reason,
        });
        await db.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        // Records moved between persons: candidate search and Match see it from now on.
        directory.CatchUp(db);
        return result;
    }

    private static StewardResult NotAllowed(string? registry, string? personId = null) =>
        StewardResult.Fail(StewardErrorKind.NotAllowed,
            registry is not null ? $"the key may not change registry {registry}'s records" : "the change reaches records of registries the key may not change",
            personId) with { Registry = registry };

    private Task<List<string>> RegistriesOf(string personId, CancellationToken cancellation) =>
        db.SourceRecords.Where(r => r.PersonId == personId).Select(r => r.Registry).Distinct().ToListAsync(cancellation);

    private Task<SourceRecordEntity?> Record((string Registry, string LocalId) key, CancellationToken cancellation) =>
        db.SourceRecords.SingleOrDefaultAsync(r => r.Registry == key.Registry && r.LocalId == key.LocalId, cancellation);

    private Task<PersonEntity?> Person(string id, CancellationToken cancellation) => db.Persons.SingleOrDefaultAsync(p => p.Id == id, cancellation);

    private static bool IsActive(PersonEntity person) => person.MergedIntoId is null && person.RetiredAt is null;
}

public enum StewardErrorKind { NotFound, StaleVersion, PersonNotActive, WrongState, NotAllowed }

/// <summary>A steward operation's outcome: the operation id and the two persons involved, or why nothing changed.</summary>
public sealed record StewardResult(string? OperationId, string? FromPersonId, string? ToPersonId, StewardErrorKind? Error, string? Message, string? PersonId)
{
    /// <summary>For <see cref="StewardErrorKind.NotAllowed"/>: the registry out of the key's scope, when one was named.</summary>
    public string? Registry { get; init; }

    public static StewardResult Done(string operation, string from, string to) => new(operation, from, to, null, null, null);

    public static StewardResult Fail(StewardErrorKind kind, string message, string? personId = null) => new(null, null, null, kind, message, personId);
}
