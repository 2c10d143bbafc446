namespace Mpi.Service.Persistence.Entities;

/// <summary>
/// An uncertain case: the incoming source record (provisionally its own person) and the candidate person(s) it may
/// belong to, waiting for a person to decide. <see cref="Version"/> guards against acting on a stale task.
/// </summary>
public sealed class ReviewTaskEntity
{
    public long Id { get; set; }
    public long SourceRecordId { get; set; }
    /// <summary>Candidate person ids, best first, comma-separated.</summary>
    public required string CandidatePersonIds { get; set; }
    public double Probability { get; set; }
    public required string ModelVersion { get; set; }
    /// <summary>open, claimed, resolved.</summary>
    public required string State { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }
    /// <summary>same_person or different_person, once resolved.</summary>
    public string? Resolution { get; set; }
    /// <summary>The person the record was linked to by a same_person resolution.</summary>
    public string? ResolvedPersonId { get; set; }
    public string? ResolutionReason { get; set; }
}
