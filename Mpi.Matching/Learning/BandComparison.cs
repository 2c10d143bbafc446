using Mpi.Matching.Decisions;
using Mpi.Matching.Evaluation;

namespace Mpi.Matching.Learning;

/// <summary>
/// Pair-level figures of one set of decisions against the truth: linked pairs (auto-link or rule) are the predicted
/// links, review-band pairs are neither linked nor rejected, and recall counts every true pair of the records —
/// including those blocking never put forward.
/// </summary>
public sealed record BandFigures(long Linked, long TrulyLinked, long Review, long TotalTruePairs)
{
    public double Precision => PairwiseRates.Precision(TrulyLinked, Linked - TrulyLinked);
    public double Recall => PairwiseRates.Recall(TrulyLinked, TotalTruePairs - TrulyLinked);
    public double F1 => PairwiseRates.F1(Precision, Recall);
}

/// <summary>Before (Fellegi–Sunter) and after (learned) figures for the same pairs.</summary>
/// <param name="Moved">Pairs the learned model took to another band.</param>
/// <param name="TrueMatchesRejected">
/// True pairs moved from review to non-match: links a reviewer would have made and now nobody will. Precision and
/// recall of the linked pairs cannot see them (a review pair is not a link either way), so they are counted apart.
/// </param>
/// <param name="FalseMatchesLinked">Pairs of different people moved from review to auto-link.</param>
public sealed record BandComparison(BandFigures Before, BandFigures After, long Moved, long TrueMatchesRejected, long FalseMatchesLinked)
{
    /// <summary>The share of review-band pairs the learned model took out of review (0 when there were none).</summary>
    public double ReviewReduction => Before.Review == 0 ? 0 : 1.0 - ((double)After.Review / Before.Review);

    /// <summary>Compares the decisions; <paramref name="samePerson"/> says whether a decided pair is truly one person.</summary>
    public static BandComparison Of(IReadOnlyList<LearnedDecision> decisions, IReadOnlyList<bool> samePerson, long totalTruePairs)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(samePerson);
        if (decisions.Count != samePerson.Count) throw new ArgumentException("one truth per decision is needed", nameof(samePerson));
        return new BandComparison(
            Figures(decisions.Select(d => d.FellegiSunterBand), samePerson, totalTruePairs),
            Figures(decisions.Select(d => d.Band), samePerson, totalTruePairs),
            decisions.Count(d => d.Moved),
            decisions.Where((d, i) => d.Moved && d.Band == ThresholdBand.NonMatch && samePerson[i]).LongCount(),
            decisions.Where((d, i) => d.Moved && d.Band == ThresholdBand.AutoLink && !samePerson[i]).LongCount());
    }

    private static BandFigures Figures(IEnumerable<ThresholdBand> bands, IReadOnlyList<bool> samePerson, long totalTruePairs)
    {
        long linked = 0, trulyLinked = 0, review = 0, i = 0;
        foreach (var band in bands)
        {
            if (band == ThresholdBand.AutoLink)
            {
                linked++;
                if (samePerson[(int)i]) trulyLinked++;
            }
            else if (band == ThresholdBand.Review)
            {
                review++;
            }
            i++;
        }
        return new BandFigures(linked, trulyLinked, review, totalTruePairs);
    }
}
