using Mpi.Matching.Comparisons;
using Mpi.Matching.Settings;

namespace Mpi.Matching.Scoring;

/// <summary>One comparison with its per-level weights, resolved once from the model for the hot path.</summary>
internal sealed class ComparisonWeights
{
    public ComparisonWeights(Comparison comparison, ComparisonParameters parameters)
    {
        if (parameters.Levels.Length != comparison.Levels.Length)
            throw new InvalidDataException(
                $"comparison '{comparison.Name}' has {parameters.Levels.Length} levels in the model, this build has {comparison.Levels.Length}");
        for (var i = 0; i < parameters.Levels.Length; i++)
            if (parameters.Levels[i].Label != comparison.Levels[i])
                throw new InvalidDataException(
                    $"comparison '{comparison.Name}' level {i} is '{parameters.Levels[i].Label}' in the model, this build expects '{comparison.Levels[i]}'");
        Comparison = comparison;
        Weights = parameters.Levels.Select(l => l.Weight).ToArray();
        TermFrequencyLevel = parameters.TermFrequencyAdjusted ? comparison.TermFrequencyLevel : -1;
        TermFrequencyM = TermFrequencyLevel >= 0 ? parameters.Levels[TermFrequencyLevel].M ?? 0 : 0;
    }

    public Comparison Comparison { get; }
    public double[] Weights { get; }
    public int TermFrequencyLevel { get; }
    public double TermFrequencyM { get; }
}
