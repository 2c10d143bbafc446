using Microsoft.EntityFrameworkCore;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Review;

/// <summary>
/// The auto-link band's false-merge rate, estimated from the answered quality checks (a random sample of automatic
/// links): the share a reviewer rejected, with a 95% Wilson score interval (honest near 0, where most MPIs live, unlike
/// the normal approximation). Read from the store; nothing is kept.
/// </summary>
public static class FalseMergeRate
{
    private const double Z95 = 1.959963984540054;

    /// <summary>The estimate, or null when no quality check has been answered.</summary>
    public static async Task<FalseMergeEstimate?> EstimateAsync(MpiDbContext db, CancellationToken cancellation)
    {
        var answers = await db.ReviewTasks.AsNoTracking().Where(t => t.Cause == ReviewCauseKind.QualityCheck && t.State == TaskState.Resolved)
            .Select(t => t.Resolution).ToListAsync(cancellation);
        return answers.Count == 0 ? null : Of(answers.Count, answers.Count(a => a == ReviewResolutionKind.DifferentPerson));
    }

    public static FalseMergeEstimate Of(int checkedLinks, int rejected)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(checkedLinks);
        var n = (double)checkedLinks;
        var p = rejected / n;
        var z2 = Z95 * Z95;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = Z95 * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new FalseMergeEstimate(checkedLinks, rejected, p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}

/// <summary>Quality checks answered, how many rejected the link, the estimated rate and its 95% interval.</summary>
public sealed record FalseMergeEstimate(int Checked, int Rejected, double Rate, double Low, double High);
