using Mpi.Matching.Scoring;
using Mpi.Service.Matching;
using Mpi.Service.Persons;

namespace Mpi.Service.Review;

/// <summary>A task's candidate person as a reviewer sees it: the person, the record of theirs that scores best against the incoming one, and why.</summary>
public sealed record ScoredReviewCandidate(PersonSnapshot Person, double Probability, StoredCandidate? Best, ScoreExplanation? Explanation);
