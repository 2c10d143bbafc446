using System.Globalization;
using Mpi.Matching.Decisions;
using Mpi.Matching.Scoring;

namespace Mpi.Matching.Learning;

/// <summary>
/// A pair's band under Fellegi–Sunter and after the learned model, with both probabilities and why they differ.
/// Fellegi–Sunter stays the explanation; this says whether the learner overrode its band.
/// </summary>
public sealed record LearnedDecision(ThresholdBand FellegiSunterBand, ThresholdBand Band, double FellegiSunterProbability,
    double? LearnedProbability, string Reason)
{
    /// <summary>Whether the learned model moved the pair to another band.</summary>
    public bool Moved => Band != FellegiSunterBand;

    /// <summary>
    /// Decides a pair: only a Fellegi–Sunter review-band pair may move. Auto-link and rule links are kept (the learner
    /// was trained on review-band labels, so it knows nothing about them); a pair the guard caps at review (twins,
    /// father and son, namesakes) may go to non-match but never to auto-link, and a suffix conflict never links.
    /// </summary>
    public static LearnedDecision Of(ComparisonVector vector, double learnedProbability, LearnedThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (vector.Band != ThresholdBand.Review)
            return new LearnedDecision(vector.Band, vector.Band, vector.Probability, null, "outside the review band: Fellegi–Sunter decides");
        var learned = F(learnedProbability);
        if (learnedProbability >= thresholds.AutoLink && vector.Guard == PairGuard.None)
            return new LearnedDecision(vector.Band, ThresholdBand.AutoLink, vector.Probability, learnedProbability,
                $"learned probability {learned} ≥ {F(thresholds.AutoLink)} (Fellegi–Sunter {F(vector.Probability)}): linked");
        if (learnedProbability <= thresholds.NonMatch)
            return new LearnedDecision(vector.Band, ThresholdBand.NonMatch, vector.Probability, learnedProbability,
                $"learned probability {learned} ≤ {F(thresholds.NonMatch)} (Fellegi–Sunter {F(vector.Probability)}): not the same person");
        var why = learnedProbability >= thresholds.AutoLink ? "the identity guard keeps it in review" : "not sure enough to move";
        return new LearnedDecision(vector.Band, ThresholdBand.Review, vector.Probability, learnedProbability,
            $"learned probability {learned} (Fellegi–Sunter {F(vector.Probability)}): {why}");
    }

    private static string F(double p) => p.ToString("0.000", CultureInfo.InvariantCulture);
}
