namespace Mpi.ReviewUi.Desks;

/// <summary>Why a desk action did not happen; <see cref="None"/> when it did.</summary>
public enum DeskProblem { None, NotFound, Stale, ClaimedByOther, AlreadyResolved, CandidatesChanged, Invalid }

/// <summary>The outcome of a change made from the UI: done, or the problem and a message without demographics.</summary>
public sealed record DeskResult(DeskProblem Problem, string? Message = null)
{
    public static readonly DeskResult Done = new(DeskProblem.None);

    public bool Succeeded => Problem == DeskProblem.None;
}
