using Mpi.Matching.Scoring;

namespace Mpi.Matching.Decisions;

/// <summary>
/// An existing person an incoming record may belong to: the best of its records against the incoming one
/// (probability and guard), or a deterministic rule that links them outright.
/// </summary>
/// <param name="LearnedProbability">
/// The active version's learned re-scorer on the same record pair, when it has one and the pair is in the review band.
/// </param>
public sealed record PersonCandidate(string PersonId, double Probability, PairGuard Guard, string? Rule, double? LearnedProbability = null);
