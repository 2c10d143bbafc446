using System.Collections.Immutable;
using Mpi.Matching.Blocking;
using Mpi.Matching.Comparisons;
using Mpi.Matching.Records;
using Mpi.Matching.Settings;

namespace Mpi.Matching.Training;

/// <summary>
/// Trains a model without labels, the way Splink does: u from random pairs; m by expectation–maximisation in rounds,
/// one per training blocking rule, each over the pairs that rule blocks and estimating only the comparisons the rule
/// does not read; each comparison's m is the mean over the rounds that estimated it. The round blocked on date of
/// birth also gives the prior: its share of matches, scaled by how often true matches share a date of birth.
/// Returns a new model; nothing is mutated. Deterministic for a seed.
/// </summary>
public static class ModelTrainer
{
    public static MatchModel Train(IReadOnlyList<NormalizedRecord> records, TrainingOptions options, TimeProvider time,
        MatchModel? start = null)
    {
        var comparisons = ComparisonCatalog.Default;
        var blocking = start?.Blocking ?? ModelDefaults.Blocking;
        var (u, randomPairs) = RandomPairSampler.EstimateU(records, comparisons, options.RandomPairs, options.Seed);
        var mStart = comparisons.Select(StartingM).ToArray();

        var rounds = options.TrainingRules.Select(BlockingRuleCatalog.Get)
            .Select(rule => TrainingRound.Run(records, comparisons, rule, blocking.MaxBlockSize, mStart, u, options))
            .ToArray();
        var m = CombineM(comparisons, rounds, mStart);
        var prior = Prior(records.Count, comparisons, rounds, m);

        var parameters = comparisons.Select((c, i) => new ComparisonParameters(c.Name, c.Description, c.TermFrequencyLevel >= 0,
            [.. c.Levels.Select((label, l) => l == Comparison.Missing
                ? new LevelParameters(label, null, null)
                : new LevelParameters(label, Round(m[i][l]), Round(u[i][l])))])).ToImmutableArray();

        var now = time.GetUtcNow();
        return new MatchModel(MatchModel.CurrentFormatVersion, $"em-{now:yyyyMMddHHmmss}", now,
            $"Trained without labels on {records.Count} records",
            prior, start?.Thresholds ?? ModelDefaults.Thresholds, blocking, parameters, start?.Rules ?? ModelDefaults.Rules,
            new TrainingSummary(
                $"u: random pairs; m: expectation-maximisation over pairs blocked by {string.Join(", ", options.TrainingRules)}, one round each",
                records.Count, randomPairs, rounds.Sum(r => r.Pairs), rounds.Sum(r => r.Em?.Iterations ?? 0),
                rounds.All(r => r.Em?.Converged ?? true), rounds.FirstOrDefault(r => r.Em is not null)?.Em?.MatchRate ?? 0));
    }

    /// <summary>Each comparison's m: the mean over the rounds that estimated it, or the starting m when none did.</summary>
    private static double[][] CombineM(IReadOnlyList<Comparison> comparisons, IReadOnlyList<TrainingRound> rounds, double[][] mStart) =>
        comparisons.Select((c, i) =>
        {
            var estimates = rounds.Where(r => r.Em is not null && !r.Excluded.Contains(i)).Select(r => r.Em!.M[i]).ToArray();
            if (estimates.Length == 0) return (double[])mStart[i].Clone();
            return Enumerable.Range(0, c.Levels.Length).Select(l => estimates.Average(e => e[l])).ToArray();
        }).ToArray();

    /// <summary>
    /// P(two records are one person): the matches EM found in the first round that ran, divided by the share of true
    /// matches that round can see (for a rule on one comparison, the m of that comparison's exact level), over all pairs.
    /// </summary>
    private static double Prior(int count, IReadOnlyList<Comparison> comparisons, IReadOnlyList<TrainingRound> rounds, double[][] m)
    {
        var n = (double)count;
        var allPairs = Math.Max(1.0, n * (n - 1) / 2);
        foreach (var round in rounds.Where(r => r.Em is not null))
        {
            var visible = round.Excluded.Aggregate(1.0, (p, c) => p * m[c][1]);
            return Math.Clamp(round.Em!.MatchRate * round.Pairs / Math.Max(visible, 0.05) / allPairs, 1e-12, 0.5);
        }
        return Math.Clamp(1.0 / Math.Max(1.0, n), 1e-12, 0.5);
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
