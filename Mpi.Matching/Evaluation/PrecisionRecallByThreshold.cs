namespace Mpi.Matching.Evaluation;

/// <summary>
/// Precision, recall and F1 of scored candidate pairs at each of several score thresholds, for choosing
/// the auto-link and review thresholds.
/// </summary>
public static class PrecisionRecallByThreshold
{
    /// <summary>
    /// One <see cref="ThresholdPoint"/> per threshold, in the order the thresholds were given. At each
    /// threshold the pairs scoring at or above it are the predicted links.
    /// </summary>
    /// <param name="scoredPairs">Each candidate pair once: its score and whether it is truly a match.</param>
    /// <param name="totalTruePairs">
    /// All true pairs in the data, including those blocking never put forward: a true pair that was never
    /// scored is a missed link at every threshold.
    /// </param>
    /// <param name="thresholds">The thresholds to evaluate, in any order.</param>
    /// <exception cref="ArgumentException">
    /// A score or threshold is NaN, or <paramref name="totalTruePairs"/> is fewer than the true matches scored.
    /// </exception>
    public static IReadOnlyList<ThresholdPoint> Compute(
        IReadOnlyList<(double Score, bool IsTrueMatch)> scoredPairs,
        long totalTruePairs,
        IReadOnlyList<double> thresholds)
    {
        ArgumentNullException.ThrowIfNull(scoredPairs);
        ArgumentNullException.ThrowIfNull(thresholds);

        var scores = new double[scoredPairs.Count];
        var isTrueMatch = new bool[scoredPairs.Count];
        for (var i = 0; i < scoredPairs.Count; i++)
        {
            (scores[i], isTrueMatch[i]) = scoredPairs[i];
            if (double.IsNaN(scores[i]))
            {
                throw new ArgumentException($"Scored pair {i} has a NaN score.", nameof(scoredPairs));
            }
        }

        Array.Sort(scores, isTrueMatch);

        // trueMatchesFrom[i]: true matches among the pairs sorted at index i and above, so the true
        // positives at any threshold are one lookup once its first index is found.
        var trueMatchesFrom = new long[scores.Length + 1];
        for (var i = scores.Length - 1; i >= 0; i--)
        {
            trueMatchesFrom[i] = trueMatchesFrom[i + 1] + (isTrueMatch[i] ? 1 : 0);
        }

        if (totalTruePairs < trueMatchesFrom[0])
        {
            throw new ArgumentOutOfRangeException(
                nameof(totalTruePairs),
                totalTruePairs,
                $"Fewer than the {trueMatchesFrom[0]} true matches among the scored pairs.");
        }

        var points = new ThresholdPoint[thresholds.Count];
        for (var t = 0; t < thresholds.Count; t++)
        {
            var threshold = thresholds[t];
            if (double.IsNaN(threshold))
            {
                throw new ArgumentException($"Threshold {t} is NaN.", nameof(thresholds));
            }

            var first = FirstIndexAtOrAbove(scores, threshold);
            var truePositives = trueMatchesFrom[first];
            var predicted = scores.Length - first;
            points[t] = new ThresholdPoint(threshold, truePositives, predicted - truePositives, totalTruePairs - truePositives);
        }

        return points;
    }

    // Lower bound: the first index whose score is >= threshold (scores.Length when none is). Array.BinarySearch
    // would land on an arbitrary one of several equal scores.
    private static int FirstIndexAtOrAbove(double[] ascendingScores, double threshold)
    {
        int low = 0, high = ascendingScores.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (ascendingScores[middle] < threshold)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
