namespace Mpi.Service.Persistence.Entities;

/// <summary>Where an exception of the queue stands. Stored as a word (<see cref="Persistence.StoredWords"/>).</summary>
public enum ExceptionState
{
    /// <summary>Waiting for the corrected message, or for someone to resolve it.</summary>
    Open,

    /// <summary>Closed: <see cref="ExceptionResolution"/> says how.</summary>
    Resolved,
}

/// <summary>How an exception was closed.</summary>
public enum ExceptionResolution
{
    /// <summary>The registry re-sent the record under the same key and it was registered.</summary>
    Resent,

    /// <summary>Resolved by hand with a note.</summary>
    ByHand,
}
