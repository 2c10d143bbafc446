namespace Mpi.Service.Persistence.Entities;

/// <summary>
/// What a registration's decision turned on besides the best probability, kept on its link event so that the
/// thresholds preview can decide the record again under other thresholds and count exactly the tasks the queue would
/// hold (guard-held pairs, close rivals, the learner's verdict, merge questions, quality checks). Stored as a number.
/// </summary>
[Flags]
public enum DecisionTraits
{
    None = 0,
    /// <summary>The best candidate's guard allows review at most (twins, father and son, namesakes).</summary>
    Guarded = 1,
    /// <summary>The second candidate rivals the best (within the ambiguity margin, or another rule).</summary>
    Ambiguous = 2,
    /// <summary>The learned re-scorer moved the review-band decision to an automatic link.</summary>
    LearnedLink = 4,
    /// <summary>The learned re-scorer moved the review-band decision to a new person.</summary>
    LearnedNew = 8,
    /// <summary>Linked, and a merge question about the other persons it matched was opened.</summary>
    MergeQuestion = 16,
    /// <summary>Its key is in the quality-check sample: an automatic link of it opens a quality check.</summary>
    QualitySampled = 32,
    /// <summary>
    /// Linked although another person was a rival: the persons it matched cohere with the best one (PersonBridge), so
    /// they were merged at once or a merge question opened, and the record was not sent to review.
    /// </summary>
    Bridged = 64,
}
