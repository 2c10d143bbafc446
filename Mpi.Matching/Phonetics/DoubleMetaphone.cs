namespace Mpi.Matching.Phonetics;

/// <summary>
/// Lawrence Philips' Double Metaphone ("The Double Metaphone Search Algorithm", C/C++ Users Journal,
/// June 2000): a primary and an alternate consonant-skeleton code for a name, with special cases for
/// Germanic, Slavic, Spanish, Italian, French, Greek and Chinese spellings, so that e.g. SMITH (SM0/XMT)
/// and SCHMIDT (XMT/SMT) share a code. '0' stands for TH and 'X' for SH/CH.
/// </summary>
/// <remarks>
/// <para>
/// Hand-written: no maintained .NET phonetic package (Lucene.Net.Analysis.Phonetic, Phonix,
/// DoubleMetaphone.NET) is served by this project's package registry. The rules are those of Philips'
/// published reference implementation, rule for rule; the letters with many rules are in the
/// <c>DoubleMetaphone.Letter*.cs</c> files.
/// </para>
/// <para>
/// Only the letters A–Z count (see <see cref="NameLetters"/>). The reference sees word breaks, so its
/// rules for "VAN "/"VON " and "SAN " prefixes and for "MAC CAFFREY"-style gaps cannot fire on a
/// letters-only name; every other rule (including its end-of-word tests) applies unchanged. Letters
/// outside A–Z such as Ç and Ñ, which the reference codes as S and N, are dropped like any other
/// non-ASCII character.
/// </para>
/// </remarks>
public static partial class DoubleMetaphone
{
    /// <summary>The reference implementation's code length.</summary>
    public const int DefaultMaxLength = 4;

    /// <summary>
    /// Encodes <paramref name="name"/>, each code truncated to <paramref name="maxLength"/> characters
    /// (0 or less: no truncation). Returns empty codes when the name has no letter A–Z. Never throws.
    /// </summary>
    public static DoubleMetaphoneCode Encode(string name, int maxLength = DefaultMaxLength)
    {
        using var letters = NameLetters.Extract(name, stackalloc char[NameLetters.StackCapacity]);
        if (letters.IsEmpty)
        {
            return DoubleMetaphoneCode.Empty;
        }

        var word = new DoubleMetaphoneWord(letters.Letters);

        // No rule adds more than two characters per letter it consumes, so that bounds an untruncated code.
        int capacity = maxLength > 0 ? Math.Min(maxLength, 2 * word.Length) : 2 * word.Length;
        Span<char> buffer = capacity <= NameLetters.StackCapacity
            ? stackalloc char[2 * NameLetters.StackCapacity]
            : new char[2 * capacity];
        var code = new DoubleMetaphoneCodeWriter(buffer[..capacity], buffer.Slice(capacity, capacity));

        int position = EncodeStart(word, ref code);
        while (position < word.Length && !code.IsFull)
        {
            position = EncodeLetter(word, position, ref code);
        }

        return code.ToCode();
    }

    /// <summary>Skips a silent first letter (GN-, KN-, PN-, WR-, PS-) and codes an initial X as S (XAVIER).</summary>
    private static int EncodeStart(DoubleMetaphoneWord word, ref DoubleMetaphoneCodeWriter code)
    {
        if (word.At(0) == 'X')
        {
            code.Add("S");
            return 1;
        }

        return word.MatchesAny(0, "GN", "KN", "PN", "WR", "PS") ? 1 : 0;
    }

    /// <summary>Codes the letter at <paramref name="i"/> (perhaps with its neighbours) and returns where to continue.</summary>
    private static int EncodeLetter(DoubleMetaphoneWord word, int i, ref DoubleMetaphoneCodeWriter code) => word.At(i) switch
    {
        'A' or 'E' or 'I' or 'O' or 'U' or 'Y' => EncodeVowel(i, ref code),
        'B' => EncodeSimple(word, i, "P", ref code),
        'C' => EncodeC(word, i, ref code),
        'D' => EncodeD(word, i, ref code),
        'F' => EncodeSimple(word, i, "F", ref code),
        'G' => EncodeG(word, i, ref code),
        'H' => EncodeH(word, i, ref code),
        'J' => EncodeJ(word, i, ref code),
        'K' => EncodeSimple(word, i, "K", ref code),
        'L' => EncodeL(word, i, ref code),
        'M' => EncodeM(word, i, ref code),
        'N' => EncodeSimple(word, i, "N", ref code),
        'P' => EncodeP(word, i, ref code),
        'Q' => EncodeSimple(word, i, "K", ref code),
        'R' => EncodeR(word, i, ref code),
        'S' => EncodeS(word, i, ref code),
        'T' => EncodeT(word, i, ref code),
        'V' => EncodeSimple(word, i, "F", ref code),
        'W' => EncodeW(word, i, ref code),
        'X' => EncodeX(word, i, ref code),
        'Z' => EncodeZ(word, i, ref code),
        _ => i + 1,
    };

    /// <summary>Vowels are coded only at the start, all as A.</summary>
    private static int EncodeVowel(int i, ref DoubleMetaphoneCodeWriter code)
    {
        if (i == 0)
        {
            code.Add("A");
        }

        return i + 1;
    }

    /// <summary>A letter with a single sound; a doubled letter (BB, FF, KK, NN, QQ, VV) is coded once.</summary>
    private static int EncodeSimple(DoubleMetaphoneWord word, int i, string sound, ref DoubleMetaphoneCodeWriter code)
    {
        code.Add(sound);
        return word.At(i + 1) == word.At(i) ? i + 2 : i + 1;
    }
}
