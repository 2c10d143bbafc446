using System.Collections.Concurrent;
using System.Collections.Immutable;
using Mpi.Matching.Blocking;
using Mpi.Matching.Decisions;
using Mpi.Matching.Records;
using Mpi.Matching.Rules;
using Mpi.Matching.Scoring;
using Mpi.Matching.Settings;

namespace Mpi.Matching.Learning;

/// <summary>
/// The candidate pairs of a batch as comparison vectors, blocked, ruled and scored exactly as
/// <see cref="Deduplication.BatchDeduplicator"/> does. Only pairs at or above the review threshold (or linked by a rule)
/// are returned: pairs below it are new persons before and after learning, so they never change band.
/// </summary>
public static class CandidateVectors
{
    /// <summary>The vectors, ordered by the later record then the earlier (the order review tasks would arise in).</summary>
    public static IReadOnlyList<ComparisonVector> Score(IReadOnlyList<NormalizedRecord> records, MatchModel model)
    {
        var scorer = new PairScorer(model);
        var rules = new ExactRuleEvaluator(model.Rules);
        var index = new BlockIndex(records, model.Blocking.Rules.Select(BlockingRuleCatalog.Get).ToArray(), model.Blocking.MaxBlockSize);
        var vectors = new ConcurrentBag<ComparisonVector>();
        var workers = Environment.ProcessorCount;
        Parallel.For(0, workers, w =>
        {
            var seen = new int[records.Count];
            var candidates = new List<int>();
            for (var i = w; i < records.Count; i += workers)
            {
                index.LaterCandidates(i, seen, candidates);
                foreach (var j in candidates)
                {
                    var rule = rules.FirstMatch(records[i], records[j]);
                    var score = scorer.Score(records[i], records[j]);
                    var band = rule is not null ? ThresholdBand.AutoLink : ThresholdBands.Of(score, model.Thresholds);
                    if (band == ThresholdBand.NonMatch) continue;
                    vectors.Add(Vector(scorer, records[i], records[j], i, j, band, rule));
                }
            }
        });
        return vectors.OrderBy(v => v.Second).ThenBy(v => v.First).ToArray();
    }

    /// <summary>
    /// The vector of any pair of the batch, blocked or not (a reviewer's label may name a pair blocking never put
    /// forward), with its band as the model decides it: a rule link is auto-link.
    /// </summary>
    public static ComparisonVector Pair(IReadOnlyList<NormalizedRecord> records, MatchModel model, PairScorer scorer, int first, int second)
    {
        var rule = new ExactRuleEvaluator(model.Rules).FirstMatch(records[first], records[second]);
        var band = rule is not null ? ThresholdBand.AutoLink : ThresholdBands.Of(scorer.Score(records[first], records[second]), model.Thresholds);
        return Vector(scorer, records[first], records[second], first, second, band, rule);
    }

    /// <summary>One pair's vector (allocates: the explanation is built).</summary>
    public static ComparisonVector Vector(PairScorer scorer, NormalizedRecord a, NormalizedRecord b, int first, int second,
        ThresholdBand band, string? rule)
    {
        var explanation = scorer.Explain(a, b);
        var (x, y) = first < second ? (first, second) : (second, first);
        return new ComparisonVector(x, y,
            [.. explanation.Comparisons.Select(c => c.Level)], [.. explanation.Comparisons.Select(c => c.Weight)],
            explanation.MatchWeight, explanation.Probability, explanation.Guard, band, scorer.Model.Version, rule);
    }
}
