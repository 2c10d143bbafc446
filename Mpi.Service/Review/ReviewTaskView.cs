using Mpi.Matching.Normalization;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Review;

/// <summary>
/// A task as a reviewer opens it, for every face (ReviewService and the review UI's task page): the summary, the
/// incoming record with its receipts, the answer once resolved, and the candidates scored under the active model.
/// </summary>
public sealed record ReviewTaskView(
    ReviewTaskSummary Summary,
    string ModelVersion,
    SourceRecordEntity Incoming,
    IReadOnlyList<FieldReceipt> IncomingReceipts,
    ReviewResolutionKind? Resolution,
    string? ResolvedPersonId,
    string? ResolutionReason,
    double MatchPrior,
    IReadOnlyList<ScoredReviewCandidate> Candidates);
