namespace Mpi.Matching.Training;

/// <summary>
/// Unsupervised estimation of a two-class (match / non-match) mixture over comparison vectors, assuming the
/// comparisons are conditionally independent given the class (Fellegi–Sunter; Winkler 1988). The missing level
/// (0) carries no information and is left out of both classes' likelihoods.
/// </summary>
public static class ExpectationMaximisation
{
    /// <summary>Runs EM from the given start until no probability moves by more than <paramref name="tolerance"/>.</summary>
    /// <param name="patterns">The comparison vectors with counts.</param>
    /// <param name="m">Starting m per comparison and level (level 0 ignored); not modified.</param>
    /// <param name="u">Starting u per comparison and level (level 0 ignored); not modified.</param>
    /// <param name="matchRate">Starting proportion of matches among the pairs.</param>
    /// <param name="priorPairs">
    /// Pseudo-pairs of a Dirichlet prior centred on the starting values, added to each class at every M-step. A level
    /// the data almost never shows (a day/month transposition in a set without any) then keeps a modest m instead of
    /// collapsing to zero and turning a plausible error into strong evidence against a match.
    /// </param>
    public static EmResult Run(ComparisonPatterns patterns, double[][] m, double[][] u, double matchRate,
        int maxIterations = 200, double tolerance = 1e-6, double priorPairs = 10)
    {
        var entries = patterns.Entries().ToArray();
        var k = patterns.ComparisonCount;
        var mCur = m.Select(a => (double[])a.Clone()).ToArray();
        var uCur = u.Select(a => (double[])a.Clone()).ToArray();
        var lambda = matchRate;
        var iteration = 0;
        var converged = false;
        while (iteration < maxIterations && !converged)
        {
            iteration++;
            var mAcc = mCur.Select(a => new double[a.Length]).ToArray();
            var uAcc = uCur.Select(a => new double[a.Length]).ToArray();
            double matches = 0, total = 0;
            foreach (var (levels, count) in entries)
            {
                double logM = Math.Log(lambda), logU = Math.Log(1 - lambda);
                for (var c = 0; c < k; c++)
                {
                    var l = levels[c];
                    if (l == 0) continue;
                    logM += Math.Log(mCur[c][l]);
                    logU += Math.Log(uCur[c][l]);
                }
                var p = 1.0 / (1.0 + Math.Exp(logU - logM));
                matches += p * count;
                total += count;
                for (var c = 0; c < k; c++)
                {
                    var l = levels[c];
                    if (l == 0) continue;
                    mAcc[c][l] += p * count;
                    uAcc[c][l] += (1 - p) * count;
                }
            }
            var change = 0.0;
            change = Math.Max(change, Normalise(mAcc, m, priorPairs, mCur));
            change = Math.Max(change, Normalise(uAcc, u, priorPairs, uCur));
            var newLambda = Math.Clamp(matches / total, 1e-9, 1 - 1e-9);
            change = Math.Max(change, Math.Abs(newLambda - lambda));
            lambda = newLambda;
            converged = change < tolerance;
        }
        return new EmResult(mCur, uCur, lambda, iteration, converged);
    }

    /// <summary>Turns accumulated counts plus the prior's pseudo-counts into probabilities over levels 1..n.</summary>
    private static double Normalise(double[][] accumulated, double[][] prior, double priorPairs, double[][] current)
    {
        var change = 0.0;
        for (var c = 0; c < accumulated.Length; c++)
        {
            var sum = 0.0;
            for (var l = 1; l < accumulated[c].Length; l++) sum += accumulated[c][l] + priorPairs * prior[c][l];
            if (sum <= 0) continue;
            for (var l = 1; l < accumulated[c].Length; l++)
            {
                var value = (accumulated[c][l] + priorPairs * prior[c][l]) / sum;
                change = Math.Max(change, Math.Abs(value - current[c][l]));
                current[c][l] = value;
            }
        }
        return change;
    }
}

/// <summary>EM's estimates: m and u per comparison and level, the match rate among the pairs, and how it ended.</summary>
public sealed record EmResult(double[][] M, double[][] U, double MatchRate, int Iterations, bool Converged);
