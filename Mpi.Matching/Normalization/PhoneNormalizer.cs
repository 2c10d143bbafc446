namespace Mpi.Matching.Normalization;

/// <summary>Normalises a phone number to its digits.</summary>
/// <remarks>
/// <para>Only digits are kept (any script's digits, as ASCII); spaces, brackets, dashes, dots and a leading
/// <c>+</c> are dropped. Country codes and trunk prefixes are kept as sent and not rewritten, so
/// <c>+61 412 345 678</c> → <c>61412345678</c> and <c>0412 345 678</c> → <c>0412345678</c>: comparisons that want
/// to equate them should compare trailing digits. A letter after the first digit ends the number, so an extension
/// (<c>02 9876 5432 ext 12</c>) or a note is dropped; letters before the digits (<c>Ph: </c>) are ignored.</para>
/// <para>Set aside: no digits; fewer than <see cref="MinDigits"/> digits; more than <see cref="MaxDigits"/> digits;
/// placeholders (<see cref="Placeholders.IsPlaceholderPhone"/>: 0000000000, 9999999999, 1234567890, 123456).</para>
/// </remarks>
public static class PhoneNormalizer
{
    /// <summary>Shorter numbers are set aside.</summary>
    public const int MinDigits = 6;

    /// <summary>Longer numbers are set aside (E.164 allows 15 digits, plus room for an international prefix).</summary>
    public const int MaxDigits = 20;

    /// <summary>Normalises the phone field.</summary>
    public static FieldResult Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return FieldResult.Missing;
        }

        var cleaned = TextCleaner.Clean(raw);
        var digits = new System.Text.StringBuilder(cleaned.Length);
        foreach (var c in cleaned)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c != ' ' && digits.Length > 0)
            {
                break;
            }
        }

        return digits.Length switch
        {
            0 => FieldResult.SetAside("no digits"),
            < MinDigits => FieldResult.SetAside($"fewer than {MinDigits} digits"),
            > MaxDigits => FieldResult.SetAside($"longer than {MaxDigits} digits"),
            _ when Placeholders.IsPlaceholderPhone(digits.ToString()) => FieldResult.SetAside("placeholder phone"),
            _ => FieldResult.Of(raw, digits.ToString()),
        };
    }
}
