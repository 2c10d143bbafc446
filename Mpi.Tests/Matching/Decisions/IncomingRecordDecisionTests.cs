using Mpi.Matching.Decisions;
using Mpi.Matching.Scoring;
using Mpi.Matching.Settings;

namespace Mpi.Tests.Matching.Decisions;

public class IncomingRecordDecisionTests
{
    private static readonly DecisionThresholds Thresholds = ModelDefaults.Thresholds;

    private static DecisionKind Kind(params PersonCandidate[] candidates) => IncomingRecordDecision.Decide(candidates, Thresholds).Kind;

    [Fact]
    public void Decide_NoCandidate_IsNew() => Assert.Equal(DecisionKind.New, Kind());

    [Fact]
    public void Decide_OneStrongCandidate_AutoLinks() => Assert.Equal(DecisionKind.AutoLink, Kind(new PersonCandidate("P1", 0.98, PairGuard.None, null)));

    [Fact]
    public void Decide_TwoCandidatesWithinTheMargin_GoesToReview() =>
        Assert.Equal(DecisionKind.Review, Kind(new PersonCandidate("P1", 0.98, PairGuard.None, null), new PersonCandidate("P2", 0.95, PairGuard.None, null)));

    [Fact]
    public void Decide_GuardedStrongCandidate_GoesToReview() =>
        Assert.Equal(DecisionKind.Review, Kind(new PersonCandidate("P1", 0.999, PairGuard.AtMostReview, null)));

    [Fact]
    public void Decide_CannotLinkCandidate_IsIgnored() =>
        Assert.Equal(DecisionKind.New, Kind(new PersonCandidate("P1", 0.999, PairGuard.CannotLink, null)));

    [Fact]
    public void Decide_Rule_BeatsAHigherScore()
    {
        var (kind, best, _) = IncomingRecordDecision.Decide([new("P1", 0.999, PairGuard.None, null), new PersonCandidate("P2", 1.0, PairGuard.None, "national_id+birth_date")], Thresholds);
        Assert.Equal((DecisionKind.RuleLink, "P2"), (kind, best!.PersonId));
    }

    [Fact]
    public void Decide_RulesPointingAtTwoPersons_GoesToReview() =>
        Assert.Equal(DecisionKind.Review, Kind(new PersonCandidate("P1", 1.0, PairGuard.None, "r"), new PersonCandidate("P2", 1.0, PairGuard.None, "r")));

    [Fact]
    public void Decide_WeakCandidate_IsNew() => Assert.Equal(DecisionKind.New, Kind(new PersonCandidate("P1", 0.05, PairGuard.None, null)));
}
