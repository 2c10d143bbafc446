namespace Mpi.Matching.Scoring;

/// <summary>
/// The score of one candidate pair: the Fellegi–Sunter match weight (log2 Bayes factor, prior included), what
/// the guards allow and why. Produced on the hot path, so a small struct.
/// </summary>
public readonly record struct PairScore(double MatchWeight, PairGuard Guard, GuardReason Reason = GuardReason.None)
{
    /// <summary>The match probability: 1 / (1 + 2^-weight).</summary>
    public double Probability => ProbabilityOf(MatchWeight);

    /// <summary>The probability a match weight (log2 odds) stands for.</summary>
    public static double ProbabilityOf(double matchWeight) => 1.0 / (1.0 + Math.Pow(2.0, -matchWeight));
}

/// <summary>
/// Limits a pair's decision whatever its weight (docs/decisions.md, "Known traps"; the rules are in <see cref="IdentityGuard"/>).
/// </summary>
public enum PairGuard
{
    /// <summary>The weight decides.</summary>
    None = 0,
    /// <summary>An identity disagreement that nothing vouches for (twins, father and son, namesakes): at most review.</summary>
    AtMostReview = 1,
    /// <summary>Suffixes conflict (JR/SR, II/III): never the same person.</summary>
    CannotLink = 2,
}
