using Microsoft.EntityFrameworkCore;

namespace Mpi.Service.Persistence;

/// <summary>
/// A person's version is one more at every change to it (common.proto): a record linked, unlinked, updated,
/// deactivated or reactivated, a merge or unmerge. The steward's and the review queue's expected versions rely on it.
/// </summary>
public static class PersonVersions
{
    /// <summary>One more, in the write transaction under way (a change to one of the person's records).</summary>
    public static Task BumpAsync(MpiDbContext db, string personId, CancellationToken cancellation) =>
        db.Persons.Where(p => p.Id == personId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Version, p => p.Version + 1), cancellation);
}
