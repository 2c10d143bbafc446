namespace Mpi.Service.Persistence.Entities;

/// <summary>What an audit row records being done (stored as the words in <see cref="StoredWords"/>).</summary>
public enum AuditAction
{
    /// <summary>A record registered (its decision is the outcome).</summary>
    Register,
    /// <summary>A person read (GetPerson, the person page, a review task's candidates).</summary>
    ReadPerson,
    Link,
    Unlink,
    /// <summary>Two persons merged, by a steward or by a registration that bridged them.</summary>
    Merge,
    Unmerge,
    ClaimReview,
    ReleaseReview,
    ResolveReview,
    /// <summary>A model retrained by EM stored as a version, not active.</summary>
    TrainModel,
    /// <summary>A model with a re-scorer learned from reviewers stored as a version, not active.</summary>
    LearnModel,
    /// <summary>A model version made active (new thresholds, roll back or forward).</summary>
    ActivateModel,
    CreateReviewer,
    DisableReviewer,
    SignIn,
    /// <summary>An exception of the queue closed by hand, with a note.</summary>
    ResolveException,
    /// <summary>A call refused after its caller was authenticated (subject: the RPC; outcome: the status).</summary>
    Refused,
    /// <summary>A steward set the registries a clerk works (subject: the user; outcome: the registries, * for all).</summary>
    SetReviewerRegistries,
    /// <summary>A steward assigned a review task to a named user (subject: the task; reason: to whom and why).</summary>
    AssignReview,
    /// <summary>A claim on a review task expired and the task went back to the queue (actor: the service).</summary>
    ClaimExpired,
    /// <summary>A source registry deactivated one of its records (subject: the record key).</summary>
    Deactivate,
    /// <summary>A steward marked a record as not a person (subject: mark id).</summary>
    MarkDifferentPerson,
    /// <summary>A steward removed a "not the same person" mark (subject: mark id).</summary>
    RemoveDifferentPersonMark,
}
