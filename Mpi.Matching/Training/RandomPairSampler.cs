using Mpi.Matching.Comparisons;
using Mpi.Matching.Records;

namespace Mpi.Matching.Training;

/// <summary>
/// Estimates u (the probability of each level among different people) from pairs drawn at random: almost every
/// random pair is two different people, so the level frequencies over them are u.
/// </summary>
public static class RandomPairSampler
{
    /// <summary>Parts the drawn pairs are compared in, in parallel.</summary>
    private const int Chunks = 16;

    /// <summary>Counts levels over up to <paramref name="pairs"/> random pairs (seeded) and returns u per comparison and level.</summary>
    public static (double[][] U, long Sampled) EstimateU(IReadOnlyList<NormalizedRecord> records, IReadOnlyList<Comparison> comparisons,
        long pairs, int seed)
    {
        var n = records.Count;
        var counts = comparisons.Select(c => new long[c.Levels.Length]).ToArray();
        if (n < 2) return (counts.Select(c => Smooth(c)).ToArray(), 0);
        var possible = (long)n * (n - 1) / 2;
        var sample = Math.Min(pairs, possible);
        // The pairs are drawn from one seeded stream, as they always were, then compared in parallel: comparing is
        // the cost (two records fetched from all over the heap), drawing is not.
        var random = new Random(seed);
        var firsts = new int[sample];
        var seconds = new int[sample];
        for (long s = 0; s < sample; s++)
        {
            var i = random.Next(n);
            var j = random.Next(n - 1);
            if (j >= i) j++;
            (firsts[s], seconds[s]) = (i, j);
        }
        var gate = new object();
        Parallel.For(0, Chunks, chunk =>
        {
            var local = comparisons.Select(c => new long[c.Levels.Length]).ToArray();
            for (var s = sample * chunk / Chunks; s < sample * (chunk + 1) / Chunks; s++)
                for (var c = 0; c < comparisons.Count; c++) local[c][comparisons[c].Level(records[firsts[s]], records[seconds[s]])]++;
            lock (gate)
                for (var c = 0; c < counts.Length; c++)
                    for (var l = 0; l < counts[c].Length; l++) counts[c][l] += local[c][l];
        });
        return (counts.Select(c => Smooth(c)).ToArray(), sample);
    }

    /// <summary>Level frequencies over the non-missing levels, with add-one smoothing so that no level is impossible.</summary>
    private static double[] Smooth(long[] counts)
    {
        var result = new double[counts.Length];
        var total = 0.0;
        for (var l = 1; l < counts.Length; l++) total += counts[l] + 1;
        for (var l = 1; l < counts.Length; l++) result[l] = (counts[l] + 1) / total;
        return result;
    }
}
