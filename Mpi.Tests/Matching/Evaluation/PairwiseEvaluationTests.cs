using Mpi.Matching.Evaluation;

namespace Mpi.Tests.Matching.Evaluation;

public sealed class PairwiseEvaluationTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Compute_OneTrueClusterSplitAcrossTwoPredicted_CountsByHand()
    {
        // Truth links (0,1) (0,2) (1,2); the prediction links (0,1) and (2,3). Only (0,1) is in both.
        var result = PairwiseEvaluation.Compute(["A", "A", "A", "B"], ["1", "1", "2", "2"]);

        Assert.Equal(new PairwiseEvaluation(1, 1, 2), result);
        Assert.Equal(0.5, result.Precision, Tolerance);
        Assert.Equal(1.0 / 3, result.Recall, Tolerance);
        Assert.Equal(0.4, result.F1, Tolerance);
    }

    [Fact]
    public void Compute_EverythingInOnePredictedCluster_FullRecallLowPrecision()
    {
        var result = PairwiseEvaluation.Compute([1, 1, 2, 2], [7, 7, 7, 7]);

        Assert.Equal(new PairwiseEvaluation(2, 4, 0), result);
        Assert.Equal(1.0 / 3, result.Precision, Tolerance);
        Assert.Equal(1.0, result.Recall);
        Assert.Equal(0.5, result.F1, Tolerance);
    }

    [Fact]
    public void Compute_AllPredictedSingletons_PrecisionOneRecallZeroF1Zero()
    {
        var result = PairwiseEvaluation.Compute(["A", "A", "B"], ["1", "2", "3"]);

        Assert.Equal(new PairwiseEvaluation(0, 0, 1), result);
        Assert.Equal(1.0, result.Precision);
        Assert.Equal(0.0, result.Recall);
        Assert.Equal(0.0, result.F1);
    }

    [Fact]
    public void Compute_NoTruePairsButSomePredicted_RecallOnePrecisionZero()
    {
        var result = PairwiseEvaluation.Compute(["A", "B", "C"], ["1", "1", "2"]);

        Assert.Equal(new PairwiseEvaluation(0, 1, 0), result);
        Assert.Equal(0.0, result.Precision);
        Assert.Equal(1.0, result.Recall);
        Assert.Equal(0.0, result.F1);
    }

    [Fact]
    public void Compute_AllSingletonsBothSides_PerfectScores()
    {
        var result = PairwiseEvaluation.Compute(["A", "B", "C"], ["1", "2", "3"]);

        Assert.Equal(new PairwiseEvaluation(0, 0, 0), result);
        Assert.Equal(1.0, result.Precision);
        Assert.Equal(1.0, result.Recall);
        Assert.Equal(1.0, result.F1);
    }

    [Fact]
    public void Compute_NoRecords_NoPairs()
    {
        var result = PairwiseEvaluation.Compute(Array.Empty<string>(), Array.Empty<string>());

        Assert.Equal(new PairwiseEvaluation(0, 0, 0), result);
    }

    [Fact]
    public void Compute_LargeCluster_CountsPairsWithoutOverflow()
    {
        // 100,000 records of one person: 4,999,950,000 pairs, more than an int holds.
        const int n = 100_000;
        var same = new int[n];

        var result = PairwiseEvaluation.Compute(same, same);

        Assert.Equal(new PairwiseEvaluation(4_999_950_000, 0, 0), result);
    }

    [Fact]
    public void Compute_ListsOfDifferentLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => PairwiseEvaluation.Compute([1, 1], [1]));
    }

    [Theory]
    [InlineData(0, 0, 0, 1.0, 1.0, 1.0)]
    [InlineData(0, 0, 5, 1.0, 0.0, 0.0)]
    [InlineData(0, 5, 0, 0.0, 1.0, 0.0)]
    [InlineData(0, 5, 5, 0.0, 0.0, 0.0)]
    [InlineData(3, 1, 0, 0.75, 1.0, 6.0 / 7)]
    public void Rates_FromCounts_FollowTheScorerConventions(
        long tp, long fp, long fn, double precision, double recall, double f1)
    {
        var result = new PairwiseEvaluation(tp, fp, fn);

        Assert.Equal(precision, result.Precision, Tolerance);
        Assert.Equal(recall, result.Recall, Tolerance);
        Assert.Equal(f1, result.F1, Tolerance);
    }
}
