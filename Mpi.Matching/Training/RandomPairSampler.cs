using Mpi.Matching.Comparisons;
using Mpi.Matching.Records;

namespace Mpi.Matching.Training;

/// <summary>
/// Estimates u (the probability of each level among different people) from pairs drawn at random: almost every
/// random pair is two different people, so the level frequencies over them are u.
/// </summary>
public static class RandomPairSampler
{
    /// <summary>Counts levels over up to <paramref name="pairs"/> random pairs (seeded) and returns u per comparison and level.</summary>
    public static (double[][] U, long Sampled) EstimateU(IReadOnlyList<NormalizedRecord> records, IReadOnlyList<Comparison> comparisons,
        long pairs, int seed)
    {
        var n = records.Count;
        var counts = comparisons.Select(c => new long[c.Levels.Length]).ToArray();
        if (n < 2) return (counts.Select(c => Smooth(c)).ToArray(), 0);
        var possible = (long)n * (n - 1) / 2;
        var sample = Math.Min(pairs, possible);
        var random = new Random(seed);
        for (long s = 0; s < sample; s++)
        {
            var i = random.Next(n);
            var j = random.Next(n - 1);
            if (j >= i) j++;
            for (var c = 0; c < comparisons.Count; c++) counts[c][comparisons[c].Level(records[i], records[j])]++;
        }
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
