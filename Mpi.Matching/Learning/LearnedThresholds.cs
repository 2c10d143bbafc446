namespace Mpi.Matching.Learning;

/// <summary>
/// When a learned probability may move a review-band pair out of review. Stricter than the Fellegi–Sunter thresholds
/// on purpose: the learner saw a few hundred labels, so it moves a pair only when it is nearly sure, and precision
/// is kept first (a false link costs more than a review task).
/// </summary>
/// <param name="AutoLink">At or above: the pair is linked (default <see cref="DefaultAutoLink"/>).</param>
/// <param name="NonMatch">At or below: the pair is not the same person (default <see cref="DefaultNonMatch"/>).</param>
public sealed record LearnedThresholds(double AutoLink = LearnedThresholds.DefaultAutoLink, double NonMatch = LearnedThresholds.DefaultNonMatch)
{
    public const double DefaultAutoLink = 0.97;
    public const double DefaultNonMatch = 0.03;
}
