using Mpi.Matching.Records;

namespace Mpi.Matching.Scoring;

/// <summary>
/// Name frequencies of a population, written onto its records so that the scorer can weigh an exact agreement on a
/// rare name more than one on a common name.
/// </summary>
public static class TermFrequencies
{
    /// <summary>
    /// Counts given and family names over <paramref name="records"/> and sets each record's frequencies and population
    /// size, and how many records share its phone and address (<see cref="ContactCounts"/>).
    /// </summary>
    public static void Apply(IReadOnlyList<NormalizedRecord> records)
    {
        var given = Count(records, r => r.GivenName, out var givenTotal);
        var family = Count(records, r => r.FamilyName, out var familyTotal);
        foreach (var r in records)
        {
            r.GivenNameFrequency = r.GivenName.Length == 0 ? 0 : (double)given[r.GivenName] / givenTotal;
            r.FamilyNameFrequency = r.FamilyName.Length == 0 ? 0 : (double)family[r.FamilyName] / familyTotal;
        }
        ApplyPopulation(records);
    }

    /// <summary>
    /// Sets what, besides name frequencies, each record is weighed by within <paramref name="records"/>: the
    /// population's size (the namesake guard's registry size) and how many records share its phone and address
    /// (<see cref="ContactCounts"/>).
    /// </summary>
    public static void ApplyPopulation(IReadOnlyList<NormalizedRecord> records)
    {
        foreach (var r in records) r.PopulationSize = records.Count;
        ContactCounts.Apply(records);
    }

    private static Dictionary<string, int> Count(IReadOnlyList<NormalizedRecord> records, Func<NormalizedRecord, string> field, out int total)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        total = 0;
        foreach (var r in records)
        {
            var v = field(r);
            if (v.Length == 0) continue;
            counts[v] = counts.GetValueOrDefault(v) + 1;
            total++;
        }
        return counts;
    }
}
