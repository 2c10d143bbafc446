namespace Mpi.ReviewUi.Desks;

/// <summary>Where a task in the queue stands, as the pages show it.</summary>
public enum QueueTaskState { Open, Claimed, Resolved }

/// <summary>The words the pages print for states and answers (one place, so a page never compares strings).</summary>
public static class DeskWords
{
    public static string Of(QueueTaskState state) => state switch
    {
        QueueTaskState.Open => "open",
        QueueTaskState.Claimed => "claimed",
        _ => "resolved",
    };

    public static string Of(ReviewAnswer answer) => answer switch
    {
        ReviewAnswer.SamePerson => "same person",
        ReviewAnswer.MergePersons => "merge persons",
        _ => "different person",
    };
}
