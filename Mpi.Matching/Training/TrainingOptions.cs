namespace Mpi.Matching.Training;

/// <summary>How a model is trained. Deterministic for a seed.</summary>
/// <param name="RandomPairs">Random pairs drawn to estimate u (default 2,000,000).</param>
/// <param name="MaxBlockedPairs">Blocked pairs one EM round runs over at most (default 2,000,000; beyond, anchors are sampled).</param>
public sealed record TrainingOptions(long RandomPairs = 2_000_000, long MaxBlockedPairs = 2_000_000, int Seed = 20261125,
    int MaxIterations = 200, double Tolerance = 1e-6)
{
    /// <summary>The blocking rules EM trains over, one round each (see <see cref="Blocking.BlockingRuleCatalog.TrainingNames"/>).</summary>
    public IReadOnlyList<string> TrainingRules { get; init; } = Blocking.BlockingRuleCatalog.TrainingNames;
}
