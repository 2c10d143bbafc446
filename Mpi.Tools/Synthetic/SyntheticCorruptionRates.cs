namespace Mpi.Tools.Synthetic;

/// <summary>
/// How often each kind of damage is done to a person's later record (each drawn independently per record), and how
/// often any record strays from its registry's formats. All rates are probabilities in [0, 1]. The defaults are the
/// realism profile (README, "Synthetic populations"): what a person's second and later registrations look like in
/// real registries — moves, new phones, identifiers left out or mistyped, keying errors in names and dates,
/// nicknames, married names and swapped fields. <see cref="Clean"/> is the gentler profile of earlier releases.
/// </summary>
public sealed record SyntheticCorruptionRates
{
    /// <summary>The gentler profile `generate` made before the realism profile (`generate --profile clean`).</summary>
    public static SyntheticCorruptionRates Clean { get; } = new()
    {
        GivenNameTypoRate = 0.075, FamilyNameTypoRate = 0.075, AddressTypoRate = 0.05, NicknameRate = 0.25,
        BirthDateErrorRate = 0.05, MarriedNameRate = 0.06, MovedAddressRate = 0.10, ChangedPhoneRate = 0.10,
        PhoneChangesWithMoveRate = 0, NationalIdOmittedRate = 0, NationalIdTypoRate = 0, SwappedNamesRate = 0,
    };

    /// <summary>One insertion, deletion, substitution or transposition in the given name.</summary>
    public double GivenNameTypoRate { get; init; } = 0.14;

    /// <summary>One insertion, deletion, substitution or transposition in the family name.</summary>
    public double FamilyNameTypoRate { get; init; } = 0.14;

    /// <summary>One keying error in the street or the city.</summary>
    public double AddressTypoRate { get; init; } = 0.08;

    /// <summary>A sound-alike spelling of the given or family name (PH↔F, C↔K, Y↔IE, SON↔SEN…).</summary>
    public double PhoneticVariantRate { get; init; } = 0.05;

    /// <summary>The nickname instead of the formal given name, when the name has one in the built-in list.</summary>
    public double NicknameRate { get; init; } = 0.5;

    /// <summary>One or two optional fields left empty (or the middle name cut to its initial).</summary>
    public double MissingFieldRate { get; init; } = 0.15;

    /// <summary>A keying error in the date of birth: day and month swapped, one digit wrong, or the year off by one or ten.</summary>
    public double BirthDateErrorRate { get; init; } = 0.07;

    /// <summary>For a woman's later record: another family name (marriage, divorce).</summary>
    public double MarriedNameRate { get; init; } = 0.15;

    /// <summary>A different street, city, state and postal code (the person moved).</summary>
    public double MovedAddressRate { get; init; } = 0.25;

    /// <summary>A different phone number, whether or not the person moved.</summary>
    public double ChangedPhoneRate { get; init; } = 0.15;

    /// <summary>After a move, the chance that the phone changed with it (a landline goes with the house).</summary>
    public double PhoneChangesWithMoveRate { get; init; } = 0.6;

    /// <summary>The national id not sent (a lab or pharmacy that does not collect it, a patient who did not give it).</summary>
    public double NationalIdOmittedRate { get; init; } = 0.30;

    /// <summary>One digit of the national id keyed wrong or two adjacent digits swapped.</summary>
    public double NationalIdTypoRate { get; init; } = 0.03;

    /// <summary>Given and family name entered in each other's fields.</summary>
    public double SwappedNamesRate { get; init; } = 0.02;

    /// <summary>Any record (original too) written in another date, phone, case, sex or street-type style than its registry's.</summary>
    public double FormatVariationRate { get; init; } = 0.20;

    /// <summary>Any record with an accented letter in the given or family name (José for Jose).</summary>
    public double AccentRate { get; init; } = 0.03;

    internal IEnumerable<(string Name, double Rate)> All =>
    [
        (nameof(GivenNameTypoRate), GivenNameTypoRate), (nameof(FamilyNameTypoRate), FamilyNameTypoRate),
        (nameof(AddressTypoRate), AddressTypoRate), (nameof(PhoneticVariantRate), PhoneticVariantRate),
        (nameof(NicknameRate), NicknameRate), (nameof(MissingFieldRate), MissingFieldRate),
        (nameof(BirthDateErrorRate), BirthDateErrorRate), (nameof(MarriedNameRate), MarriedNameRate),
        (nameof(MovedAddressRate), MovedAddressRate), (nameof(ChangedPhoneRate), ChangedPhoneRate),
        (nameof(PhoneChangesWithMoveRate), PhoneChangesWithMoveRate), (nameof(NationalIdOmittedRate), NationalIdOmittedRate),
        (nameof(NationalIdTypoRate), NationalIdTypoRate), (nameof(SwappedNamesRate), SwappedNamesRate),
        (nameof(FormatVariationRate), FormatVariationRate), (nameof(AccentRate), AccentRate),
    ];
}
