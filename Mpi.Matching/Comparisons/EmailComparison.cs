using Mpi.Matching.Records;

namespace Mpi.Matching.Comparisons;

/// <summary>E-mail address: exact → same local part (another provider) → Jaro–Winkler ≥ 0.88 → else.</summary>
public sealed class EmailComparison() : Comparison("email",
    "E-mail: exact, same part before the @, Jaro-Winkler >= 0.88, else", "exact", "same_local_part", "jaro_winkler_0.88", "else")
{
    private const double Similar = 0.88;

    public override int Level(NormalizedRecord a, NormalizedRecord b)
    {
        var x = a.Email;
        var y = b.Email;
        if (x.Length == 0 || y.Length == 0) return Missing;
        if (x == y) return 1;
        var ax = x.IndexOf('@');
        var ay = y.IndexOf('@');
        if (ax > 0 && ay > 0 && x.AsSpan(0, ax).SequenceEqual(y.AsSpan(0, ay))) return 2;
        return NameSimilarity.Of(x, y) >= Similar ? 3 : 4;
    }
}
