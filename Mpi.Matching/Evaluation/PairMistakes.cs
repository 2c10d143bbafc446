using Mpi.Matching.Deduplication;

namespace Mpi.Matching.Evaluation;

/// <summary>
/// Finds the scored candidate pairs a clustering got most wrong: the false merges it was surest of and the missed
/// links it thought least likely — the pairs a steward should read first.
/// </summary>
public static class PairMistakes
{
    /// <summary>
    /// The <paramref name="count"/> false merges with the highest probability and the <paramref name="count"/>
    /// missed links with the lowest. Entry <c>i</c> of <paramref name="truth"/> and <paramref name="predicted"/> is
    /// record <c>i</c>'s true and predicted person. Ties are broken by record index, so the result does not depend on
    /// the order the pairs were scored in (which parallel scoring does not fix).
    /// </summary>
    /// <remarks>
    /// Only scored pairs can be shown with a probability: a false merge made by joining clusters through other
    /// records, or a true pair blocking never put forward, is counted by <see cref="PairwiseEvaluation"/> but not listed.
    /// </remarks>
    public static (IReadOnlyList<PairMistake> FalseMerges, IReadOnlyList<PairMistake> MissedLinks) Worst<TKey>(
        IReadOnlyList<ScoredPair> scoredPairs, IReadOnlyList<TKey> truth, IReadOnlyList<TKey> predicted, int count)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(scoredPairs);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (truth.Count != predicted.Count)
            throw new ArgumentException($"truth has {truth.Count} records but predicted has {predicted.Count}.", nameof(predicted));

        var comparer = EqualityComparer<TKey>.Default;
        var falseMerges = new List<PairMistake>();
        var missedLinks = new List<PairMistake>();
        var seen = new HashSet<(int, int)>();
        foreach (var pair in scoredPairs)
        {
            var (first, second) = pair.First < pair.Second ? (pair.First, pair.Second) : (pair.Second, pair.First);
            var sameTruth = comparer.Equals(truth[first], truth[second]);
            var samePredicted = comparer.Equals(predicted[first], predicted[second]);
            if (sameTruth == samePredicted || !seen.Add((first, second))) continue;
            var kind = samePredicted ? PairMistakeKind.FalseMerge : PairMistakeKind.MissedLink;
            (samePredicted ? falseMerges : missedLinks).Add(new PairMistake(first, second, pair.Probability, kind));
        }

        return (
            falseMerges.OrderByDescending(m => m.Probability).ThenBy(m => m.First).ThenBy(m => m.Second).Take(count).ToArray(),
            missedLinks.OrderBy(m => m.Probability).ThenBy(m => m.First).ThenBy(m => m.Second).Take(count).ToArray());
    }
}
