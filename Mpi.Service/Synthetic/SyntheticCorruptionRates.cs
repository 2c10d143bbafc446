namespace Mpi.Service.Synthetic;

/// <summary>
/// How often each kind of damage is done to a duplicate record (each drawn independently per duplicate), and how
/// often any record strays from its registry's formats. All rates are probabilities in [0, 1].
/// </summary>
public sealed record SyntheticCorruptionRates
{
    public const double DefaultTypoRate = 0.20;
    public const double DefaultPhoneticVariantRate = 0.05;
    public const double DefaultNicknameRate = 0.25;
    public const double DefaultMissingFieldRate = 0.15;
    public const double DefaultBirthDateErrorRate = 0.05;
    public const double DefaultMarriedNameRate = 0.06;
    public const double DefaultMovedAddressRate = 0.10;
    public const double DefaultChangedPhoneRate = 0.10;
    public const double DefaultFormatVariationRate = 0.20;
    public const double DefaultAccentRate = 0.03;

    /// <summary>One insertion, deletion, substitution or transposition in a name, street or city.</summary>
    public double TypoRate { get; init; } = DefaultTypoRate;

    /// <summary>A sound-alike spelling of the given or family name (PH↔F, C↔K, Y↔IE, SON↔SEN…).</summary>
    public double PhoneticVariantRate { get; init; } = DefaultPhoneticVariantRate;

    /// <summary>The nickname instead of the formal given name, when the name has one in the built-in list.</summary>
    public double NicknameRate { get; init; } = DefaultNicknameRate;

    /// <summary>One or two optional fields left empty (or the middle name cut to its initial).</summary>
    public double MissingFieldRate { get; init; } = DefaultMissingFieldRate;

    /// <summary>Day and month swapped (when both can be months) or one digit wrong.</summary>
    public double BirthDateErrorRate { get; init; } = DefaultBirthDateErrorRate;

    /// <summary>For a female person's duplicate: a new family name (≈ 3% of all duplicates at the default).</summary>
    public double MarriedNameRate { get; init; } = DefaultMarriedNameRate;

    /// <summary>A different street, city, state and postal code.</summary>
    public double MovedAddressRate { get; init; } = DefaultMovedAddressRate;

    /// <summary>A different phone number.</summary>
    public double ChangedPhoneRate { get; init; } = DefaultChangedPhoneRate;

    /// <summary>Any record (original too) written in another date, phone, case, sex or street-type style than its registry's.</summary>
    public double FormatVariationRate { get; init; } = DefaultFormatVariationRate;

    /// <summary>Any record with an accented letter in the given or family name (José for Jose).</summary>
    public double AccentRate { get; init; } = DefaultAccentRate;

    internal IEnumerable<(string Name, double Rate)> All =>
    [
        (nameof(TypoRate), TypoRate), (nameof(PhoneticVariantRate), PhoneticVariantRate),
        (nameof(NicknameRate), NicknameRate), (nameof(MissingFieldRate), MissingFieldRate),
        (nameof(BirthDateErrorRate), BirthDateErrorRate), (nameof(MarriedNameRate), MarriedNameRate),
        (nameof(MovedAddressRate), MovedAddressRate), (nameof(ChangedPhoneRate), ChangedPhoneRate),
        (nameof(FormatVariationRate), FormatVariationRate), (nameof(AccentRate), AccentRate),
    ];
}
