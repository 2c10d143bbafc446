using Mpi.Matching.Normalization;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;
using Mpi.Service.Security;
using Mpi.Service.Matching;

namespace Mpi.Service.Persons;

/// <summary>
/// Reads a person — by enterprise id or by one of its record keys — with its golden view, records, link history and
/// open review tasks. Every read is audited (who, which person, why), since reading a person is reading PHI, and
/// answered once its audit row is committed (<see cref="GroupAuditWriter"/>: the rows of concurrent reads share a
/// turn at the write lock).
/// </summary>
public sealed class PersonReader(PersonRowReaders rowReaders, RecordNormalizer normalizer, TimeProvider time, GroupAuditWriter audit)
{
    /// <summary>The person, or null when no person or record has that id or key (the miss is audited too).</summary>
    public async Task<PersonSnapshot?> ReadAsync(string? personId, (string Registry, string LocalId)? recordKey, string actor, string? reason,
        CancellationToken cancellation) =>
        (await ReadAsync(personId, recordKey, RegistryScope.Everything, actor, reason, cancellation)).Snapshot;

    /// <summary>
    /// The person as <paramref name="scope"/> may see it (its records and history in those registries), or why not:
    /// unknown, or a person with no record in the scope. Every outcome is audited.
    /// </summary>
    /// <param name="missSubject">What the audit names when neither a person id nor a record key was asked for (a look-up by identifier).</param>
    public async Task<PersonRead> ReadAsync(string? personId, (string Registry, string LocalId)? recordKey, RegistryScope scope, string actor,
        string? reason, CancellationToken cancellation, string? missSubject = null)
    {
        var rows = rowReaders.With(reader => recordKey is { } key ? reader.ReadHolding(key.Registry, key.LocalId)
            : personId is null ? null : reader.Read(personId));
        if (recordKey is not null) personId = rows?.Person.Id;
        var snapshot = rows is null ? null : SnapshotOf(rows);
        var visible = snapshot is not null && snapshot.VisibleTo(scope);
        await audit.WriteAsync(new AuditEntryEntity
        {
            At = time.GetUtcNow(), Actor = actor, Action = AuditAction.ReadPerson,
            Subject = personId ?? (recordKey is { } k ? $"{k.Registry}/{k.LocalId}" : missSubject ?? ""),
            Outcome = snapshot is null ? "not_found" : visible ? "read" : "denied", Reason = reason,
        }, cancellation);
        return new PersonRead(visible ? snapshot!.Within(scope) : null, snapshot is not null && !visible);
    }

    private PersonSnapshot SnapshotOf(PersonRows rows)
    {
        var records = rows.Records.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id)
            .Select(r => (r, (IReadOnlyList<FieldReceipt>)normalizer.Normalize(r.ToPatientRecord()).Receipts)).ToArray();
        // A deactivated record is kept and shown, but the golden view is made of the records the registries still hold.
        return new PersonSnapshot(rows.Person, GoldenView.Of(records.Where(x => x.r.DeactivatedAt is null).Select(x => x.Item2)), records, rows.History,
            rows.OpenTasks, rows.StaleUpdates);
    }
}

/// <summary>A scoped read: the person as the caller may see it, or null with <see cref="Denied"/> saying whether it exists but is out of scope.</summary>
public sealed record PersonRead(PersonSnapshot? Snapshot, bool Denied);
