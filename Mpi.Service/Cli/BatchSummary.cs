using Mpi.Matching.Decisions;
using Mpi.Matching.Deduplication;
using Mpi.Matching.Settings;

namespace Mpi.Service.Cli;

/// <summary>The end-of-run summary: counts only (record keys and demographics never reach the console).</summary>
internal static class BatchSummary
{
    public static void Print(TextWriter output, BatchInput batch, MatchModel model, DeduplicationResult result, PhaseTimes phases)
    {
        var decisions = result.Assignments.GroupBy(a => a.Decision).ToDictionary(g => g.Key, g => g.Count());
        var persons = result.Assignments.Select(a => a.Cluster).Distinct().Count();
        output.WriteLine($"records={batch.Records.Count} rejected_rows={batch.RejectedRows} persons={persons} " +
            $"new={decisions.GetValueOrDefault(DecisionKind.New)} rule_link={decisions.GetValueOrDefault(DecisionKind.RuleLink)} " +
            $"auto_link={decisions.GetValueOrDefault(DecisionKind.AutoLink)} review={decisions.GetValueOrDefault(DecisionKind.Review)}");
        output.WriteLine($"model={model.Version} candidate_pairs={result.CandidatePairs} refused_joins={result.RefusedJoins} " +
            $"oversized_blocks={result.OversizedBlocks}");
        output.WriteLine(phases.ToString());
        foreach (var (reason, count) in batch.SetAside.OrderByDescending(kv => kv.Value))
            output.WriteLine($"set aside: {count} × {reason}");
    }
}
