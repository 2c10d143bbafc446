using System.Collections.Immutable;
using Mpi.Matching.Records;

namespace Mpi.Matching.Blocking;

/// <summary>
/// The blocking rules this build knows, by the name the model JSON uses. Several rules on different fields, so
/// that a record corrupted in one field is still found through the others.
/// </summary>
public static class BlockingRuleCatalog
{
    /// <summary>Bound on blocks of the single-field rules: a name shared by more than 50 records is not a lead.</summary>
    public const int BroadRuleMaxBlockSize = 50;

    /// <summary>
    /// Bound on the sound-alike full-name blocks. Past fifty records a name is common enough that its block is
    /// mostly strangers (at a million records the JOHN SMITHs alone made half the candidate pairs); its true pairs
    /// still meet through the date of birth with an initial, the birth year with a name, the phone, the address or
    /// an identifier.
    /// </summary>
    public const int NamesMaxBlockSize = 50;

    /// <summary>
    /// Bound on date-of-birth blocks. A registry of tens of thousands has a few records per birth date and keeps
    /// them all (FEBRL's duplicates often share nothing else); at a million, some thirty people share each date and
    /// the date with a given- or family-name initial finds their true pairs at a tenth of the pairs.
    /// </summary>
    public const int BirthDateMaxBlockSize = 16;

    public static ImmutableArray<BlockingRule> All { get; } =
    [
        new("birth_date", "Same date of birth", (r, o) => r.BirthDigits.Length == 0 ? 0 : Hash(o, r.BirthDigits),
            comparisons: ["birth_date"]),
        new("national_id", "Same national id (of the same authority)", (r, o) => r.NationalIdKey.Length == 0 ? 0 : Hash(o, r.NationalIdKey)),
        new("phone", "Same phone", (r, o) => r.Phone.Length == 0 ? 0 : Hash(o, r.Phone)),
        new("email_local_part", "Same e-mail address before the @ (the provider may differ or be mistyped)",
            (r, o) => r.Email.IndexOf('@') is var at && at <= 0 ? 0 : Hash(o, r.Email.AsSpan(0, at))),
        new("family_phonetic+given_initial+birth_year", "Family name sounds alike, same given-name initial and birth year",
            (r, o) => r.FamilyPhonetic.Length == 0 || r.GivenName.Length == 0 || r.BirthYear == 0 ? 0
                : Hash(o, r.FamilyPhonetic, (uint)r.GivenName[0] << 16 | (uint)r.BirthYear)),
        new("names_phonetic", "Given and family names sound alike, in either field (catches names entered swapped)",
            (r, o) => r.GivenPhonetic.Length == 0 || r.FamilyPhonetic.Length == 0 ? 0
                : string.CompareOrdinal(r.GivenPhonetic, r.FamilyPhonetic) <= 0 ? Hash(o, r.GivenPhonetic, r.FamilyPhonetic)
                : Hash(o, r.FamilyPhonetic, r.GivenPhonetic),
            NamesMaxBlockSize, comparisons: ["given_name", "family_name"]),
        new("postal_code+family_phonetic", "Same postal code, family name sounds alike",
            (r, o) => r.PostalCode.Length == 0 || r.FamilyPhonetic.Length == 0 ? 0 : Hash(o, r.PostalCode, r.FamilyPhonetic)),
        // One keying error in an identifier leaves at least one of its thirds untouched, so one of these keys
        // (the id without its first, middle or last third) still agrees; each is long enough to keep blocks small.
        new("national_id_without_first_third", "Same national id apart from its first third",
            (r, o) => r.NationalId.Length < 6 ? 0 : WithoutThird(o, r.NationalId, 0)),
        new("national_id_without_middle_third", "Same national id apart from its middle third",
            (r, o) => r.NationalId.Length < 6 ? 0 : WithoutThird(o, r.NationalId, 1)),
        new("national_id_without_last_third", "Same national id apart from its last third",
            (r, o) => r.NationalId.Length < 6 ? 0 : WithoutThird(o, r.NationalId, 2)),
        new("given_phonetic+family_initial+birth_year", "Given name sounds alike, same family-name initial and birth year",
            (r, o) => r.GivenPhonetic.Length == 0 || r.FamilyName.Length == 0 || r.BirthYear == 0 ? 0
                : Hash(o, r.GivenPhonetic, (uint)r.FamilyName[0] << 16 | (uint)r.BirthYear)),
        new("family_phonetic", "Family name sounds alike (small blocks only)",
            (r, o) => r.FamilyPhonetic.Length == 0 ? 0 : Hash(o, r.FamilyPhonetic), BroadRuleMaxBlockSize),
        new("given_phonetic", "Given name sounds alike (small blocks only)",
            (r, o) => r.GivenPhonetic.Length == 0 ? 0 : Hash(o, r.GivenPhonetic), BroadRuleMaxBlockSize),
        new("postal_code+given_phonetic", "Same postal code, given name sounds alike",
            (r, o) => r.PostalCode.Length == 0 || r.GivenPhonetic.Length == 0 ? 0 : Hash(o, r.PostalCode, r.GivenPhonetic)),
        new("address_line+birth_year", "Same address line, same birth year",
            (r, o) => r.AddressLine.Length == 0 || r.BirthYear == 0 ? 0 : Hash(o, r.AddressLine, (uint)r.BirthYear)),
        new("birth_date_small_blocks", "Same date of birth, where few records share it",
            (r, o) => r.BirthDigits.Length == 0 ? 0 : Hash(o, r.BirthDigits), BirthDateMaxBlockSize, comparisons: ["birth_date"]),
        new("birth_date+given_initial", "Same date of birth and given-name initial",
            (r, o) => r.BirthDigits.Length == 0 || r.GivenName.Length == 0 ? 0 : Hash(o, r.BirthDigits, r.GivenName[0])),
        new("birth_date+family_initial", "Same date of birth and family-name initial",
            (r, o) => r.BirthDigits.Length == 0 || r.FamilyName.Length == 0 ? 0 : Hash(o, r.BirthDigits, r.FamilyName[0])),
    ];

    /// <summary>
    /// The rules EM trains over, one round each (Splink's way): pairs that share a date of birth teach the m of the
    /// names, the location and the identifiers; pairs whose names sound alike teach the m of the date of birth.
    /// Training over every blocked pair at once would let EM mistake households (same family name, address and
    /// phone) for the match class.
    /// </summary>
    public static ImmutableArray<string> TrainingNames { get; } = ["birth_date", "names_phonetic"];

    /// <summary>
    /// The default rule set: every rule above but the unbounded date of birth, which EM trains over (and models made
    /// before it was split keep); deduplication and the service block on its small blocks and on the date with an
    /// initial instead.
    /// </summary>
    public static ImmutableArray<string> DefaultNames { get; } = [.. All.Select(r => r.Name).Where(n => n != "birth_date")];

    public static BlockingRule Get(string name) =>
        All.FirstOrDefault(r => r.Name == name)
        ?? throw new InvalidDataException($"unknown blocking rule '{name}'; known: {string.Join(", ", All.Select(r => r.Name))}");

    private static ulong WithoutThird(int ordinal, string id, int third)
    {
        var size = id.Length / 3;
        var start = third * size;
        var end = third == 2 ? id.Length : start + size;
        var h = BlockingKeyHash.For(ordinal);
        h.Add(id.AsSpan(0, start));
        h.Add(id.AsSpan(end));
        return h.Value;
    }

    private static ulong Hash(int ordinal, ReadOnlySpan<char> part)
    {
        var h = BlockingKeyHash.For(ordinal);
        h.Add(part);
        return h.Value;
    }

    private static ulong Hash(int ordinal, string part, uint number)
    {
        var h = BlockingKeyHash.For(ordinal);
        h.Add(part);
        h.Add(number);
        return h.Value;
    }

    private static ulong Hash(int ordinal, string first, string second)
    {
        var h = BlockingKeyHash.For(ordinal);
        h.Add(first);
        h.Add(second);
        return h.Value;
    }
}
