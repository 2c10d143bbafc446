namespace Mpi.Matching.Phonetics;

/// <summary>
/// American Soundex as the US National Archives specify it for the census indexes: the first letter,
/// then up to three digits for the consonants that follow, padded with zeros (ROBERT → R163).
/// </summary>
/// <remarks>
/// <para>
/// Hand-written: no maintained .NET phonetic package (Lucene.Net.Analysis.Phonetic, Phonix,
/// DoubleMetaphone.NET) is served by this project's package registry.
/// </para>
/// <para>
/// Rules (NARA, "The Soundex Indexing System"): B F P V → 1; C G J K Q S X Z → 2; D T → 3; L → 4;
/// M N → 5; R → 6; A E I O U Y are not coded but separate consonants, so a consonant after one is coded
/// again (TYMCZAK → T522); H and W are not coded and do not separate, so consonants with the same digit
/// on either side of them are coded once (ASHCRAFT → A261); adjacent letters with the same digit are
/// coded once, the first letter included (PFISTER → P236).
/// </para>
/// <para>
/// Only the letters A–Z count (see <see cref="NameLetters"/>); a name with none encodes as "".
/// </para>
/// </remarks>
public static class Soundex
{
    /// <summary>Length of every non-empty code.</summary>
    public const int CodeLength = 4;

    // Digit per letter A..Z; '0' marks a letter that is not coded.
    private const string Digits = "01230120022455012623010202";

    /// <summary>Encodes <paramref name="name"/>; returns "" when it has no letter A–Z. Never throws.</summary>
    public static string Encode(string name)
    {
        Span<char> code = stackalloc char[CodeLength];
        int length = 0;
        char previousDigit = '0';

        // Reads the raw input rather than NameLetters: Soundex only ever looks back one letter,
        // and stopping at four characters keeps a huge input cheap.
        foreach (char raw in name.AsSpan())
        {
            if (!char.IsAsciiLetter(raw))
            {
                continue;
            }

            char letter = char.IsAsciiLetterLower(raw) ? (char)(raw - ('a' - 'A')) : raw;
            char digit = Digits[letter - 'A'];
            if (length == 0)
            {
                code[length++] = letter;
                previousDigit = digit;
                continue;
            }

            if (letter is 'H' or 'W')
            {
                continue;
            }

            if (digit != '0' && digit != previousDigit)
            {
                code[length++] = digit;
                if (length == CodeLength)
                {
                    break;
                }
            }

            previousDigit = digit;
        }

        if (length == 0)
        {
            return "";
        }

        code[length..].Fill('0');
        return new string(code);
    }
}
