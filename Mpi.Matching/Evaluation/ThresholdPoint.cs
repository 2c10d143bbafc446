namespace Mpi.Matching.Evaluation;

/// <summary>
/// Pairwise accuracy when every scored candidate pair with score ≥ <see cref="Threshold"/> is linked:
/// one point of a precision–recall curve.
/// </summary>
/// <param name="Threshold">The score at or above which a pair counts as a predicted link.</param>
/// <param name="TruePositives">Scored pairs at or above the threshold that are true matches.</param>
/// <param name="FalsePositives">Scored pairs at or above the threshold that are not.</param>
/// <param name="FalseNegatives">True pairs not linked: those below the threshold and those never scored.</param>
public sealed record ThresholdPoint(double Threshold, long TruePositives, long FalsePositives, long FalseNegatives)
{
    /// <summary>TP / (TP + FP); 1 when no pair reaches the threshold.</summary>
    public double Precision => PairwiseRates.Precision(TruePositives, FalsePositives);

    /// <summary>TP / (TP + FN); 1 when there are no true pairs.</summary>
    public double Recall => PairwiseRates.Recall(TruePositives, FalseNegatives);

    /// <summary>The harmonic mean of <see cref="Precision"/> and <see cref="Recall"/>; 0 when both are 0.</summary>
    public double F1 => PairwiseRates.F1(Precision, Recall);
}
