namespace Mpi.ReviewUi.Desks;

/// <summary>Reading a person (audited, with a reason), the steward's link, merge and undo operations, and the "not the same person" marks.</summary>
public interface IPersonDesk
{
    /// <summary>Moves a record of the person (at <paramref name="expectedFromVersion"/>) onto <paramref name="toPersonId"/>, as PersonService.Link.</summary>
    Task<DeskResult> LinkAsync(string registry, string localId, long expectedFromVersion, string toPersonId, string reason, string actor,
        CancellationToken cancellation);

    /// <summary>Merges <paramref name="mergedPersonId"/> into the survivor (at <paramref name="expectedSurvivorVersion"/>), as PersonService.MergePersons.</summary>
    Task<DeskResult> MergeIntoAsync(string survivorPersonId, long expectedSurvivorVersion, string mergedPersonId, string reason, string actor,
        CancellationToken cancellation);

    /// <summary>The marks in force on the person's records and against it.</summary>
    Task<IReadOnlyList<MarkRow>> MarksAsync(string personId, IReadOnlyList<string>? withinRegistries, CancellationToken cancellation);

    Task<DeskResult> RemoveMarkAsync(long markId, string reason, string actor, CancellationToken cancellation);

    /// <summary>
    /// The person, or null when there is none — or, for a clerk assigned <paramref name="withinRegistries"/>, none with
    /// a record there (the gRPC face's rule for a key of those registries: the person with those registries' records).
    /// </summary>
    Task<PersonView?> ReadAsync(string personId, string actor, string reason, IReadOnlyList<string>? withinRegistries, CancellationToken cancellation);

    /// <summary>Moves the record off its person onto a new one.</summary>
    Task<DeskResult> UnlinkAsync(string registry, string localId, long expectedPersonVersion, string reason, string actor, CancellationToken cancellation);

    /// <summary>Undoes the latest merge of <paramref name="mergedPersonId"/>.</summary>
    Task<DeskResult> UnmergeAsync(string mergedPersonId, long expectedSurvivorVersion, string reason, string actor, CancellationToken cancellation);
}
