using CsCheck;
using Mpi.Matching.Evaluation;

namespace Mpi.Tests.Matching.Evaluation;

public sealed class PrecisionRecallByThresholdTests
{
    private const double Tolerance = 1e-12;

    private static readonly (double Score, bool IsTrueMatch)[] FivePairs =
    [
        (0.9, true), (0.8, false), (0.7, true), (0.5, false), (0.3, true),
    ];

    [Fact]
    public void Compute_FivePairsFourTrue_CountsByHandInThresholdOrder()
    {
        // Four true pairs exist; one was never scored, so it is missed at every threshold.
        var points = PrecisionRecallByThreshold.Compute(FivePairs, 4, [0.0, 0.5, 0.75, 0.95]);

        Assert.Equal(
            [
                new ThresholdPoint(0.0, 3, 2, 1),
                new ThresholdPoint(0.5, 2, 2, 2),
                new ThresholdPoint(0.75, 1, 1, 3),
                new ThresholdPoint(0.95, 0, 0, 4),
            ],
            points);
    }

    [Fact]
    public void Compute_ThresholdEqualToAScore_IncludesThatPair()
    {
        var point = Assert.Single(PrecisionRecallByThreshold.Compute(FivePairs, 3, [0.7]));

        Assert.Equal(new ThresholdPoint(0.7, 2, 1, 1), point);
        Assert.Equal(2.0 / 3, point.Precision, Tolerance);
        Assert.Equal(2.0 / 3, point.Recall, Tolerance);
        Assert.Equal(2.0 / 3, point.F1, Tolerance);
    }

    [Fact]
    public void Compute_UnsortedThresholds_PointsKeepTheGivenOrder()
    {
        var points = PrecisionRecallByThreshold.Compute(FivePairs, 3, [0.95, 0.0, 0.75]);

        Assert.Equal([0.95, 0.0, 0.75], points.Select(p => p.Threshold));
        Assert.Equal([0L, 3L, 1L], points.Select(p => p.TruePositives));
    }

    [Fact]
    public void Compute_TiedScores_AllCountedAtTheirThreshold()
    {
        var points = PrecisionRecallByThreshold.Compute([(0.5, true), (0.5, false), (0.5, true)], 2, [0.5, 0.51]);

        Assert.Equal([new ThresholdPoint(0.5, 2, 1, 0), new ThresholdPoint(0.51, 0, 0, 2)], points);
    }

    [Fact]
    public void Compute_ThresholdAboveEveryScore_PrecisionOneRecallZero()
    {
        var point = Assert.Single(PrecisionRecallByThreshold.Compute(FivePairs, 3, [1.0]));

        Assert.Equal(1.0, point.Precision);
        Assert.Equal(0.0, point.Recall);
        Assert.Equal(0.0, point.F1);
    }

    [Fact]
    public void Compute_NoScoredPairsAndNoTruePairs_PerfectScores()
    {
        var point = Assert.Single(PrecisionRecallByThreshold.Compute([], 0, [0.5]));

        Assert.Equal(new ThresholdPoint(0.5, 0, 0, 0), point);
        Assert.Equal(1.0, point.F1);
    }

    [Fact]
    public void Compute_NoThresholds_NoPoints()
    {
        Assert.Empty(PrecisionRecallByThreshold.Compute(FivePairs, 3, []));
    }

    [Fact]
    public void Compute_TotalTruePairsBelowScoredTrueMatches_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PrecisionRecallByThreshold.Compute(FivePairs, 2, [0.5]));
    }

    [Fact]
    public void Compute_NaNScore_Throws()
    {
        Assert.Throws<ArgumentException>(() => PrecisionRecallByThreshold.Compute([(double.NaN, true)], 1, [0.5]));
    }

    [Fact]
    public void Compute_NaNThreshold_Throws()
    {
        Assert.Throws<ArgumentException>(() => PrecisionRecallByThreshold.Compute(FivePairs, 3, [double.NaN]));
    }

    [Fact]
    public void Compute_AnyPairsAndThresholds_AgreesWithCountingEachThreshold()
    {
        // Scores on a coarse grid so that ties and thresholds equal to scores are common.
        var score = Gen.Int[0, 10].Select(i => i / 10.0);
        var pairs = Gen.Select(score, Gen.Bool).Array[0, 30];
        var thresholds = score.Array[0, 6];
        var unscoredTruePairs = Gen.Int[0, 3];

        Gen.Select(pairs, thresholds, unscoredTruePairs).Sample(
            (scored, cuts, unscored) =>
            {
                var total = scored.Count(p => p.Item2) + unscored;
                var points = PrecisionRecallByThreshold.Compute(
                    scored.Select(p => (p.Item1, p.Item2)).ToArray(), total, cuts);

                return points.Select(p => p.Threshold).SequenceEqual(cuts)
                    && points.All(p =>
                    {
                        var tp = scored.Count(s => s.Item1 >= p.Threshold && s.Item2);
                        var fp = scored.Count(s => s.Item1 >= p.Threshold && !s.Item2);
                        return p == new ThresholdPoint(p.Threshold, tp, fp, total - tp);
                    });
            });
    }
}
