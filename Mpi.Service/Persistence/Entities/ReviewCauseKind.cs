using Mpi.Matching.Scoring;

namespace Mpi.Service.Persistence.Entities;

/// <summary>Why a task was opened, decided when it was (stored as a word, <see cref="Persistence.StoredWords"/>).</summary>
public enum ReviewCauseKind
{
    /// <summary>The best candidate's probability is between the review and auto-link thresholds.</summary>
    ReviewBand,

    /// <summary>The best candidate reached auto-link, but the identity guard holds it at review (<see cref="ReviewTaskEntity.CauseGuard"/> says which).</summary>
    Guard,

    /// <summary>Another candidate is within the ambiguity margin of the best (<see cref="ReviewTaskEntity.CauseRivalPersonId"/>).</summary>
    Ambiguous,

    /// <summary>A merge task: the record linked, and also matched other persons whose records agree with its person's.</summary>
    MergeQuestion,

    /// <summary>A sampled automatic link, for a reviewer to confirm or reject (the false-merge estimate).</summary>
    QualityCheck,
}

/// <summary>A task's cause as decided: the kind, the guard that held the best candidate back, the rival within the margin.</summary>
public sealed record TaskCause(ReviewCauseKind Kind, GuardReason Guard = GuardReason.None, string? RivalPersonId = null);
