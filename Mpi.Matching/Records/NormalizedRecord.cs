using System.Collections.Immutable;

namespace Mpi.Matching.Records;

/// <summary>
/// A source record after normalisation, with the derived keys the comparisons and blocking rules read.
/// Missing values are empty strings (never null) so that the scoring hot path needs no null checks;
/// a missing birth date has <see cref="BirthYear"/> 0 and a missing sex is <c>'\0'</c>.
/// </summary>
public sealed class NormalizedRecord
{
    public required string Registry { get; init; }
    public required string LocalId { get; init; }
    public string GivenName { get; init; } = "";
    public string MiddleName { get; init; } = "";
    public string FamilyName { get; init; } = "";
    public string Suffix { get; init; } = "";
    public int BirthYear { get; init; }
    public int BirthMonth { get; init; }
    public int BirthDay { get; init; }
    /// <summary>The birth date as eight digits YYYYMMDD, or empty.</summary>
    public string BirthDigits { get; init; } = "";
    /// <summary>'M', 'F' or 'O' when informative; '\0' otherwise (missing, unknown, not applicable).</summary>
    public char Sex { get; init; }
    public string AddressLine { get; init; } = "";
    /// <summary>The second address line: a unit, or a named place (a village, a hospital, a property).</summary>
    public string AddressLine2 { get; init; } = "";
    public string City { get; init; } = "";
    public string State { get; init; } = "";
    public string PostalCode { get; init; } = "";
    public string Phone { get; init; } = "";
    public string Email { get; init; } = "";
    public string NationalId { get; init; } = "";

    /// <summary>The authority that assigned <see cref="NationalId"/> (empty for the national id field, or when not said): ids of two authorities are not compared.</summary>
    public string NationalIdAuthority { get; init; } = "";

    /// <summary>
    /// <see cref="NationalId"/> qualified by its authority (<c>AUTHORITY|ID</c>; the id alone without one): what rules and
    /// blocking compare, so that equal numbers from two authorities never join two records.
    /// </summary>
    public string NationalIdKey => NationalIdAuthority.Length == 0 ? NationalId : _nationalIdKey ??= $"{NationalIdAuthority}|{NationalId}";

    // Computed once on first use (a benign race: every thread computes the same string).
    private string? _nationalIdKey;

    /// <summary>
    /// The identifiers sent with their type and authority, as <c>TYPE|AUTHORITY|VALUE</c> (normalised): with the national
    /// id field, what a person is found by (<see cref="Blocking.IdentifierBlocking"/>).
    /// </summary>
    public ImmutableArray<string> IdentifierKeys { get; init; } = [];

    /// <summary>Double Metaphone primary code of the given name (blocking and fuzzy agreement).</summary>
    public string GivenPhonetic { get; init; } = "";
    /// <summary>Double Metaphone primary code of the family name.</summary>
    public string FamilyPhonetic { get; init; } = "";
    /// <summary>Nickname equivalence groups of the given name (empty when the name is not in the table).</summary>
    public ImmutableArray<int> GivenNameGroups { get; init; } = [];

    /// <summary>Relative frequency of the given name in the population the record is scored against (0 = unknown).</summary>
    public double GivenNameFrequency { get; set; }
    /// <summary>Relative frequency of the family name in the population the record is scored against (0 = unknown).</summary>
    public double FamilyNameFrequency { get; set; }
    /// <summary>How many records the name frequencies were counted over (0 = unknown); the namesake guard's registry size.</summary>
    public int PopulationSize { get; set; }
    /// <summary>How many records of the population carry this phone number (0 = unknown or no phone).</summary>
    public int PhoneSharedBy { get; set; }
    /// <summary>How many records of the population carry this address line and postal code (0 = unknown or no address).</summary>
    public int AddressSharedBy { get; set; }
    /// <summary>How many records of the population carry this second address line and postal code (0 = unknown or none).</summary>
    public int AddressLine2SharedBy { get; set; }

    public bool HasBirthDate => BirthYear != 0;

    /// <summary>
    /// A copy whose often-repeated values (names, their codes, dates, places) go through <paramref name="share"/>, so
    /// that a store of millions of records holds each distinct value once. Values unique to a person (address,
    /// phone, e-mail, identifiers) are kept as they are.
    /// </summary>
    public NormalizedRecord WithSharedValues(Func<string, string> share) => new()
    {
        Registry = share(Registry), LocalId = LocalId,
        GivenName = share(GivenName), MiddleName = share(MiddleName), FamilyName = share(FamilyName), Suffix = share(Suffix),
        BirthYear = BirthYear, BirthMonth = BirthMonth, BirthDay = BirthDay, BirthDigits = share(BirthDigits), Sex = Sex,
        AddressLine = AddressLine, AddressLine2 = AddressLine2, City = share(City), State = share(State), PostalCode = share(PostalCode),
        Phone = Phone, Email = Email, NationalId = NationalId, NationalIdAuthority = share(NationalIdAuthority),
        IdentifierKeys = IdentifierKeys,
        GivenPhonetic = share(GivenPhonetic), FamilyPhonetic = share(FamilyPhonetic), GivenNameGroups = GivenNameGroups,
        GivenNameFrequency = GivenNameFrequency, FamilyNameFrequency = FamilyNameFrequency, PopulationSize = PopulationSize,
        PhoneSharedBy = PhoneSharedBy, AddressSharedBy = AddressSharedBy, AddressLine2SharedBy = AddressLine2SharedBy,
    };

    /// <summary>A copy carrying <paramref name="weights"/>, to be scored against the population they were counted in.</summary>
    public NormalizedRecord Weighed(PopulationWeights weights)
    {
        var copy = WithSharedValues(static value => value);
        copy.GivenNameFrequency = weights.GivenNameFrequency;
        copy.FamilyNameFrequency = weights.FamilyNameFrequency;
        copy.PopulationSize = weights.PopulationSize;
        (copy.PhoneSharedBy, copy.AddressSharedBy, copy.AddressLine2SharedBy) =
            (weights.Contacts.PhoneSharedBy, weights.Contacts.AddressSharedBy, weights.Contacts.AddressLine2SharedBy);
        return copy;
    }
}
