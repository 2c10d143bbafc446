namespace Mpi.Matching.Phonetics;

/// <summary>
/// NYSIIS, the New York State Identification and Intelligence System name code (R. L. Taft,
/// "Name Search Techniques", 1970): a letter code that keeps more of a name's shape than Soundex
/// (MACINTOSH → MCANT, KNIGHT → NAGT).
/// </summary>
/// <remarks>
/// <para>
/// Hand-written: no maintained .NET phonetic package (Lucene.Net.Analysis.Phonetic, Phonix,
/// DoubleMetaphone.NET) is served by this project's package registry.
/// </para>
/// <para>
/// Variant: Taft's original algorithm, not the "modified" NYSIIS later published by the same agency.
/// The steps: translate the first letters (MAC → MCC, KN → NN, K → C, PH and PF → FF, SCH → SSS) and the
/// last letters (EE and IE → Y; DT, RT, RD, NT and ND → D); keep the first letter; scan the rest,
/// rewriting the name in place (EV → AF, other vowels → A, Q → G, Z → S, M → N, KN → N, K → C,
/// SCH → SSS, PH → FF, H not between vowels → the previous letter, W after a vowel → the previous letter)
/// and append each letter unless it repeats the last one appended; then drop a final S, turn a final
/// AY into Y and drop a final A; finally truncate to <c>maxLength</c> (six in the original; 0 keeps the
/// whole key). Truncation is the last step, so MCDONALD gives MCDANA, not MCDAN.
/// </para>
/// <para>
/// Two choices the published steps leave open: the final S/AY/A rules never remove the first letter
/// (so AS stays A rather than becoming empty), and only the letters A–Z count
/// (see <see cref="NameLetters"/>); a name with none encodes as "".
/// </para>
/// </remarks>
public static class Nysiis
{
    /// <summary>The original algorithm's key length.</summary>
    public const int DefaultMaxLength = 6;

    /// <summary>
    /// Encodes <paramref name="name"/>, truncated to <paramref name="maxLength"/> characters
    /// (0 or less: no truncation). Returns "" when the name has no letter A–Z. Never throws.
    /// </summary>
    public static string Encode(string name, int maxLength = DefaultMaxLength)
    {
        using var letters = NameLetters.Extract(name, stackalloc char[NameLetters.StackCapacity]);
        if (letters.IsEmpty)
        {
            return "";
        }

        Span<char> word = letters.Letters;
        TranslateFirstLetters(word);
        word = TranslateLastLetters(word);

        Span<char> key = word.Length <= NameLetters.StackCapacity
            ? stackalloc char[NameLetters.StackCapacity]
            : new char[word.Length];
        key[0] = word[0];
        int length = 1;
        for (int i = 1; i < word.Length; i++)
        {
            TranslateAt(word, i);
            if (word[i] != key[length - 1])
            {
                key[length++] = word[i];
            }
        }

        Span<char> result = TranslateEnding(key[..length]);
        if (maxLength > 0 && result.Length > maxLength)
        {
            result = result[..maxLength];
        }

        return new string(result);
    }

    private static void TranslateFirstLetters(Span<char> word)
    {
        if (word.StartsWith("MAC"))
        {
            word[1] = 'C';
        }
        else if (word.StartsWith("KN"))
        {
            word[0] = 'N';
        }
        else if (word[0] == 'K')
        {
            word[0] = 'C';
        }
        else if (word.StartsWith("PH") || word.StartsWith("PF"))
        {
            word[0] = 'F';
            word[1] = 'F';
        }
        else if (word.StartsWith("SCH"))
        {
            word[1] = 'S';
            word[2] = 'S';
        }
    }

    /// <summary>Each ending rule replaces two letters by one, so the word comes back one shorter when one applies.</summary>
    private static Span<char> TranslateLastLetters(Span<char> word)
    {
        if (word.EndsWith("EE") || word.EndsWith("IE"))
        {
            word[^2] = 'Y';
            return word[..^1];
        }

        if (word.EndsWith("DT") || word.EndsWith("RT") || word.EndsWith("RD") || word.EndsWith("NT") || word.EndsWith("ND"))
        {
            word[^2] = 'D';
            return word[..^1];
        }

        return word;
    }

    /// <summary>
    /// Rewrites the letter at <paramref name="i"/> (and, for EV, SCH and PH, the ones after it) in place:
    /// the H and W rules copy the previous letter as already rewritten, which is how Taft's scan works.
    /// </summary>
    private static void TranslateAt(Span<char> word, int i)
    {
        char current = word[i];
        char next = i + 1 < word.Length ? word[i + 1] : '\0';
        switch (current)
        {
            case 'E' when next == 'V':
                word[i] = 'A';
                word[i + 1] = 'F';
                return;
            case 'A' or 'E' or 'I' or 'O' or 'U':
                word[i] = 'A';
                return;
            case 'Q':
                word[i] = 'G';
                return;
            case 'Z':
                word[i] = 'S';
                return;
            case 'M':
                word[i] = 'N';
                return;
            case 'K':
                word[i] = next == 'N' ? 'N' : 'C';
                return;
            case 'S' when next == 'C' && i + 2 < word.Length && word[i + 2] == 'H':
                word[i + 1] = 'S';
                word[i + 2] = 'S';
                return;
            case 'P' when next == 'H':
                word[i] = 'F';
                word[i + 1] = 'F';
                return;
            case 'H' when !IsVowel(word[i - 1]) || !IsVowel(next):
                word[i] = word[i - 1];
                return;
            case 'W' when IsVowel(word[i - 1]):
                word[i] = word[i - 1];
                return;
        }
    }

    /// <summary>Drops a final S, turns a final AY into Y, drops a final A, never touching the first letter.</summary>
    private static Span<char> TranslateEnding(Span<char> key)
    {
        if (key.Length > 1 && key[^1] == 'S')
        {
            key = key[..^1];
        }

        if (key.Length > 2 && key[^2] == 'A' && key[^1] == 'Y')
        {
            key[^2] = 'Y';
            key = key[..^1];
        }

        if (key.Length > 1 && key[^1] == 'A')
        {
            key = key[..^1];
        }

        return key;
    }

    private static bool IsVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U';
}
