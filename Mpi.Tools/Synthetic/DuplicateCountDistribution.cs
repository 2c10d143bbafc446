namespace Mpi.Tools.Synthetic;

/// <summary>
/// How many duplicates a duplicated person gets: 1 to max, each count 0.45 times as likely as the one before
/// (a truncated geometric), so most duplicated persons have one duplicate and few have the maximum.
/// </summary>
internal static class DuplicateCountDistribution
{
    private const double Ratio = 0.45;

    public static double Mean(int max)
    {
        double weight = 1, total = 0, weighted = 0;
        for (var k = 1; k <= max; k++)
        {
            total += weight;
            weighted += k * weight;
            weight *= Ratio;
        }

        return weighted / total;
    }

    /// <summary>The chance that a person gets duplicates at all so that <paramref name="duplicateRate"/> of records are duplicates.</summary>
    public static double PersonProbability(double duplicateRate, int max) =>
        duplicateRate <= 0 ? 0 : Math.Min(1, duplicateRate / ((1 - duplicateRate) * Mean(max)));

    public static int Sample(Random random, int max)
    {
        double weight = 1, total = 0;
        for (var k = 1; k <= max; k++)
        {
            total += weight;
            weight *= Ratio;
        }

        var draw = random.NextDouble() * total;
        weight = 1;
        for (var k = 1; k < max; k++)
        {
            if (draw < weight)
            {
                return k;
            }

            draw -= weight;
            weight *= Ratio;
        }

        return max;
    }
}
