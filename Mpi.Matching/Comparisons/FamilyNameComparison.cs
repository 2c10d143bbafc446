using Mpi.Matching.Records;

namespace Mpi.Matching.Comparisons;

/// <summary>
/// Family name: exact (term-frequency adjusted) → Jaro–Winkler ≥ 0.92 → found in the other record's given name (fields swapped) →
/// Jaro–Winkler ≥ 0.80 → else.
/// </summary>
public sealed class FamilyNameComparison() : Comparison("family_name",
    "Family name: exact, Jaro-Winkler >= 0.92, given and family names swapped, Jaro-Winkler >= 0.80, else",
    "exact", "jaro_winkler_0.92", "swapped_with_given", "jaro_winkler_0.80", "else")
{
    public override int Level(NormalizedRecord a, NormalizedRecord b)
    {
        var x = a.FamilyName;
        var y = b.FamilyName;
        if (x.Length == 0 || y.Length == 0) return Missing;
        if (x == y) return 1;
        var jw = NameSimilarity.Of(x, y);
        if (jw >= NameSimilarity.Strong) return 2;
        if (Similar(x, b.GivenName) || Similar(y, a.GivenName)) return 3;
        if (jw >= NameSimilarity.Weak) return 4;
        return 5;
    }

    public override int TermFrequencyLevel => 1;

    /// <summary>The family name entered as the other record's given name (allowing a typing error).</summary>
    private static bool Similar(string family, string otherGiven) =>
        otherGiven.Length > 0 && (family == otherGiven || NameSimilarity.Of(family, otherGiven) >= NameSimilarity.Strong);

    public override double TermFrequency(NormalizedRecord a, NormalizedRecord b) =>
        Math.Max(a.FamilyNameFrequency, b.FamilyNameFrequency);
}
