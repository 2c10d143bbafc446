using Mpi.Matching.Clustering;
using Mpi.Matching.Records;
using Mpi.Matching.Settings;

namespace Mpi.Matching.Decisions;

/// <summary>
/// A record that links to more than one person bridges them: the registry may hold one person twice, because the
/// records that show it arrived apart (each of a person's records differs from the first in its own way). The record
/// links to the best person. Each other person it would link to on its own (a rule, or auto-link without a guard) is
/// weighed against the best one exactly as batch clustering weighs two clusters (no conflict across them, their mean
/// weight at the floor): when they cohere and a deterministic rule joins them (one between their records, or the
/// record's rules to both), they are merged at once; when they cohere on scores alone, a clerk is asked to merge them
/// (docs/decisions.md, "Two close candidates"). When a person within the ambiguity margin does not cohere, or may not be
/// linked, the evidence is split and the record stays in review. Two persons that people have said are not one
/// (<c>keptApart</c>: a reviewer's or steward's "different person") are weighed as two that do not cohere.
/// </summary>
public static class PersonBridge
{
    /// <param name="recordsOf">A person's records, weighed as incoming records are (name frequencies, population).</param>
    /// <param name="compatible">Whether two records may be one person, and the weight of evidence (<see cref="PairCompatibility"/>).</param>
    /// <param name="keptApart">Whether people have said two persons are not one (asked only of persons that would bridge).</param>
    public static BridgeDecision Decide(NormalizedRecord incoming, IncomingDecision decided, DecisionThresholds thresholds,
        Func<string, IReadOnlyList<NormalizedRecord>> recordsOf, Func<NormalizedRecord, NormalizedRecord, (bool Allowed, double Weight)> compatible,
        Func<string, string, bool>? keptApart = null)
    {
        ArgumentNullException.ThrowIfNull(decided);
        ArgumentNullException.ThrowIfNull(thresholds);
        var unchanged = new BridgeDecision(decided.Kind, [], []);
        if (decided.Best is not { } best || !Linkable(best, thresholds) || decided.Ranked.Count < 2) return unchanged;
        List<PersonCandidate>? others = null;
        for (var i = 1; i < decided.Ranked.Count; i++)
        {
            var candidate = decided.Ranked[i];
            if (Linkable(candidate, thresholds)) (others ??= []).Add(candidate);
            else if (IncomingRecordDecision.Rivals(candidate, best, thresholds)) return unchanged;
        }
        if (others is null) return unchanged;

        var group = new List<NormalizedRecord>(recordsOf(best.PersonId)) { incoming };
        List<string>? merged = null, toAsk = null;
        foreach (var other in others)
        {
            var theirs = recordsOf(other.PersonId);
            var joinedByRule = best.Rule is not null && other.Rule is not null;
            var coherent = theirs.Count > 0 && keptApart?.Invoke(best.PersonId, other.PersonId) != true && CoherentClustering.Coherent(group, theirs, (x, y) =>
            {
                var pair = compatible(x, y);
                if (double.IsPositiveInfinity(pair.Weight) && !ReferenceEquals(x, incoming)) joinedByRule = true;
                return pair;
            }, thresholds.MinimumMeanClusterWeight);
            if (!coherent)
            {
                if (IncomingRecordDecision.Rivals(other, best, thresholds)) return unchanged;
                continue;
            }
            if (joinedByRule)
            {
                (merged ??= []).Add(other.PersonId);
                group.AddRange(theirs);
            }
            else (toAsk ??= []).Add(other.PersonId);
        }
        return new BridgeDecision(best.Rule is null ? DecisionKind.AutoLink : DecisionKind.RuleLink, merged ?? [], toAsk ?? []);
    }

    /// <summary>A person the record would link to were it the only candidate.</summary>
    private static bool Linkable(PersonCandidate candidate, DecisionThresholds thresholds) =>
        candidate.Rule is not null || ThresholdBands.Of(candidate.Probability, candidate.Guard, thresholds) == ThresholdBand.AutoLink;
}

/// <summary>The decision after bridging, the persons to merge into the best one, and those a clerk is asked to merge into it.</summary>
/// <param name="MergedPersonIds">Persons a deterministic rule joins to the best one: merged at once.</param>
/// <param name="MergeTaskPersonIds">Persons that agree with the best one on scores alone: a merge task asks.</param>
public readonly record struct BridgeDecision(DecisionKind Kind, IReadOnlyList<string> MergedPersonIds, IReadOnlyList<string> MergeTaskPersonIds);
