namespace Mpi.Matching.Normalization;

/// <summary>Normalises a postal code to upper-case letters and digits with no spaces or dashes.</summary>
/// <remarks>
/// <para>UK <c>sw1a 1aa</c> → <c>SW1A1AA</c>; Canadian <c>k1a 0b1</c> → <c>K1A0B1</c>. A US ZIP+4 (nine digits
/// however separated: <c>12345-6789</c>, <c>12345 6789</c>, <c>123456789</c>) keeps only its five-digit ZIP,
/// <c>12345</c>: senders disagree on whether they send the +4 part, and the ZIP alone is what blocking and comparison
/// need. No other country uses nine-digit codes.</para>
/// <para>Set aside: shorter than <see cref="MinLength"/> or longer than <see cref="MaxLength"/> characters;
/// placeholders (<see cref="Placeholders.IsPlaceholderPostalCode"/>: 00000, 99999, XXXXX, ZZ99 …).</para>
/// </remarks>
public static class PostalCodeNormalizer
{
    /// <summary>Shorter codes are set aside.</summary>
    public const int MinLength = 3;

    /// <summary>Longer codes are set aside.</summary>
    public const int MaxLength = 10;

    /// <summary>Normalises the postal code field.</summary>
    public static FieldResult Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return FieldResult.Missing;
        }

        var code = TextCleaner.Clean(raw).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (code.Length == 9 && code.All(char.IsAsciiDigit))
        {
            code = code[..5]; // ZIP+4
        }

        return code.Length switch
        {
            0 => FieldResult.SetAside("no letters or digits"),
            > MaxLength => FieldResult.SetAside(TextCleaner.TooLong(MaxLength)),
            _ when Placeholders.IsPlaceholderPostalCode(code) => FieldResult.SetAside("placeholder postal code"),
            < MinLength => FieldResult.SetAside($"shorter than {MinLength} characters"),
            _ => FieldResult.Of(raw, code),
        };
    }
}
