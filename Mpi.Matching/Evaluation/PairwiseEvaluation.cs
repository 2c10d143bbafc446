namespace Mpi.Matching.Evaluation;

/// <summary>
/// Pairwise accuracy of a clustering: every pair of records given the same predicted person is a
/// predicted link, every pair of records of the same true person is a true link.
/// </summary>
/// <param name="TruePositives">Pairs linked by both the prediction and the truth.</param>
/// <param name="FalsePositives">Pairs linked by the prediction but not the truth (false links).</param>
/// <param name="FalseNegatives">Pairs linked by the truth but not the prediction (missed links).</param>
public sealed record PairwiseEvaluation(long TruePositives, long FalsePositives, long FalseNegatives)
{
    /// <summary>TP / (TP + FP); 1 when no pair was predicted.</summary>
    public double Precision => PairwiseRates.Precision(TruePositives, FalsePositives);

    /// <summary>TP / (TP + FN); 1 when there are no true pairs.</summary>
    public double Recall => PairwiseRates.Recall(TruePositives, FalseNegatives);

    /// <summary>The harmonic mean of <see cref="Precision"/> and <see cref="Recall"/>; 0 when both are 0.</summary>
    public double F1 => PairwiseRates.F1(Precision, Recall);

    /// <summary>
    /// Scores a clustering against the truth. Entry <c>i</c> of each list is record <c>i</c>'s cluster;
    /// only which records share a label matters, not the labels themselves.
    /// </summary>
    /// <remarks>
    /// Counts pairs from cluster sizes (a group of n records holds n(n−1)/2 pairs) rather than listing
    /// pairs, so it runs in O(n) even when one cluster holds most of the records.
    /// </remarks>
    /// <exception cref="ArgumentException">The two lists differ in length.</exception>
    public static PairwiseEvaluation Compute<TKey>(IReadOnlyList<TKey> truth, IReadOnlyList<TKey> predicted)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        if (truth.Count != predicted.Count)
        {
            throw new ArgumentException(
                $"truth has {truth.Count} records but predicted has {predicted.Count}; they must be parallel.",
                nameof(predicted));
        }

        var truthSizes = new Dictionary<TKey, long>();
        var predictedSizes = new Dictionary<TKey, long>();
        var jointSizes = new Dictionary<(TKey Truth, TKey Predicted), long>();
        for (var i = 0; i < truth.Count; i++)
        {
            Increment(truthSizes, truth[i]);
            Increment(predictedSizes, predicted[i]);
            Increment(jointSizes, (truth[i], predicted[i]));
        }

        // A pair is a true positive exactly when both records share the truth and the predicted label.
        var truePositives = SumOfPairs(jointSizes);
        return new PairwiseEvaluation(
            truePositives,
            SumOfPairs(predictedSizes) - truePositives,
            SumOfPairs(truthSizes) - truePositives);
    }

    private static void Increment<T>(Dictionary<T, long> sizes, T key)
        where T : notnull
    {
        sizes[key] = sizes.GetValueOrDefault(key) + 1;
    }

    private static long SumOfPairs<T>(Dictionary<T, long> sizes)
        where T : notnull
    {
        long pairs = 0;
        foreach (var size in sizes.Values)
        {
            pairs += size * (size - 1) / 2;
        }

        return pairs;
    }
}
