namespace Mpi.Matching.Phonetics;

// Double Metaphone rules for C, the letter with the most readings (K, S, X, KS), as in Philips' reference implementation.
// Hand-written with the rest of DoubleMetaphone (see DoubleMetaphone.cs for why).
public static partial class DoubleMetaphone
{
    private static int EncodeC(DoubleMetaphoneWord word, int i, ref DoubleMetaphoneCodeWriter code)
    {
        // Germanic -ACH- after a consonant (BACH, MACHER), but not -ACHI-/-ACHE- (MACHINE) except BACHER/MACHER.
        if (i > 1 && !word.IsVowel(i - 2) && word.Matches(i - 1, "ACH") && word.At(i + 2) != 'I'
            && (word.At(i + 2) != 'E' || word.MatchesAny(i - 2, "BACHER", "MACHER")))
        {
            code.Add("K");
            return i + 2;
        }

        if (i == 0 && word.Matches(0, "CAESAR"))
        {
            code.Add("S");
            return i + 2;
        }

        // Italian CHIANTI.
        if (word.Matches(i, "CHIA"))
        {
            code.Add("K");
            return i + 2;
        }

        if (word.Matches(i, "CH"))
        {
            return EncodeCh(word, i, ref code);
        }

        // Polish CZERNY, but not -WICZ, which the W rules code.
        if (word.Matches(i, "CZ") && !word.Matches(i - 2, "WICZ"))
        {
            code.Add("S", "X");
            return i + 2;
        }

        // Italian FOCACCIA.
        if (word.Matches(i + 1, "CIA"))
        {
            code.Add("X");
            return i + 3;
        }

        // Double C, but not the MC- of MCCLELLAN.
        if (word.Matches(i, "CC") && !(i == 1 && word.At(0) == 'M'))
        {
            return EncodeDoubleC(word, i, ref code);
        }

        if (word.MatchesAny(i, "CK", "CG", "CQ"))
        {
            code.Add("K");
            return i + 2;
        }

        if (word.MatchesAny(i, "CI", "CE", "CY"))
        {
            // Italian CIO/CIE/CIA may be CH; English CI/CE/CY is S.
            if (word.MatchesAny(i, "CIO", "CIE", "CIA"))
            {
                code.Add("S", "X");
            }
            else
            {
                code.Add("S");
            }

            return i + 2;
        }

        code.Add("K");

        // The reference also skips a following " C", " Q" or " G" across a space (MAC CAFFREY); a
        // letters-only name has no spaces, so MACCAFFREY reaches the double-C rule instead.
        return word.IsAny(i + 1, "CKQ") && !word.MatchesAny(i + 1, "CE", "CI") ? i + 2 : i + 1;
    }

    private static int EncodeCh(DoubleMetaphoneWord word, int i, ref DoubleMetaphoneCodeWriter code)
    {
        // MICHAEL.
        if (i > 0 && word.Matches(i, "CHAE"))
        {
            code.Add("K", "X");
            return i + 2;
        }

        // Greek roots at the start: CHARACTER, CHARISMA, CHORUS, CHYMIST, CHIASMUS, CHEMISTRY; but CHORE.
        if (i == 0
            && (word.MatchesAny(1, "HARAC", "HARIS") || word.MatchesAny(1, "HOR", "HYM", "HIA", "HEM"))
            && !word.Matches(0, "CHORE"))
        {
            code.Add("K");
            return i + 2;
        }

        // Germanic or Greek CH as KH: SCH- names, ORCHESTRA, ARCHITECT, ORCHID, CHT/CHS, and after a
        // vowel or at the start before a consonant or the end (WACHTLER, WECHSLER, but not TICHNER).
        if (word.StartsGermanic
            || word.MatchesAny(i - 2, "ORCHES", "ARCHIT", "ORCHID")
            || word.IsAny(i + 2, "TS")
            || ((i == 0 || word.IsAny(i - 1, "AOUE"))
                && (word.IsAny(i + 2, "LRNMBHFVW") || i + 2 >= word.Length)))
        {
            code.Add("K");
        }
        else if (i == 0)
        {
            code.Add("X");
        }
        else if (word.Matches(0, "MC"))
        {
            // MCHUGH.
            code.Add("K");
        }
        else
        {
            code.Add("X", "K");
        }

        return i + 2;
    }

    private static int EncodeDoubleC(DoubleMetaphoneWord word, int i, ref DoubleMetaphoneCodeWriter code)
    {
        // CCI/CCE/CCH: BELLOCCHIO, but not BACCHUS.
        if (word.IsAny(i + 2, "IEH") && !word.Matches(i + 2, "HU"))
        {
            // ACCIDENT, ACCEDE, SUCCEED are KS; Italian BACCI, BERTUCCI are X.
            if ((i == 1 && word.At(0) == 'A') || word.MatchesAny(i - 1, "UCCEE", "UCCES"))
            {
                code.Add("KS");
            }
            else
            {
                code.Add("X");
            }

            return i + 3;
        }

        // Pierce's rule: otherwise a double C is one K.
        code.Add("K");
        return i + 2;
    }
}
