using Mpi.Matching.Decisions;

namespace Mpi.Matching.Deduplication;

/// <summary>
/// One record's outcome in a batch: its cluster (the index of the cluster's first record), the decision and the
/// match probability behind it (the best link inside its cluster, or for a singleton its best candidate).
/// </summary>
public readonly record struct RecordAssignment(int Cluster, DecisionKind Decision, double Score);
