using Mpi.Matching.Training;

namespace Mpi.Tests.Matching.Training;

public class ExpectationMaximisationTests
{
    // A known model: 3 comparisons, 20% matches, conditionally independent levels.
    private static readonly double[][] TrueM = [[0, 0.90, 0.07, 0.03], [0, 0.85, 0.15], [0, 0.80, 0.15, 0.05]];
    private static readonly double[][] TrueU = [[0, 0.02, 0.08, 0.90], [0, 0.10, 0.90], [0, 0.01, 0.04, 0.95]];
    private const double TrueRate = 0.2;

    [Fact]
    public void Run_PairsDrawnFromAKnownModel_RecoversItsParameters()
    {
        var patterns = Draw(200_000, seed: 7);
        double[][] mStart = [[0, 0.6, 0.2, 0.2], [0, 0.6, 0.4], [0, 0.6, 0.2, 0.2]];
        double[][] uStart = [[0, 0.2, 0.3, 0.5], [0, 0.3, 0.7], [0, 0.2, 0.3, 0.5]];

        var result = ExpectationMaximisation.Run(patterns, mStart, uStart, 0.5, maxIterations: 500, tolerance: 1e-8);

        Assert.True(result.Converged, $"did not converge in {result.Iterations} iterations");
        Assert.InRange(result.MatchRate, TrueRate - 0.01, TrueRate + 0.01);
        for (var c = 0; c < TrueM.Length; c++)
            for (var l = 1; l < TrueM[c].Length; l++)
            {
                Assert.InRange(result.M[c][l], TrueM[c][l] - 0.02, TrueM[c][l] + 0.02);
                Assert.InRange(result.U[c][l], TrueU[c][l] - 0.02, TrueU[c][l] + 0.02);
            }
    }

    [Fact]
    public void Run_MissingLevel_IsIgnored()
    {
        var patterns = Draw(50_000, seed: 3, missingRate: 0.3);
        double[][] mStart = [[0, 0.6, 0.2, 0.2], [0, 0.6, 0.4], [0, 0.6, 0.2, 0.2]];
        double[][] uStart = [[0, 0.2, 0.3, 0.5], [0, 0.3, 0.7], [0, 0.2, 0.3, 0.5]];

        var result = ExpectationMaximisation.Run(patterns, mStart, uStart, 0.5, maxIterations: 500, tolerance: 1e-8);

        Assert.InRange(result.MatchRate, TrueRate - 0.02, TrueRate + 0.02);
        Assert.InRange(result.M[0][1], TrueM[0][1] - 0.03, TrueM[0][1] + 0.03);
    }

    private static ComparisonPatterns Draw(int pairs, int seed, double missingRate = 0)
    {
        var random = new Random(seed);
        var patterns = new ComparisonPatterns(TrueM.Length);
        var levels = new int[TrueM.Length];
        for (var p = 0; p < pairs; p++)
        {
            var match = random.NextDouble() < TrueRate;
            for (var c = 0; c < TrueM.Length; c++)
            {
                var probabilities = match ? TrueM[c] : TrueU[c];
                var x = random.NextDouble();
                var l = 1;
                for (var acc = probabilities[1]; x > acc && l < probabilities.Length - 1; acc += probabilities[++l]) { }
                levels[c] = random.NextDouble() < missingRate ? 0 : l;
            }
            patterns.Add(levels);
        }
        return patterns;
    }
}
