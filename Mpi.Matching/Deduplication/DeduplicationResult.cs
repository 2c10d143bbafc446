namespace Mpi.Matching.Deduplication;

/// <summary>A batch's assignments (one per input record, in input order) and counts a steward would look at.</summary>
public sealed record DeduplicationResult(
    IReadOnlyList<RecordAssignment> Assignments,
    long CandidatePairs,
    long RuleLinks,
    long AutoLinks,
    long ReviewPairs,
    int RefusedJoins,
    int OversizedBlocks,
    IReadOnlyList<ScoredPair>? ScoredPairs = null);

/// <summary>A candidate pair (record indices) and its match probability (1 for a deterministic rule).</summary>
public readonly record struct ScoredPair(int First, int Second, double Probability);
