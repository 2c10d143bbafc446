using Mpi.Matching.Records;
using Mpi.Matching.Rules;
using Mpi.Matching.Scoring;

namespace Mpi.Matching.Clustering;

/// <summary>
/// Whether two records may share a person, and how strongly they belong together: a deterministic rule (or the same
/// source record) is certain; a guard conflict (twins, father and son, suffixes, two national ids) forbids it;
/// otherwise the match weight is the evidence — a pair a guard only capped at review (a possible namesake, an
/// unvouched disagreement) is weighed with the other pairs across a join, not a veto of it. Batch clustering and
/// registration's merge of bridged persons ask the same question, so they answer it here once.
/// </summary>
public sealed class PairCompatibility(PairScorer scorer, ExactRuleEvaluator rules)
{
    public (bool Allowed, double Weight) Of(NormalizedRecord a, NormalizedRecord b)
    {
        if (SameSource(a, b) || rules.FirstMatch(a, b) is not null) return (true, double.PositiveInfinity);
        var score = scorer.Score(a, b);
        return (!score.Reason.IsConflict(), score.MatchWeight);
    }

    private static bool SameSource(NormalizedRecord a, NormalizedRecord b) => a.Registry == b.Registry && a.LocalId == b.LocalId;
}
