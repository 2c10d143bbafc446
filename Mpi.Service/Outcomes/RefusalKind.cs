namespace Mpi.Service.Outcomes;

/// <summary>Why the application core did not make a change: an expected answer, not an exception.</summary>
public enum RefusalKind
{
    /// <summary>The task, record, person or model version named does not exist.</summary>
    NotFound,
    /// <summary>The version the caller holds is not the current one (someone acted first).</summary>
    StaleVersion,
    /// <summary>Another reviewer holds the task.</summary>
    TaskClaimed,
    /// <summary>The task was resolved already.</summary>
    TaskResolved,
    /// <summary>A candidate person changed (merged) since the task was scored.</summary>
    CandidatesChanged,
    /// <summary>A person the change needs active was merged or retired.</summary>
    PersonNotActive,
    /// <summary>The change does not apply in the current state (a person's only record, a person not merged, too few verdicts).</summary>
    WrongState,
    /// <summary>The request itself is wrong: <see cref="Refusal.Field"/> says which field.</summary>
    Invalid,
    /// <summary>The change reaches records of registries the caller's key is not granted.</summary>
    NotAllowed,
    /// <summary>What the caller asked for is older than what is kept (a feed cursor past retention): <see cref="Refusal.Oldest"/> says where to restart.</summary>
    Expired,
    /// <summary>The change would put a record together with a person it is marked as not: <see cref="Refusal.MarkId"/> says which mark.</summary>
    MarkedDifferentPerson,
}
