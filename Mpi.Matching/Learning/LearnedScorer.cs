using Mpi.Matching.Records;
using Mpi.Matching.Scoring;
using Mpi.Matching.Settings;

namespace Mpi.Matching.Learning;

/// <summary>
/// The learned re-scorer of a model version (<see cref="MatchModel.Learned"/>) evaluated without ML.NET: a dot product
/// of its coefficients with the pair's features (<see cref="PairFeatures"/>), then its Platt calibration. It runs on
/// the registration path, so it is pure, deterministic and allocates nothing per pair; ML.NET only trains it.
/// Features are rounded to single precision first, as ML.NET saw them in training, so that both give the same
/// probability.
/// </summary>
public sealed class LearnedScorer
{
    private readonly double[] _coefficients;
    private readonly PairFeatures _features;
    private readonly LearnedRescoring _settings;

    /// <summary>The re-scorer of <paramref name="model"/>, which must have one whose features fit its comparisons.</summary>
    /// <exception cref="InvalidDataException">The model has no learned section, or it has another number of features.</exception>
    public LearnedScorer(MatchModel model)
        : this(model, model?.Learned ?? throw new InvalidDataException($"model {model?.Version} has no learned re-scorer"))
    {
    }

    /// <summary>A re-scorer over <paramref name="model"/>'s comparisons that is not (yet) part of it, e.g. one just trained.</summary>
    /// <exception cref="InvalidDataException">It has another number of features than the model's comparisons give.</exception>
    public LearnedScorer(MatchModel model, LearnedRescoring rescoring)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rescoring);
        _settings = rescoring;
        _features = new PairFeatures(model);
        if (_settings.FeatureWeights.Length != _features.Count)
            throw new InvalidDataException($"the learned re-scorer of {model.Version} has {_settings.FeatureWeights.Length} coefficients; its comparisons need {_features.Count}");
        _coefficients = [.. _settings.FeatureWeights];
        Thresholds = new LearnedThresholds(_settings.AutoLink, _settings.NonMatch);
    }

    /// <summary>When a learned probability moves a review-band pair.</summary>
    public LearnedThresholds Thresholds { get; }

    /// <summary>The learned probability that a pair is one person, from its comparison levels and weights.</summary>
    public double Probability(ReadOnlySpan<int> levels, ReadOnlySpan<double> weights, double matchWeight)
    {
        if (levels.Length != _features.ComparisonCount || weights.Length != _features.ComparisonCount)
            throw new ArgumentException($"a pair has {_features.ComparisonCount} comparisons under this model");
        var score = _settings.Bias;
        for (var i = 0; i < levels.Length; i++)
        {
            score += _coefficients[_features.IndicatorOffset(i) + levels[i]];
            score += _coefficients[_features.LevelCount + i] * (float)weights[i];
        }
        score += _coefficients[^1] * (float)matchWeight;
        return 1.0 / (1.0 + Math.Exp((_settings.CalibrationSlope * score) + _settings.CalibrationOffset));
    }

    /// <summary>The learned probability of a vector scored under this model's comparisons.</summary>
    public double Probability(ComparisonVector vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        return Probability(vector.Levels.AsSpan(), vector.Weights.AsSpan(), vector.MatchWeight);
    }

    /// <summary>Scores a pair with <paramref name="scorer"/> (the same model) and re-scores it. No allocation.</summary>
    public double Probability(PairScorer scorer, NormalizedRecord a, NormalizedRecord b)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        Span<int> levels = stackalloc int[scorer.ComparisonCount];
        Span<double> weights = stackalloc double[scorer.ComparisonCount];
        var score = scorer.Score(a, b, levels, weights);
        return Probability(levels, weights, score.MatchWeight);
    }
}
