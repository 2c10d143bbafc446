using Mpi.Matching.Scoring;
using Mpi.Matching.Settings;

namespace Mpi.Matching.Decisions;

/// <summary>Where a pair's score falls against the thresholds, after its guard.</summary>
public enum ThresholdBand { NonMatch, Review, AutoLink }

/// <summary>Maps a pair score to its band: a guard caps the band (review at most, or non-match).</summary>
public static class ThresholdBands
{
    public static ThresholdBand Of(PairScore score, DecisionThresholds thresholds) => Of(score.Probability, score.Guard, thresholds);

    public static ThresholdBand Of(double probability, PairGuard guard, DecisionThresholds thresholds)
    {
        if (guard == PairGuard.CannotLink) return ThresholdBand.NonMatch;
        if (probability >= thresholds.AutoLink && guard == PairGuard.None) return ThresholdBand.AutoLink;
        return probability >= thresholds.Review ? ThresholdBand.Review : ThresholdBand.NonMatch;
    }
}
