using System.Collections.Immutable;
using Mpi.Matching.Blocking;

namespace Mpi.Matching.Settings;

/// <summary>The one default configuration used for every dataset: thresholds, blocking and deterministic rules.</summary>
public static class ModelDefaults
{
    /// <summary>Auto-link at a match probability of 0.7 or more (the guards keep the known traps out of this band).</summary>
    public const double AutoLinkThreshold = 0.7;

    /// <summary>Review from 0.1 up to the auto-link threshold.</summary>
    public const double ReviewThreshold = 0.1;

    /// <summary>Two candidates within 0.05 of each other are sent to review.</summary>
    public const double AmbiguityMargin = 0.05;

    /// <summary>
    /// A disagreement is strong when matches show it at most 1/32 as often as non-matches (weight ≤ -5): then a
    /// different given name, date of birth or national id cannot be outvoted by household fields alone.
    /// </summary>
    public const double StrongDisagreementWeight = -5.0;

    /// <summary>
    /// Two groups of records join only if the pairs across them score, on average, at least -3 (log2 odds: no more
    /// than 8 to 1 against). Every record of a person need not resemble every other — a sparse record may share only
    /// a date of birth with a well-filled one — but the group as a whole must not be plainly two people.
    /// </summary>
    public const double MinimumMeanClusterWeight = -3.0;

    /// <summary>Blocks over 500 records are skipped for their rule (the other rules still apply).</summary>
    public const int MaxBlockSize = 500;

    public static DecisionThresholds Thresholds { get; } = new(AutoLinkThreshold, ReviewThreshold, AmbiguityMargin, StrongDisagreementWeight, MinimumMeanClusterWeight);

    public static BlockingSettings Blocking { get; } = new(BlockingRuleCatalog.DefaultNames, MaxBlockSize);

    /// <summary>
    /// A model before training: EM's starting m (most matches agree at the best level) and a u that spreads evenly
    /// over the levels. Useful as EM's start and for benchmarks; not for deciding anything.
    /// </summary>
    public static MatchModel Untrained(TimeProvider time)
    {
        var comparisons = Comparisons.ComparisonCatalog.Default.Select(c => new ComparisonParameters(c.Name, c.Description,
            c.TermFrequencyLevel >= 0,
            [.. c.Levels.Select((label, l) => l == Comparisons.Comparison.Missing
                ? new LevelParameters(label, null, null)
                : new LevelParameters(label, StartingM(c.Levels.Length - 1, l), 1.0 / (c.Levels.Length - 1)))]));
        return new MatchModel(MatchModel.CurrentFormatVersion, "untrained", time.GetUtcNow(), "Starting values, not trained",
            1e-4, Thresholds, Blocking, [.. comparisons], Rules, null);
    }

    /// <summary>EM's starting m: 0.8 at the best level, the rest shared evenly by the weaker ones.</summary>
    public static double StartingM(int levels, int level) => level == 1 ? 0.8 : 0.2 / Math.Max(1, levels - 1);

    /// <summary>Same national id and same date of birth: the same person without scoring.</summary>
    public static ImmutableArray<ExactRule> Rules { get; } = [new("national_id+birth_date", ["national_id", "birth_date"])];
}
