using Mpi.Matching.Records;

namespace Mpi.Matching.Comparisons;

/// <summary>Middle name: exact → one is the initial of the other → Jaro–Winkler ≥ 0.92 → else.</summary>
public sealed class MiddleNameComparison() : Comparison("middle_name",
    "Middle name: exact, initial, Jaro-Winkler >= 0.92, else",
    "exact", "initial", "jaro_winkler_0.92", "else")
{
    public override int Level(NormalizedRecord a, NormalizedRecord b)
    {
        var x = a.MiddleName;
        var y = b.MiddleName;
        if (x.Length == 0 || y.Length == 0) return Missing;
        if (x == y) return 1;
        if (NameSimilarity.IsInitialOf(x, y)) return 2;
        if (NameSimilarity.Of(x, y) >= NameSimilarity.Strong) return 3;
        return 4;
    }
}
