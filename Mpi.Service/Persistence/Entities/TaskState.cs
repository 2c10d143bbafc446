using Mpi.Service.Persistence;

namespace Mpi.Service.Persistence.Entities;

/// <summary>Where a review task stands. Stored as a word (<see cref="Persistence.StoredWords"/>), compared as this.</summary>
public enum TaskState
{
    /// <summary>Waiting for a reviewer.</summary>
    Open,

    /// <summary>A reviewer took it; others may not answer it until it is released.</summary>
    Claimed,

    /// <summary>Answered (<see cref="ReviewResolutionKind"/>); it stays for the audit trail and for learning.</summary>
    Resolved,
}
