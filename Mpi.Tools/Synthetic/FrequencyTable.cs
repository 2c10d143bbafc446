using System.Globalization;

namespace Mpi.Tools.Synthetic;

/// <summary>
/// Values with integer weights (how often each occurs in a population), sampled in proportion to their weight:
/// a uniform draw over the total weight, located by binary search over the cumulative weights.
/// </summary>
public sealed class FrequencyTable
{
    private readonly string[] _values;
    private readonly long[] _cumulative;

    /// <param name="entries">Each value with a positive weight; values need not be unique.</param>
    public FrequencyTable(IEnumerable<(string Value, long Weight)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var values = new List<string>();
        var cumulative = new List<long>();
        long total = 0;
        foreach (var (value, weight) in entries)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(entries));
            ArgumentOutOfRangeException.ThrowIfLessThan(weight, 1, nameof(entries));
            total = checked(total + weight);
            values.Add(value);
            cumulative.Add(total);
        }

        if (values.Count == 0)
        {
            throw new ArgumentException("a frequency table needs at least one value", nameof(entries));
        }

        _values = [.. values];
        _cumulative = [.. cumulative];
    }

    public int Count => _values.Length;

    public long TotalWeight => _cumulative[^1];

    public IReadOnlyList<string> Values => _values;

    /// <summary>The weight of the entry at <paramref name="index"/> (in the order given).</summary>
    public long WeightAt(int index) => _cumulative[index] - (index == 0 ? 0 : _cumulative[index - 1]);

    /// <summary>A value drawn with probability weight / total weight.</summary>
    public string Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var draw = random.NextInt64(TotalWeight);

        // The first entry whose cumulative weight exceeds the draw.
        int low = 0, high = _cumulative.Length - 1;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_cumulative[middle] > draw)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return _values[low];
    }

    /// <summary>
    /// Reads a <c>value,count</c> file (the FEBRL dsgen tables): one entry per line, split at the last comma, value
    /// trimmed; blank lines and a non-numeric first line (a header) are skipped. A bad count anywhere else is an error.
    /// </summary>
    public static FrequencyTable Load(string path)
    {
        var entries = new List<(string, long)>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var comma = line.LastIndexOf(',');
            var value = comma < 0 ? string.Empty : line[..comma].Trim();
            var countText = comma < 0 ? line : line[(comma + 1)..];
            if (!long.TryParse(countText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1
                || value.Length == 0)
            {
                if (lineNumber == 1 && entries.Count == 0)
                {
                    continue;
                }

                throw new InvalidDataException($"{path}, line {lineNumber}: expected value,count with a positive count");
            }

            entries.Add((value, count));
        }

        return entries.Count > 0
            ? new FrequencyTable(entries)
            : throw new InvalidDataException($"{path}: no value,count lines");
    }
}
