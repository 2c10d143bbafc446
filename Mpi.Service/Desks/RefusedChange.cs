using Microsoft.EntityFrameworkCore;
using Mpi.Service.Persistence;

namespace Mpi.Service.Desks;

/// <summary>
/// Lets a page go on reading in the same request after the service refused a change. The refused change leaves the
/// write transaction open (WriteTransaction hands EF Core an SQLite transaction of its own, which EF Core does not
/// roll back on dispose) and its edits on tracked entities: a later save would fail as a nested transaction, or
/// worse, write the refused edits. Closing the connection rolls the transaction back; clearing the tracker drops
/// the edits.
/// </summary>
internal static class RefusedChange
{
    public static async Task ForgetAsync(MpiDbContext db)
    {
        await db.Database.CloseConnectionAsync();
        db.ChangeTracker.Clear();
    }
}
