using Mpi.Matching.Records;

namespace Mpi.Matching.Comparisons;

/// <summary>
/// Given name: exact (term-frequency adjusted) → nickname-equivalent (BOB/ROBERT) → Jaro–Winkler ≥ 0.92 →
/// crossed with the other record's middle or family name (fields swapped at entry) → Jaro–Winkler ≥ 0.80 →
/// initial → else.
/// </summary>
public sealed class GivenNameComparison() : Comparison("given_name",
    "Given name: exact, nickname, Jaro-Winkler >= 0.92, matches the other record's middle/family name, Jaro-Winkler >= 0.80, initial, else",
    "exact", "nickname", "jaro_winkler_0.92", "crossed_fields", "jaro_winkler_0.80", "initial", "else")
{
    public override int Level(NormalizedRecord a, NormalizedRecord b)
    {
        var x = a.GivenName;
        var y = b.GivenName;
        if (x.Length == 0 || y.Length == 0) return Missing;
        if (x == y) return 1;
        if (SharesGroup(a, b)) return 2;
        var jw = NameSimilarity.Of(x, y);
        if (jw >= NameSimilarity.Strong) return 3;
        if (Crossed(a, b)) return 4;
        if (jw >= NameSimilarity.Weak) return 5;
        if (NameSimilarity.IsInitialOf(x, y)) return 6;
        return 7;
    }

    public override int TermFrequencyLevel => 1;

    public override double TermFrequency(NormalizedRecord a, NormalizedRecord b) =>
        Math.Max(a.GivenNameFrequency, b.GivenNameFrequency);

    private static bool SharesGroup(NormalizedRecord a, NormalizedRecord b)
    {
        var ga = a.GivenNameGroups;
        var gb = b.GivenNameGroups;
        for (var i = 0; i < ga.Length; i++)
            for (var j = 0; j < gb.Length; j++)
                if (ga[i] == gb[j]) return true;
        return false;
    }

    /// <summary>Both names entered in each other's fields (allowing a typing error), or the given name used as middle name.</summary>
    private static bool Crossed(NormalizedRecord a, NormalizedRecord b) =>
        (Similar(a.GivenName, b.FamilyName) && Similar(a.FamilyName, b.GivenName))
        || (a.GivenName == b.MiddleName && a.GivenName.Length > 1)
        || (b.GivenName == a.MiddleName && b.GivenName.Length > 1);

    private static bool Similar(string x, string y) =>
        x.Length > 0 && y.Length > 0 && (x == y || NameSimilarity.Of(x, y) >= NameSimilarity.Strong);
}
