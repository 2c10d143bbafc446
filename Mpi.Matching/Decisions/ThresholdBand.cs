using Mpi.Matching.Scoring;
using Mpi.Matching.Settings;

namespace Mpi.Matching.Decisions;

/// <summary>Where a pair's score falls against the thresholds, after its guard.</summary>
public enum ThresholdBand { NonMatch, Review, AutoLink }

/// <summary>Maps a pair score to its band: a guard caps the band (review at most, or non-match).</summary>
public static class ThresholdBands
{
    public static ThresholdBand Of(PairScore score, DecisionThresholds thresholds)
    {
        if (score.Guard == PairGuard.CannotLink) return ThresholdBand.NonMatch;
        var p = score.Probability;
        if (p >= thresholds.AutoLink && score.Guard == PairGuard.None) return ThresholdBand.AutoLink;
        return p >= thresholds.Review ? ThresholdBand.Review : ThresholdBand.NonMatch;
    }
}
