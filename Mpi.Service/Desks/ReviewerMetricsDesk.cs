using Mpi.ReviewUi.Desks;
using Mpi.Service.Review;

namespace Mpi.Service.Desks;

/// <summary>The stewards' reviewer page over <see cref="ReviewerStatistics"/>.</summary>
public sealed class ReviewerMetricsDesk(ReviewerStatistics statistics) : IReviewerMetricsDesk
{
    public async Task<ReviewerMetrics> ReadAsync(int days, CancellationToken cancellation)
    {
        var figures = await statistics.ReadAsync(days, cancellation);
        return new ReviewerMetrics(
            [.. figures.Reviewers.Select(r => new ReviewerSummary(r.Reviewer, r.Answers, r.Median, r.Reversed, r.Answers == 0 ? null : (double)r.Reversed / r.Answers))],
            [.. figures.AnswersByDay.Select(d => new ReviewerDay(d.Reviewer, d.Day, d.Answers))],
            [.. figures.Flow.Select(f => new RegistryDay(f.Registry, f.Day, f.Inflow, f.Outflow))],
            figures.OldestWaiting);
    }
}
