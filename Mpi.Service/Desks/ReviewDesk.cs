using Microsoft.EntityFrameworkCore;
using Mpi.Matching.Normalization;
using Mpi.ReviewUi.Desks;
using Mpi.Service.Matching;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;
using Mpi.Service.Review;

namespace Mpi.Service.Desks;

/// <summary>
/// The review UI's queue and task pages over the review queue: the same optimistic concurrency and audit as
/// ReviewService, and candidates read through the audited person reader and scored with the active model.
/// </summary>
public sealed class ReviewDesk(ReviewQueue queue, ReviewCandidates reviewCandidates, MpiDbContext db, RecordNormalizer normalizer, ActiveModelHolder model,
    TimeProvider time) : IReviewDesk
{
    private static readonly TaskState[] Waiting = [TaskState.Open, TaskState.Claimed];

    public async Task<QueuePage> ListAsync(QueueQuery query, CancellationToken cancellation)
    {
        var filter = new ReviewFilter(Waiting, query.Registry, query.MinProbability, query.MaxProbability,
            query.OlderThan is { } age ? time.GetUtcNow() - age : null, null, query.PageSize, query.AfterTaskId);
        var (tasks, total, next) = await queue.ListAsync(filter, cancellation);
        var recordIds = tasks.Select(t => t.SourceRecordId).ToArray();
        var keys = await db.SourceRecords.AsNoTracking().Where(r => recordIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Registry, r.LocalId }).ToDictionaryAsync(r => r.Id, cancellation);
        var items = tasks.Select(t => new QueueItem(t.Id, DeskMapping.State(t.State),
            keys[t.SourceRecordId].Registry, keys[t.SourceRecordId].LocalId, t.Probability,
            t.CandidatePersonIds.Count, t.ClaimedBy, t.CreatedAt, t.Version)).ToArray();
        return new QueuePage(items, total, await CountAsync(TaskState.Open, cancellation), await CountAsync(TaskState.Claimed, cancellation),
            await CountAsync(TaskState.Resolved, cancellation), next);
    }

    public async Task<TaskDetail?> GetTaskAsync(long taskId, string actor, CancellationToken cancellation)
    {
        var task = await queue.FindAsync(taskId, cancellation);
        if (task is null) return null;
        var incoming = await db.SourceRecords.AsNoTracking().SingleAsync(r => r.Id == task.SourceRecordId, cancellation);
        var normalized = normalizer.Normalize(incoming.ToPatientRecord());
        var active = model.Current;
        var candidates = (await reviewCandidates.ReadAsync(task, normalized.Record, active, actor, "review task", cancellation))
            .Select(c => new CandidateView(PersonViewMapping.From(c.Person), c.Probability, c.Explanation,
                c.Best is null ? null : c.Person.Records.Where(r => r.Record.Id == c.Best.Id).Select(r => PersonViewMapping.Record(r.Record, r.Receipts)).First(),
                c.Learned?.Reason))
            .ToList();
        return new TaskDetail(task.Id, DeskMapping.State(task.State), task.Version, task.ClaimedBy, task.CreatedAt, task.Probability, task.ModelVersion,
            active.Model.MatchPrior, PersonViewMapping.Record(incoming, normalized.Receipts), candidates, DeskMapping.Answer(task.Resolution), task.ResolvedPersonId,
            task.ResolutionReason);
    }

    public async Task<DeskResult> ClaimAsync(long taskId, long expectedVersion, string actor, CancellationToken cancellation) =>
        await ToResultAsync((await queue.ClaimAsync(taskId, expectedVersion, actor, cancellation)).Error);

    public async Task<DeskResult> ReleaseAsync(long taskId, long expectedVersion, string actor, CancellationToken cancellation) =>
        await ToResultAsync((await queue.ReleaseAsync(taskId, expectedVersion, actor, cancellation)).Error);

    public async Task<DeskResult> ResolveAsync(long taskId, long expectedVersion, ReviewAnswer answer, string? personId,
        IReadOnlyList<string> mergedPersonIds, string? reason, string actor, CancellationToken cancellation)
    {
        var (_, error) = await queue.ResolveAsync(taskId, expectedVersion, DeskMapping.Resolution(answer), personId, mergedPersonIds, reason, actor, cancellation);
        return await ToResultAsync(error);
    }

    private async Task<int> CountAsync(TaskState state, CancellationToken cancellation) =>
        (await queue.ListAsync(new ReviewFilter([state], null, null, null, null, null, 1, 0), cancellation)).Total;

    private async Task<DeskResult> ToResultAsync(ReviewError? error)
    {
        if (error is null) return DeskResult.Done;
        RefusedChange.Forget(db);
        return ToResult(error);
    }

    private static DeskResult ToResult(ReviewError error) => new(error.Kind switch
    {
        ReviewErrorKind.NotFound => DeskProblem.NotFound,
        ReviewErrorKind.StaleVersion => DeskProblem.Stale,
        ReviewErrorKind.TaskClaimed => DeskProblem.ClaimedByOther,
        ReviewErrorKind.TaskResolved => DeskProblem.AlreadyResolved,
        ReviewErrorKind.CandidatesChanged => DeskProblem.CandidatesChanged,
        _ => DeskProblem.Invalid,
    }, error.Message);
}
