using Mpi.Matching.Decisions;
using Mpi.Matching.Learning;
using Mpi.Matching.Scoring;
using Mpi.Matching.Settings;

namespace Mpi.Tests.Matching.Decisions;

public class IncomingRecordDecisionLearnedTests
{
    private static readonly DecisionThresholds Thresholds = ModelDefaults.Thresholds;
    private static readonly LearnedThresholds Learned = new();

    private static IncomingDecision Decide(params PersonCandidate[] candidates) => IncomingRecordDecision.Decide(candidates, Thresholds, Learned);

    [Fact]
    public void Decide_ReviewBandLearnedSure_AutoLinksWithReason()
    {
        var decided = Decide(new PersonCandidate("P1", 0.5, PairGuard.None, null, 0.99));

        Assert.Equal(DecisionKind.AutoLink, decided.Kind);
        Assert.Equal("P1", decided.Best!.PersonId);
        Assert.True(decided.Learned!.Moved);
        Assert.Equal("learned probability 0.990 ≥ 0.970 (Fellegi–Sunter 0.500): linked", decided.Learned.Reason);
    }

    [Fact]
    public void Decide_ReviewBandLearnedUnlikely_IsNew()
    {
        var decided = Decide(new PersonCandidate("P1", 0.5, PairGuard.None, null, 0.005));

        Assert.Equal(DecisionKind.New, decided.Kind);
        Assert.Equal("learned probability 0.005 ≤ 0.030 (Fellegi–Sunter 0.500): not the same person", decided.Learned!.Reason);
    }

    [Fact]
    public void Decide_GuardedPairLearnedSure_StaysInReview()
    {
        var decided = Decide(new PersonCandidate("P1", 0.99, PairGuard.AtMostReview, null, 0.999));

        Assert.Equal(DecisionKind.Review, decided.Kind);
        Assert.False(decided.Learned!.Moved);
        Assert.Contains("identity guard", decided.Learned.Reason);
    }

    [Fact]
    public void Decide_LearnedSureButSecondCandidateClose_StaysInReview()
    {
        var decided = Decide(new PersonCandidate("P1", 0.5, PairGuard.None, null, 0.99), new PersonCandidate("P2", 0.48, PairGuard.None, null, 0.5));

        Assert.Equal(DecisionKind.Review, decided.Kind);
        Assert.Contains("ambiguity margin", decided.Learned!.Reason);
    }

    [Fact]
    public void Decide_BestUnlikelyButAnotherStillInReview_StaysInReview()
    {
        var decided = Decide(new PersonCandidate("P1", 0.5, PairGuard.None, null, 0.01), new PersonCandidate("P2", 0.3, PairGuard.None, null, 0.5));

        Assert.Equal(DecisionKind.Review, decided.Kind);
    }

    [Fact]
    public void Decide_BestAndOthersUnlikely_IsNew()
    {
        var decided = Decide(new PersonCandidate("P1", 0.5, PairGuard.None, null, 0.01), new PersonCandidate("P2", 0.3, PairGuard.None, null, 0.02),
            new PersonCandidate("P3", 0.01, PairGuard.None, null));

        Assert.Equal(DecisionKind.New, decided.Kind);
    }

    [Fact]
    public void Decide_WithoutLearnedThresholds_IsFellegiSunterAlone()
    {
        var candidate = new PersonCandidate("P1", 0.5, PairGuard.None, null, 0.99);

        var decided = IncomingRecordDecision.Decide([candidate], Thresholds, null);

        Assert.Equal(IncomingRecordDecision.Decide([candidate], Thresholds).Kind, decided.Kind);
        Assert.Null(decided.Learned);
    }

    [Fact]
    public void Decide_AutoLinkBand_LearnerNotAsked() =>
        Assert.Null(Decide(new PersonCandidate("P1", 0.95, PairGuard.None, null, 0.001)).Learned);
}
