using System.Collections.Immutable;
using Mpi.Matching.Comparisons;
using Mpi.Matching.Records;
using Mpi.Matching.Settings;

namespace Mpi.Matching.Scoring;

/// <summary>
/// Fellegi–Sunter scoring of record pairs under one model: the prior log-odds plus, per comparison, log2(m/u) of
/// the level the pair takes — with the u of an exact name replaced by that name's frequency (term-frequency
/// adjustment) — and the guards of <see cref="IdentityGuard"/>. <see cref="Score(NormalizedRecord, NormalizedRecord)"/> allocates nothing.
/// </summary>
public sealed class PairScorer
{
    /// <summary>Frequencies below this are floored, so one-off names cannot carry unbounded weight.</summary>
    public const double MinimumTermFrequency = 1e-5;

    private readonly ComparisonWeights[] _comparisons;
    private readonly IdentityGuard _guard;

    /// <summary>Resolves the model's comparisons against this build's; throws when their levels differ.</summary>
    public PairScorer(MatchModel model)
    {
        Model = model;
        _comparisons = model.Comparisons.Select(p => new ComparisonWeights(ComparisonCatalog.Get(p.Name), p)).ToArray();
        _guard = new IdentityGuard(_comparisons, model.Thresholds.StrongDisagreementWeight);
        PriorWeight = PriorWeightOf(model.MatchPrior);
    }

    public MatchModel Model { get; }

    /// <summary>log2 of the prior odds that two records are the same person.</summary>
    public double PriorWeight { get; }

    /// <summary>The prior as a match weight: log2 of the odds <paramref name="matchPrior"/> / (1 - <paramref name="matchPrior"/>).</summary>
    public static double PriorWeightOf(double matchPrior) => Math.Log2(matchPrior / (1 - matchPrior));

    /// <summary>Scores a pair. Hot path: no allocation.</summary>
    public PairScore Score(NormalizedRecord a, NormalizedRecord b)
    {
        Span<int> levels = stackalloc int[_comparisons.Length];
        Span<double> weights = stackalloc double[_comparisons.Length];
        return Score(a, b, levels, weights);
    }

    /// <summary>
    /// Scores a pair and writes each comparison's level and weight (the comparison vector a learned re-scorer reads)
    /// into the caller's spans, one per comparison in model order. No allocation.
    /// </summary>
    public PairScore Score(NormalizedRecord a, NormalizedRecord b, Span<int> levels, Span<double> weights)
    {
        if (levels.Length < _comparisons.Length || weights.Length < _comparisons.Length)
            throw new ArgumentException($"the spans need {_comparisons.Length} places, one per comparison");
        var weight = PriorWeight;
        for (var i = 0; i < _comparisons.Length; i++)
        {
            var c = _comparisons[i];
            var level = levels[i] = c.Comparison.Level(a, b);
            weight += weights[i] = LevelWeight(c, level, a, b);
        }
        var (guard, reason) = _guard.Evaluate(levels[.._comparisons.Length], a, b);
        return new PairScore(weight, guard, reason);
    }

    /// <summary>How many comparisons a pair is scored on (the length of the spans <see cref="Score(NormalizedRecord, NormalizedRecord, Span{int}, Span{double})"/> fills).</summary>
    public int ComparisonCount => _comparisons.Length;

    /// <summary>The score with its per-comparison explanation (allocates; for responses and reports).</summary>
    public ScoreExplanation Explain(NormalizedRecord a, NormalizedRecord b)
    {
        var score = Score(a, b);
        var parts = ImmutableArray.CreateBuilder<ComparisonOutcome>(_comparisons.Length);
        foreach (var c in _comparisons)
        {
            var level = c.Comparison.Level(a, b);
            var termFrequencyAdjusted = level > 0 && level == c.TermFrequencyLevel && c.TermFrequencyM > 0 && c.Comparison.TermFrequency(a, b) > 0;
            parts.Add(new ComparisonOutcome(c.Comparison.Name, level, c.Comparison.Levels[level], LevelWeight(c, level, a, b), termFrequencyAdjusted));
        }
        return new ScoreExplanation(PriorWeight, parts.MoveToImmutable(), score.MatchWeight, score.Probability, score.Guard);
    }

    private static double LevelWeight(ComparisonWeights c, int level, NormalizedRecord a, NormalizedRecord b)
    {
        if (level != c.TermFrequencyLevel || c.TermFrequencyM <= 0) return c.Weights[level];
        var frequency = c.Comparison.TermFrequency(a, b);
        return frequency > 0 ? Math.Log2(c.TermFrequencyM / Math.Max(frequency, MinimumTermFrequency)) : c.Weights[level];
    }
}
