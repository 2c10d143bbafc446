using Mpi.ReviewUi.Desks;
using Mpi.Service.Outcomes;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;
using Mpi.Service.Review;
using Mpi.Service.Security;

namespace Mpi.Service.Desks;

/// <summary>
/// The review UI's queue and task pages over the review queue: the same optimistic concurrency and audit as
/// ReviewService, and candidates read through the audited person reader and scored with the active model.
/// </summary>
public sealed class ReviewDesk(ReviewQueue queue, ReviewTaskReader tasks, MpiDbContext db, TimeProvider time) : IReviewDesk
{
    private static readonly TaskState[] Waiting = [TaskState.Open, TaskState.Claimed];

    public async Task<QueuePage> ListAsync(QueueQuery query, CancellationToken cancellation)
    {
        var filter = new ReviewFilter(query.OpenOnly ? [TaskState.Open] : Waiting, query.Registry, query.MinProbability, query.MaxProbability,
            query.OlderThan is { } age ? time.GetUtcNow() - age : null, null, query.PageSize, query.AfterTaskId)
        {
            WithinRegistries = query.WithinRegistries,
        };
        var page = await tasks.ListAsync(filter, cancellation);
        var items = page.Tasks.Select(t => new QueueItem(t.Id, DeskMapping.State(t.State), t.Registry, t.LocalId, t.Probability, t.CandidateCount,
            t.ClaimedBy, t.CreatedAt, t.Version, t.CauseText)).ToArray();
        // A clerk assigned some registries counts only their tasks, as the queue lists only theirs.
        return new QueuePage(items, page.Total, await tasks.CountAsync(TaskState.Open, query.WithinRegistries, cancellation),
            await tasks.CountAsync(TaskState.Claimed, query.WithinRegistries, cancellation),
            await tasks.CountAsync(TaskState.Resolved, query.WithinRegistries, cancellation), page.NextAfterId);
    }

    public async Task<TaskDetail?> GetTaskAsync(long taskId, string actor, CancellationToken cancellation)
    {
        if (await tasks.ReadAsync(taskId, actor, "review task", cancellation) is not { } task) return null;
        var candidates = task.Candidates
            .Select(c => new CandidateView(PersonViewMapping.From(c.Person), c.Probability, c.Explanation,
                c.Best is null ? null : c.Person.Records.Where(r => r.Record.Id == c.Best.Id).Select(r => PersonViewMapping.Record(r.Record, r.Receipts)).First(),
                c.Learned?.Reason))
            .ToList();
        var summary = task.Summary;
        return new TaskDetail(summary.Id, DeskMapping.State(summary.State), summary.Version, summary.ClaimedBy, summary.CreatedAt, summary.Probability,
            task.ModelVersion, task.MatchPrior, PersonViewMapping.Record(task.Incoming, task.IncomingReceipts), candidates, DeskMapping.Answer(task.Resolution),
            task.ResolvedPersonId, task.ResolutionReason, summary.CauseText, summary.Cause?.Kind == ReviewCauseKind.Guard, summary.ResolvedAt,
            summary.Cause?.Kind == ReviewCauseKind.QualityCheck);
    }

    public Task<string?> RegistryOfAsync(long taskId, CancellationToken cancellation) => tasks.RegistryOfAsync(taskId, cancellation);

    public async Task<DeskResult> ClaimAsync(long taskId, long expectedVersion, string actor, CancellationToken cancellation) =>
        DeskRefusals.Of((await queue.ClaimAsync(taskId, expectedVersion, actor, cancellation)).Refusal, db);

    public async Task<DeskResult> ReleaseAsync(long taskId, long expectedVersion, string actor, CancellationToken cancellation, bool mayReleaseAnyClaim = false) =>
        DeskRefusals.Of((await queue.ReleaseAsync(taskId, expectedVersion, actor, mayReleaseAnyClaim, reason: null, cancellation)).Refusal, db);

    public async Task<DeskResult> AssignAsync(long taskId, long expectedVersion, string assigneeActor, string? reason, string actor,
        CancellationToken cancellation) =>
        DeskRefusals.Of(StatedReasons.Check(reason, required: false)
            ?? (await queue.AssignAsync(taskId, expectedVersion, assigneeActor, reason, actor, cancellation)).Refusal, db);

    public async Task<DeskResult> ResolveAsync(long taskId, long expectedVersion, ReviewAnswer answer, string? personId,
        IReadOnlyList<string> mergedPersonIds, string? reason, string actor, IReadOnlyList<string>? withinRegistries, CancellationToken cancellation)
    {
        if (StatedReasons.Check(reason, required: true) is { } unstated) return DeskRefusals.Of(unstated, db);
        var resolved = await queue.ResolveAsync(taskId, expectedVersion, DeskMapping.Resolution(answer), personId, mergedPersonIds, reason, actor,
            RegistryScope.Within(withinRegistries), cancellation);
        return DeskRefusals.Of(resolved.Refusal, db);
    }
}
