using Mpi.Matching.Decisions;
using Mpi.Matching.Learning;
using Mpi.Matching.Scoring;

namespace Mpi.Tests.Matching.Learning;

public sealed class LearnedDecisionTests
{
    private static readonly LearnedThresholds Thresholds = new();

    [Fact]
    public void Of_ReviewPairLearnedSure_MovesToAutoLinkAndSaysWhy()
    {
        var decision = LearnedDecision.Of(Vector(ThresholdBand.Review, PairGuard.None, 0.4), 0.99, Thresholds);

        Assert.Equal(ThresholdBand.AutoLink, decision.Band);
        Assert.True(decision.Moved);
        Assert.Contains("0.990", decision.Reason);
        Assert.Contains("Fellegi–Sunter 0.400", decision.Reason);
    }

    [Fact]
    public void Of_ReviewPairLearnedUnlikely_MovesToNew()
    {
        var decision = LearnedDecision.Of(Vector(ThresholdBand.Review, PairGuard.None, 0.4), 0.01, Thresholds);
        Assert.Equal(ThresholdBand.NonMatch, decision.Band);
    }

    [Fact]
    public void Of_GuardCapsAtReview_NeverAutoLinksButMayReject()
    {
        var twins = Vector(ThresholdBand.Review, PairGuard.AtMostReview, 0.9);

        Assert.Equal(ThresholdBand.Review, LearnedDecision.Of(twins, 0.999, Thresholds).Band);
        Assert.Contains("guard", LearnedDecision.Of(twins, 0.999, Thresholds).Reason);
        Assert.Equal(ThresholdBand.NonMatch, LearnedDecision.Of(twins, 0.001, Thresholds).Band);
    }

    [Theory]
    [InlineData(ThresholdBand.AutoLink, 0.001)]
    [InlineData(ThresholdBand.NonMatch, 0.999)]
    public void Of_OutsideReviewBand_KeepsTheFellegiSunterBand(ThresholdBand band, double learned)
    {
        var decision = LearnedDecision.Of(Vector(band, PairGuard.None, 0.5), learned, Thresholds);
        Assert.False(decision.Moved);
        Assert.Null(decision.LearnedProbability);
    }

    [Fact]
    public void Of_BetweenLearnedThresholds_StaysInReview()
    {
        Assert.False(LearnedDecision.Of(Vector(ThresholdBand.Review, PairGuard.None, 0.4), 0.5, Thresholds).Moved);
    }

    internal static ComparisonVector Vector(ThresholdBand band, PairGuard guard, double probability) =>
        new(0, 1, [1, 2], [3.0, -1.0], 2.0, probability, guard, band, "test-model");
}
