namespace Mpi.Service.Persistence.Entities;

/// <summary>
/// "Not the same person": a reviewer's or steward's decision that a source record is not a person, kept until a
/// steward removes it (HAPI MDM's NO_MATCH). Registration, Match, merges and batch runs over the database respect it.
/// The person is the one named at the time; it is followed through merges when the mark is checked, so a mark against
/// a person merged away holds against its survivor, and against itself again once unmerged.
/// </summary>
public sealed class DifferentPersonMarkEntity
{
    public long Id { get; set; }
    public long SourceRecordId { get; set; }
    public required string PersonId { get; set; }
    public MarkOrigin Origin { get; set; }

    /// <summary>The review task whose answer made it (<see cref="MarkOrigin.ReviewAnswer"/>).</summary>
    public long? ReviewTaskId { get; set; }

    /// <summary>The unlink's operation id (<see cref="MarkOrigin.Unlink"/>).</summary>
    public string? OperationId { get; set; }

    public required string MarkedBy { get; set; }
    public DateTimeOffset MarkedAt { get; set; }
    public string? Reason { get; set; }

    /// <summary>Set when a steward removed the mark (by hand, or by linking the record to the person); null while it holds.</summary>
    public DateTimeOffset? RemovedAt { get; set; }
    public string? RemovedBy { get; set; }
    public string? RemovalReason { get; set; }
}

/// <summary>Whose decision a mark keeps. Stored as a word (<see cref="Persistence.StoredWords"/>).</summary>
public enum MarkOrigin
{
    /// <summary>A reviewer answered "different person" on a review task: the record against each candidate person.</summary>
    ReviewAnswer,

    /// <summary>A steward unlinked the record from the person.</summary>
    Unlink,

    /// <summary>A steward marked the record as not the person.</summary>
    Steward,
}
