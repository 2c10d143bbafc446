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
        return Of(vector.Band, vector.Probability, vector.Guard, learnedProbability, thresholds);
    }

    /// <summary>The same decision from a pair's Fellegi–Sunter band, probability and guard (as the service holds them).</summary>
    public static LearnedDecision Of(ThresholdBand band, double probability, PairGuard guard, double learnedProbability, LearnedThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (band != ThresholdBand.Review)
            return new LearnedDecision(band, band, probability, null, "outside the review band: Fellegi–Sunter decides");
        var learned = F(learnedProbability);
        if (learnedProbability >= thresholds.AutoLink && guard == PairGuard.None)
            return new LearnedDecision(band, ThresholdBand.AutoLink, probability, learnedProbability,
                $"learned probability {learned} ≥ {F(thresholds.AutoLink)} (Fellegi–Sunter {F(probability)}): linked");
        if (learnedProbability <= thresholds.NonMatch)
            return new LearnedDecision(band, ThresholdBand.NonMatch, probability, learnedProbability,
                $"learned probability {learned} ≤ {F(thresholds.NonMatch)} (Fellegi–Sunter {F(probability)}): not the same person");
        var why = learnedProbability >= thresholds.AutoLink ? "the identity guard keeps it in review" : "not sure enough to move";
        return new LearnedDecision(band, ThresholdBand.Review, probability, learnedProbability,
            $"learned probability {learned} (Fellegi–Sunter {F(probability)}): {why}");
    }

    private static string F(double p) => p.ToString("0.000", CultureInfo.InvariantCulture);
}
