namespace Mpi.ReviewUi.Desks;

/// <summary>Reading a person (audited, with a reason) and the steward's undo operations.</summary>
public interface IPersonDesk
{
    Task<PersonView?> ReadAsync(string personId, string actor, string reason, CancellationToken cancellation);

    /// <summary>Moves the record off its person onto a new one.</summary>
    Task<DeskResult> UnlinkAsync(string registry, string localId, long expectedPersonVersion, string reason, string actor, CancellationToken cancellation);

    /// <summary>Undoes the latest merge of <paramref name="mergedPersonId"/>.</summary>
    Task<DeskResult> UnmergeAsync(string mergedPersonId, long expectedSurvivorVersion, string reason, string actor, CancellationToken cancellation);
}
