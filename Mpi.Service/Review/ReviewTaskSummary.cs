using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Review;

/// <summary>A task as a queue lists it: its state and the incoming record's key, read once for every face.</summary>
public sealed record ReviewTaskSummary(long Id, TaskState State, string Registry, string LocalId, double Probability, int CandidateCount,
    string? ClaimedBy, DateTimeOffset CreatedAt, long Version);

/// <summary>A page of the queue: the tasks, how many match the filter, and the cursor of the next page.</summary>
public sealed record ReviewTaskPage(IReadOnlyList<ReviewTaskSummary> Tasks, int Total, long? NextAfterId);
