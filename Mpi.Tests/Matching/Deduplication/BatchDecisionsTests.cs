using Mpi.Matching.Clustering;
using Mpi.Matching.Decisions;
using Mpi.Matching.Deduplication;
using Mpi.Matching.Settings;

namespace Mpi.Tests.Matching.Deduplication;

public class BatchDecisionsTests
{
    private static readonly DecisionThresholds Thresholds = ModelDefaults.Thresholds;

    private static double Weight(double probability) => Math.Log2(probability / (1 - probability));

    [Fact]
    public void Assign_Cluster_FirstRecordIsNewOthersAreLinks()
    {
        var result = BatchDecisions.Assign([0, 0, 0], [new(0, 1, double.PositiveInfinity, true), new(0, 2, Weight(0.99), false)], [], Thresholds);
        Assert.Equal([DecisionKind.New, DecisionKind.RuleLink, DecisionKind.AutoLink], result.Select(r => r.Decision));
        Assert.Equal(0.99, result[2].Score, 6);
    }

    [Fact]
    public void Assign_TwoPlausiblePeopleWithinTheMargin_GoesToReviewAlone()
    {
        // Record 1 joined record 0 at 0.95; the join with record 2's person was refused, yet it scores 0.93 there.
        var result = BatchDecisions.Assign([0, 0, 2], [new(0, 1, Weight(0.95), false), new(1, 2, Weight(0.93), false)], [], Thresholds);
        Assert.Equal(DecisionKind.Review, result[1].Decision);
        Assert.Equal(1, result[1].Cluster);
        Assert.Equal(DecisionKind.New, result[0].Decision);
    }

    [Fact]
    public void Assign_SecondCandidateFarBelow_KeepsTheLink()
    {
        var result = BatchDecisions.Assign([0, 0, 2], [new(0, 1, Weight(0.999), false), new(1, 2, Weight(0.75), false)], [], Thresholds);
        Assert.Equal(DecisionKind.AutoLink, result[1].Decision);
        Assert.Equal(0, result[1].Cluster);
    }

    [Fact]
    public void Assign_UnlinkedRecordWithAReviewPair_TheLaterOneIsReview()
    {
        var result = BatchDecisions.Assign([0, 1], [], [(0, 1, 0.4)], Thresholds);
        Assert.Equal([DecisionKind.New, DecisionKind.Review], result.Select(r => r.Decision));
        Assert.Equal(0.4, result[1].Score, 6);
    }
}
