using Mpi.Matching.Evaluation;

namespace Mpi.Tests.Matching.Evaluation;

public sealed class ScoreHistogramTests
{
    [Fact]
    public void ByMatchWeight_EvenOdds_FallsInTheBinStartingAtZero()
    {
        var bins = ScoreHistogram.ByMatchWeight([(0.5, true), (0.5, false), (0.5, false)]);

        var bin = Assert.Single(bins, b => b.TrueMatches + b.NonMatches > 0);
        Assert.Equal(0.0, bin.From);
        Assert.Equal(1.0, bin.To);
        Assert.Equal(1, bin.TrueMatches);
        Assert.Equal(2, bin.NonMatches);
    }

    [Fact]
    public void ByMatchWeight_CertainPairs_AreCountedInTheEndBins()
    {
        var bins = ScoreHistogram.ByMatchWeight([(1.0, true), (0.0, false), (1e-20, false)], binWidth: 2, lowest: -10, highest: 10);

        Assert.Equal(10, bins.Count);
        Assert.Equal(1, bins[^1].TrueMatches);
        Assert.Equal(2, bins[0].NonMatches);
    }

    [Fact]
    public void ByMatchWeight_AnyPairs_CountsEveryPairOnce()
    {
        var random = new Random(5);
        var pairs = Enumerable.Range(0, 500).Select(_ => (random.NextDouble(), random.Next(2) == 0)).ToArray();

        var bins = ScoreHistogram.ByMatchWeight(pairs);

        Assert.Equal(pairs.Count(p => p.Item2), bins.Sum(b => b.TrueMatches));
        Assert.Equal(pairs.Count(p => !p.Item2), bins.Sum(b => b.NonMatches));
    }

    [Fact]
    public void ByMatchWeight_NaN_Throws() =>
        Assert.Throws<ArgumentException>(() => ScoreHistogram.ByMatchWeight([(double.NaN, true)]));

    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.8, 2.0)]
    [InlineData(0.2, -2.0)]
    public void WeightOf_Probability_IsLog2Odds(double probability, double weight) =>
        Assert.Equal(weight, ScoreHistogram.WeightOf(probability), 10);
}
