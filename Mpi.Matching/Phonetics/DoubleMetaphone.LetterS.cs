namespace Mpi.Matching.Phonetics;

// Double Metaphone rules for S: silent S, SH, SIO/SIA, SZ, SCH and the French final S, as in Philips' reference implementation.
// Hand-written with the rest of DoubleMetaphone (see DoubleMetaphone.cs for why).
public static partial class DoubleMetaphone
{
    private static int EncodeS(DoubleMetaphoneWord word, int i, ref DoubleMetaphoneCodeWriter code)
    {
        // Silent in ISLAND, ISLE, CARLISLE, CARLYSLE.
        if (word.MatchesAny(i - 1, "ISL", "YSL"))
        {
            return i + 1;
        }

        if (i == 0 && word.Matches(0, "SUGAR"))
        {
            code.Add("X", "S");
            return i + 1;
        }

        if (word.Matches(i, "SH"))
        {
            // Germanic -SHEIM, -SHOEK, -SHOLM, -SHOLZ keep the S.
            code.Add(word.MatchesAny(i + 1, "HEIM", "HOEK", "HOLM", "HOLZ") ? "S" : "X");
            return i + 2;
        }

        // Italian and Armenian -SIO-, -SIA-, -SIAN.
        if (word.MatchesAny(i, "SIO", "SIA"))
        {
            if (word.IsSlavoGermanic)
            {
                code.Add("S");
            }
            else
            {
                code.Add("S", "X");
            }

            return i + 3;
        }

        // German and anglicised forms, so SMITH meets SCHMIDT and SNIDER meets SCHNEIDER; also Slavic SZ
        // (Hungarian reads it S, hence the primary).
        if ((i == 0 && word.IsAny(1, "MNLW")) || word.At(i + 1) == 'Z')
        {
            code.Add("S", "X");
            return word.At(i + 1) == 'Z' ? i + 2 : i + 1;
        }

        if (word.Matches(i, "SC"))
        {
            return EncodeSc(word, i, ref code);
        }

        // French final -AIS, -OIS is silent (RESNAIS, ARTOIS).
        if (i == word.Last && word.MatchesAny(i - 2, "AI", "OI"))
        {
            code.Add("", "S");
        }
        else
        {
            code.Add("S");
        }

        return word.IsAny(i + 1, "SZ") ? i + 2 : i + 1;
    }

    private static int EncodeSc(DoubleMetaphoneWord word, int i, ref DoubleMetaphoneCodeWriter code)
    {
        // Schlesinger's rule.
        if (word.At(i + 2) == 'H')
        {
            // Dutch SCHOOL, SCHOONER; SCHERMERHORN and SCHENKER may also be read SH.
            if (word.MatchesAny(i + 3, "OO", "ER", "EN", "UY", "ED", "EM"))
            {
                if (word.MatchesAny(i + 3, "ER", "EN"))
                {
                    code.Add("X", "SK");
                }
                else
                {
                    code.Add("SK");
                }

                return i + 3;
            }

            // German SCH-; an initial SCH before a consonant other than W may be anglicised to S (SCHMIDT).
            if (i == 0 && !word.IsVowel(3) && word.At(3) != 'W')
            {
                code.Add("X", "S");
            }
            else
            {
                code.Add("X");
            }

            return i + 3;
        }

        if (word.IsAny(i + 2, "IEY"))
        {
            code.Add("S");
            return i + 3;
        }

        code.Add("SK");
        return i + 3;
    }
}
