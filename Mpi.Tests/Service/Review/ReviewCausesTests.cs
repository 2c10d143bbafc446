using Mpi.Matching.Decisions;
using Mpi.Matching.Scoring;
using Mpi.Matching.Settings;
using Mpi.Service.Matching;
using Mpi.Service.Persistence.Entities;
using Mpi.Service.Review;

namespace Mpi.Tests.Service.Review;

/// <summary>Why a registration went to review, decided with it (issue 16, item 1): guard first, then a close rival, else the band.</summary>
public sealed class ReviewCausesTests
{
    private static readonly DecisionThresholds Thresholds = new(AutoLink: 0.95, Review: 0.5, AmbiguityMargin: 0.05, StrongDisagreementWeight: -8,
        MinimumMeanClusterWeight: 0);

    private static IncomingDecision Decided(params PersonCandidate[] ranked) => new(DecisionKind.Review, ranked.FirstOrDefault(), ranked, null);

    [Fact]
    public void GuardHoldingAnAutoLinkScore_IsTheCause_EvenWithARivalClose()
    {
        var cause = ReviewCauses.Of(Decided(new("P1", 0.999, PairGuard.AtMostReview, null), new("P2", 0.998, PairGuard.None, null)), Thresholds,
            GuardReason.Twins);

        Assert.Equal(new TaskCause(ReviewCauseKind.Guard, GuardReason.Twins), cause);
        Assert.Contains("twins", ReviewCauseText.Of(cause), StringComparison.Ordinal);
    }

    [Fact]
    public void RivalWithinTheMargin_IsAmbiguous_NamingTheRival()
    {
        var cause = ReviewCauses.Of(Decided(new("P1", 0.97, PairGuard.None, null), new("P2", 0.93, PairGuard.None, null)), Thresholds, GuardReason.None);

        Assert.Equal(new TaskCause(ReviewCauseKind.Ambiguous, RivalPersonId: "P2"), cause);
        Assert.Contains("person P2", ReviewCauseText.Of(cause), StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreInTheBand_WithNoRivalOrGuard_IsTheBand()
    {
        var cause = ReviewCauses.Of(Decided(new("P1", 0.8, PairGuard.None, null), new("P2", 0.6, PairGuard.None, null)), Thresholds, GuardReason.None);

        Assert.Equal(ReviewCauseKind.ReviewBand, cause.Kind);
        Assert.Contains("review band", ReviewCauseText.Of(cause), StringComparison.Ordinal);
    }

    [Fact]
    public void GuardOnAScoreInTheBand_IsTheBand_TheScoreWouldNotHaveLinkedAnyway()
    {
        var cause = ReviewCauses.Of(Decided(new PersonCandidate("P1", 0.8, PairGuard.AtMostReview, null)), Thresholds, GuardReason.NationalIds);

        Assert.Equal(ReviewCauseKind.ReviewBand, cause.Kind);
    }
}
