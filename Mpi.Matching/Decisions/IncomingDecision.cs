using Mpi.Matching.Learning;

namespace Mpi.Matching.Decisions;

/// <summary>
/// What to do with an incoming record: the decision, the person it concerns (the best candidate), the candidates
/// ranked, and — when the active version's learned re-scorer judged the best candidate — what it said and whether it
/// moved the decision out of review.
/// </summary>
public sealed record IncomingDecision(DecisionKind Kind, PersonCandidate? Best, IReadOnlyList<PersonCandidate> Ranked, LearnedDecision? Learned);
