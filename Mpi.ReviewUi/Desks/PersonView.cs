using Mpi.Matching.Normalization;
using Mpi.Matching.Records;

namespace Mpi.ReviewUi.Desks;

/// <summary>A person: golden view, source records and link history, as read (and audited) by the service.</summary>
public sealed record PersonView(string PersonId, PersonState State, string? MergedIntoPersonId, long Version, IReadOnlyDictionary<string, string> Golden,
    IReadOnlyList<RecordView> Records, IReadOnlyList<HistoryEntry> History, IReadOnlyList<long> OpenTaskIds);

/// <summary>
/// A source record as received, with what normalisation did with each field; <paramref name="DeactivatedAt"/> when its
/// registry deactivated it (kept on its person, no longer matched on or in the golden view).
/// </summary>
public sealed record RecordView(PatientRecord Record, string PersonId, DateTimeOffset UpdatedAt, IReadOnlyList<FieldReceipt> Receipts,
    DateTimeOffset? DeactivatedAt = null)
{
    /// <summary>The field as received, or null.</summary>
    public string? Received(string field) => Receipts.FirstOrDefault(r => r.Field == field)?.Received;
}

/// <summary>One change of a record's person: who, when, how (<paramref name="Kind"/>, as the history shows it) and why.</summary>
/// <param name="IsMerge">The record moved onto a merge's survivor (by a steward, or bridged by a new record).</param>
/// <param name="IsUnmerge">The record moved back from a survivor to the person merged into it.</param>
public sealed record HistoryEntry(long EventId, string Registry, string LocalId, string? FromPersonId, string ToPersonId, string Kind,
    double? Probability, string? ModelVersion, string Actor, DateTimeOffset At, string? Reason, string? Rule, bool IsMerge = false,
    bool IsUnmerge = false);
