using System.Collections.Immutable;

namespace Mpi.Matching.Settings;

/// <summary>
/// The learned re-scorer of a model version: a logistic regression trained on reviewers' verdicts over the
/// comparison vectors of this model's comparisons (see <c>Mpi.Matching.Learning.PairFeatures</c> for the feature
/// layout), and when it may move a Fellegi–Sunter review-band pair. Stored in the version's JSON so that storing,
/// activating and rolling back a learned model is storing, activating and rolling back a model version.
/// </summary>
/// <param name="TrainedUnder">The model version whose comparison vectors it learned from (same comparisons, m and u).</param>
/// <param name="FeatureWeights">One coefficient per feature, in <c>PairFeatures</c> order.</param>
/// <param name="Bias">The intercept.</param>
/// <param name="CalibrationSlope">Platt calibration: p = 1 / (1 + exp(slope · score + offset)).</param>
/// <param name="CalibrationOffset">See <paramref name="CalibrationSlope"/>.</param>
/// <param name="AutoLink">A review-band pair whose learned probability is at or above this is linked (unless a guard caps it).</param>
/// <param name="NonMatch">A review-band pair whose learned probability is at or below this is a new person.</param>
public sealed record LearnedRescoring(
    string TrainedUnder,
    ImmutableArray<double> FeatureWeights,
    double Bias,
    double CalibrationSlope,
    double CalibrationOffset,
    double AutoLink,
    double NonMatch,
    LearnedTrainingSummary? Training);

/// <summary>What the learned re-scorer was trained on and how well it cross-validated (counts and rates only).</summary>
/// <param name="Method">The learner, e.g. ML.NET's L-BFGS logistic regression.</param>
/// <param name="Labels">Labelled pairs trained on.</param>
/// <param name="SamePerson">Of which verdicts "same person".</param>
/// <param name="Folds">Cross-validation folds (stratified by verdict).</param>
/// <param name="CrossValidatedAuc">Mean area under the ROC curve over the folds.</param>
/// <param name="CrossValidatedLogLoss">Mean log-loss over the folds.</param>
/// <param name="TrainedAt">When it was trained.</param>
public sealed record LearnedTrainingSummary(string Method, int Labels, int SamePerson, int Folds, double CrossValidatedAuc,
    double CrossValidatedLogLoss, DateTimeOffset TrainedAt);
