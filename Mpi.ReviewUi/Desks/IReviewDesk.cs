namespace Mpi.ReviewUi.Desks;

/// <summary>The review queue as the UI uses it; implemented by the service over its review queue (audited).</summary>
public interface IReviewDesk
{
    Task<QueuePage> ListAsync(QueueQuery query, CancellationToken cancellation);

    /// <summary>The task with its incoming record and every candidate person (each candidate read is audited).</summary>
    Task<TaskDetail?> GetTaskAsync(long taskId, string actor, CancellationToken cancellation);

    /// <summary>The registry of the task's incoming record, or null when there is no such task.</summary>
    Task<string?> RegistryOfAsync(long taskId, CancellationToken cancellation);

    Task<DeskResult> ClaimAsync(long taskId, long expectedVersion, string actor, CancellationToken cancellation);

    /// <param name="mayReleaseAnyClaim">A steward's: releases someone else's claim too (a reviewer gone home with a task claimed).</param>
    Task<DeskResult> ReleaseAsync(long taskId, long expectedVersion, string actor, CancellationToken cancellation, bool mayReleaseAnyClaim = false);

    /// <summary>A steward gives the task to a named reviewer (claimed in their name; their claim expires like any other).</summary>
    Task<DeskResult> AssignAsync(long taskId, long expectedVersion, string assigneeActor, string? reason, string actor, CancellationToken cancellation);

    /// <param name="withinRegistries">A clerk's assigned registries (null: every registry): a merge answer joins only persons all of whose records are theirs.</param>
    Task<DeskResult> ResolveAsync(long taskId, long expectedVersion, ReviewAnswer answer, string? personId, IReadOnlyList<string> mergedPersonIds,
        string? reason, string actor, IReadOnlyList<string>? withinRegistries, CancellationToken cancellation);
}

/// <summary>A reviewer's answer; skipping is no answer (the task is released, if held, and stays open).</summary>
public enum ReviewAnswer { SamePerson, DifferentPerson, MergePersons }
