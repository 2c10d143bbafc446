using Mpi.Matching.Comparisons.Similarity;

namespace Mpi.Matching.Comparisons;

/// <summary>Shared Jaro–Winkler bands for name fields, so that every name comparison uses the same cut-offs.</summary>
public static class NameSimilarity
{
    /// <summary>Strong fuzzy agreement: a typing error in an otherwise equal name (MARTHA/MARHTA 0.961).</summary>
    public const double Strong = 0.92;

    /// <summary>Weak fuzzy agreement: a spelling variant (DWAYNE/DUANE 0.840).</summary>
    public const double Weak = 0.80;

    public static double Of(string a, string b) => JaroWinkler.Similarity(a, b);

    /// <summary>True when one side is a single initial that starts the other.</summary>
    public static bool IsInitialOf(string a, string b) =>
        (a.Length == 1 && b.Length > 1 && b[0] == a[0]) || (b.Length == 1 && a.Length > 1 && a[0] == b[0]);
}
