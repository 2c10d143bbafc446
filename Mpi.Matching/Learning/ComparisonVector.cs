using System.Collections.Immutable;
using Mpi.Matching.Decisions;
using Mpi.Matching.Scoring;

namespace Mpi.Matching.Learning;

/// <summary>
/// A candidate pair as a learner sees it: the level and weight of each comparison (in the model's comparison order),
/// the Fellegi–Sunter match weight, probability, guard and band, and the model version that scored it. Record
/// indices, not values: a vector carries no patient data.
/// </summary>
/// <param name="First">Index of the earlier record.</param>
/// <param name="Second">Index of the later record (the one whose arrival raised the pair).</param>
/// <param name="ByRule">The name of the deterministic rule that linked the pair without scoring, or null.</param>
public sealed record ComparisonVector(
    int First,
    int Second,
    ImmutableArray<int> Levels,
    ImmutableArray<double> Weights,
    double MatchWeight,
    double Probability,
    PairGuard Guard,
    ThresholdBand Band,
    string ModelVersion,
    string? ByRule = null);

/// <summary>A comparison vector with a person's verdict on it: the training example of the learner.</summary>
/// <param name="SamePerson">True for same person (or a steward merge), false for different people (or an unlink/unmerge).</param>
public sealed record LabelledComparisonVector(ComparisonVector Vector, bool SamePerson);
