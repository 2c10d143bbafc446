using System.Collections.Immutable;

namespace Mpi.Matching.Settings;

/// <summary>
/// The versioned model a steward reads, diffs and activates: comparisons with their levels' m and u probabilities,
/// the prior, the decision thresholds, the blocking rules and how it was trained. Serialised as JSON by
/// <see cref="MatchModelJson"/>; immutable — training returns a new model.
/// </summary>
/// <param name="FormatVersion">Version of this JSON layout (see <see cref="CurrentFormatVersion"/>).</param>
/// <param name="Version">The model version (stored with every decision it makes).</param>
/// <param name="CreatedAt">When the model was made.</param>
/// <param name="Description">Free text: what it was trained on, by whom, why.</param>
/// <param name="MatchPrior">Probability that two records drawn at random are the same person.</param>
/// <param name="Learned">
/// The re-scorer learned from reviewers' verdicts that may move a review-band pair, or null (Fellegi–Sunter alone).
/// </param>
public sealed record MatchModel(
    int FormatVersion,
    string Version,
    DateTimeOffset CreatedAt,
    string Description,
    double MatchPrior,
    DecisionThresholds Thresholds,
    BlockingSettings Blocking,
    ImmutableArray<ComparisonParameters> Comparisons,
    ImmutableArray<ExactRule> Rules,
    TrainingSummary? Training,
    LearnedRescoring? Learned = null)
{
    /// <summary>The JSON layout this build reads and writes.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The parameters of the named comparison, or null.</summary>
    public ComparisonParameters? Comparison(string name) => Comparisons.FirstOrDefault(c => c.Name == name);
}

/// <summary>One comparison's levels with their probabilities; level 0 is always <c>missing</c>.</summary>
/// <param name="TermFrequencyAdjusted">Whether the exact level's u is replaced by the agreeing value's frequency.</param>
public sealed record ComparisonParameters(string Name, string Description, bool TermFrequencyAdjusted, ImmutableArray<LevelParameters> Levels);

/// <summary>
/// A comparison level: m = P(level | same person), u = P(level | different people).
/// The match weight is log2(m/u); the missing level has no m or u and weighs 0.
/// </summary>
public sealed record LevelParameters(string Label, double? M, double? U)
{
    /// <summary>log2(m/u), 0 when either is absent.</summary>
    public double Weight => M is > 0 && U is > 0 ? Math.Log2(M.Value / U.Value) : 0.0;
}

/// <summary>
/// Decision thresholds on the match probability: at or above <paramref name="AutoLink"/> link automatically;
/// at or above <paramref name="Review"/> ask a person; below, a new person. Two candidates within
/// <paramref name="AmbiguityMargin"/> of each other also go to review. A disagreement on given name, date of birth
/// or national id whose "else" weight is at or below <paramref name="StrongDisagreementWeight"/> (log2 m/u) keeps a
/// pair out of auto-link unless other identifying fields vouch for it (the identity guard). Batch clustering joins
/// two groups of records only when the mean match weight of the pairs across them reaches
/// <paramref name="MinimumMeanClusterWeight"/> (the chaining guard).
/// </summary>
public sealed record DecisionThresholds(double AutoLink, double Review, double AmbiguityMargin, double StrongDisagreementWeight,
    double MinimumMeanClusterWeight);

/// <summary>Blocking rules by name (see <c>BlockingRuleCatalog</c>) and the bound on a block's size.</summary>
public sealed record BlockingSettings(ImmutableArray<string> Rules, int MaxBlockSize);

/// <summary>
/// A deterministic rule: when every named field is present (placeholders are never present) and equal on both
/// records, they are the same person without scoring.
/// </summary>
public sealed record ExactRule(string Name, ImmutableArray<string> Fields);

/// <summary>How the m and u values were obtained.</summary>
public sealed record TrainingSummary(
    string Method, int Records, long RandomPairs, long BlockedPairs, int Iterations, bool Converged, double BlockedMatchRate);
