using Microsoft.EntityFrameworkCore;
using Mpi.Matching.Decisions;
using Mpi.Matching.Normalization;
using Mpi.Matching.Records;
using Mpi.Service.Matching;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Registration;

/// <summary>
/// Registers one source record: in one write transaction (so that two registries sending the same new patient at
/// the same moment end with one person), an existing (registry, local id) is updated in place and keeps its person;
/// a new one is searched, scored and decided, then stored with its blocking keys, its link history, a review task
/// when uncertain, and an audit entry.
/// </summary>
public sealed class RecordRegistrar(MpiDbContext db, RecordNormalizer normalizer, CandidateSearch search, RegistrationGate gate,
    TimeProvider time)
{
    public Task<RegistrationOutcome> RegisterAsync(PatientRecord received, ActiveModel model, string actor, CancellationToken cancellation) =>
        RegisterAsync(received, normalizer.Normalize(received), model, actor, cancellation);

    /// <summary>Registers a record already normalised (and validated) by the caller.</summary>
    public async Task<RegistrationOutcome> RegisterAsync(PatientRecord received, NormalizationResult normalized, ActiveModel model, string actor,
        CancellationToken cancellation)
    {
        try
        {
            return await RegisterTrackedAsync(received, normalized, model, actor, cancellation);
        }
        finally
        {
            // One context may serve a whole RegisterStream: forget what this registration tracked, or every later
            // SaveChanges would scan all the records registered before it.
            db.ChangeTracker.Clear();
        }
    }

    private async Task<RegistrationOutcome> RegisterTrackedAsync(PatientRecord received, NormalizationResult normalized, ActiveModel model,
        string actor, CancellationToken cancellation)
    {
        var record = normalized.Record;
        using var turn = await gate.EnterAsync(cancellation);
        var now = time.GetUtcNow();
        await using var transaction = await WriteTransaction.BeginAsync(db, cancellation);

        var existing = await db.SourceRecords.SingleOrDefaultAsync(r => r.Registry == record.Registry && r.LocalId == record.LocalId, cancellation);
        if (existing is not null)
        {
            var outcome = await UpdateAsync(existing, received, record, model, actor, now, normalized, cancellation);
            await transaction.CommitAsync(cancellation);
            return outcome;
        }

        var candidates = await search.FindAsync(record, model, cancellation);
        var persons = PersonScoring.ByPerson(record, candidates, model);
        var (kind, best, ranked) = IncomingRecordDecision.Decide(persons.Values.Select(p => p.Candidate).ToArray(), model.Model.Thresholds);
        var decision = RegistrationDecisions.From(kind);
        var personId = decision is RegistrationDecision.RuleLink or RegistrationDecision.AutoLink ? best!.PersonId : NewPerson(now);

        var stored = new SourceRecordEntity
        {
            Registry = record.Registry, LocalId = record.LocalId, PersonId = personId, Version = 1, CreatedAt = now, UpdatedAt = now,
        };
        stored.CopyDemographics(received with { Registry = record.Registry, LocalId = record.LocalId });
        db.SourceRecords.Add(stored);
        await db.SaveChangesAsync(cancellation);
        AddKeys(stored.Id, record, model);
        var probability = best?.Probability ?? 0;
        ReviewTaskEntity? task = null;
        if (decision == RegistrationDecision.Review)
        {
            task = new ReviewTaskEntity
            {
                SourceRecordId = stored.Id, CandidatePersonIds = string.Join(',', ranked.Take(3).Select(c => c.PersonId)),
                Probability = probability, ModelVersion = model.Model.Version, State = "open", CreatedAt = now, Version = 1,
            };
            db.ReviewTasks.Add(task);
            await db.SaveChangesAsync(cancellation);
        }
        db.LinkEvents.Add(new LinkEventEntity
        {
            SourceRecordId = stored.Id, ToPersonId = personId, Kind = LinkKind(decision), Probability = best is null ? null : probability,
            ModelVersion = model.Model.Version, Actor = actor, At = now, Rule = best?.Rule, ReviewTaskId = task?.Id,
        });
        Audit(actor, "register", $"{record.Registry}/{record.LocalId}", Wire(decision), now);
        await db.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);

        var explanation = best is null ? null : model.Scorer.Explain(record, persons[best.PersonId].Record);
        return new RegistrationOutcome(decision, personId, probability, explanation, task?.Id, normalized.Receipts, model.Model.Version, 1);
    }

    private async Task<RegistrationOutcome> UpdateAsync(SourceRecordEntity existing, PatientRecord received, NormalizedRecord record,
        ActiveModel model, string actor, DateTimeOffset now, NormalizationResult normalized, CancellationToken cancellation)
    {
        if (existing.CopyDemographics(received with { Registry = existing.Registry, LocalId = existing.LocalId }))
        {
            existing.Version++;
            existing.UpdatedAt = now;
            await db.BlockingKeys.Where(k => k.SourceRecordId == existing.Id).ExecuteDeleteAsync(cancellation);
            AddKeys(existing.Id, record, model);
            db.LinkEvents.Add(new LinkEventEntity
            {
                SourceRecordId = existing.Id, FromPersonId = existing.PersonId, ToPersonId = existing.PersonId, Kind = "updated",
                ModelVersion = model.Model.Version, Actor = actor, At = now,
            });
        }
        Audit(actor, "register", $"{existing.Registry}/{existing.LocalId}", "updated", now);
        await db.SaveChangesAsync(cancellation);
        return new RegistrationOutcome(RegistrationDecision.Updated, existing.PersonId, 0, null, null, normalized.Receipts,
            model.Model.Version, existing.Version);
    }

    private void AddKeys(long sourceRecordId, NormalizedRecord record, ActiveModel model)
    {
        foreach (var (key, _) in StoredBlockingKeys.Of(record, model.BlockingRules))
            db.BlockingKeys.Add(new BlockingKeyEntity { Key = key, SourceRecordId = sourceRecordId });
    }

    private string NewPerson(DateTimeOffset now)
    {
        var person = new PersonEntity { Id = $"P{Guid.CreateVersion7(now):N}", CreatedAt = now, Version = 1 };
        db.Persons.Add(person);
        return person.Id;
    }

    private void Audit(string actor, string action, string subject, string outcome, DateTimeOffset now) =>
        db.AuditEntries.Add(new AuditEntryEntity { At = now, Actor = actor, Action = action, Subject = subject, Outcome = outcome });

    private static string Wire(RegistrationDecision decision) => decision switch
    {
        RegistrationDecision.RuleLink => "rule_link",
        RegistrationDecision.AutoLink => "auto_link",
        RegistrationDecision.Review => "review",
        RegistrationDecision.New => "new",
        _ => "updated",
    };

    /// <summary>The history's kind: a record sent to review starts as its own (new) person, with the task attached.</summary>
    private static string LinkKind(RegistrationDecision decision) => decision == RegistrationDecision.Review ? "new" : Wire(decision);
}
