namespace Mpi.Service.Persistence.Entities;

/// <summary>
/// One change of a source record's person, appended and never edited: the history that makes every link, unlink,
/// merge and unmerge reversible.
/// </summary>
public sealed class LinkEventEntity
{
    public long Id { get; set; }
    public long SourceRecordId { get; set; }
    public string? FromPersonId { get; set; }
    public required string ToPersonId { get; set; }
    public required LinkKind Kind { get; set; }
    /// <summary>The deterministic rule that linked, for rule_link.</summary>
    public string? Rule { get; set; }
    /// <summary>The review task opened with a new person, or resolved by a reviewer_link.</summary>
    public long? ReviewTaskId { get; set; }
    public double? Probability { get; set; }
    public string? ModelVersion { get; set; }
    public required string Actor { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Reason { get; set; }
    /// <summary>Groups the events of one operation (a merge moves several records); an unmerge undoes one operation.</summary>
    public string? OperationId { get; set; }
    /// <summary>What decided a scored link, as JSON (<see cref="Persistence.StoredEvidence"/>); null for people's decisions without a score.</summary>
    public string? Evidence { get; set; }
    /// <summary>What else the registration's decision turned on (<see cref="DecisionTraits"/>); null for every other event and for those before it was kept.</summary>
    public DecisionTraits? Traits { get; set; }
}
