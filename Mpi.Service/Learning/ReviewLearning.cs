using System.Globalization;
using Mpi.Matching.Learning;
using Mpi.Matching.Settings;

namespace Mpi.Service.Learning;

/// <summary>
/// One round of learning from reviewers, shared by the <c>learn</c> verb and the steward's "Learn from reviews": cross-
/// validate on the labelled pairs, decide each of them out of fold, train on all of them and decide every candidate
/// pair of the current model with the result.
/// </summary>
public static class ReviewLearning
{
    /// <summary>The method named in a learned version's training summary.</summary>
    public const string Method = "ML.NET L-BFGS logistic regression over comparison levels and weights, Platt-calibrated";

    /// <exception cref="ArgumentException">Fewer than <paramref name="folds"/> labelled pairs of either verdict.</exception>
    public static LearningOutcome Learn(MatchModel model, IReadOnlyList<LabelledComparisonVector> labelled, IReadOnlyList<ComparisonVector> candidates,
        int folds, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(labelled);
        ArgumentNullException.ThrowIfNull(candidates);
        var same = labelled.Count(l => l.SamePerson);
        if (same < folds || labelled.Count - same < folds)
            throw new ArgumentException($"at least {folds} pairs of each verdict are needed ({same} same person, {labelled.Count - same} different)", nameof(labelled));
        var learner = new ReviewLearner(model);
        var thresholds = new LearnedThresholds();
        var validation = learner.CrossValidate(labelled, folds);
        var onLabels = BandComparison.Of(OutOfFoldDecisions.Decide(learner, labelled, folds, thresholds), labelled.Select(l => l.SamePerson).ToArray(), same);
        var learned = learner.Train(labelled);
        var decisions = candidates.Select(v => learned.Decide(v, thresholds)).ToArray();
        var summary = new LearnedTrainingSummary(Method, labelled.Count, same, folds, validation.AreaUnderRocCurve, validation.LogLoss, time.GetUtcNow());
        return new LearningOutcome(model, labelled, validation, onLabels, candidates, decisions, learned, learned.Rescoring(thresholds, summary));
    }
}

/// <summary>What a round of learning gives: the figures for the report, the learner and its model-version section.</summary>
/// <param name="Model">The model whose vectors it learned from.</param>
/// <param name="OnLabels">Fellegi–Sunter against the learner on the labelled pairs, out of fold.</param>
/// <param name="Decisions">Each candidate pair's decision after learning, in <paramref name="Candidates"/> order.</param>
public sealed record LearningOutcome(MatchModel Model, IReadOnlyList<LabelledComparisonVector> Labelled, LearnerCrossValidation Validation,
    BandComparison OnLabels, IReadOnlyList<ComparisonVector> Candidates, IReadOnlyList<LearnedDecision> Decisions, LearnedPairModel Learned,
    LearnedRescoring Rescoring)
{
    /// <summary>
    /// The model version that decides with the learner: the model it learned from (same comparisons, m, u, thresholds,
    /// blocking and rules) with the learned section, under a new version name.
    /// </summary>
    public MatchModel AsVersion(DateTimeOffset now) => Model with
    {
        Version = $"{Model.Version}+learned{now:yyyyMMddHHmmssfff}", CreatedAt = now, Learned = Rescoring,
        Description = string.Create(CultureInfo.InvariantCulture,
            $"{Model.Version} with a re-scorer learned from {Labelled.Count} reviewers' verdicts (cross-validated AUC {Validation.AreaUnderRocCurve:F4})"),
    };
}
