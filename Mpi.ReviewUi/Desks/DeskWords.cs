namespace Mpi.ReviewUi.Desks;

/// <summary>The words the pages print for states and answers (one place, so a page never compares strings).</summary>
public static class DeskWords
{
    public static string Of(QueueTaskState state) => state switch
    {
        QueueTaskState.Open => "open",
        QueueTaskState.Claimed => "claimed",
        _ => "resolved",
    };

    public static string Of(PersonState state) => state switch
    {
        PersonState.Active => "active",
        PersonState.Merged => "merged",
        _ => "retired",
    };

    public static string Of(ReviewAnswer answer) => answer switch
    {
        ReviewAnswer.SamePerson => "same person",
        ReviewAnswer.MergePersons => "merge persons",
        _ => "different person",
    };

    public static string Of(ExceptionRowState state) => state switch
    {
        ExceptionRowState.Open => "open",
        ExceptionRowState.Resent => "closed: corrected message registered",
        _ => "resolved by hand",
    };

    public static string Of(Mpi.Matching.Normalization.FieldOutcome outcome) => outcome switch
    {
        Mpi.Matching.Normalization.FieldOutcome.Missing => "missing",
        Mpi.Matching.Normalization.FieldOutcome.Accepted => "accepted",
        Mpi.Matching.Normalization.FieldOutcome.Normalized => "normalised",
        _ => "set aside",
    };
}
