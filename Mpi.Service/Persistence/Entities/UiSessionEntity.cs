namespace Mpi.Service.Persistence.Entities;

/// <summary>
/// A review UI sign-in session. The cookie carries only its random id: signing out ends the session here, so a copy
/// of the cookie taken before is refused afterwards (the cookie alone would stay valid until it expired).
/// </summary>
public sealed class UiSessionEntity
{
    public required string Id { get; set; }
    public required string UserName { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}
