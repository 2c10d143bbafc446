using Mpi.Matching.Settings;

namespace Mpi.Matching.Learning;

/// <summary>
/// Turns a comparison vector into the numbers a learner trains on: one indicator per comparison level (so a level's
/// effect need not be linear in its weight), then each comparison's weight, then the total match weight. The
/// indicators let a learner find what EM could not — that a level means more or less next to others — while the
/// weights carry the term-frequency adjustment the levels alone lose.
/// </summary>
public sealed class PairFeatures
{
    private readonly int[] _offsets;

    /// <summary>The layout for a model's comparisons and levels.</summary>
    public PairFeatures(MatchModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _offsets = new int[model.Comparisons.Length];
        var offset = 0;
        for (var i = 0; i < model.Comparisons.Length; i++)
        {
            _offsets[i] = offset;
            offset += model.Comparisons[i].Levels.Length;
        }
        LevelCount = offset;
        Count = offset + model.Comparisons.Length + 1;
    }

    /// <summary>How many numbers <see cref="Encode"/> returns.</summary>
    public int Count { get; }

    /// <summary>How many level indicators come first (the comparisons' weights follow, then the total match weight).</summary>
    public int LevelCount { get; }

    /// <summary>The position of comparison <paramref name="comparison"/>'s level 0 indicator.</summary>
    public int IndicatorOffset(int comparison) => _offsets[comparison];

    /// <summary>How many comparisons the layout has.</summary>
    public int ComparisonCount => _offsets.Length;

    /// <summary>The features of one pair.</summary>
    /// <exception cref="ArgumentException">The vector was scored under a model with other comparisons.</exception>
    public float[] Encode(ComparisonVector vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        if (vector.Levels.Length != _offsets.Length)
            throw new ArgumentException($"the vector has {vector.Levels.Length} comparisons, the layout {_offsets.Length}", nameof(vector));
        var features = new float[Count];
        for (var i = 0; i < _offsets.Length; i++)
        {
            features[_offsets[i] + vector.Levels[i]] = 1f;
            features[LevelCount + i] = (float)vector.Weights[i];
        }
        features[Count - 1] = (float)vector.MatchWeight;
        return features;
    }
}
