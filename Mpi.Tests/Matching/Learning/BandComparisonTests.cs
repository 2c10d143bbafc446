using Mpi.Matching.Decisions;
using Mpi.Matching.Learning;

namespace Mpi.Tests.Matching.Learning;

public sealed class BandComparisonTests
{
    [Fact]
    public void Of_LearnerLinksOneAndRejectsOne_CountsReviewLinksAndMistakesApart()
    {
        LearnedDecision D(ThresholdBand before, ThresholdBand after) => new(before, after, 0.5, 0.5, "");
        var decisions = new[]
        {
            D(ThresholdBand.AutoLink, ThresholdBand.AutoLink),
            D(ThresholdBand.Review, ThresholdBand.AutoLink),
            D(ThresholdBand.Review, ThresholdBand.NonMatch),
            D(ThresholdBand.Review, ThresholdBand.Review),
        };
        bool[] samePerson = [true, true, true, false];

        var comparison = BandComparison.Of(decisions, samePerson, totalTruePairs: 4);

        Assert.Equal((3L, 1L, 1L), (comparison.Before.Review, comparison.Before.Linked, comparison.Before.TrulyLinked));
        Assert.Equal((1L, 2L, 2L), (comparison.After.Review, comparison.After.Linked, comparison.After.TrulyLinked));
        Assert.Equal(0.25, comparison.Before.Recall);
        Assert.Equal(0.5, comparison.After.Recall);
        Assert.Equal(2L / 3.0, comparison.ReviewReduction, 10);
        Assert.Equal((2L, 1L, 0L), (comparison.Moved, comparison.TrueMatchesRejected, comparison.FalseMatchesLinked));
    }
}
