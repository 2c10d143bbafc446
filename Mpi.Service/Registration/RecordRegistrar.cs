using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Mpi.Matching.Decisions;
using Mpi.Matching.Normalization;
using Mpi.Matching.Records;
using Mpi.Service.Matching;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Registration;

/// <summary>
/// Registers source records. In one write transaction (so that two registries sending the same new patient at the
/// same moment end with one person), an existing (registry, local id) is updated in place and keeps its person;
/// a new one is searched, scored and decided, then stored with its link history, a review task
/// when uncertain, and an audit entry. A batch (a bulk load's records that arrived together) shares one transaction
/// and one commit; later records of a batch see the earlier ones. When a batch fails, each of its records is retried
/// on its own, so one bad record cannot take others down with it. A message id is claimed in the same transaction:
/// an item whose id is already claimed writes nothing and is answered with the <see cref="EarlierMessage"/>.
/// </summary>
public sealed class RecordRegistrar(MpiDbContext db, RecordNormalizer normalizer, CandidateSearch search, WriteGate gate,
    RecordDirectory directory, RecordDirectoryFeed feed, TimeProvider time, ILogger<RecordRegistrar>? log = null, QualityCheckSampler? qualityChecks = null,
    ActiveModelHolder? models = null)
{
    private readonly RecordDecider _decider = new(search, directory, new DifferentPersonMarks(db));

    public Task<RegistrationOutcome> RegisterAsync(PatientRecord received, ActiveModel model, string actor, CancellationToken cancellation) =>
        RegisterAsync(received, normalizer.Normalize(received), model, actor, cancellation);

    /// <summary>Registers a record already normalised (and validated) by the caller.</summary>
    public async Task<RegistrationOutcome> RegisterAsync(PatientRecord received, NormalizationResult normalized, ActiveModel model, string actor,
        CancellationToken cancellation) =>
        // Without a message id there is no earlier message: the result is an outcome.
        (await RegisterAsync(new RegistrationItem(received, normalized), model, actor, cancellation)).Outcome!;

    /// <summary>
    /// Registers one item (with the message whose answer it remembers, if any): its outcome, or the earlier message
    /// when its id was claimed before. A failure is thrown.
    /// </summary>
    public async Task<RegistrationResult> RegisterAsync(RegistrationItem item, ActiveModel model, string actor, CancellationToken cancellation)
    {
        var result = (await RegisterBatchAsync([item], model, actor, cancellation))[0];
        if (result.Error is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(result.Error);
        return result;
    }

    /// <summary>Registers several records in order, committed together; one result per item, in the same order.</summary>
    public async Task<IReadOnlyList<RegistrationResult>> RegisterBatchAsync(IReadOnlyList<RegistrationItem> items, ActiveModel model,
        string actor, CancellationToken cancellation)
    {
        await search.ReadyAsync(model, cancellation);
        // A caller that goes away while waiting for the writer gives up its turn; once the turn is taken the items
        // are written to the end (a batch is bounded), so a cancelled call never aborts a transaction halfway, which
        // EF logs as an error although nothing is wrong. A retry of a committed item is answered from its message id.
        try
        {
            return await CommitAsync(items, model, actor, cancellation);
        }
        catch (Exception e) when (items.Count > 1 && e is not OperationCanceledException)
        {
            var results = new List<RegistrationResult>(items.Count);
            foreach (var item in items)
            {
                try
                {
                    results.Add((await CommitAsync([item], model, actor, CancellationToken.None))[0]);
                }
                catch (Exception one) when (one is not OperationCanceledException)
                {
                    results.Add(new RegistrationResult(null, one));
                }
            }
            return results;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return [new RegistrationResult(null, e)];
        }
    }

    /// <param name="waitCancellation">Gives up waiting for the writer's turn; once the turn is taken, the items are written to the end.</param>
    private async Task<IReadOnlyList<RegistrationResult>> CommitAsync(IReadOnlyList<RegistrationItem> items, ActiveModel model, string actor,
        CancellationToken waitCancellation)
    {
        var cancellation = CancellationToken.None;
        var written = new TransactionRecords();
        try
        {
            var results = new List<RegistrationResult>(items.Count);
            await using (var transaction = await WriteTransaction.BeginAsync(db, gate, waitCancellation))
            {
                // Holding the write lock, the directory learns every commit before this one, so the search is exact
                // even when another process writes the same database.
                feed.CatchUp(db);
                // And decides under the version active now: another process may have activated one since the caller read it.
                if (models is not null) model = await models.SyncAsync(db, cancellation);
                using var rows = new RegistrationRows(db);
                rows.Prefetch(items);
                foreach (var item in items)
                {
                    // The message id is claimed here, under the write lock: senders racing with one id all passed the
                    // look-up before it, and each must find the claim of the one that committed first.
                    if (item.Message is { } sent && rows.FindProcessedMessage(sent.Registry, sent.MessageId) is { } claimed)
                    {
                        results.Add(new RegistrationResult(null, null, EarlierMessage.Of(sent.RequestHash, claimed.RequestHash, claimed.Response)));
                        continue;
                    }
                    var outcome = await RegisterOneAsync(item, model, actor, rows, written, cancellation);
                    rows.CloseExceptions(item.Normalized.Record.Registry, item.Normalized.Record.LocalId, actor, time.GetUtcNow());
                    if (item.Message is { } message)
                        rows.InsertProcessedMessage(new ProcessedMessageEntity
                        {
                            Registry = message.Registry, MessageId = message.MessageId, RequestHash = message.RequestHash,
                            Response = message.Answer(outcome), At = time.GetUtcNow(),
                        });
                    results.Add(new RegistrationResult(outcome, null));
                }
                rows.Flush();
                await transaction.CommitAsync(cancellation);
            }
            try
            {
                Publish(written);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Committed: the batch must not be retried. The watermark did not move past these events, so the
                // next catch-up (every registration starts with one) applies them.
                RegistrationLog.NotPublished(log ?? NullLogger<RecordRegistrar>.Instance, e.GetType().Name);
            }
            return results;
        }
        finally
        {
            // One context may serve a whole RegisterStream: forget what this batch tracked, or every later
            // SaveChanges would scan all the records registered before it.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Hands the committed records to the directory. New records are applied as written; an update was written
    /// through EF without its event id, and a merge moved records by SQL, so then the batch's events are read back
    /// from the feed instead.
    /// </summary>
    private void Publish(TransactionRecords written)
    {
        if (written.HasMerges || written.All.Any(r => r.Event == UnknownEvent))
        {
            feed.CatchUp(db);
            return;
        }
        if (written.All.Count > 0) directory.Apply(written.All, written.All.Max(r => r.Event));
    }

    private const long UnknownEvent = -1;

    private const string BridgedReason = "a new record matched both persons, their records agree with each other and a rule joins them";

    private async Task<RegistrationOutcome> RegisterOneAsync(RegistrationItem item, ActiveModel model, string actor, RegistrationRows rows,
        TransactionRecords written, CancellationToken cancellation)
    {
        var (received, normalized, _) = item;
        var record = normalized.Record;
        var now = time.GetUtcNow();
        var existingId = rows.ExistingRecord(record.Registry, record.LocalId);
        if (existingId is { } id)
        {
            rows.Flush(); // EF below reads and writes after the rows the batch deferred
            var existing = await db.SourceRecords.SingleAsync(r => r.Id == id, cancellation);
            var updated = await UpdateAsync(existing, item, model, actor, now, cancellation);
            // A stale update changed nothing the later items of the batch could see.
            if (!updated.Stale) Written(written, existing.Id, existing.Version, existing.PersonId, normalized, existing.UpdatedAt, UnknownEvent, model);
            return updated;
        }

        var (weighed, decided, persons, merged, toAsk) = _decider.Decide(record, model, written);
        var (kind, best, ranked) = (decided.Kind, decided.Best, decided.Ranked);
        var decision = RegistrationDecisions.From(kind);
        string personId;
        if (decision is RegistrationDecision.RuleLink or RegistrationDecision.AutoLink)
        {
            personId = best!.PersonId;
            // A steward who read the person before this link must not merge or move it unseen (expected versions).
            rows.BumpPerson(personId);
        }
        else
        {
            personId = $"P{Guid.CreateVersion7(now):N}";
            rows.InsertPerson(new PersonEntity { Id = personId, CreatedAt = now, Version = 1 });
        }

        var stored = new SourceRecordEntity
        {
            Registry = record.Registry, LocalId = record.LocalId, PersonId = personId, Version = 1, CreatedAt = now, UpdatedAt = now,
            SourceEventAt = item.SourceEventAt,
        };
        stored.CopyDemographics(received with { Registry = record.Registry, LocalId = record.LocalId });
        stored.Id = rows.InsertSourceRecord(stored);
        var probability = best?.Probability ?? 0;
        // What decided, kept as decided: the best candidate's for the link, each asked-about candidate's for a task.
        LinkEvidence EvidenceAgainst(string candidate) =>
            LinkEvidence.Of(persons[candidate].Stored, stored.Version, model.Scorer.Explain(weighed, persons[candidate].Stored.Record));
        var evidence = best is null ? null : EvidenceAgainst(best.PersonId);
        long? taskId = null, mergeTaskId = null;
        if (decision == RegistrationDecision.Review)
        {
            var cause = ReviewCauses.Of(decided, model.Model.Thresholds,
                best is null ? Mpi.Matching.Scoring.GuardReason.None : model.Scorer.Score(weighed, persons[best.PersonId].Stored.Record).Reason);
            taskId = rows.InsertReviewTask(new ReviewTaskEntity
            {
                Cause = cause.Kind, CauseGuard = cause.Kind == ReviewCauseKind.Guard ? cause.Guard : null, CauseRivalPersonId = cause.RivalPersonId,
                SourceRecordId = stored.Id, CandidatePersonIds = CandidatePersons.Of(ranked.Take(3).Select(c => c.PersonId)),
                Probability = probability, ModelVersion = model.Model.Version, State = TaskState.Open, CreatedAt = now, Version = 1,
                Evidence = StoredEvidence.Of([.. ranked.Take(3).Select(c => EvidenceAgainst(c.PersonId))]),
            });
        }
        else if (toAsk.Count > 0)
        {
            // The record is linked; the clerk is asked whether its person and the others are one (RESOLUTION_MERGE_PERSONS).
            mergeTaskId = rows.InsertReviewTask(new ReviewTaskEntity
            {
                Cause = ReviewCauseKind.MergeQuestion,
                SourceRecordId = stored.Id, CandidatePersonIds = CandidatePersons.Of(toAsk.Prepend(personId)),
                Probability = probability, ModelVersion = model.Model.Version, State = TaskState.Open, CreatedAt = now, Version = 1,
                Evidence = StoredEvidence.Of([.. toAsk.Prepend(personId).Where(persons.ContainsKey).Select(EvidenceAgainst)]),
            });
        }
        var sampled = qualityChecks?.Samples(record.Registry, record.LocalId) == true;
        if (decision == RegistrationDecision.AutoLink && mergeTaskId is null && sampled)
        {
            // A sampled automatic link is put to a reviewer, who confirms or rejects it: the false-merge estimate.
            rows.InsertReviewTask(new ReviewTaskEntity
            {
                Cause = ReviewCauseKind.QualityCheck, SourceRecordId = stored.Id, CandidatePersonIds = CandidatePersons.Of([personId]),
                Probability = probability, ModelVersion = model.Model.Version, State = TaskState.Open, CreatedAt = now, Version = 1,
                Evidence = StoredEvidence.Of([evidence!]),
            });
        }
        var operation = merged.Count > 0 ? $"op{Guid.CreateVersion7(now):N}" : null;
        var linkEvent = rows.InsertLinkEvent(new LinkEventEntity
        {
            SourceRecordId = stored.Id, ToPersonId = personId, Kind = LinkKindOf(decision), Probability = best is null ? null : probability,
            ModelVersion = model.Model.Version, Actor = actor, At = now, Rule = best?.Rule, ReviewTaskId = taskId ?? mergeTaskId,
            // The history says why when the version's learned re-scorer judged the pair (probabilities only, no PHI).
            Reason = decided.Learned?.Reason, OperationId = operation, Evidence = StoredEvidence.Of(evidence),
            Traits = TraitsOf(decided, model.Model.Thresholds, mergeTaskId is not null, sampled, bridged: merged.Count > 0 || toAsk.Count > 0),
        });
        rows.InsertAuditEntry(Audit(actor, $"{record.Registry}/{record.LocalId}", RegistrationDecisions.Wire(decision), now));
        Written(written, stored.Id, 1, personId, normalized, now, linkEvent, model);
        foreach (var mergedId in merged)
        {
            rows.MergePerson(mergedId, personId, LinkKind.AutoMerge, operation!, persons[mergedId].Candidate.Probability, model.Model.Version, actor, now,
                BridgedReason);
            rows.InsertAuditEntry(new AuditEntryEntity
            {
                At = now, Actor = actor, Action = AuditAction.Merge, Subject = $"{mergedId}->{personId}", Outcome = StoredWords.Of(LinkKind.AutoMerge), Reason = BridgedReason,
            });
            written.Merged(mergedId, personId);
        }

        return new RegistrationOutcome(decision, personId, probability, evidence?.Explanation, taskId, normalized.Receipts, model.Model.Version, 1, decided.Learned)
        {
            MergedPersonIds = merged, MergeTaskId = mergeTaskId, Rule = decision == RegistrationDecision.RuleLink ? best!.Rule : null,
        };
    }

    private void Written(TransactionRecords written, long id, int version, string personId, NormalizationResult normalized, DateTimeOffset updatedAt,
        long linkEvent, ActiveModel model)
    {
        var record = directory.Entry(id, version, personId, normalized, StoredTimes.Of(updatedAt), linkEvent);
        written.Add(record, DirectoryBlockingKeys.Of(record.Record, model.BlockingRules).Select(k => k.Key));
    }

    /// <summary>
    /// A known key: its demographics replaced (a deactivated record becomes active again), unless the registry's event
    /// time says this version is older than the one held — then it is kept as a stale update and changes nothing else.
    /// </summary>
    private async Task<RegistrationOutcome> UpdateAsync(SourceRecordEntity existing, RegistrationItem item, ActiveModel model, string actor,
        DateTimeOffset now, CancellationToken cancellation)
    {
        var received = item.Received with { Registry = existing.Registry, LocalId = existing.LocalId };
        if (item.SourceEventAt is { } sent && existing.SourceEventAt is { } held && sent < held)
        {
            db.StaleUpdates.Add(new StaleUpdateEntity
            {
                SourceRecordId = existing.Id, SourceEventAt = sent, HeldSourceEventAt = held, ReceivedAt = now, Sender = actor,
                MessageId = item.Message?.MessageId, Demographics = StoredStaleUpdates.Of(received),
            });
            db.AuditEntries.Add(Audit(actor, $"{existing.Registry}/{existing.LocalId}", "stale", now));
            await db.SaveChangesAsync(cancellation);
            return new RegistrationOutcome(RegistrationDecision.Updated, existing.PersonId, 0, null, null, item.Normalized.Receipts,
                model.Model.Version, existing.Version) { Stale = true };
        }
        var reactivated = existing.DeactivatedAt is not null;
        if (existing.CopyDemographics(received) | reactivated)
        {
            existing.Version++;
            existing.UpdatedAt = now;
            existing.DeactivatedAt = null;
            db.LinkEvents.Add(new LinkEventEntity
            {
                SourceRecordId = existing.Id, FromPersonId = existing.PersonId, ToPersonId = existing.PersonId,
                // The source changed the record; no model decided anything (changes.proto: model_version empty).
                Kind = reactivated ? LinkKind.Reactivated : LinkKind.Updated, Actor = actor, At = now,
            });
            await PersonVersions.BumpAsync(db, existing.PersonId, cancellation);
        }
        if (item.SourceEventAt is { } eventAt) existing.SourceEventAt = eventAt;
        db.AuditEntries.Add(Audit(actor, $"{existing.Registry}/{existing.LocalId}", reactivated ? "reactivated" : "updated", now));
        await db.SaveChangesAsync(cancellation);
        return new RegistrationOutcome(RegistrationDecision.Updated, existing.PersonId, 0, null, null, item.Normalized.Receipts,
            model.Model.Version, existing.Version);
    }

    private static AuditEntryEntity Audit(string actor, string subject, string outcome, DateTimeOffset now) =>
        new() { At = now, Actor = actor, Action = AuditAction.Register, Subject = subject, Outcome = outcome };

    private static DecisionTraits TraitsOf(IncomingDecision decided, Mpi.Matching.Settings.DecisionThresholds thresholds, bool mergeQuestion, bool sampled,
        bool bridged)
    {
        var traits = DecisionTraits.None;
        if (decided.Best is { } best)
        {
            if (best.Guard == Mpi.Matching.Scoring.PairGuard.AtMostReview) traits |= DecisionTraits.Guarded;
            if (decided.Ranked.Count > 1 && IncomingRecordDecision.Rivals(decided.Ranked[1], best, thresholds)) traits |= DecisionTraits.Ambiguous;
        }
        if (decided.Learned is not null && decided.Kind == DecisionKind.AutoLink) traits |= DecisionTraits.LearnedLink;
        if (decided.Learned is not null && decided.Kind == DecisionKind.New) traits |= DecisionTraits.LearnedNew;
        if (mergeQuestion) traits |= DecisionTraits.MergeQuestion;
        if (sampled) traits |= DecisionTraits.QualitySampled;
        if (bridged) traits |= DecisionTraits.Bridged;
        return traits;
    }

    /// <summary>The history's kind: a record sent to review starts as its own (new) person, with the task attached.</summary>
    private static LinkKind LinkKindOf(RegistrationDecision decision) => decision switch
    {
        RegistrationDecision.RuleLink => LinkKind.RuleLink,
        RegistrationDecision.AutoLink => LinkKind.AutoLink,
        _ => LinkKind.New,
    };
}
