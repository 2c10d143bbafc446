using System.Collections.Immutable;
using Mpi.Matching.Blocking;
using Mpi.Matching.Comparisons;
using Mpi.Matching.Records;
using Mpi.Matching.Settings;

namespace Mpi.Matching.Training;

/// <summary>
/// Trains a model without labels, the way Splink and fastLink do: u from random pairs; m by expectation–maximisation
/// over the blocked candidate pairs. EM also estimates the share of matches among blocked pairs, which gives the
/// prior over all pairs. Returns a new model; nothing is mutated.
/// </summary>
public static class ModelTrainer
{
    public static MatchModel Train(IReadOnlyList<NormalizedRecord> records, TrainingOptions options, TimeProvider time,
        MatchModel? start = null)
    {
        var comparisons = ComparisonCatalog.Default;
        var blocking = start?.Blocking ?? ModelDefaults.Blocking;
        var (u, randomPairs) = RandomPairSampler.EstimateU(records, comparisons, options.RandomPairs, options.Seed);

        var index = new BlockIndex(records, blocking.Rules.Select(BlockingRuleCatalog.Get).ToArray(), blocking.MaxBlockSize);
        var (patterns, blockedPairs) = BlockedPatterns(records, comparisons, index, options);

        var mStart = comparisons.Select(StartingM).ToArray();
        var em = ExpectationMaximisation.Run(patterns, mStart, u, 0.1, options.MaxIterations, options.Tolerance);

        var n = (double)records.Count;
        var allPairs = Math.Max(1.0, n * (n - 1) / 2);
        var prior = Math.Clamp(em.MatchRate * blockedPairs / allPairs, 1e-12, 0.5);

        var parameters = comparisons.Select((c, i) => new ComparisonParameters(c.Name, c.Description, c.TermFrequencyLevel >= 0,
            [.. c.Levels.Select((label, l) => l == Comparison.Missing
                ? new LevelParameters(label, null, null)
                : new LevelParameters(label, Round(em.M[i][l]), Round(u[i][l])))])).ToImmutableArray();

        var now = time.GetUtcNow();
        return new MatchModel(MatchModel.CurrentFormatVersion, $"em-{now:yyyyMMddHHmmss}", now,
            $"Trained without labels on {records.Count} records",
            prior, start?.Thresholds ?? ModelDefaults.Thresholds, blocking, parameters, start?.Rules ?? ModelDefaults.Rules,
            new TrainingSummary("u: random pairs; m: expectation-maximisation over blocked pairs", records.Count, randomPairs,
                blockedPairs, em.Iterations, em.Converged, em.MatchRate));
    }

    /// <summary>Comparison vectors of the blocked pairs (all of them, or those of a seeded sample of anchor records).</summary>
    private static (ComparisonPatterns Patterns, long BlockedPairs) BlockedPatterns(IReadOnlyList<NormalizedRecord> records,
        IReadOnlyList<Comparison> comparisons, BlockIndex index, TrainingOptions options)
    {
        var blockedPairs = index.CountPairs();
        var keep = blockedPairs <= options.MaxBlockedPairs ? 1.0 : (double)options.MaxBlockedPairs / blockedPairs;
        var total = new ComparisonPatterns(comparisons.Count);
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
                    for (var c = 0; c < comparisons.Count; c++) levels[c] = comparisons[c].Level(records[i], records[j]);
                    local.Add(levels);
                }
            }
            lock (gate) total.AddAll(local);
        });
        return (total, blockedPairs);
    }

    private static double[] StartingM(Comparison comparison)
    {
        var levels = comparison.Levels.Length - 1;
        var m = new double[levels + 1];
        for (var l = 1; l <= levels; l++) m[l] = ModelDefaults.StartingM(levels, l);
        return m;
    }

    private static double Round(double p) => Math.Round(p, 8);
}
