namespace Mpi.Service.Outcomes;

/// <summary>
/// The free-text reasons kept in the audit trail with a change (a review answer, a steward's link, merge, unlink,
/// unmerge or mark removal, an assignment): 1 to 500 characters when required, at most 500 when optional. The gRPC
/// face checks them as request fields (Grpc/RequestReasons); the review UI's desks check them here.
/// </summary>
public static class StatedReasons
{
    public const int MaxLength = 500;

    /// <summary>Why <paramref name="reason"/> cannot be kept, as a refusal naming the field; null when it can.</summary>
    public static Refusal? Check(string? reason, bool required)
    {
        var length = reason?.Trim().Length ?? 0;
        if (required && length == 0) return Refusal.Invalid("reason", "Give a reason: it is kept in the audit trail with the change.");
        if (length > MaxLength) return Refusal.Invalid("reason", $"The reason is longer than {MaxLength} characters.");
        return null;
    }
}
