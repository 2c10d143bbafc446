
namespace Mpi.Service.Persistence.Entities;

/// <summary>
/// An uncertain case: the incoming source record (provisionally its own person) and the candidate person(s) it may
/// belong to, waiting for a person to decide. <see cref="Version"/> guards against acting on a stale task.
/// </summary>
public sealed class ReviewTaskEntity
{
    public long Id { get; set; }
    public long SourceRecordId { get; set; }
    /// <summary>Candidate persons, best first.</summary>
    public required CandidatePersons CandidatePersonIds { get; set; }
    public double Probability { get; set; }
    public required string ModelVersion { get; set; }
    public required TaskState State { get; set; }
    public string? ClaimedBy { get; set; }
    /// <summary>When the current claim (or assignment) was made; the claim expires after the configured time.</summary>
    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }
    /// <summary>The answer, once resolved.</summary>
    public ReviewResolutionKind? Resolution { get; set; }
    /// <summary>The person the record was linked to by a same_person resolution.</summary>
    public string? ResolvedPersonId { get; set; }
    public string? ResolutionReason { get; set; }
    /// <summary>Each candidate's evidence when the task was opened, as JSON (<see cref="Persistence.StoredEvidence"/>).</summary>
    public string? Evidence { get; set; }

    /// <summary>Why the task was opened, decided then; null for tasks opened before causes were kept.</summary>
    public ReviewCauseKind? Cause { get; set; }

    /// <summary>For <see cref="ReviewCauseKind.Guard"/>: the guard that held the best candidate back.</summary>
    public Mpi.Matching.Scoring.GuardReason? CauseGuard { get; set; }

    /// <summary>For <see cref="ReviewCauseKind.Ambiguous"/>: the candidate within the margin of the best.</summary>
    public string? CauseRivalPersonId { get; set; }

    /// <summary>When it was resolved.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>
    /// The state of the evidence (the incoming record and the candidate persons) when the task was last read, hashed
    /// (by the review queue's evidence stamp); null until first read. An answer given at a version whose evidence
    /// changed since is refused CANDIDATES_CHANGED.
    /// </summary>
    public long? EvidenceStamp { get; set; }
}
