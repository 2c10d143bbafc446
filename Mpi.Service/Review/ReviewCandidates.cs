using Mpi.Matching.Decisions;
using Mpi.Matching.Learning;
using Mpi.Matching.Normalization;
using Mpi.Matching.Records;
using Mpi.Service.Matching;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;
using Mpi.Service.Persons;

namespace Mpi.Service.Review;

/// <summary>
/// The candidate persons of a review task, each read through the audited person reader with the evidence stored when
/// the task was opened (<see cref="LinkEvidence"/>); a task stored before evidence was kept is scored against the
/// incoming record under the active model, its names weighed by their frequency among the directory's records as a
/// registration weighs them (<see cref="RecordDecider"/>): what the gRPC review service and the review UI both show.
/// </summary>
public sealed class ReviewCandidates(PersonReader persons, RecordNormalizer normalizer, RecordDecider decider)
{
    public async Task<IReadOnlyList<ScoredReviewCandidate>> ReadAsync(ReviewTaskEntity task, NormalizedRecord incoming, ActiveModel model, string actor,
        string reason, CancellationToken cancellation)
    {
        var candidates = new List<ScoredReviewCandidate>();
        var stored = StoredEvidence.CandidatesOf(task.Evidence).ToDictionary(e => e.PersonId);
        foreach (var personId in task.CandidatePersonIds.PersonIds)
        {
            var snapshot = await persons.ReadAsync(personId, null, actor, reason, cancellation);
            if (snapshot is null) continue;
            StoredCandidate[] records = [.. snapshot.Records.Select(r => StoredCandidate.Of(r.Record, normalizer))];
            var scored = decider.Score(incoming, records, model);
            var best = scored.Persons.Values.FirstOrDefault();
            // What the task was opened on, when it was stored: the same evidence whatever the model, the name
            // frequencies or the records became since (and after the answer moved the incoming record).
            if (stored.GetValueOrDefault(personId) is { } evidence)
                candidates.Add(new ScoredReviewCandidate(snapshot, evidence.Explanation.Probability,
                    records.FirstOrDefault(r => r.Id == evidence.ComparedRecordId) ?? best.Stored, evidence.Explanation, Learned(best.Candidate, model)));
            else
                candidates.Add(new ScoredReviewCandidate(snapshot, best.Candidate?.Probability ?? 0, best.Stored,
                    best.Stored is null ? null : model.Scorer.Explain(scored.Record, best.Stored.Record), Learned(best.Candidate, model)));
        }
        return candidates;
    }

    private static LearnedDecision? Learned(PersonCandidate? candidate, ActiveModel model) =>
        candidate?.LearnedProbability is { } p && model.Learned is { } learned
            ? LearnedDecision.Of(ThresholdBands.Of(candidate.Probability, candidate.Guard, model.Model.Thresholds), candidate.Probability, candidate.Guard, p,
                learned.Thresholds)
            : null;
}
