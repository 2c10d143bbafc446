using Mpi.Matching.Decisions;
using Mpi.Matching.Scoring;
using Mpi.Matching.Settings;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Matching;

/// <summary>
/// Why a registration went to review, decided with it: the guard first (the best candidate reached auto-link but a
/// guard holds it, and the guard's reason says which trap: twins, father and son, namesakes …), then a rival within the
/// ambiguity margin, else the review band. Kept with the task, so that the queue and the task page say why from what
/// was decided, not from a re-scoring under a later model.
/// </summary>
public static class ReviewCauses
{
    /// <param name="guardOfBest">The guard's reason on the best candidate's deciding pair.</param>
    public static TaskCause Of(IncomingDecision decided, DecisionThresholds thresholds, GuardReason guardOfBest)
    {
        if (decided.Best is not { } best) return new TaskCause(ReviewCauseKind.ReviewBand);
        if (best.Rule is null && best.Guard == PairGuard.AtMostReview && best.Probability >= thresholds.AutoLink)
            return new TaskCause(ReviewCauseKind.Guard, guardOfBest);
        var second = decided.Ranked.Count > 1 ? decided.Ranked[1] : null;
        return second is not null && IncomingRecordDecision.Rivals(second, best, thresholds)
            ? new TaskCause(ReviewCauseKind.Ambiguous, RivalPersonId: second.PersonId)
            : new TaskCause(ReviewCauseKind.ReviewBand);
    }
}
