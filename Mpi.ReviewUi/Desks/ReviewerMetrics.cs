namespace Mpi.ReviewUi.Desks;

/// <summary>
/// How the review desk is doing, for stewards: per reviewer, the answers per day, the median time from a task's
/// opening to its answer and the share of answers a steward later reversed; per registry and day, the tasks that
/// came in and those answered; and the oldest task still waiting.
/// </summary>
public sealed record ReviewerMetrics(IReadOnlyList<ReviewerSummary> Reviewers, IReadOnlyList<ReviewerDay> AnswersByDay,
    IReadOnlyList<RegistryDay> Flow, TimeSpan? OldestWaiting);

/// <param name="ReversedShare">Answers whose record a steward moved afterwards (unlink, link, unmerge), over all answers; null with no answers.</param>
public sealed record ReviewerSummary(string Reviewer, int Answers, TimeSpan? MedianTimeToAnswer, int Reversed, double? ReversedShare);

public sealed record ReviewerDay(string Reviewer, DateOnly Day, int Answers);

public sealed record RegistryDay(string Registry, DateOnly Day, int Inflow, int Outflow);

/// <summary>The reviewer metrics, read for a period that ends now.</summary>
public interface IReviewerMetricsDesk
{
    Task<ReviewerMetrics> ReadAsync(int days, CancellationToken cancellation);
}
