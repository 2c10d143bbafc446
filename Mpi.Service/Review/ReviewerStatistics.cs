using Microsoft.EntityFrameworkCore;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Review;

/// <summary>
/// Reviewer and queue figures from what is stored: the answers are the resolved tasks (who answered is the task's last
/// claimant, the audit's resolve_review actor), the inflow the tasks opened, a reversal a steward's move of the answered
/// record after the answer (link, unlink or unmerge by anyone else). Read at once, for a period that ends now.
/// </summary>
public sealed class ReviewerStatistics(MpiDbContext db, TimeProvider time)
{
    public sealed record Figures(
        IReadOnlyList<(string Reviewer, int Answers, TimeSpan? Median, int Reversed)> Reviewers,
        IReadOnlyList<(string Reviewer, DateOnly Day, int Answers)> AnswersByDay,
        IReadOnlyList<(string Registry, DateOnly Day, int Inflow, int Outflow)> Flow,
        TimeSpan? OldestWaiting);

    private static readonly LinkKind[] StewardMoves = [LinkKind.StewardLink, LinkKind.Unlink, LinkKind.Unmerge];

    public async Task<Figures> ReadAsync(int days, CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        var since = now.AddDays(-days);
        // Only what the figures read: tasks opened or answered in the period, and those still waiting (the oldest).
        var tasks = await db.ReviewTasks.AsNoTracking().Where(t => t.CreatedAt >= since || t.ResolvedAt >= since || t.State != TaskState.Resolved)
            .Join(db.SourceRecords, t => t.SourceRecordId, r => r.Id, (t, r) => new { t.Id, t.SourceRecordId, t.State, t.ClaimedBy, t.CreatedAt, t.ResolvedAt, r.Registry })
            .ToListAsync(cancellation);
        var answered = tasks.Where(t => t.State == TaskState.Resolved && t.ResolvedAt is { } at && at >= since && t.ClaimedBy is not null).ToList();
        var records = answered.Select(t => t.SourceRecordId).Distinct().ToList();
        var moves = await db.LinkEvents.AsNoTracking().Where(e => records.Contains(e.SourceRecordId) && StewardMoves.Contains(e.Kind))
            .Select(e => new { e.SourceRecordId, e.At, e.Actor }).ToListAsync(cancellation);

        var reviewers = answered.GroupBy(t => t.ClaimedBy!).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var reversed = g.Count(t => moves.Any(m => m.SourceRecordId == t.SourceRecordId && m.At > t.ResolvedAt && m.Actor != t.ClaimedBy));
            return (g.Key, g.Count(), Median([.. g.Select(t => t.ResolvedAt!.Value - t.CreatedAt)]), reversed);
        }).ToList();
        var byDay = answered.GroupBy(t => (t.ClaimedBy!, Day(t.ResolvedAt!.Value))).OrderBy(g => g.Key.Item2).ThenBy(g => g.Key.Item1, StringComparer.Ordinal)
            .Select(g => (g.Key.Item1, g.Key.Item2, g.Count())).ToList();
        var inflow = tasks.Where(t => t.CreatedAt >= since).GroupBy(t => (t.Registry, Day(t.CreatedAt))).ToDictionary(g => g.Key, g => g.Count());
        var outflow = answered.GroupBy(t => (t.Registry, Day(t.ResolvedAt!.Value))).ToDictionary(g => g.Key, g => g.Count());
        var flow = inflow.Keys.Union(outflow.Keys).OrderBy(k => k.Item2).ThenBy(k => k.Registry, StringComparer.Ordinal)
            .Select(k => (k.Registry, k.Item2, inflow.GetValueOrDefault(k), outflow.GetValueOrDefault(k))).ToList();
        var waiting = tasks.Where(t => t.State != TaskState.Resolved).Select(t => (DateTimeOffset?)t.CreatedAt).Min();
        return new Figures(reviewers, byDay, flow, waiting is { } oldest ? now - oldest : null);
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static TimeSpan? Median(IReadOnlyList<TimeSpan> spans)
    {
        if (spans.Count == 0) return null;
        var sorted = spans.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
