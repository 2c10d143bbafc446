namespace Mpi.Matching.Training;

/// <summary>
/// Distinct comparison vectors (one level per comparison) with how many pairs took each. EM runs over these
/// instead of over pairs: a million blocked pairs collapse to a few thousand patterns.
/// </summary>
public sealed class ComparisonPatterns
{
    private const int BitsPerLevel = 4;
    private readonly Dictionary<ulong, long> _counts = [];

    public ComparisonPatterns(int comparisonCount)
    {
        if (comparisonCount * BitsPerLevel > 64) throw new ArgumentOutOfRangeException(nameof(comparisonCount));
        ComparisonCount = comparisonCount;
    }

    public int ComparisonCount { get; }

    public long TotalPairs { get; private set; }

    public int DistinctPatterns => _counts.Count;

    public void Add(ReadOnlySpan<int> levels, long count = 1)
    {
        ulong key = 0;
        for (var i = 0; i < ComparisonCount; i++) key |= (ulong)levels[i] << (i * BitsPerLevel);
        _counts[key] = _counts.GetValueOrDefault(key) + count;
        TotalPairs += count;
    }

    public void AddAll(ComparisonPatterns other)
    {
        foreach (var (key, count) in other._counts)
        {
            _counts[key] = _counts.GetValueOrDefault(key) + count;
            TotalPairs += count;
        }
    }

    /// <summary>The patterns as level arrays with their counts.</summary>
    public IEnumerable<(int[] Levels, long Count)> Entries()
    {
        const ulong mask = (1UL << BitsPerLevel) - 1;
        foreach (var (key, count) in _counts)
        {
            var levels = new int[ComparisonCount];
            for (var i = 0; i < ComparisonCount; i++) levels[i] = (int)((key >> (i * BitsPerLevel)) & mask);
            yield return (levels, count);
        }
    }
}
