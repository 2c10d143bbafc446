using Mpi.Service.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Mpi.Matching.Learning;
using Mpi.Matching.Normalization;
using Mpi.Service.Matching;
using Mpi.Service.Outcomes;
using Mpi.Service.Persistence;
using Mpi.Service.Model;

namespace Mpi.Service.Learning;

/// <summary>
/// The steward's "Learn from reviews": trains the learned re-scorer on the service's own verdicts (review resolutions,
/// steward merges, unlinks and unmerges: <see cref="ReviewQueueLabels"/>) under the active version, reports it, and
/// stores the active version with it as an inactive version (<c>learn_model</c>). Activating it is the steward's
/// separate step on the model versions page.
/// </summary>
public sealed class ModelLearning(MpiDbContext db, RecordNormalizer normalizer, ActiveModelHolder holder, ModelVersions versions, TimeProvider time)
{
    /// <summary>Cross-validation folds; also the fewest verdicts of each kind that learning needs.</summary>
    public const int Folds = 5;

    /// <summary>
    /// The newest records whose candidate pairs the report decides, as for Retrain: the round runs in the steward's
    /// request, and all pairs of a million records would take minutes and gigabytes. The records the verdicts name
    /// are read wherever they are.
    /// </summary>
    public const int MaxRecords = 100_000;

    /// <summary>The outcome, the stored version and the records read; or, with too few verdicts, why, and nothing stored.</summary>
    public async Task<Outcome<LearnedVersion>> LearnAsync(string actor, CancellationToken cancellation)
    {
        var stored = await db.SourceRecords.AsNoTracking().OrderByDescending(r => r.Id).Take(MaxRecords).ToListAsync(cancellation);
        var labels = await ReviewQueueLabels.ReadAsync(db, cancellation);
        var held = stored.Select(r => (r.Registry, r.LocalId)).ToHashSet();
        foreach (var (registry, localId) in labels.SelectMany(l => new[] { l.A, l.B }).Distinct().Where(k => !held.Contains(k)))
            if (await db.SourceRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Registry == registry && r.LocalId == localId, cancellation) is { } named)
                stored.Add(named);
        stored.Sort((a, b) => a.Id.CompareTo(b.Id));
        var model = holder.Current.Model;
        // Blocking, scoring and training are CPU-bound: keep them off the request's synchronisation context. Names are
        // weighed by frequency as the service weighs them: the learner must see the vectors the service re-scores.
        var (outcome, problem) = await Task.Run(() =>
        {
            var records = stored.Select(r => normalizer.Normalize(r.ToPatientRecord(), ReceiptDetail.SetAsideOnly).Record).ToArray();
            NameFrequencies.WeighAll(records, model);
            var (labelled, _) = LabelledPairs.Of(labels, records, model);
            var same = labelled.Count(l => l.SamePerson);
            if (same < Folds || labelled.Count - same < Folds)
                return (null, $"Learning needs at least {Folds} verdicts of each kind; the reviewers have given {same} same person and {labelled.Count - same} different people.");
            return ((LearningOutcome?)ReviewLearning.Learn(model, labelled, CandidateVectors.Score(records, model), Folds, time), (string?)null);
        }, cancellation);
        if (outcome is null) return Refusal.WrongState(problem!);
        var version = outcome.AsVersion(time.GetUtcNow());
        await versions.StoreCandidateAsync(version, actor, version.Description, cancellation, AuditAction.LearnModel, model.Version);
        return new LearnedVersion(outcome, version.Version, stored.Count);
    }
}
