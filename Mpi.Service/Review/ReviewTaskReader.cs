using Microsoft.EntityFrameworkCore;
using Mpi.Matching.Normalization;
using Mpi.Service.Matching;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Review;

/// <summary>
/// The review queue's read side: pages of task summaries oldest first with their record keys, and a task opened
/// with its incoming record normalised and its candidates read (audited) and scored. The gRPC service and the
/// review UI map these; neither reads the tables itself, and no entity leaves for a page.
/// </summary>
public sealed class ReviewTaskReader(ReviewCandidates candidates, MpiDbContext db, RecordNormalizer normalizer, ActiveModelHolder model,
    ReviewEvidenceRefresh evidence)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public async Task<ReviewTaskPage> ListAsync(ReviewFilter filter, CancellationToken cancellation)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellation);
        var size = filter.PageSize <= 0 ? DefaultPageSize : Math.Min(filter.PageSize, MaxPageSize);
        // Oldest first: ids grow with creation time, so the id is both the order and the page cursor.
        var page = await query.Where(t => t.Id > filter.AfterId)
            .Join(db.SourceRecords, t => t.SourceRecordId, r => r.Id, (t, r) => new { Task = t, r.Registry, r.LocalId })
            .OrderBy(p => p.Task.Id).Take(size + 1).ToListAsync(cancellation);
        var more = page.Count > size;
        if (more) page.RemoveAt(size);
        return new ReviewTaskPage([.. page.Select(p => Summary(p.Task, p.Registry, p.LocalId))], total, more ? page[^1].Task.Id : null);
    }

    /// <summary>How many tasks are in <paramref name="state"/> (the queue's counters).</summary>
    /// <param name="withinRegistries">Only tasks whose incoming record is of these registries (null: every registry).</param>
    public Task<int> CountAsync(TaskState state, IReadOnlyCollection<string>? withinRegistries, CancellationToken cancellation) =>
        Filtered(new ReviewFilter([state], null, null, null, null, null, 0, 0) { WithinRegistries = withinRegistries }).CountAsync(cancellation);

    /// <summary>The registry of the task's incoming record (a task never changes registry), or null when there is no such task.</summary>
    public Task<string?> RegistryOfAsync(long id, CancellationToken cancellation) =>
        db.ReviewTasks.AsNoTracking().Where(t => t.Id == id)
            .Join(db.SourceRecords, t => t.SourceRecordId, r => r.Id, (t, r) => r.Registry).SingleOrDefaultAsync(cancellation);

    /// <summary>The task opened (its version one more when its evidence moved since the last read), or null when there is no such task.</summary>
    public async Task<ReviewTaskView?> ReadAsync(long id, string actor, string reason, CancellationToken cancellation)
    {
        await evidence.NoteAsync(id, cancellation);
        return await db.ReviewTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellation) is { } task
            ? await OpenAsync(task, actor, reason, cancellation)
            : null;
    }

    /// <summary>A task as it stands (after a change the queue made, say), opened for the reviewer.</summary>
    public async Task<ReviewTaskView> OpenAsync(ReviewTaskEntity task, string actor, string reason, CancellationToken cancellation)
    {
        var incoming = await db.SourceRecords.AsNoTracking().SingleAsync(r => r.Id == task.SourceRecordId, cancellation);
        var normalized = normalizer.Normalize(incoming.ToPatientRecord());
        var active = model.Current;
        var scored = await candidates.ReadAsync(task, normalized.Record, active, actor, reason, cancellation);
        return new ReviewTaskView(Summary(task, incoming.Registry, incoming.LocalId), task.ModelVersion, incoming, normalized.Receipts, task.Resolution,
            task.ResolvedPersonId, task.ResolutionReason, active.Model.MatchPrior, scored);
    }

    private IQueryable<ReviewTaskEntity> Filtered(ReviewFilter filter)
    {
        var query = db.ReviewTasks.AsNoTracking().AsQueryable();
        if (filter.States.Count > 0) query = query.Where(t => filter.States.Contains(t.State));
        if (filter.MinProbability is { } min) query = query.Where(t => t.Probability >= min);
        if (filter.MaxProbability is { } max) query = query.Where(t => t.Probability <= max);
        if (filter.OlderThan is { } older) query = query.Where(t => t.CreatedAt < older);
        if (filter.ClaimedBy is { } claimedBy) query = query.Where(t => t.ClaimedBy == claimedBy);
        if (filter.Registry is { } registry)
            query = query.Where(t => db.SourceRecords.Any(r => r.Id == t.SourceRecordId && r.Registry == registry));
        if (filter.WithinRegistries is { } within)
            query = query.Where(t => db.SourceRecords.Any(r => r.Id == t.SourceRecordId && within.Contains(r.Registry)));
        return query;
    }

    private static ReviewTaskSummary Summary(ReviewTaskEntity t, string registry, string localId) =>
        new(t.Id, t.State, registry, localId, t.Probability, t.CandidatePersonIds.Count, t.ClaimedBy, t.CreatedAt, t.Version,
            t.Cause is { } kind ? new TaskCause(kind, t.CauseGuard ?? Mpi.Matching.Scoring.GuardReason.None, t.CauseRivalPersonId) : null, t.ResolvedAt,
            t.State == TaskState.Claimed ? t.ClaimedAt : null);
}
