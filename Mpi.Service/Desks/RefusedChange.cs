using Mpi.Service.Persistence;

namespace Mpi.Service.Desks;

/// <summary>
/// Lets a page go on reading in the same request after the service refused a change. The refused change's write
/// transaction was rolled back when it ended, but its edits stay on tracked entities, and a later save in the same
/// request would write them: forget them.
/// </summary>
internal static class RefusedChange
{
    public static void Forget(MpiDbContext db) => db.ChangeTracker.Clear();
}
