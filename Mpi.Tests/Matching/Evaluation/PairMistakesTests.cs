using Mpi.Matching.Deduplication;
using Mpi.Matching.Evaluation;

namespace Mpi.Tests.Matching.Evaluation;

public sealed class PairMistakesTests
{
    // Records 0,1 are person a; 2,3 person b. The clustering put 1 with 2 and left 0 and 3 alone.
    private static readonly string[] Truth = ["a", "a", "b", "b"];
    private static readonly string[] Predicted = ["x", "y", "y", "z"];

    [Fact]
    public void Worst_MixedPairs_SortsFalseMergesByConfidenceAndMissedLinksByDoubt()
    {
        ScoredPair[] scored =
        [
            new(0, 1, 0.40), // missed
            new(1, 2, 0.90), // false merge
            new(3, 2, 0.05), // missed, given in reverse order
            new(0, 3, 0.01), // right: different people kept apart
        ];

        var (falseMerges, missedLinks) = PairMistakes.Worst(scored, Truth, Predicted, 10);

        var merge = Assert.Single(falseMerges);
        Assert.Equal((1, 2, PairMistakeKind.FalseMerge), (merge.First, merge.Second, merge.Kind));
        Assert.Equal([(2, 3), (0, 1)], missedLinks.Select(m => (m.First, m.Second)));
        Assert.All(missedLinks, m => Assert.Equal(PairMistakeKind.MissedLink, m.Kind));
    }

    [Fact]
    public void Worst_SamePairTwiceAndACountOfOne_ListsItOnce()
    {
        ScoredPair[] scored = [new(0, 1, 0.40), new(1, 0, 0.40), new(2, 3, 0.30)];

        var (_, missedLinks) = PairMistakes.Worst(scored, Truth, Predicted, 1);

        Assert.Equal((2, 3), (missedLinks.Single().First, missedLinks.Single().Second));
    }

    [Fact]
    public void Worst_ListsOfDifferentLengths_Throws() =>
        Assert.Throws<ArgumentException>(() => PairMistakes.Worst([], Truth, ["x"], 1));
}
