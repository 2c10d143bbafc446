namespace Mpi.Matching.Phonetics;

// Double Metaphone rules for D, H, J, L and M, as in Philips' reference implementation.
// Hand-written with the rest of DoubleMetaphone (see DoubleMetaphone.cs for why).
public static partial class DoubleMetaphone
{
    private static int EncodeD(DoubleMetaphoneWord word, int i, ref DoubleMetaphoneCodeWriter code)
    {
        if (word.Matches(i, "DG"))
        {
            // EDGE is J; EDGAR is TK.
            if (word.IsAny(i + 2, "IEY"))
            {
                code.Add("J");
                return i + 3;
            }

            code.Add("TK");
            return i + 2;
        }

        code.Add("T");
        return word.MatchesAny(i, "DT", "DD") ? i + 2 : i + 1;
    }

    /// <summary>H is kept only at the start or after a vowel, and only before a vowel.</summary>
    private static int EncodeH(DoubleMetaphoneWord word, int i, ref DoubleMetaphoneCodeWriter code)
    {
        if ((i == 0 || word.IsVowel(i - 1)) && word.IsVowel(i + 1))
        {
            code.Add("H");
            return i + 2;
        }

        return i + 1;
    }

    private static int EncodeJ(DoubleMetaphoneWord word, int i, ref DoubleMetaphoneCodeWriter code)
    {
        // Spanish JOSE: H when it is the whole name, otherwise J or H. (The reference also does this
        // for any J in a name starting "SAN ", as in SAN JACINTO; letters-only names lose that space.)
        if (word.Matches(i, "JOSE"))
        {
            if (i == 0 && word.Length == 4)
            {
                code.Add("H");
            }
            else
            {
                code.Add("J", "H");
            }

            return i + 1;
        }

        if (i == 0)
        {
            // YANKELOVICH/JANKELOWICZ: an initial J may be read as Y, which codes as a vowel (A).
            code.Add("J", "A");
        }
        else if (word.IsVowel(i - 1) && !word.IsSlavoGermanic && word.IsAny(i + 1, "AO"))
        {
            // Spanish BAJADOR.
            code.Add("J", "H");
        }
        else if (i == word.Last)
        {
            code.Add("J", "");
        }
        else if (!word.IsAny(i + 1, "LTKSNMBZ") && !word.IsAny(i - 1, "SKL"))
        {
            code.Add("J");
        }

        return word.At(i + 1) == 'J' ? i + 2 : i + 1;
    }

    private static int EncodeL(DoubleMetaphoneWord word, int i, ref DoubleMetaphoneCodeWriter code)
    {
        if (word.At(i + 1) != 'L')
        {
            code.Add("L");
            return i + 1;
        }

        // Spanish LL, which may be read as Y: CABRILLO, GALLEGOS.
        if ((i == word.Length - 3 && word.MatchesAny(i - 1, "ILLO", "ILLA", "ALLE"))
            || ((word.MatchesAny(word.Last - 1, "AS", "OS") || word.IsAny(word.Last, "AO"))
                && word.Matches(i - 1, "ALLE")))
        {
            code.Add("L", "");
            return i + 2;
        }

        code.Add("L");
        return i + 2;
    }

    private static int EncodeM(DoubleMetaphoneWord word, int i, ref DoubleMetaphoneCodeWriter code)
    {
        code.Add("M");

        // The B of DUMB, THUMB and -UMBER is silent and skipped with the M, as is a doubled M.
        bool silentB = word.Matches(i - 1, "UMB") && (i + 1 == word.Last || word.Matches(i + 2, "ER"));
        return silentB || word.At(i + 1) == 'M' ? i + 2 : i + 1;
    }
}
