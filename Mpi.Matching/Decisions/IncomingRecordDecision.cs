using Mpi.Matching.Learning;
using Mpi.Matching.Scoring;
using Mpi.Matching.Settings;

namespace Mpi.Matching.Decisions;

/// <summary>
/// Decides what to do with one incoming record given the persons it was compared with (docs/decisions.md, pipeline step 7):
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
        var eligible = 0;
        foreach (var c in candidates) if (c.Guard != PairGuard.CannotLink) eligible++;
        var ranked = new PersonCandidate[eligible];
        var next = 0;
        foreach (var c in candidates) if (c.Guard != PairGuard.CannotLink) ranked[next++] = c;
        // A total order (person ids are distinct), so an unstable sort ranks exactly as a stable one; no LINQ on the
        // Match and Register path.
        Array.Sort(ranked, Ranking);
        if (ranked.Length == 0) return (DecisionKind.New, null, ranked);
        var best = ranked[0];
        var second = ranked.Length > 1 ? ranked[1] : null;
        if (best.Rule is not null)
            return (second is not null && Rivals(second, best, thresholds) ? DecisionKind.Review : DecisionKind.RuleLink, best, ranked);
        var ambiguous = second is not null && Rivals(second, best, thresholds);
        var band = ThresholdBands.Of(best.Probability, best.Guard, thresholds);
        var kind = band switch
        {
            ThresholdBand.AutoLink when !ambiguous => DecisionKind.AutoLink,
            ThresholdBand.AutoLink or ThresholdBand.Review => DecisionKind.Review,
            _ => DecisionKind.New,
        };
        return (kind, best, ranked);
    }

    /// <summary>
    /// Decides as above, then lets a learned re-scorer move a review decision exactly as <c>learn</c> reports it would
    /// (<see cref="LearnedDecision"/>): only when the best candidate's own Fellegi–Sunter band is review (a review
    /// that comes from two close candidates or a rule is not the learner's to decide), to auto-link when the learned
    /// probability clears <see cref="LearnedThresholds.AutoLink"/>, no guard applies and no second candidate is within
    /// the ambiguity margin; to new when it is at or below <see cref="LearnedThresholds.NonMatch"/> and every other
    /// candidate is a non-match too (by Fellegi–Sunter or by the learner). With no <paramref name="learned"/>
    /// thresholds (the version has no re-scorer) the decision is Fellegi–Sunter's alone.
    /// </summary>
    public static IncomingDecision Decide(IReadOnlyCollection<PersonCandidate> candidates, DecisionThresholds thresholds, LearnedThresholds? learned)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var (kind, best, ranked) = Decide(candidates, thresholds);
        if (learned is null || kind != DecisionKind.Review || best is null || best.Rule is not null || best.LearnedProbability is not { } p)
            return new IncomingDecision(kind, best, ranked, null);
        var band = ThresholdBands.Of(best.Probability, best.Guard, thresholds);
        if (band != ThresholdBand.Review) return new IncomingDecision(kind, best, ranked, null);

        var decision = LearnedDecision.Of(band, best.Probability, best.Guard, p, learned);
        var second = ranked.Count > 1 ? ranked[1] : null;
        if (decision.Band == ThresholdBand.AutoLink)
        {
            if (second is null || second.Probability < best.Probability - thresholds.AmbiguityMargin)
                return new IncomingDecision(DecisionKind.AutoLink, best, ranked, decision);
            return new IncomingDecision(DecisionKind.Review, best, ranked,
                decision with { Band = ThresholdBand.Review, Reason = $"{decision.Reason}, but another candidate is within the ambiguity margin: review" });
        }
        if (decision.Band == ThresholdBand.NonMatch)
        {
            if (ranked.Skip(1).All(c => NonMatch(c, thresholds, learned)))
                return new IncomingDecision(DecisionKind.New, best, ranked, decision);
            return new IncomingDecision(DecisionKind.Review, best, ranked,
                decision with { Band = ThresholdBand.Review, Reason = $"{decision.Reason}, but another candidate stays in review" });
        }
        return new IncomingDecision(DecisionKind.Review, best, ranked, decision);
    }

    /// <summary>A candidate that makes the best one uncertain: another rule, or a probability within the ambiguity margin.</summary>
    public static bool Rivals(PersonCandidate candidate, PersonCandidate best, DecisionThresholds thresholds) =>
        best.Rule is not null ? candidate.Rule is not null : candidate.Probability >= best.Probability - thresholds.AmbiguityMargin;

    /// <summary>A rule first, then the higher probability, then the person id (so equal scores rank the same every time).</summary>
    private static int Ranking(PersonCandidate x, PersonCandidate y)
    {
        if ((x.Rule is null) != (y.Rule is null)) return x.Rule is not null ? -1 : 1;
        var byProbability = y.Probability.CompareTo(x.Probability);
        return byProbability != 0 ? byProbability : string.CompareOrdinal(x.PersonId, y.PersonId);
    }

    private static bool NonMatch(PersonCandidate candidate, DecisionThresholds thresholds, LearnedThresholds learned)
    {
        if (candidate.Rule is not null) return false;
        var band = ThresholdBands.Of(candidate.Probability, candidate.Guard, thresholds);
        return band == ThresholdBand.NonMatch || (band == ThresholdBand.Review && candidate.LearnedProbability <= learned.NonMatch);
    }
}
