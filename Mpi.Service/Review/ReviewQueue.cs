using Microsoft.EntityFrameworkCore;
using Mpi.Service.Observability;
using Mpi.Service.Matching;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;
using Mpi.Service.Outcomes;
using Mpi.Service.Persons;
using Mpi.Service.Security;

namespace Mpi.Service.Review;

/// <summary>
/// The review queue's changes: claim and release, and resolution (its reads are <see cref="ReviewTaskReader"/>).
/// Every change checks the version the reviewer holds (optimistic concurrency) and runs in the write transaction, so
/// a reviewer acting on a stale task gets a conflict, never a silent overwrite. A same-person resolution moves the incoming record onto the chosen
/// person and appends the history; the provisional person it had is marked merged into the chosen one. A
/// different-person answer is remembered: the record is marked as not each candidate person
/// (<see cref="DifferentPersonMarks"/>), and no answer links or merges against such a mark.
/// </summary>
public sealed class ReviewQueue(MpiDbContext db, WriteGate gate, StewardOperations steward, RecordDirectoryFeed directory, DifferentPersonMarks marks,
    TimeProvider time, MpiMetrics? metrics = null)
{
    /// <summary>
    /// Claims the task for <paramref name="actor"/>. A task the actor holds already (a retried claim, whatever version it
    /// carries) is answered as it is: nothing changes and it succeeds (review.proto). It had been refused as stale.
    /// </summary>
    public async Task<Outcome<ReviewTaskEntity>> ClaimAsync(long id, long expectedVersion, string actor, CancellationToken cancellation) =>
        await db.ReviewTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id && t.State == TaskState.Claimed && t.ClaimedBy == actor, cancellation)
            is { } held ? held : await ChangeAsync(id, expectedVersion, actor, AuditAction.ClaimReview, task =>
        {
            if (task.State == TaskState.Claimed && task.ClaimedBy != actor)
                return new Refusal(RefusalKind.TaskClaimed, "another reviewer holds the task") { CurrentVersion = task.Version, ClaimedBy = task.ClaimedBy };
            task.State = TaskState.Claimed;
            task.ClaimedBy = actor;
            task.ClaimedAt = time.GetUtcNow();
            return null;
        }, cancellation);

    /// <summary>A steward gives a task to a named reviewer: claimed in their name (a claim of someone else's is taken over), audited with the reason.</summary>
    public Task<Outcome<ReviewTaskEntity>> AssignAsync(long id, long expectedVersion, string assignee, string? reason, string actor, CancellationToken cancellation) =>
        ChangeAsync(id, expectedVersion, actor, AuditAction.AssignReview, task =>
        {
            task.State = TaskState.Claimed;
            task.ClaimedBy = assignee;
            task.ClaimedAt = time.GetUtcNow();
            return null;
        }, cancellation, auditReason: $"to {assignee}{(string.IsNullOrWhiteSpace(reason) ? "" : $": {reason}")}");

    /// <summary>
    /// Gives back to the queue every task whose claim is older than <paramref name="timeout"/> (a claim with no time, from
    /// before claims were timed, counts as expired); each audited. Returns how many.
    /// </summary>
    public async Task<int> ExpireClaimsAsync(TimeSpan timeout, CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        var before = now - timeout;
        await using var transaction = await WriteTransaction.BeginAsync(db, gate, cancellation);
        var expired = (await db.ReviewTasks.Where(t => t.State == TaskState.Claimed).ToListAsync(cancellation))
            .Where(t => t.ClaimedAt is not { } at || at < before).ToList();
        foreach (var task in expired)
        {
            db.AuditEntries.Add(new AuditEntryEntity
            {
                At = now, Actor = ExpiryActor, Action = AuditAction.ClaimExpired, Subject = $"review_task/{task.Id}", Outcome = StoredWords.Of(TaskState.Open),
                Reason = $"claim by {task.ClaimedBy} older than {timeout.TotalMinutes:0.#} minutes",
            });
            (task.State, task.ClaimedBy, task.ClaimedAt) = (TaskState.Open, null, null);
            task.Version++;
        }
        await db.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        return expired.Count;
    }

    /// <summary>Who the audit trail names for an expired claim.</summary>
    public const string ExpiryActor = "service:claim-expiry";

    /// <param name="mayReleaseAnyClaim">
    /// A steward's: may give back a task another caller holds (a reviewer gone home with a task claimed); anyone else
    /// releases only their own claim.
    /// </param>
    public Task<Outcome<ReviewTaskEntity>> ReleaseAsync(long id, long expectedVersion, string actor, bool mayReleaseAnyClaim,
        string? reason, CancellationToken cancellation) =>
        ChangeAsync(id, expectedVersion, actor, AuditAction.ReleaseReview, task =>
        {
            if (task.State != TaskState.Claimed) return Refusal.WrongState("the task is not claimed");
            if (task.ClaimedBy != actor && !mayReleaseAnyClaim)
                return new Refusal(RefusalKind.NotAllowed, "another caller holds the task; only a steward releases someone else's claim")
                    { ClaimedBy = task.ClaimedBy };
            task.State = TaskState.Open;
            task.ClaimedBy = null;
            task.ClaimedAt = null;
            return null;
        }, cancellation, auditReason: reason);

    /// <summary>
    /// Resolves a task: same person (moves the record onto the chosen candidate), different person (keeps it apart),
    /// or merge persons (the candidates are one person: the others merge into the chosen one, which gets the record).
    /// </summary>
    public async Task<Outcome<ReviewTaskEntity>> ResolveAsync(long id, long expectedVersion, ReviewResolutionKind resolution,
        string? personId, IReadOnlyCollection<string> mergedPersonIds, string? reason, string actor, RegistryScope scope, CancellationToken cancellation)
    {
        IReadOnlyList<string> candidates = [];
        var linksRecord = resolution is ReviewResolutionKind.SamePerson or ReviewResolutionKind.MergePersons;
        return await ChangeAsync(id, expectedVersion, actor, AuditAction.ResolveReview, task =>
        {
            if (task.State == TaskState.Claimed && task.ClaimedBy != actor)
                return new Refusal(RefusalKind.TaskClaimed, "another reviewer holds the task") { CurrentVersion = task.Version, ClaimedBy = task.ClaimedBy };
            candidates = task.CandidatePersonIds.PersonIds;
            if (linksRecord && (personId is null || !candidates.Contains(personId)))
                return Refusal.Invalid("person_id", "person_id must be one of the task's candidates");
            if (resolution == ReviewResolutionKind.MergePersons
                && (mergedPersonIds.Count == 0 || mergedPersonIds.Any(m => m == personId || !candidates.Contains(m))))
                return Refusal.Invalid("merged_person_ids", "merged_person_ids must be other candidates of the task");
            task.State = TaskState.Resolved;
            task.ClaimedBy = actor;
            task.ResolvedAt = time.GetUtcNow();
            task.Resolution = resolution;
            task.ResolvedPersonId = linksRecord ? personId : null;
            task.ResolutionReason = reason;
            return null;
        }, cancellation, async task =>
        {
            var gone = await db.Persons.Where(p => candidates.Contains(p.Id) && (p.MergedIntoId != null || p.RetiredAt != null)).AnyAsync(cancellation);
            if (gone)
                return new Refusal(RefusalKind.CandidatesChanged, "a candidate person was merged or retired since the task was scored") { CurrentVersion = task.Version };
            if (task.EvidenceStamp is { } shown ? shown != await ReviewEvidenceStamp.OfAsync(db, task, cancellation)
                    : await ReviewEvidenceStamp.ChangedSinceOpenedAsync(db, task, cancellation))
                return new Refusal(RefusalKind.CandidatesChanged, "the incoming record or a candidate person changed since the task was read: read it again")
                    { CurrentVersion = task.Version };
            if (resolution == ReviewResolutionKind.DifferentPerson)
            {
                await RememberDifferentAsync(task, candidates, reason, actor, cancellation);
                return null;
            }
            if ((await marks.OnAsync(task.SourceRecordId, personId!, cancellation)).FirstOrDefault() is { } onRecord) return Refusal.Marked(onRecord.Id);
            foreach (var mergedId in resolution == ReviewResolutionKind.MergePersons ? mergedPersonIds.Distinct() : [])
                if (await marks.BetweenAsync(personId!, mergedId, cancellation) is { } between) return Refusal.Marked(between);
            string? operation = null;
            if (resolution == ReviewResolutionKind.MergePersons)
            {
                foreach (var mergedId in mergedPersonIds.Distinct())
                    if (await steward.MergeOutOfScopeAsync(scope, personId!, mergedId, cancellation) is { } outOfScope) return outOfScope;
                var survivor = await db.Persons.SingleAsync(p => p.Id == personId, cancellation);
                operation = $"op{Guid.CreateVersion7(time.GetUtcNow()):N}";
                foreach (var mergedId in mergedPersonIds.Distinct())
                    await steward.MergeWithinTransactionAsync(survivor, await db.Persons.SingleAsync(p => p.Id == mergedId, cancellation), operation,
                        reason, actor, cancellation);
            }
            // One answer, one operation: the record's link shares the merge's id on the feed.
            if (linksRecord) await MoveRecordAsync(task, personId!, reason, actor, operation, cancellation);
            return null;
        });
    }

    /// <summary>
    /// "Not any of these": the task's record is marked as not each candidate person it is not on (for a merge task,
    /// the persons it was asked to merge with its own), so no later registration, match or merge puts them together.
    /// </summary>
    private async Task RememberDifferentAsync(ReviewTaskEntity task, IReadOnlyList<string> candidates, string? reason, string actor,
        CancellationToken cancellation)
    {
        var on = await db.SourceRecords.Where(r => r.Id == task.SourceRecordId).Select(r => r.PersonId).SingleAsync(cancellation);
        foreach (var candidate in candidates.Where(c => c != on))
            await marks.MarkAsync(task.SourceRecordId, candidate, MarkOrigin.ReviewAnswer, actor, time.GetUtcNow(), reason, cancellation, reviewTaskId: task.Id);
    }

    private async Task MoveRecordAsync(ReviewTaskEntity task, string personId, string? reason, string actor, string? operation, CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        var record = await db.SourceRecords.SingleAsync(r => r.Id == task.SourceRecordId, cancellation);
        var from = record.PersonId;
        if (from == personId) return;
        record.PersonId = personId;
        // The reviewer decided on what the task showed for the chosen candidate: that evidence, and its probability.
        var evidence = StoredEvidence.CandidatesOf(task.Evidence).FirstOrDefault(e => e.PersonId == personId);
        db.LinkEvents.Add(new LinkEventEntity
        {
            SourceRecordId = record.Id, FromPersonId = from, ToPersonId = personId, Kind = LinkKind.ReviewerLink,
            Probability = evidence?.Explanation.Probability ?? task.Probability, ModelVersion = task.ModelVersion, Actor = actor, At = now, Reason = reason,
            ReviewTaskId = task.Id, Evidence = StoredEvidence.Of(evidence), OperationId = operation,
        });
        var target = await db.Persons.SingleAsync(p => p.Id == personId, cancellation);
        target.Version++;
        var provisional = await db.Persons.SingleAsync(p => p.Id == from, cancellation);
        if (!await db.SourceRecords.AnyAsync(r => r.PersonId == from && r.Id != record.Id, cancellation))
            provisional.MergedIntoId = personId;
        provisional.Version++;
    }

    /// <summary>Applies a change to a task; a refused one is counted by action and reason (reviewers colliding shows there).</summary>
    private async Task<Outcome<ReviewTaskEntity>> ChangeAsync(long id, long expectedVersion, string actor, AuditAction action,
        Func<ReviewTaskEntity, Refusal?> change, CancellationToken cancellation, Func<ReviewTaskEntity, Task<Refusal?>>? then = null,
        string? auditReason = null)
    {
        var result = await ChangeInTransactionAsync(id, expectedVersion, actor, action, change, cancellation, then, auditReason);
        if (result.Refusal is { } refusal) metrics?.ReviewRefused(StoredWords.Of(action), refusal.Kind.ToString());
        else if (action == AuditAction.ResolveReview && result.Value?.Resolution is { } answer) metrics?.ReviewAnswered(actor, StoredWords.Of(answer));
        return result;
    }

    private async Task<Outcome<ReviewTaskEntity>> ChangeInTransactionAsync(long id, long expectedVersion, string actor,
        AuditAction action, Func<ReviewTaskEntity, Refusal?> change, CancellationToken cancellation, Func<ReviewTaskEntity, Task<Refusal?>>? then,
        string? auditReason)
    {
        await using var transaction = await WriteTransaction.BeginAsync(db, gate, cancellation);
        var task = await db.ReviewTasks.SingleOrDefaultAsync(t => t.Id == id, cancellation);
        if (task is null) return Refusal.NotFound("no such review task");
        if (task.State == TaskState.Resolved) return new Refusal(RefusalKind.TaskResolved, "the task was resolved already") { CurrentVersion = task.Version };
        if (task.Version != expectedVersion)
            return Refusal.Stale("the task changed since you read it", task.Version) with { ClaimedBy = task.ClaimedBy };
        if (change(task) is { } refused) return refused;
        if (then is not null && await then(task) is { } failed) return failed;
        task.Version++;
        db.AuditEntries.Add(new AuditEntryEntity
        {
            At = time.GetUtcNow(), Actor = actor, Action = action, Subject = $"review_task/{task.Id}", Outcome = task.Resolution is { } answer ? StoredWords.Of(answer) : StoredWords.Of(task.State),
            Reason = auditReason ?? task.ResolutionReason,
        });
        await db.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        // A resolution may have moved the task's record to another person: candidate search and Match see it now.
        directory.CatchUp(db);
        return task;
    }
}
