using Mpi.Matching.Learning;
using Mpi.Matching.Scoring;
using Mpi.Service.Matching;
using Mpi.Service.Persons;

namespace Mpi.Service.Review;

/// <summary>A task's candidate person as a reviewer sees it: the person, the record of theirs that scores best against the incoming one, and why.</summary>
/// <param name="Learned">What the active version's learned re-scorer says of the pair, when it has one and the pair is in the review band.</param>
public sealed record ScoredReviewCandidate(PersonSnapshot Person, double Probability, StoredCandidate? Best, ScoreExplanation? Explanation,
    LearnedDecision? Learned = null);
