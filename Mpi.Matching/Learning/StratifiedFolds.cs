namespace Mpi.Matching.Learning;

/// <summary>
/// Assigns labelled pairs to cross-validation folds so that each fold holds its share of both verdicts: with a few
/// dozen labels a random split leaves a fold with no "same person" at all, and neither training nor scoring it means
/// anything. Deterministic: the i-th pair of each verdict goes to fold i mod k.
/// </summary>
public static class StratifiedFolds
{
    /// <summary>The fold of each pair, in the order given.</summary>
    public static int[] Of(IReadOnlyList<LabelledComparisonVector> labelled, int folds)
    {
        ArgumentNullException.ThrowIfNull(labelled);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var fold = new int[labelled.Count];
        int same = 0, different = 0;
        for (var i = 0; i < labelled.Count; i++)
            fold[i] = labelled[i].SamePerson ? same++ % folds : different++ % folds;
        return fold;
    }
}
