using Mpi.Matching.Learning;
using Mpi.Matching.Settings;

namespace Mpi.Tests.Matching.Learning;

public sealed class PairFeaturesTests
{
    [Fact]
    public void Encode_ShippedModel_OneIndicatorPerComparisonThenWeightsThenTotal()
    {
        var model = ModelDefaults.Untrained(TimeProvider.System);
        var features = new PairFeatures(model);
        var levels = model.Comparisons.Select(c => c.Levels.Length - 1).ToArray(); // each comparison at its last level
        var vector = new ComparisonVector(0, 1, [.. levels], [.. levels.Select((_, i) => (double)i)], 7.5, 0.9,
            Mpi.Matching.Scoring.PairGuard.None, Mpi.Matching.Decisions.ThresholdBand.Review, model.Version);

        var encoded = features.Encode(vector);

        var levelCount = model.Comparisons.Sum(c => c.Levels.Length);
        Assert.Equal(levelCount + model.Comparisons.Length + 1, encoded.Length);
        Assert.Equal(model.Comparisons.Length, encoded[..levelCount].Count(x => x == 1f));
        Assert.Equal(levelCount, encoded[..levelCount].Count(x => x is 0f or 1f));
        Assert.Equal(1f, encoded[levelCount + 1]);
        Assert.Equal(7.5f, encoded[^1]);
    }

    [Fact]
    public void Encode_VectorOfAnotherModel_Throws()
    {
        var features = new PairFeatures(ModelDefaults.Untrained(TimeProvider.System));
        Assert.Throws<ArgumentException>(() => features.Encode(LearnedDecisionTests.Vector(
            Mpi.Matching.Decisions.ThresholdBand.Review, Mpi.Matching.Scoring.PairGuard.None, 0.5)));
    }
}
