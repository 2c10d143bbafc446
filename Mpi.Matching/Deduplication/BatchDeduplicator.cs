using System.Collections.Concurrent;
using Mpi.Matching.Blocking;
using Mpi.Matching.Clustering;
using Mpi.Matching.Decisions;
using Mpi.Matching.Records;
using Mpi.Matching.Rules;
using Mpi.Matching.Scoring;
using Mpi.Matching.Settings;

namespace Mpi.Matching.Deduplication;

/// <summary>
/// Deduplicates a set of records under a model: candidate pairs from the blocking index, deterministic rules, then
/// Fellegi–Sunter scores; auto-link pairs are clustered with the coherence guard; records left alone with a pair in
/// the review band are marked for review. The records must carry term frequencies (<see cref="TermFrequencies"/>).
/// Pairs that people have said are different persons (<c>keptApart</c>) are never in one cluster.
/// </summary>
public sealed class BatchDeduplicator(MatchModel model)
{
    private readonly PairScorer _scorer = new(model);
    private readonly ExactRuleEvaluator _rules = new(model.Rules);

    /// <param name="progress">Called with the number of records whose candidates have been scored (from worker threads).</param>
    /// <param name="keepScoredPairs">Also return every candidate pair with its probability (for evaluation reports).</param>
    /// <param name="keptApart">Record index pairs (lower index first) that may never share a cluster: "not the same person" marks.</param>
    public DeduplicationResult Run(IReadOnlyList<NormalizedRecord> records, Action<int>? progress = null, bool keepScoredPairs = false,
        IReadOnlySet<(int, int)>? keptApart = null)
    {
        var scored = keepScoredPairs ? new ConcurrentBag<ScoredPair>() : null;
        var thresholds = model.Thresholds;
        var index = new BlockIndex(records, model.Blocking.Rules.Select(BlockingRuleCatalog.Get).ToArray(), model.Blocking.MaxBlockSize);
        var links = new ConcurrentBag<ScoredLink>();
        var reviews = new ConcurrentBag<(int A, int B, double Probability)>();
        var sameSource = SameSourceLinks(records);
        foreach (var link in sameSource) links.Add(link);

        long candidatePairs = 0;
        var done = 0;
        var workers = Environment.ProcessorCount;
        Parallel.For(0, workers, w =>
        {
            var seen = new int[records.Count];
            var candidates = new List<int>();
            long pairs = 0;
            for (var i = w; i < records.Count; i += workers)
            {
                index.LaterCandidates(i, seen, candidates);
                pairs += candidates.Count;
                foreach (var j in candidates)
                {
                    if (_rules.FirstMatch(records[i], records[j]) is not null)
                    {
                        links.Add(new ScoredLink(i, j, double.PositiveInfinity, ByRule: true));
                        scored?.Add(new ScoredPair(i, j, 1.0));
                        continue;
                    }
                    var score = _scorer.Score(records[i], records[j]);
                    scored?.Add(new ScoredPair(i, j, score.Guard == PairGuard.CannotLink ? 0.0 : score.Probability));
                    switch (ThresholdBands.Of(score, thresholds))
                    {
                        case ThresholdBand.AutoLink: links.Add(new ScoredLink(i, j, score.MatchWeight, ByRule: false)); break;
                        case ThresholdBand.Review: reviews.Add((i, j, score.Probability)); break;
                    }
                }
                var finished = Interlocked.Increment(ref done);
                if ((finished & 0x3FF) == 0) progress?.Invoke(finished);
            }
            Interlocked.Add(ref candidatePairs, pairs);
        });
        progress?.Invoke(records.Count);

        var compatibility = new PairCompatibility(_scorer, _rules);
        var clusters = CoherentClustering.Cluster(records.Count, links,
            (x, y) => keptApart is not null && keptApart.Contains(x < y ? (x, y) : (y, x)) ? (false, 0) : compatibility.Of(records[x], records[y]),
            thresholds.MinimumMeanClusterWeight, out var refused);
        var assignments = BatchDecisions.Assign(clusters, links, reviews, thresholds);
        return new DeduplicationResult(assignments, candidatePairs, links.Count(l => l.ByRule), links.Count(l => !l.ByRule),
            reviews.Count, refused, index.OversizedBlocks, scored?.ToArray());
    }

    /// <summary>Rows re-sent with the same (registry, local id) are updates of one source record: always one person.</summary>
    private static List<ScoredLink> SameSourceLinks(IReadOnlyList<NormalizedRecord> records)
    {
        var first = new Dictionary<(string, string), int>();
        var links = new List<ScoredLink>();
        for (var i = 0; i < records.Count; i++)
        {
            var key = (records[i].Registry, records[i].LocalId);
            if (first.TryGetValue(key, out var f)) links.Add(new ScoredLink(f, i, double.PositiveInfinity, ByRule: true));
            else first[key] = i;
        }
        return links;
    }
}
