namespace Mpi.Matching.Comparisons.Similarity;

/// <summary>
/// Classic Jaro–Winkler similarity (Winkler 1990: common-prefix bonus capped at 4 characters, scaling factor 0.1,
/// applied only when the Jaro similarity exceeds 0.7 — the boost threshold of the published formula).
/// </summary>
/// <remarks>
/// Hand-written rather than taken from F23.StringSimilarity because that implementation leaves the prefix bonus
/// uncapped (it is not the published formula) and allocates on every call; this one runs on the scoring hot path,
/// works on spans and allocates nothing for names up to 128 characters.
/// </remarks>
public static class JaroWinkler
{
    private const int MaxPrefix = 4;
    private const double PrefixScale = 0.1;
    private const double BoostThreshold = 0.7;
    private const int StackLimit = 128;

    /// <summary>Similarity in [0, 1]; 1 for two equal strings (two empty strings included), 0 when one is empty.</summary>
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.SequenceEqual(b)) return 1.0;
        if (a.IsEmpty || b.IsEmpty) return 0.0;
        var jaro = Jaro(a, b);
        if (jaro <= BoostThreshold) return jaro;
        var prefix = 0;
        var limit = Math.Min(MaxPrefix, Math.Min(a.Length, b.Length));
        while (prefix < limit && a[prefix] == b[prefix]) prefix++;
        return jaro + prefix * PrefixScale * (1.0 - jaro);
    }

    /// <summary>The Jaro similarity (no prefix bonus).</summary>
    public static double Jaro(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.IsEmpty || b.IsEmpty) return a.IsEmpty && b.IsEmpty ? 1.0 : 0.0;
        if (a.Length > b.Length) { var t = a; a = b; b = t; }
        var window = Math.Max(0, b.Length / 2 - 1);

        Span<bool> aMatched = a.Length <= StackLimit ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> bMatched = b.Length <= StackLimit ? stackalloc bool[b.Length] : new bool[b.Length];
        aMatched.Clear();
        bMatched.Clear();

        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (bMatched[j] || a[i] != b[j]) continue;
                aMatched[i] = true;
                bMatched[j] = true;
                matches++;
                break;
            }
        }
        if (matches == 0) return 0.0;

        var halfTranspositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!aMatched[i]) continue;
            while (!bMatched[k]) k++;
            if (a[i] != b[k]) halfTranspositions++;
            k++;
        }
        double m = matches;
        return (m / a.Length + m / b.Length + (m - halfTranspositions / 2) / m) / 3.0;
    }
}
