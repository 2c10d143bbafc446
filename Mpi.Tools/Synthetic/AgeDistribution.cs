namespace Mpi.Tools.Synthetic;

/// <summary>
/// Ages 0–100 with a rough population pyramid: flat to 60, then thinning linearly to a few centenarians.
/// </summary>
internal static class AgeDistribution
{
    public const int MaxAge = 100;

    private static readonly double[] Cumulative = Build();

    public static int SampleAge(Random random)
    {
        var draw = random.NextDouble() * Cumulative[^1];
        var index = Array.BinarySearch(Cumulative, draw);
        return index >= 0 ? Math.Min(index + 1, MaxAge) : ~index;
    }

    /// <summary>A birth date giving <paramref name="age"/> on <paramref name="referenceDate"/>.</summary>
    public static DateOnly BirthDateForAge(Random random, DateOnly referenceDate, int age) =>
        referenceDate.AddYears(-age).AddDays(-random.Next(1, 365));

    private static double[] Build()
    {
        var cumulative = new double[MaxAge + 1];
        double total = 0;
        for (var age = 0; age <= MaxAge; age++)
        {
            total += age <= 60 ? 1.0 : Math.Max(0.03, (MaxAge - age) / 40.0);
            cumulative[age] = total;
        }

        return cumulative;
    }
}
