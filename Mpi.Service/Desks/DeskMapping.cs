using Mpi.ReviewUi.Desks;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Desks;

/// <summary>The review queue's states and answers as the UI's desks name them, and back.</summary>
internal static class DeskMapping
{
    public static QueueTaskState State(TaskState state) => state switch
    {
        TaskState.Open => QueueTaskState.Open,
        TaskState.Claimed => QueueTaskState.Claimed,
        _ => QueueTaskState.Resolved,
    };

    public static ReviewAnswer? Answer(ReviewResolutionKind? resolution) => resolution switch
    {
        null => null,
        ReviewResolutionKind.SamePerson => ReviewAnswer.SamePerson,
        ReviewResolutionKind.MergePersons => ReviewAnswer.MergePersons,
        _ => ReviewAnswer.DifferentPerson,
    };

    public static ReviewResolutionKind Resolution(ReviewAnswer answer) => answer switch
    {
        ReviewAnswer.SamePerson => ReviewResolutionKind.SamePerson,
        ReviewAnswer.MergePersons => ReviewResolutionKind.MergePersons,
        _ => ReviewResolutionKind.DifferentPerson,
    };
}
