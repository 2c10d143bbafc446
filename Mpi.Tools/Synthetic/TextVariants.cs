namespace Mpi.Tools.Synthetic;

/// <summary>The spelling damage seen in registry data: keying errors, sound-alike spellings, accents.</summary>
internal static class TextVariants
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    /// <summary>Sound-alike spellings: where the first appears, the second may be written instead.</summary>
    private static readonly (string From, string To)[] PhoneticRules =
    [
        ("ph", "f"), ("f", "ph"), ("ck", "k"), ("ca", "ka"), ("ka", "ca"), ("ll", "l"), ("th", "t"),
        ("ie", "y"), ("y", "ie"), ("ei", "ie"), ("ou", "ow"), ("ee", "ea"), ("z", "s"), ("s", "z"),
        ("son", "sen"), ("sen", "son"), ("mann", "man"), ("man", "mann"), ("ai", "ay"), ("ey", "y"),
        ("c", "k"), ("x", "cks"), ("w", "v"), ("er", "a"),
    ];

    private static readonly (char Plain, char Accented)[] Accents =
    [
        ('e', 'é'), ('e', 'è'), ('e', 'ë'), ('a', 'á'), ('a', 'à'), ('o', 'ó'), ('o', 'ö'), ('i', 'í'), ('u', 'ü'),
        ('n', 'ñ'), ('c', 'ç'),
    ];

    /// <summary>One insertion, deletion, substitution or transposition of adjacent letters.</summary>
    public static string Typo(string value, Random random)
    {
        if (value.Length < 2)
        {
            return value + Letters[random.Next(Letters.Length)];
        }

        var chars = value.ToList();
        var position = random.Next(chars.Count);
        switch (random.Next(4))
        {
            case 0:
                chars.Insert(position, Letters[random.Next(Letters.Length)]);
                break;
            case 1:
                chars.RemoveAt(position);
                break;
            case 2:
                chars[position] = OtherLetter(chars[position], random);
                break;
            default:
                position = Math.Min(position, chars.Count - 2);
                if (chars[position] == chars[position + 1])
                {
                    chars[position] = OtherLetter(chars[position], random);
                }
                else
                {
                    (chars[position], chars[position + 1]) = (chars[position + 1], chars[position]);
                }

                break;
        }

        var result = new string([.. chars]).Trim();
        return result.Length == 0 ? value : result;
    }

    /// <summary>One digit of <paramref name="digits"/> replaced by another, or two adjacent different digits swapped.</summary>
    public static string DigitTypo(string digits, Random random)
    {
        var chars = digits.ToCharArray();
        var position = random.Next(chars.Length);
        if (random.Next(3) == 0 && position + 1 < chars.Length && chars[position] != chars[position + 1])
        {
            (chars[position], chars[position + 1]) = (chars[position + 1], chars[position]);
        }
        else
        {
            chars[position] = (char)('0' + (chars[position] - '0' + 1 + random.Next(9)) % 10);
        }

        return new string(chars);
    }

    /// <summary>A sound-alike spelling from one applicable rule, or the value itself when no rule applies.</summary>
    public static string PhoneticVariant(string value, Random random)
    {
        var start = random.Next(PhoneticRules.Length);
        for (var i = 0; i < PhoneticRules.Length; i++)
        {
            var (from, to) = PhoneticRules[(start + i) % PhoneticRules.Length];
            var at = value.IndexOf(from, StringComparison.Ordinal);
            if (at >= 0)
            {
                return string.Concat(value.AsSpan(0, at), to, value.AsSpan(at + from.Length));
            }
        }

        return value;
    }

    /// <summary>One letter replaced by an accented form (jose → josé), or the value itself when none fits.</summary>
    public static string Accent(string value, Random random)
    {
        var start = random.Next(Accents.Length);
        for (var i = 0; i < Accents.Length; i++)
        {
            var (plain, accented) = Accents[(start + i) % Accents.Length];
            var at = value.LastIndexOf(plain);
            if (at >= 0)
            {
                return string.Concat(value.AsSpan(0, at), accented.ToString(), value.AsSpan(at + 1));
            }
        }

        return value;
    }

    private static char OtherLetter(char current, Random random)
    {
        // Draw from the 25 letters other than the current one (any letter if the current is not one).
        var replacement = Letters[random.Next(Letters.Length - 1)];
        return replacement >= current && current is >= 'a' and <= 'z' ? (char)(replacement + 1) : replacement;
    }
}
