using Mpi.Matching.Comparisons;
using Mpi.Matching.Records;
using Mpi.Matching.Scoring;
using Mpi.Matching.Settings;

namespace Mpi.Service.Matching;

/// <summary>
/// How often each given and family name occurs among the record directory's records, for the scorer's term-frequency
/// adjustment: an exact agreement on a rare name weighs more than one on a common name (two SMITHs agree less than
/// two ZYWIECs), as batch deduplication weighs them over its file (<c>TermFrequencies</c>).
/// </summary>
/// <remarks>
/// A young registry knows few names, and one record would make its name look common. So a name's frequency leans on
/// the model's average for the level (its u: the chance that two different people share a name) as if
/// <see cref="PriorRecords"/> records had shown it, and follows the registry's own counts as they grow:
/// (count + PriorRecords·u) / (total + PriorRecords). An empty registry scores exactly as the model's average.
/// Not thread-safe: <see cref="RecordDirectory"/> changes it under its write lock and reads it under its read lock.
/// </remarks>
public sealed class NameFrequencies
{
    public const int PriorRecords = 1000;

    private readonly NameCounts _given = new();
    private readonly NameCounts _family = new();

    public void Add(NormalizedRecord record)
    {
        _given.Add(record.GivenName);
        _family.Add(record.FamilyName);
    }

    public void Remove(NormalizedRecord record)
    {
        _given.Remove(record.GivenName);
        _family.Remove(record.FamilyName);
    }

    /// <summary>
    /// Weighs each record's names among <paramref name="records"/> themselves, as the service weighs an incoming
    /// record among those it holds: learning from the service's database sees the pairs as the service scores them.
    /// </summary>
    public static void WeighAll(IReadOnlyList<NormalizedRecord> records, MatchModel model)
    {
        var counts = new NameFrequencies();
        foreach (var record in records) counts.Add(record);
        var (given, family) = (AverageOf(model, "given_name"), AverageOf(model, "family_name"));
        foreach (var record in records) (record.GivenNameFrequency, record.FamilyNameFrequency) = counts.Of(record, given, family);
        TermFrequencies.ApplyPopulation(records);
    }

    /// <summary>
    /// The u of a name comparison's frequency-adjusted level (exact): the chance that two different people share a
    /// name, on average over names. Null when the model does not adjust that comparison by frequency.
    /// </summary>
    public static double? AverageOf(MatchModel model, string comparison)
    {
        var parameters = model.Comparisons.FirstOrDefault(c => c.Name == comparison);
        if (parameters is not { TermFrequencyAdjusted: true }) return null;
        var level = ComparisonCatalog.Get(comparison).TermFrequencyLevel;
        return level >= 0 && parameters.Levels[level].U is > 0 and var u ? u : null;
    }

    /// <summary>The frequencies of <paramref name="record"/>'s names; null averages leave a name unadjusted (0).</summary>
    public (double Given, double Family) Of(NormalizedRecord record, double? givenAverage, double? familyAverage) =>
        (_given.Frequency(record.GivenName, givenAverage), _family.Frequency(record.FamilyName, familyAverage));

    private sealed class NameCounts
    {
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private long _total;

        public void Add(string name)
        {
            if (name.Length == 0) return;
            _counts[name] = _counts.GetValueOrDefault(name) + 1;
            _total++;
        }

        public void Remove(string name)
        {
            if (name.Length == 0 || !_counts.TryGetValue(name, out var count)) return;
            if (count == 1) _counts.Remove(name);
            else _counts[name] = count - 1;
            _total--;
        }

        public double Frequency(string name, double? average) =>
            name.Length == 0 || average is not { } u ? 0 : (_counts.GetValueOrDefault(name) + PriorRecords * u) / (_total + PriorRecords);
    }
}
