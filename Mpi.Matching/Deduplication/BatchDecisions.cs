using Mpi.Matching.Clustering;
using Mpi.Matching.Decisions;
using Mpi.Matching.Scoring;
using Mpi.Matching.Settings;

namespace Mpi.Matching.Deduplication;

/// <summary>
/// Turns a batch's clusters into one decision per record, as if the records had arrived one by one in input order:
/// a cluster's first record is <c>new</c>, the others <c>rule_link</c> or <c>auto_link</c>; a record left alone
/// with a candidate in the review band is <c>review</c>. A linked record whose best candidate in another person
/// scores within the ambiguity margin of its link is two plausible people: it is taken out of the cluster and
/// sent to review (docs/decisions.md, pipeline step 7).
/// </summary>
internal static class BatchDecisions
{
    public static RecordAssignment[] Assign(int[] clusters, IReadOnlyCollection<ScoredLink> links,
        IEnumerable<(int A, int B, double Probability)> reviews, DecisionThresholds thresholds)
    {
        var count = clusters.Length;
        var decision = new DecisionKind[count];
        var score = new double[count];
        var elsewhere = new double[count];
        foreach (var link in links)
        {
            var probability = link.ByRule ? 1.0 : PairScore.ProbabilityOf(link.Weight);
            if (clusters[link.First] != clusters[link.Second])
            {
                elsewhere[link.First] = Math.Max(elsewhere[link.First], probability);
                elsewhere[link.Second] = Math.Max(elsewhere[link.Second], probability);
                continue;
            }
            foreach (var r in (ReadOnlySpan<int>)[link.First, link.Second])
            {
                if (clusters[r] == r) continue; // the cluster's first record is the person's first record: "new"
                var kind = link.ByRule ? DecisionKind.RuleLink : DecisionKind.AutoLink;
                if (decision[r] == DecisionKind.New || (kind == DecisionKind.RuleLink && decision[r] == DecisionKind.AutoLink))
                    decision[r] = kind;
                score[r] = Math.Max(score[r], probability);
            }
        }
        for (var r = 0; r < count; r++)
        {
            if (decision[r] != DecisionKind.AutoLink || elsewhere[r] < score[r] - thresholds.AmbiguityMargin) continue;
            clusters[r] = r; // not the first of its cluster, so its own index is a fresh cluster id
            decision[r] = DecisionKind.Review;
        }

        var size = new int[count];
        foreach (var c in clusters) size[c]++;
        foreach (var (a, b, p) in reviews)
        {
            // The later record is the incoming one; it goes to review when it was not linked to anyone.
            var incoming = Math.Max(a, b);
            if (clusters[a] == clusters[b] || size[clusters[incoming]] > 1) continue;
            decision[incoming] = DecisionKind.Review;
            score[incoming] = Math.Max(score[incoming], p);
        }
        var result = new RecordAssignment[count];
        for (var i = 0; i < count; i++) result[i] = new RecordAssignment(clusters[i], decision[i], score[i]);
        return result;
    }
}
