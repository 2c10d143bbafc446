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
        return b.Length <= 64 ? JaroWithinAWord(a, b) : JaroAnyLength(a, b);
    }

    /// <summary>
    /// Jaro for strings of up to 64 characters (every name, nearly every address line), the matched positions kept
    /// as bits of one word: nothing to clear, and the transposition pass walks set bits only. Scoring and EM call
    /// this millions of times, mostly on strangers' names. <paramref name="a"/> is the shorter.
    /// </summary>
    internal static double JaroWithinAWord(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var window = Math.Max(0, b.Length / 2 - 1);
        ulong aMatched = 0, bMatched = 0;
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var c = a[i];
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = Math.Max(0, i - window); j <= to; j++)
            {
                if (b[j] != c || (bMatched & (1UL << j)) != 0) continue;
                aMatched |= 1UL << i;
                bMatched |= 1UL << j;
                matches++;
                break;
            }
        }
        if (matches == 0) return 0.0;

        var halfTranspositions = 0;
        while (aMatched != 0)
        {
            var i = System.Numerics.BitOperations.TrailingZeroCount(aMatched);
            var k = System.Numerics.BitOperations.TrailingZeroCount(bMatched);
            if (a[i] != b[k]) halfTranspositions++;
            aMatched &= aMatched - 1;
            bMatched &= bMatched - 1;
        }
        return Formula(matches, halfTranspositions, a.Length, b.Length);
    }

    /// <summary>Jaro for strings of any length; <paramref name="a"/> is the shorter.</summary>
    internal static double JaroAnyLength(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
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
        return Formula(matches, halfTranspositions, a.Length, b.Length);
    }

    private static double Formula(int matches, int halfTranspositions, int aLength, int bLength)
    {
        double m = matches;
        return (m / aLength + m / bLength + (m - halfTranspositions / 2) / m) / 3.0;
    }
}
