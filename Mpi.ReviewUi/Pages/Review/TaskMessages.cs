using Mpi.ReviewUi.Desks;

namespace Mpi.ReviewUi.Pages.Review;

/// <summary>What a reviewer is told when an action did not happen, in words that say what to do next.</summary>
public static class TaskMessages
{
    public static string Of(DeskResult result) => result.Problem switch
    {
        DeskProblem.AlreadyResolved => "Someone else resolved this task while you were looking at it. Nothing was changed; the task now shows their answer.",
        DeskProblem.Stale => "This task changed since you opened it (claimed, released or answered by someone else, or its incoming record or a candidate changed). Nothing was changed; check the current state and answer again.",
        DeskProblem.ClaimedByOther => "Another reviewer holds this task. Nothing was changed.",
        DeskProblem.CandidatesChanged => "The incoming record or a candidate person changed since you opened this task. Nothing was changed; the page now shows them as they are: check and answer again.",
        DeskProblem.NotFound => "There is no such task.",
        _ => result.Message ?? "The action was refused.",
    };
}
