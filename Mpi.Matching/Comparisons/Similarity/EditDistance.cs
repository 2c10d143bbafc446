namespace Mpi.Matching.Comparisons.Similarity;

/// <summary>
/// Cheap bounded edit checks for identifiers and dates, where the question is only "is this one keying error away".
/// </summary>
public static class EditDistance
{
    /// <summary>
    /// True when <paramref name="a"/> and <paramref name="b"/> differ by exactly one substitution, insertion, deletion
    /// or transposition of two adjacent characters (optimal string alignment distance 1). Equal strings return false.
    /// </summary>
    public static bool IsOneEditOrTransposition(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == b.Length)
        {
            var first = a.CommonPrefixLength(b);
            if (first == a.Length) return false;
            var rest = first + 1;
            if (a[rest..].SequenceEqual(b[rest..])) return true; // one substitution
            return rest < a.Length && a[first] == b[rest] && a[rest] == b[first]
                && a[(rest + 1)..].SequenceEqual(b[(rest + 1)..]); // adjacent transposition
        }
        if (Math.Abs(a.Length - b.Length) != 1) return false;
        if (a.Length > b.Length) { var t = a; a = b; b = t; }
        var p = a.CommonPrefixLength(b);
        return a[p..].SequenceEqual(b[(p + 1)..]); // one insertion into the shorter
    }

    /// <summary>Number of positions at which two equal-length strings differ; -1 when the lengths differ.</summary>
    public static int HammingDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length) return -1;
        var d = 0;
        for (var i = 0; i < a.Length; i++) if (a[i] != b[i]) d++;
        return d;
    }
}
