using Mpi.Matching.Scoring;
using Mpi.Matching.Settings;

namespace Mpi.Matching.Decisions;

/// <summary>
/// Decides what to do with one incoming record given the persons it was compared with (DESIGN.md step 7):
/// a deterministic rule links; a probability at or above auto-link (no guard, and no second person within the
/// ambiguity margin) links; a probability in the review band — or an auto-link that a guard or a close second
/// candidate makes uncertain — goes to review; otherwise a new person. A person any of whose records conflicts
/// outright (JR vs SR) is not a candidate.
/// </summary>
public static class IncomingRecordDecision
{
    public static (DecisionKind Kind, PersonCandidate? Best, IReadOnlyList<PersonCandidate> Ranked) Decide(
        IReadOnlyCollection<PersonCandidate> candidates, DecisionThresholds thresholds)
    {
        var ranked = candidates.Where(c => c.Guard != PairGuard.CannotLink)
            .OrderByDescending(c => c.Rule is not null).ThenByDescending(c => c.Probability).ThenBy(c => c.PersonId, StringComparer.Ordinal)
            .ToArray();
        if (ranked.Length == 0) return (DecisionKind.New, null, ranked);
        var best = ranked[0];
        var second = ranked.Length > 1 ? ranked[1] : null;
        if (best.Rule is not null)
            return (second?.Rule is not null ? DecisionKind.Review : DecisionKind.RuleLink, best, ranked);
        var ambiguous = second is not null && second.Probability >= best.Probability - thresholds.AmbiguityMargin;
        var band = ThresholdBands.Of(best.Probability, best.Guard, thresholds);
        var kind = band switch
        {
            ThresholdBand.AutoLink when !ambiguous => DecisionKind.AutoLink,
            ThresholdBand.AutoLink or ThresholdBand.Review => DecisionKind.Review,
            _ => DecisionKind.New,
        };
        return (kind, best, ranked);
    }
}
