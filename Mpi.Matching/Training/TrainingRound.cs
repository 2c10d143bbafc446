using Mpi.Matching.Blocking;
using Mpi.Matching.Comparisons;
using Mpi.Matching.Records;

namespace Mpi.Matching.Training;

/// <summary>
/// One EM round: the pairs one blocking rule yields (all of them, or those of a seeded sample of anchor records),
/// with the comparisons the rule reads left out, since every pair agrees on them by construction.
/// </summary>
/// <param name="Em">EM's result, or null when the rule blocked no pair.</param>
/// <param name="Pairs">How many pairs the rule blocks in all (not only the sample).</param>
/// <param name="Excluded">Indices of the comparisons this round did not estimate.</param>
internal sealed record TrainingRound(EmResult? Em, long Pairs, IReadOnlySet<int> Excluded)
{
    public static TrainingRound Run(IReadOnlyList<NormalizedRecord> records, IReadOnlyList<Comparison> comparisons, BlockingRule rule,
        int maxBlockSize, double[][] mStart, double[][] u, TrainingOptions options)
    {
        var excluded = comparisons.Select((c, i) => (c, i)).Where(x => rule.Comparisons.Contains(x.c.Name)).Select(x => x.i).ToHashSet();
        var index = new BlockIndex(records, [rule], maxBlockSize);
        var pairs = index.CountPairs();
        if (pairs == 0) return new TrainingRound(null, 0, excluded);

        var keep = pairs <= options.MaxBlockedPairs ? 1.0 : (double)options.MaxBlockedPairs / pairs;
        var patterns = new ComparisonPatterns(comparisons.Count);
        var gate = new object();
        var workers = Environment.ProcessorCount;
        Parallel.For(0, workers, w =>
        {
            var local = new ComparisonPatterns(comparisons.Count);
            var seen = new int[records.Count];
            var candidates = new List<int>();
            Span<int> levels = stackalloc int[comparisons.Count];
            var random = new Random(options.Seed + w);
            for (var i = w; i < records.Count; i += workers)
            {
                if (keep < 1.0 && random.NextDouble() >= keep) continue;
                index.LaterCandidates(i, seen, candidates);
                foreach (var j in candidates)
                {
                    for (var c = 0; c < comparisons.Count; c++)
                        levels[c] = excluded.Contains(c) ? Comparison.Missing : comparisons[c].Level(records[i], records[j]);
                    local.Add(levels);
                }
            }
            lock (gate) patterns.AddAll(local);
        });
        var em = ExpectationMaximisation.Run(patterns, mStart, u, 0.1, options.MaxIterations, options.Tolerance);
        return new TrainingRound(em, pairs, excluded);
    }
}
