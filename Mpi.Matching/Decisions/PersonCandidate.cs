using Mpi.Matching.Scoring;

namespace Mpi.Matching.Decisions;

/// <summary>
/// An existing person an incoming record may belong to: the best of its records against the incoming one
/// (probability and guard), or a deterministic rule that links them outright.
/// </summary>
public sealed record PersonCandidate(string PersonId, double Probability, PairGuard Guard, string? Rule);
