namespace Mpi.Matching.Normalization;

/// <summary>Normalises identifiers: national identifiers (compared across registries) and local ids (keys).</summary>
public static class IdentifierNormalizer
{
    /// <summary>National identifiers shorter than this are set aside.</summary>
    public const int MinNationalIdLength = 4;

    /// <summary>National identifiers longer than this are set aside.</summary>
    public const int MaxNationalIdLength = 32;

    /// <summary>Local ids longer than this are set aside.</summary>
    public const int MaxLocalIdLength = 100;

    /// <summary>
    /// Normalises a national identifier (social security, Medicare, NHS number …): letters upper-cased and folded as by
    /// <see cref="TextCleaner"/>, and everything that is not a letter or digit removed (spaces, dashes, dots,
    /// slashes), so <c>123-45-6789</c> and <c>123 45 6789</c> agree. No check digit is verified: the scheme
    /// depends on the issuing country.
    /// </summary>
    /// <remarks>
    /// Set aside: shorter than <see cref="MinNationalIdLength"/> or longer than <see cref="MaxNationalIdLength"/>
    /// characters; placeholders as <c>placeholder identifier</c> (<see cref="Placeholders.IsPlaceholderIdentifier"/>:
    /// 000000000, 999999999, 111111111, 123456789, 987654321, XXXXXXXXX, NONE …).
    /// </remarks>
    public static FieldResult NationalId(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return FieldResult.Missing;
        }

        var id = TextCleaner.Clean(raw).Replace(" ", string.Empty, StringComparison.Ordinal);
        return id.Length switch
        {
            0 => FieldResult.SetAside("no letters or digits"),
            > MaxNationalIdLength => FieldResult.SetAside(TextCleaner.TooLong(MaxNationalIdLength)),
            _ when Placeholders.IsPlaceholderIdentifier(id) => FieldResult.SetAside("placeholder identifier"),
            < MinNationalIdLength => FieldResult.SetAside($"shorter than {MinNationalIdLength} characters"),
            _ => FieldResult.Of(raw, id),
        };
    }

    /// <summary>
    /// Normalises a registry's local id (its MRN): surrounding whitespace trimmed, nothing else changed, because a
    /// local id is a key and <c>A-0012</c> and <c>A0012</c> may be two patients.
    /// </summary>
    /// <remarks>
    /// Set aside: longer than <see cref="MaxLocalIdLength"/> characters; containing a control character or a lone
    /// surrogate (such an id cannot be stored or sent back unchanged).
    /// </remarks>
    public static FieldResult LocalId(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return FieldResult.Missing;
        }

        var id = raw.Trim();
        if (id.Length > MaxLocalIdLength)
        {
            return FieldResult.SetAside(TextCleaner.TooLong(MaxLocalIdLength));
        }

        return IsStorable(id)
            ? FieldResult.Of(raw, id)
            : FieldResult.SetAside("invalid characters: a control character or a broken Unicode sequence");
    }

    private static bool IsStorable(string id)
    {
        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (char.IsControl(c))
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < id.Length && char.IsLowSurrogate(id[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
