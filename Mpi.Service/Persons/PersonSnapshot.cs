using Mpi.Matching.Normalization;
using Mpi.Service.Persistence.Entities;
using Mpi.Service.Security;

namespace Mpi.Service.Persons;

/// <summary>Everything a person page or GetPerson shows: the person, its records with receipts, its history, open tasks (with their record's registry).</summary>
public sealed record PersonSnapshot(
    PersonEntity Person,
    IReadOnlyDictionary<string, string> Golden,
    IReadOnlyList<(SourceRecordEntity Record, IReadOnlyList<FieldReceipt> Receipts)> Records,
    IReadOnlyList<(LinkEventEntity Event, SourceRecordEntity Record)> History,
    IReadOnlyList<(long Id, string Registry)> OpenReviewTasks,
    IReadOnlyList<StaleUpdateEntity> StaleUpdates)
{
    /// <summary>The open review tasks whose incoming record is one of the person's.</summary>
    public IReadOnlyList<long> OpenReviewTaskIds => [.. OpenReviewTasks.Select(t => t.Id)];

    /// <summary>
    /// Whether a caller of <paramref name="scope"/> may see the person: it holds a record in the scope, or (merged or
    /// retired, its records gone elsewhere) its history moved one.
    /// </summary>
    public bool VisibleTo(RegistryScope scope) =>
        scope.SeesAny(Records.Select(r => r.Record.Registry))
        // An active person whose history alone names the scope's registry is one a record of it left (a steward's
        // Unlink or Link, a reviewer's answer): the decision was that the record is not this patient.
        || (!Person.IsActive && scope.SeesAny(History.Select(h => h.Record.Registry)));

    /// <summary>
    /// The person as <paramref name="scope"/> sees it: the enterprise id, state and golden view, and only the records
    /// (and their history) of registries in the scope; other registries' records are left out, demographics and keys.
    /// </summary>
    /// <summary>The registries this snapshot is shown to (<see cref="Within"/>): what else it names, it names only when seen.</summary>
    public RegistryScope Scope { get; init; } = RegistryScope.Everything;

    public PersonSnapshot Within(RegistryScope scope) => scope.IsEverything ? this : this with
    {
        Scope = scope,
        Records = [.. Records.Where(r => scope.Sees(r.Record.Registry))],
        History = [.. History.Where(h => scope.Sees(h.Record.Registry))],
        OpenReviewTasks = [.. OpenReviewTasks.Where(t => scope.Sees(t.Registry))],
        StaleUpdates = [.. StaleUpdates.Where(u => Records.Any(r => r.Record.Id == u.SourceRecordId && scope.Sees(r.Record.Registry)))],
    };
}
