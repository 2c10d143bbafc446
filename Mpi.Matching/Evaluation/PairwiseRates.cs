namespace Mpi.Matching.Evaluation;

/// <summary>
/// Precision, recall and F1 from pair counts, with the conventions the project's scorer
/// (<c>score.py</c>) uses, so that figures computed here and there agree.
/// </summary>
internal static class PairwiseRates
{
    /// <summary>TP / (TP + FP); 1 when nothing was predicted, since no predicted link is wrong.</summary>
    public static double Precision(long truePositives, long falsePositives)
    {
        var predicted = truePositives + falsePositives;
        return predicted == 0 ? 1.0 : (double)truePositives / predicted;
    }

    /// <summary>TP / (TP + FN); 1 when there is nothing to find.</summary>
    public static double Recall(long truePositives, long falseNegatives)
    {
        var actual = truePositives + falseNegatives;
        return actual == 0 ? 1.0 : (double)truePositives / actual;
    }

    /// <summary>The harmonic mean of precision and recall; 0 when both are 0.</summary>
    public static double F1(double precision, double recall) =>
        precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
}
