namespace Mpi.Matching.Phonetics;

// Double Metaphone rules for P, R, T, W, X and Z, as in Philips' reference implementation.
// Hand-written with the rest of DoubleMetaphone (see DoubleMetaphone.cs for why).
public static partial class DoubleMetaphone
{
    private static int EncodeP(DoubleMetaphoneWord word, int i, ref DoubleMetaphoneCodeWriter code)
    {
        if (word.At(i + 1) == 'H')
        {
            code.Add("F");
            return i + 2;
        }

        // PP, and the silent B of CAMPBELL and RASPBERRY.
        code.Add("P");
        return word.IsAny(i + 1, "PB") ? i + 2 : i + 1;
    }

    private static int EncodeR(DoubleMetaphoneWord word, int i, ref DoubleMetaphoneCodeWriter code)
    {
        // French final -IER is silent (ROGIER), but not German -MEIER/-MAIER (HOCHMEIER).
        if (i == word.Last && !word.IsSlavoGermanic && word.Matches(i - 2, "IE") && !word.MatchesAny(i - 4, "ME", "MA"))
        {
            code.Add("", "R");
        }
        else
        {
            code.Add("R");
        }

        return word.At(i + 1) == 'R' ? i + 2 : i + 1;
    }

    private static int EncodeT(DoubleMetaphoneWord word, int i, ref DoubleMetaphoneCodeWriter code)
    {
        if (word.Matches(i, "TION") || word.MatchesAny(i, "TIA", "TCH"))
        {
            code.Add("X");
            return i + 3;
        }

        if (word.Matches(i, "TH") || word.Matches(i, "TTH"))
        {
            // THOMAS, THAMES and Germanic names keep a plain T; otherwise TH ('0') or T.
            if (word.MatchesAny(i + 2, "OM", "AM") || word.StartsGermanic)
            {
                code.Add("T");
            }
            else
            {
                code.Add("0", "T");
            }

            return i + 2;
        }

        code.Add("T");
        return word.IsAny(i + 1, "TD") ? i + 2 : i + 1;
    }

    private static int EncodeW(DoubleMetaphoneWord word, int i, ref DoubleMetaphoneCodeWriter code)
    {
        if (word.Matches(i, "WR"))
        {
            code.Add("R");
            return i + 2;
        }

        // An initial W before a vowel may be read as V (WASSERMAN meets VASSERMAN); WH- codes as a vowel
        // (so UOMO meets WOMO). This does not consume the W: the rules below may still add to the alternate.
        if (i == 0 && (word.IsVowel(1) || word.Matches(0, "WH")))
        {
            if (word.IsVowel(1))
            {
                code.Add("A", "F");
            }
            else
            {
                code.Add("A");
            }
        }

        // A final W after a vowel, Polish -EWSKI/-OWSKI, and German SCH- names may be read as F (ARNOW meets ARNOFF).
        if ((i == word.Last && word.IsVowel(i - 1))
            || word.MatchesAny(i - 1, "EWSKI", "EWSKY", "OWSKI", "OWSKY")
            || word.StartsGermanic)
        {
            code.Add("", "F");
            return i + 1;
        }

        // Polish FILIPOWICZ.
        if (word.MatchesAny(i, "WICZ", "WITZ"))
        {
            code.Add("TS", "FX");
            return i + 4;
        }

        return i + 1;
    }

    private static int EncodeX(DoubleMetaphoneWord word, int i, ref DoubleMetaphoneCodeWriter code)
    {
        // A final X is silent in French -IAUX, -EAUX, -AUX, -OUX (BREAUX).
        bool silentFrench = i == word.Last
            && (word.MatchesAny(i - 3, "IAU", "EAU") || word.MatchesAny(i - 2, "AU", "OU"));
        if (!silentFrench)
        {
            code.Add("KS");
        }

        return word.IsAny(i + 1, "CX") ? i + 2 : i + 1;
    }

    private static int EncodeZ(DoubleMetaphoneWord word, int i, ref DoubleMetaphoneCodeWriter code)
    {
        // Chinese pinyin ZHAO.
        if (word.At(i + 1) == 'H')
        {
            code.Add("J");
            return i + 2;
        }

        // Italian -ZZO-, -ZZI-, -ZZA- and Slavic or Germanic Z (not after T) may be TS.
        if (word.MatchesAny(i + 1, "ZO", "ZI", "ZA") || (word.IsSlavoGermanic && i > 0 && word.At(i - 1) != 'T'))
        {
            code.Add("S", "TS");
        }
        else
        {
            code.Add("S");
        }

        return word.At(i + 1) == 'Z' ? i + 2 : i + 1;
    }
}
