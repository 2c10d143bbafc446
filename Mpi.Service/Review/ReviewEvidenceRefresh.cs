using Microsoft.EntityFrameworkCore;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Review;

/// <summary>
/// Reading a task notes the evidence it shows (<see cref="ReviewEvidenceStamp"/>): when the evidence moved since the
/// last read, the task's version grows (review.proto, GetTask), so an answer given to what was shown before is refused
/// — STALE_VERSION when the task was read again since, CANDIDATES_CHANGED (<see cref="ReviewQueue.ResolveAsync"/>)
/// when it was not. The first read only notes it: what it shows is what the reviewer decides on.
/// </summary>
public sealed class ReviewEvidenceRefresh(MpiDbContext db, WriteGate gate)
{
    public async Task NoteAsync(long taskId, CancellationToken cancellation)
    {
        var task = await db.ReviewTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellation);
        // Most reads find the evidence as it was: they take no turn at the write gate.
        if (task is null || task.State == TaskState.Resolved || task.EvidenceStamp == await ReviewEvidenceStamp.OfAsync(db, task, cancellation)) return;
        await using var transaction = await WriteTransaction.BeginAsync(db, gate, cancellation, changesIdentities: false);
        var held = await db.ReviewTasks.SingleAsync(t => t.Id == taskId, cancellation);
        var stamp = await ReviewEvidenceStamp.OfAsync(db, held, cancellation);
        if (held.State != TaskState.Resolved && held.EvidenceStamp != stamp)
        {
            if (held.EvidenceStamp is not null) held.Version++;
            held.EvidenceStamp = stamp;
            await db.SaveChangesAsync(cancellation);
            await transaction.CommitAsync(cancellation);
        }
        db.Entry(held).State = EntityState.Detached;
    }
}
