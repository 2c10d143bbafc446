using Mpi.Matching.Decisions;
using Mpi.Matching.Records;
using Mpi.Matching.Scoring;
using Mpi.Matching.Settings;

namespace Mpi.Tests.Matching.Decisions;

/// <summary>
/// A record that matches two persons who match each other is linked, and the persons merged when a rule joins them or
/// a merge task opened when only scores do, not sent to review; a person that conflicts with the other keeps the
/// record in review (issue: recall and review load, clustering; docs/decisions.md "Two close candidates").
/// </summary>
public class PersonBridgeTests
{
    private static readonly DecisionThresholds Thresholds = ModelDefaults.Thresholds;
    private static readonly NormalizedRecord Incoming = Record("new");

    /// <summary>Each person holds one record named after it.</summary>
    private static IReadOnlyList<NormalizedRecord> RecordsOf(string person) => [Record(person)];

    private static NormalizedRecord Record(string localId) => new() { Registry = "R", LocalId = localId };

    private static BridgeDecision Bridge(Func<NormalizedRecord, NormalizedRecord, (bool, double)> compatible, params PersonCandidate[] candidates)
    {
        var decided = IncomingRecordDecision.Decide(candidates, Thresholds, null);
        return PersonBridge.Decide(Incoming, decided, Thresholds, RecordsOf, compatible);
    }

    private static (bool, double) Agree(NormalizedRecord a, NormalizedRecord b) => (true, 12.0);

    [Fact]
    public void Decide_RecordMatchingTwoPersonsThatAgreeOnScores_LinksAndAsksToMergeThem()
    {
        var bridged = Bridge(Agree, new PersonCandidate("P1", 0.999, PairGuard.None, null), new PersonCandidate("P2", 0.998, PairGuard.None, null));

        Assert.Equal((DecisionKind.AutoLink, 0), (bridged.Kind, bridged.MergedPersonIds.Count));
        Assert.Equal(["P2"], bridged.MergeTaskPersonIds);
    }

    [Fact]
    public void Decide_RecordMatchingTwoPersonsThatARuleJoins_LinksAndMergesThem()
    {
        // A deterministic rule holds between P1's and P2's own records (say, an update added the same id and birth date).
        var bridged = Bridge((a, b) => a.LocalId == "new" || b.LocalId == "new" ? (true, 12.0) : (true, double.PositiveInfinity),
            new PersonCandidate("P1", 0.999, PairGuard.None, null), new PersonCandidate("P2", 0.998, PairGuard.None, null));

        Assert.Equal((DecisionKind.AutoLink, 0), (bridged.Kind, bridged.MergeTaskPersonIds.Count));
        Assert.Equal(["P2"], bridged.MergedPersonIds);
    }

    [Fact]
    public void Decide_RuleToTheRecordOnlyFromOnePerson_IsNotARuleBetweenThePersons()
    {
        var bridged = Bridge((a, b) => b.LocalId == "new" || a.LocalId == "new" ? (true, double.PositiveInfinity) : (true, 12.0),
            new PersonCandidate("P1", 0.999, PairGuard.None, null), new PersonCandidate("P2", 0.998, PairGuard.None, null));

        Assert.Equal((0, 1), (bridged.MergedPersonIds.Count, bridged.MergeTaskPersonIds.Count));
    }

    [Fact]
    public void Decide_WithoutBridging_TheSamePairIsAReview() =>
        Assert.Equal(DecisionKind.Review, IncomingRecordDecision.Decide(
            [new PersonCandidate("P1", 0.999, PairGuard.None, null), new PersonCandidate("P2", 0.998, PairGuard.None, null)], Thresholds, null).Kind);

    [Fact]
    public void Decide_PersonsInConflict_StaysInReview()
    {
        // P1 and P2 are twins by the comparison: whatever the record says, they are two people.
        var bridged = Bridge((a, b) => (a.LocalId == "new" || b.LocalId == "new", 12.0),
            new PersonCandidate("P1", 0.999, PairGuard.None, null), new PersonCandidate("P2", 0.998, PairGuard.None, null));

        Assert.Equal((DecisionKind.Review, 0), (bridged.Kind, bridged.MergedPersonIds.Count));
    }

    [Fact]
    public void Decide_PersonsWhoseRecordsDisagreeOnAverage_StayInReview()
    {
        // The record agrees with both, but P1's and P2's own records weigh far below the clustering floor.
        var bridged = Bridge((a, b) => a.LocalId == "new" || b.LocalId == "new" ? (true, 12.0) : (true, -40.0),
            new PersonCandidate("P1", 0.999, PairGuard.None, null), new PersonCandidate("P2", 0.998, PairGuard.None, null));

        Assert.Equal(DecisionKind.Review, bridged.Kind);
    }

    [Fact]
    public void Decide_CloseCandidateHeldByAGuard_StaysInReview()
    {
        var bridged = Bridge(Agree, new PersonCandidate("P1", 0.999, PairGuard.None, null), new PersonCandidate("P2", 0.998, PairGuard.AtMostReview, null));

        Assert.Equal((DecisionKind.Review, 0), (bridged.Kind, bridged.MergedPersonIds.Count));
    }

    [Fact]
    public void Decide_RulesPointingAtTwoPersonsThatAgree_RuleLinksAndMerges()
    {
        var bridged = Bridge(Agree, new PersonCandidate("P1", 1.0, PairGuard.None, "r"), new PersonCandidate("P2", 1.0, PairGuard.None, "r"));

        Assert.Equal(DecisionKind.RuleLink, bridged.Kind);
        Assert.Equal(["P2"], bridged.MergedPersonIds);
    }

    [Fact]
    public void Decide_IncoherentPersonOutsideTheMargin_IsLeftAloneAndTheRecordLinks()
    {
        var bridged = Bridge((a, b) => (a.LocalId != "P2" && b.LocalId != "P2", 12.0),
            new PersonCandidate("P1", 0.999, PairGuard.None, null), new PersonCandidate("P2", 0.8, PairGuard.None, null));

        Assert.Equal((DecisionKind.AutoLink, 0, 0), (bridged.Kind, bridged.MergedPersonIds.Count, bridged.MergeTaskPersonIds.Count));
    }
}
