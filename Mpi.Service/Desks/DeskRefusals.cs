using Mpi.ReviewUi.Desks;
using Mpi.Service.Outcomes;
using Mpi.Service.Persistence;

namespace Mpi.Service.Desks;

/// <summary>The one place the core's refusals become the review UI's answers (gRPC has its own: Grpc/RefusalStatus).</summary>
internal static class DeskRefusals
{
    /// <summary>
    /// Done, or the problem. A refused change's write transaction was rolled back when it ended, but its edits stay
    /// on tracked entities, and a later save in the same request (the page goes on reading) would write them: they
    /// are forgotten here.
    /// </summary>
    public static DeskResult Of(Refusal? refusal, MpiDbContext db)
    {
        if (refusal is null) return DeskResult.Done;
        db.ChangeTracker.Clear();
        return new DeskResult(refusal.Kind switch
        {
            RefusalKind.NotFound => DeskProblem.NotFound,
            RefusalKind.StaleVersion => DeskProblem.Stale,
            RefusalKind.TaskClaimed => DeskProblem.ClaimedByOther,
            RefusalKind.NotAllowed when refusal.ClaimedBy is not null => DeskProblem.ClaimedByOther,
            RefusalKind.TaskResolved => DeskProblem.AlreadyResolved,
            RefusalKind.CandidatesChanged => DeskProblem.CandidatesChanged,
            _ => DeskProblem.Invalid,
        }, refusal.Message);
    }
}
