using System.Collections.Immutable;

namespace Mpi.Matching.Scoring;

/// <summary>
/// Why a pair scored what it did: the prior, then each comparison's level and weight (the waterfall the review UI
/// draws), the total weight, the probability and the guard.
/// </summary>
public sealed record ScoreExplanation(
    double PriorWeight, ImmutableArray<ComparisonOutcome> Comparisons, double MatchWeight, double Probability, PairGuard Guard);

/// <summary>One comparison's contribution: the level reached and its weight (term-frequency adjusted when flagged).</summary>
public sealed record ComparisonOutcome(string Comparison, int Level, string Label, double Weight, bool TermFrequencyAdjusted);
