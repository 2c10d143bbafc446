namespace Mpi.Matching.Phonetics;

// Double Metaphone rules for G: GH, GN, GLI, soft and hard G, as in Philips' reference implementation.
// Hand-written with the rest of DoubleMetaphone (see DoubleMetaphone.cs for why).
public static partial class DoubleMetaphone
{
    private static int EncodeG(DoubleMetaphoneWord word, int i, ref DoubleMetaphoneCodeWriter code)
    {
        if (word.At(i + 1) == 'H')
        {
            return EncodeGh(word, i, ref code);
        }

        if (word.At(i + 1) == 'N')
        {
            if (i == 1 && word.IsVowel(0) && !word.IsSlavoGermanic)
            {
                // AGNES: a vowel then GN.
                code.Add("KN", "N");
            }
            else if (!word.Matches(i + 2, "EY") && !word.IsSlavoGermanic)
            {
                // Silent G as in CAMPAGNA or SIGNOR, but not CAGNEY.
                code.Add("N", "KN");
            }
            else
            {
                code.Add("KN");
            }

            return i + 2;
        }

        // Italian TAGLIARO.
        if (word.Matches(i + 1, "LI") && !word.IsSlavoGermanic)
        {
            code.Add("KL", "L");
            return i + 2;
        }

        // -GES-, -GEP-, -GEL-, -GIE- and the like at the start (GEORGE may be K or J).
        if (i == 0
            && (word.At(1) == 'Y'
                || word.MatchesAny(1, "ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER")))
        {
            code.Add("K", "J");
            return i + 2;
        }

        // -GER-, -GY-, but not DANGER, RANGER, MANGER, nor after E or I, nor -RGY-, -OGY-.
        if ((word.Matches(i + 1, "ER") || word.At(i + 1) == 'Y')
            && !word.MatchesAny(0, "DANGER", "RANGER", "MANGER")
            && !word.IsAny(i - 1, "EI")
            && !word.MatchesAny(i - 1, "RGY", "OGY"))
        {
            code.Add("K", "J");
            return i + 2;
        }

        // Soft G before E, I, Y, and Italian -AGGI-/-OGGI- (BIAGGI).
        if (word.IsAny(i + 1, "EIY") || word.MatchesAny(i - 1, "AGGI", "OGGI"))
        {
            if (word.StartsGermanic || word.Matches(i + 1, "ET"))
            {
                code.Add("K");
            }
            else if (word.Matches(i + 1, "IER") && i + 4 == word.Length)
            {
                // A French -GIER ending is always soft (ROGIER).
                code.Add("J");
            }
            else
            {
                code.Add("J", "K");
            }

            return i + 2;
        }

        code.Add("K");
        return word.At(i + 1) == 'G' ? i + 2 : i + 1;
    }

    private static int EncodeGh(DoubleMetaphoneWord word, int i, ref DoubleMetaphoneCodeWriter code)
    {
        // After a consonant GH is a hard G (AFGHAN).
        if (i > 0 && !word.IsVowel(i - 1))
        {
            code.Add("K");
            return i + 2;
        }

        // At the start GHI- is J (GHISLANE, GHIRADELLI) and any other GH- is K (GHANA).
        if (i == 0)
        {
            code.Add(word.At(2) == 'I' ? "J" : "K");
            return i + 2;
        }

        // Parker's rule, refined: silent after B, H or D two or three letters back (HUGH, BOUGH)
        // or after B or H four back (BROUGHTON).
        if ((i > 1 && word.IsAny(i - 2, "BHD"))
            || (i > 2 && word.IsAny(i - 3, "BHD"))
            || (i > 3 && word.IsAny(i - 4, "BH")))
        {
            return i + 2;
        }

        // F in -UGH after C, G, L, R or T (LAUGH, MCLAUGHLIN, COUGH, GOUGH, ROUGH, TOUGH).
        if (i > 2 && word.At(i - 1) == 'U' && word.IsAny(i - 3, "CGLRT"))
        {
            code.Add("F");
        }
        else if (word.At(i - 1) != 'I')
        {
            // Silent after I (KNIGHT, WRIGHT); otherwise K.
            code.Add("K");
        }

        return i + 2;
    }
}
