namespace Mpi.Matching.Evaluation;

/// <summary>
/// Counts candidate pairs by match weight (log2 odds) and truth, so a steward sees where true matches and
/// non-matches overlap relative to the thresholds.
/// </summary>
/// <remarks>
/// Binned by weight rather than probability: nearly every pair's probability is within a hair of 0 or 1, where a
/// probability histogram shows two spikes and hides the overlap that decides the thresholds.
/// </remarks>
public static class ScoreHistogram
{
    /// <summary>Default bin width in match weight: 1 = a factor of two in the odds.</summary>
    public const double DefaultBinWidth = 1.0;

    /// <summary>Default lower edge of the first bin; lower weights are counted in it.</summary>
    public const double DefaultLowest = -30.0;

    /// <summary>Default upper edge of the last bin; higher weights (rule links at probability 1) are counted in it.</summary>
    public const double DefaultHighest = 30.0;

    /// <summary>
    /// Bins <paramref name="scoredPairs"/> by the match weight their probability stands for, from
    /// <paramref name="lowest"/> to <paramref name="highest"/> in steps of <paramref name="binWidth"/>;
    /// weights outside the range go to the first or last bin.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The width is not positive or the range is empty.</exception>
    /// <exception cref="ArgumentException">A probability is NaN.</exception>
    public static IReadOnlyList<HistogramBin> ByMatchWeight(
        IReadOnlyList<(double Probability, bool IsTrueMatch)> scoredPairs,
        double binWidth = DefaultBinWidth,
        double lowest = DefaultLowest,
        double highest = DefaultHighest)
    {
        ArgumentNullException.ThrowIfNull(scoredPairs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(binWidth);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(highest, lowest);

        var count = (int)Math.Ceiling((highest - lowest) / binWidth);
        var matches = new long[count];
        var nonMatches = new long[count];
        for (var i = 0; i < scoredPairs.Count; i++)
        {
            var (probability, isTrueMatch) = scoredPairs[i];
            if (double.IsNaN(probability)) throw new ArgumentException($"Scored pair {i} has a NaN probability.", nameof(scoredPairs));
            var bin = (int)Math.Floor((WeightOf(probability) - lowest) / binWidth);
            bin = Math.Clamp(bin, 0, count - 1);
            if (isTrueMatch) matches[bin]++;
            else nonMatches[bin]++;
        }

        var bins = new HistogramBin[count];
        for (var b = 0; b < count; b++)
            bins[b] = new HistogramBin(lowest + (b * binWidth), Math.Min(highest, lowest + ((b + 1) * binWidth)), matches[b], nonMatches[b]);
        return bins;
    }

    /// <summary>The match weight log2(p / (1 − p)); ±infinity at 1 and 0.</summary>
    public static double WeightOf(double probability) =>
        probability >= 1 ? double.PositiveInfinity : probability <= 0 ? double.NegativeInfinity : Math.Log2(probability / (1 - probability));
}
