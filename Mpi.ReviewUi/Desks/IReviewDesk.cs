namespace Mpi.ReviewUi.Desks;

/// <summary>The review queue as the UI uses it; implemented by the service over its review queue (audited).</summary>
public interface IReviewDesk
{
    Task<QueuePage> ListAsync(QueueQuery query, CancellationToken cancellation);

    /// <summary>The task with its incoming record and every candidate person (each candidate read is audited).</summary>
    Task<TaskDetail?> GetTaskAsync(long taskId, string actor, CancellationToken cancellation);

    Task<DeskResult> ClaimAsync(long taskId, long expectedVersion, string actor, CancellationToken cancellation);

    Task<DeskResult> ReleaseAsync(long taskId, long expectedVersion, string actor, CancellationToken cancellation);

    Task<DeskResult> ResolveAsync(long taskId, long expectedVersion, ReviewAnswer answer, string? personId, IReadOnlyList<string> mergedPersonIds,
        string? reason, string actor, CancellationToken cancellation);
}

/// <summary>A reviewer's answer; skipping is no answer (the task is released, if held, and stays open).</summary>
public enum ReviewAnswer { SamePerson, DifferentPerson, MergePersons }
