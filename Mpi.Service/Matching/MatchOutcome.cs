using Mpi.Matching.Decisions;
using Mpi.Matching.Learning;
using Mpi.Matching.Normalization;
using Mpi.Matching.Scoring;

namespace Mpi.Service.Matching;

/// <summary>
/// What Match answers: what Register would decide (the rule, for a rule link), the model version, the learned
/// re-scorer's say, the persons a registration would merge or ask about, the record's receipts and the candidates
/// the caller may see, best first.
/// </summary>
public sealed record MatchOutcome(
    DecisionKind Decision,
    string? Rule,
    string ModelVersion,
    LearnedDecision? Learned,
    IReadOnlyList<string> MergedPersonIds,
    IReadOnlyList<string> MergeTaskPersonIds,
    IReadOnlyList<FieldReceipt> Receipts,
    IReadOnlyList<MatchedPerson> Candidates);

/// <summary>
/// A candidate person of Match: its probability, why (the explanation of its deciding record, and that record's key
/// when the caller may see it), its band, its golden view and the keys of its records the caller may see.
/// </summary>
public sealed record MatchedPerson(
    string PersonId,
    double Probability,
    ScoreExplanation Explanation,
    (string Registry, string LocalId)? MatchedRecord,
    ThresholdBand Band,
    IReadOnlyDictionary<string, string> Golden,
    IReadOnlyList<(string Registry, string LocalId)> Records);
