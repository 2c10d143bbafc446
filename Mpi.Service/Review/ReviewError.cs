namespace Mpi.Service.Review;

/// <summary>Why a review operation did not happen: an expected outcome, not an exception.</summary>
public enum ReviewErrorKind
{
    NotFound,
    /// <summary>The version the caller holds is not the current one (someone acted first).</summary>
    StaleVersion,
    /// <summary>Another reviewer holds the task.</summary>
    TaskClaimed,
    /// <summary>The task was resolved already.</summary>
    TaskResolved,
    /// <summary>A candidate person changed (merged) since the task was scored.</summary>
    CandidatesChanged,
    /// <summary>The request names a person that is not a candidate, or asks for something not possible here.</summary>
    InvalidRequest,
}

/// <summary>A review operation's failure: its kind and a message without demographics.</summary>
/// <param name="Field">For an invalid request, the request field at fault.</param>
public sealed record ReviewError(ReviewErrorKind Kind, string Message, long? CurrentVersion = null, string? ClaimedBy = null, string Field = "person_id");
