using Google.Protobuf.WellKnownTypes;
using Mpi.Contracts.V1;
using Mpi.Service.Review;

namespace Mpi.Service.Grpc;

/// <summary>
/// ListTasks' filters checked as review.proto promises (INVALID_ARGUMENT naming each field): a page size the list
/// would otherwise cut silently, probabilities outside [0, 1] (NaN included), a state that is none of the three, a
/// timestamp outside the calendar (which had failed as UNKNOWN).
/// </summary>
internal static class ListFilterViolations
{
    /// <summary>The older_than filter read, once every filter is known to be valid.</summary>
    public static DateTimeOffset? Check(ListTasksRequest request)
    {
        var violations = new List<(string Field, string Reason)>();
        if (request.PageSize is < 0 or > ReviewTaskReader.MaxPageSize) violations.Add(("page_size", $"at most {ReviewTaskReader.MaxPageSize} (0: the default)"));
        if (request.MinProbability is not (>= 0 and <= 1)) violations.Add(("min_probability", "in [0, 1]"));
        if (request.MaxProbability is not (>= 0 and <= 1)) violations.Add(("max_probability", "in [0, 1]"));
        else if (request.MaxProbability > 0 && request.MinProbability > request.MaxProbability) violations.Add(("min_probability", "above max_probability"));
        if (request.States.Any(s => s is not (ReviewTaskState.Open or ReviewTaskState.Claimed or ReviewTaskState.Resolved)))
            violations.Add(("states", "each one of REVIEW_TASK_STATE_OPEN, _CLAIMED, _RESOLVED"));
        DateTimeOffset? olderThan = null;
        if (request.OlderThan is { } timestamp)
        {
            if (Valid(timestamp)) olderThan = timestamp.ToDateTimeOffset();
            else violations.Add(("older_than", "not a timestamp between 0001-01-01 and 9999-12-31 with nanos in [0, 999999999]"));
        }
        if (violations.Count > 0) throw InvalidArgument.Of(violations);
        return olderThan;
    }

    // Google.Protobuf's own bounds: what ToDateTimeOffset accepts.
    private static bool Valid(Timestamp timestamp) =>
        timestamp.Seconds is >= -62135596800 and <= 253402300799 && timestamp.Nanos is >= 0 and <= 999_999_999;
}
