using Mpi.Matching.Scoring;

namespace Mpi.ReviewUi.Desks;

/// <summary>
/// A review task as the task page shows it: the incoming record and each candidate person with its score, why the task
/// is there (in words, from what was decided when it opened), whether a guard holds the best candidate back (then no
/// answer is offered as the default), and when it was answered.
/// </summary>
public sealed record TaskDetail(long TaskId, QueueTaskState State, long Version, string? ClaimedBy, DateTimeOffset CreatedAt, double Probability,
    string ModelVersion, double PriorProbability, RecordView Incoming, IReadOnlyList<CandidateView> Candidates, ReviewAnswer? Resolution,
    string? ResolvedPersonId, string? ResolutionReason, string Why = "", bool HeldByGuard = false, DateTimeOffset? ResolvedAt = null,
    bool IsQualityCheck = false);

/// <summary>A candidate person, how well the incoming record matches its best record, and why (the waterfall).</summary>
/// <param name="LearnedReason">What the active version's learned re-scorer says of the pair, when it judged it.</param>
public sealed record CandidateView(PersonView Person, double Probability, ScoreExplanation? Explanation, RecordView? MatchedRecord,
    string? LearnedReason = null);
