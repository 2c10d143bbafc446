namespace Mpi.Service.Persons;

/// <summary>
/// A steward operation done: its id (every history event of the change carries it, so a merge can be undone) and
/// the two persons involved: from and to for link and unlink, merged and survivor for merge, restored and survivor
/// for unmerge.
/// </summary>
public sealed record StewardChange(string OperationId, string FromPersonId, string ToPersonId);
