namespace Mpi.Matching.Phonetics;

// Part of the hand-written Double Metaphone (see DoubleMetaphone.cs for why and which specification).

/// <summary>
/// Read-only view of a name's letters for the Double Metaphone rules: bounds-safe look-ups at any
/// offset (before the start or past the end reads as '\0', which matches nothing) and the whole-word
/// facts some rules consult.
/// </summary>
internal readonly ref struct DoubleMetaphoneWord
{
    private readonly ReadOnlySpan<char> letters;

    public DoubleMetaphoneWord(ReadOnlySpan<char> letters)
    {
        this.letters = letters;

        // Philips' test for a Slavic or Germanic name: W, K, CZ or WITZ anywhere (WITZ already contains W).
        IsSlavoGermanic = letters.Contains('W') || letters.Contains('K') || letters.IndexOf("CZ") >= 0;

        // The reference also treats names starting "VAN " or "VON " as Germanic; with letters only
        // (no spaces) that prefix can't be told apart from e.g. VANCE, so only SCH- is kept.
        StartsGermanic = letters.StartsWith("SCH");
    }

    public int Length => letters.Length;

    /// <summary>Index of the last letter.</summary>
    public int Last => letters.Length - 1;

    public bool IsSlavoGermanic { get; }

    /// <summary>True when the name starts with SCH, which makes CH, G and TH hard.</summary>
    public bool StartsGermanic { get; }

    public char At(int index) => (uint)index < (uint)letters.Length ? letters[index] : '\0';

    /// <summary>A, E, I, O, U or Y at <paramref name="index"/>.</summary>
    public bool IsVowel(int index) => At(index) is 'A' or 'E' or 'I' or 'O' or 'U' or 'Y';

    /// <summary>The letter at <paramref name="index"/> is one of <paramref name="choices"/>.</summary>
    public bool IsAny(int index, string choices)
    {
        char c = At(index);
        return c != '\0' && choices.Contains(c);
    }

    /// <summary>The letters from <paramref name="start"/> spell <paramref name="text"/>; false when that runs off either end.</summary>
    public bool Matches(int start, string text) =>
        start >= 0 && start + text.Length <= letters.Length && letters.Slice(start, text.Length).SequenceEqual(text);

    public bool MatchesAny(int start, params ReadOnlySpan<string> texts)
    {
        foreach (string text in texts)
        {
            if (Matches(start, text))
            {
                return true;
            }
        }

        return false;
    }
}
