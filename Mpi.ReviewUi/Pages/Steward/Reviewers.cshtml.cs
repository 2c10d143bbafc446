using Microsoft.AspNetCore.Mvc.RazorPages;
using Mpi.ReviewUi.Desks;

namespace Mpi.ReviewUi.Pages.Steward;

/// <summary>
/// How the review desk is doing: answers per reviewer per day, the median time to answer, the share of answers a
/// steward later reversed, the queue's inflow and outflow per registry per day, and the oldest task waiting.
/// </summary>
public sealed class ReviewersModel(IReviewerMetricsDesk desk) : PageModel
{
    public const int Days = 14;

    public ReviewerMetrics Metrics { get; private set; } = new([], [], [], null);

    public async Task OnGetAsync(CancellationToken cancellation) => Metrics = await desk.ReadAsync(Days, cancellation);

    /// <summary>A duration as the largest sensible unit.</summary>
    public static string Duration(TimeSpan? span) => span switch
    {
        null => "—",
        { TotalDays: >= 1 } d => $"{d.TotalDays:0.0} d",
        { TotalHours: >= 1 } h => $"{h.TotalHours:0.0} h",
        { } m => $"{Math.Max(0, m.TotalMinutes):0} min",
    };
}
