using System.Collections.Immutable;
using Mpi.Matching.Comparisons;
using Mpi.Matching.Records;
using Mpi.Matching.Settings;

namespace Mpi.Matching.Scoring;

/// <summary>
/// Fellegi–Sunter scoring of record pairs under one model: the prior log-odds plus, per comparison, log2(m/u) of
/// the level the pair takes — with the u of an exact name replaced by that name's frequency (term-frequency
/// adjustment) — and the guards of <see cref="PairGuard"/>. <see cref="Score"/> allocates nothing.
/// </summary>
public sealed class PairScorer
{
    /// <summary>Frequencies below this are floored, so one-off names cannot carry unbounded weight.</summary>
    public const double MinimumTermFrequency = 1e-5;

    private readonly ComparisonWeights[] _comparisons;
    private readonly bool[] _strongElse;
    private readonly int _given = -1, _birth = -1, _nationalId = -1, _location = -1, _email = -1;

    public PairScorer(MatchModel model) : this(model, ComparisonCatalog.Default) { }

    public PairScorer(MatchModel model, ImmutableArray<Comparison> catalog)
    {
        Model = model;
        _comparisons = model.Comparisons
            .Select(p => new ComparisonWeights(catalog.FirstOrDefault(c => c.Name == p.Name) ?? ComparisonCatalog.Get(p.Name), p))
            .ToArray();
        for (var i = 0; i < _comparisons.Length; i++)
        {
            switch (_comparisons[i].Comparison)
            {
                case GivenNameComparison: _given = i; break;
                case BirthDateComparison: _birth = i; break;
                case NationalIdComparison: _nationalId = i; break;
                case LocationComparison: _location = i; break;
                case EmailComparison: _email = i; break;
            }
        }
        PriorWeight = Math.Log2(model.MatchPrior / (1 - model.MatchPrior));
        _strongElse = _comparisons.Select(c => c.Weights[c.Comparison.ElseLevel] <= model.Thresholds.StrongDisagreementWeight).ToArray();
    }

    public MatchModel Model { get; }

    /// <summary>log2 of the prior odds that two records are the same person.</summary>
    public double PriorWeight { get; }

    public int ComparisonCount => _comparisons.Length;

    /// <summary>The comparisons in the order levels are reported.</summary>
    public IEnumerable<Comparison> Comparisons => _comparisons.Select(c => c.Comparison);

    /// <summary>Scores a pair. Hot path: no allocation.</summary>
    public PairScore Score(NormalizedRecord a, NormalizedRecord b)
    {
        var weight = PriorWeight;
        Span<int> levels = stackalloc int[_comparisons.Length];
        for (var i = 0; i < _comparisons.Length; i++)
        {
            var c = _comparisons[i];
            var level = levels[i] = c.Comparison.Level(a, b);
            weight += LevelWeight(c, level, a, b);
        }
        return new PairScore(weight, SuffixesConflict(a, b) ? PairGuard.CannotLink : Corroboration(levels, a, b));
    }

    /// <summary>
    /// The identity guard (DESIGN.md, known traps). A strong disagreement on a field that tells people apart blocks an
    /// automatic link unless independent evidence vouches for the pair:
    /// a different given name (twins, siblings) or date of birth (father and son) needs the national id to agree;
    /// a different national id needs the very same given name and date of birth and the same address or e-mail
    /// (a keying error in the id, not a relative); two such disagreements need the very same national id. And a pair
    /// that agrees on name and date of birth but lives at another street address, with no national id to compare and
    /// no e-mail in common, may be two namesakes born the same day: it goes to review. A disagreement is strong when the model says true matches rarely show it: its "else" weight is
    /// at or below <see cref="DecisionThresholds.StrongDisagreementWeight"/>. Data whose matches often disagree on a
    /// field (heavy keying noise) thus rely on the weights alone, while clean registries get the guard.
    /// </summary>
    private PairGuard Corroboration(ReadOnlySpan<int> levels, NormalizedRecord a, NormalizedRecord b)
    {
        var givenConflict = IsStrongDisagreement(levels, _given);
        var birthConflict = IsStrongDisagreement(levels, _birth);
        var idConflict = IsStrongDisagreement(levels, _nationalId);
        var idAgrees = IsAgreement(levels, _nationalId, NationalIdAgreementLevels);
        var emailAgrees = IsAgreement(levels, _email, 1);
        var conflicts = (givenConflict ? 1 : 0) + (birthConflict ? 1 : 0) + (idConflict ? 1 : 0);
        var allowed = conflicts switch
        {
            0 => !(IsElse(levels, _location) && a.AddressLine.Length > 0 && b.AddressLine.Length > 0
                   && _nationalId >= 0 && levels[_nationalId] == Comparison.Missing && !emailAgrees),
            1 when idConflict => IsAgreement(levels, _given, GivenAgreementLevels) && IsAgreement(levels, _birth, 1)
                && (IsAgreement(levels, _location, LocationAgreementLevels) || emailAgrees),
            1 => idAgrees,
            _ => IsAgreement(levels, _nationalId, 1),
        };
        return allowed ? PairGuard.None : PairGuard.AtMostReview;
    }

    /// <summary>Given name: exact or nickname.</summary>
    private const int GivenAgreementLevels = 2;

    /// <summary>National id: exact or one keying error.</summary>
    private const int NationalIdAgreementLevels = 2;

    /// <summary>Location: same address and phone, same address, or same phone.</summary>
    private const int LocationAgreementLevels = 3;

    private bool IsElse(ReadOnlySpan<int> levels, int comparison) =>
        comparison >= 0 && levels[comparison] == _comparisons[comparison].Comparison.ElseLevel;

    private bool IsStrongDisagreement(ReadOnlySpan<int> levels, int comparison) =>
        comparison >= 0 && levels[comparison] == _comparisons[comparison].Comparison.ElseLevel && _strongElse[comparison];

    private static bool IsAgreement(ReadOnlySpan<int> levels, int comparison, int bestLevels) =>
        comparison >= 0 && levels[comparison] >= 1 && levels[comparison] <= bestLevels;

    /// <summary>Writes each comparison's level into <paramref name="levels"/> (length ≥ <see cref="ComparisonCount"/>).</summary>
    public void Levels(NormalizedRecord a, NormalizedRecord b, Span<int> levels)
    {
        for (var i = 0; i < _comparisons.Length; i++) levels[i] = _comparisons[i].Comparison.Level(a, b);
    }

    /// <summary>The score with its per-comparison explanation (allocates; for responses and reports).</summary>
    public ScoreExplanation Explain(NormalizedRecord a, NormalizedRecord b)
    {
        var score = Score(a, b);
        var parts = ImmutableArray.CreateBuilder<ComparisonOutcome>(_comparisons.Length);
        foreach (var c in _comparisons)
        {
            var level = c.Comparison.Level(a, b);
            parts.Add(new ComparisonOutcome(c.Comparison.Name, level, c.Comparison.Levels[level], LevelWeight(c, level, a, b),
                level > 0 && level == c.TermFrequencyLevel));
        }
        return new ScoreExplanation(PriorWeight, parts.MoveToImmutable(), score.MatchWeight, score.Probability, score.Guard);
    }

    private static double LevelWeight(ComparisonWeights c, int level, NormalizedRecord a, NormalizedRecord b)
    {
        if (level != c.TermFrequencyLevel || c.TermFrequencyM <= 0) return c.Weights[level];
        var frequency = c.Comparison.TermFrequency(a, b);
        return frequency > 0 ? Math.Log2(c.TermFrequencyM / Math.Max(frequency, MinimumTermFrequency)) : c.Weights[level];
    }

    private static bool SuffixesConflict(NormalizedRecord a, NormalizedRecord b) =>
        a.Suffix.Length > 0 && b.Suffix.Length > 0 && a.Suffix != b.Suffix;
}
