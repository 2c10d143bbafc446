using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Review;

/// <summary>
/// A task as a queue lists it: its state, the incoming record's key, why it was opened (null for tasks opened before
/// causes were kept) and when it was answered, read once for every face.
/// </summary>
public sealed record ReviewTaskSummary(long Id, TaskState State, string Registry, string LocalId, double Probability, int CandidateCount,
    string? ClaimedBy, DateTimeOffset CreatedAt, long Version, TaskCause? Cause = null, DateTimeOffset? ResolvedAt = null, DateTimeOffset? ClaimedAt = null)
{
    /// <summary>Why the task is there, in words (<see cref="ReviewCauseText"/>).</summary>
    public string CauseText => ReviewCauseText.Of(Cause);
}

/// <summary>A page of the queue: the tasks, how many match the filter, and the cursor of the next page.</summary>
public sealed record ReviewTaskPage(IReadOnlyList<ReviewTaskSummary> Tasks, int Total, long? NextAfterId);
