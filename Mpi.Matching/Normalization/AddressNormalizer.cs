using System.Collections.Frozen;

namespace Mpi.Matching.Normalization;

/// <summary>Normalises address lines, city and state.</summary>
/// <remarks>
/// <para>Address lines are cleaned by <see cref="TextCleaner"/> (so <c>#</c>, commas and slashes become spaces:
/// <c>Unit 4/12 Smith St.</c> → <c>UNIT 4 12 SMITH ST</c>), then each word found in <see cref="Abbreviations"/> is
/// replaced by its standard abbreviation: street types (STREET → ST, ROAD → RD, AVENUE → AVE …), unit and floor
/// words (APARTMENT → APT, SUITE → STE …) and directionals (NORTH → N …). SAINT also becomes ST, so ST stands for
/// both; the comparison only needs both sides to say it the same way. <c>P O BOX</c>, <c>POBOX</c> and
/// <c>POST OFFICE BOX</c> become <c>PO BOX</c>. Numbers and unit letters are kept.</para>
/// <para>Set aside: no letters or digits; longer than the bound (<see cref="MaxLineLength"/>,
/// <see cref="MaxCityLength"/>, <see cref="MaxStateLength"/>); placeholders (<see cref="Placeholders.Addresses"/>:
/// UNKNOWN, NONE, NO FIXED ABODE …).</para>
/// </remarks>
public static class AddressNormalizer
{
    /// <summary>Longer address lines are set aside.</summary>
    public const int MaxLineLength = 200;

    /// <summary>Longer city names are set aside.</summary>
    public const int MaxCityLength = 100;

    /// <summary>Longer state names are set aside.</summary>
    public const int MaxStateLength = 50;

    /// <summary>Word → abbreviation for address lines. Every abbreviation maps to itself (it is not a key).</summary>
    public static FrozenDictionary<string, string> Abbreviations { get; } = new Dictionary<string, string>
    {
        // Street types.
        ["STREET"] = "ST", ["STR"] = "ST", ["SAINT"] = "ST",
        ["ROAD"] = "RD",
        ["AVENUE"] = "AVE", ["AV"] = "AVE",
        ["DRIVE"] = "DR", ["DRV"] = "DR",
        ["PLACE"] = "PL",
        ["COURT"] = "CT", ["CRT"] = "CT",
        ["CRESCENT"] = "CRES", ["CRESC"] = "CRES",
        ["BOULEVARD"] = "BLVD", ["BOULEVARDE"] = "BLVD", ["BVD"] = "BLVD",
        ["LANE"] = "LN",
        ["TERRACE"] = "TCE", ["TER"] = "TCE",
        ["CIRCUIT"] = "CCT",
        ["PARADE"] = "PDE",
        ["HIGHWAY"] = "HWY",
        ["CLOSE"] = "CL",
        ["SQUARE"] = "SQ",
        ["PARKWAY"] = "PKWY", ["PWY"] = "PKWY",
        ["GROVE"] = "GR", ["GRV"] = "GR",
        ["CIRCLE"] = "CIR",
        ["ESPLANADE"] = "ESP",
        ["PLAZA"] = "PLZ",
        ["TRAIL"] = "TRL",
        ["FREEWAY"] = "FWY",
        ["EXPRESSWAY"] = "EXPY",
        ["MOTORWAY"] = "MWY",
        ["GARDENS"] = "GDNS",
        ["HEIGHTS"] = "HTS",
        ["MOUNT"] = "MT",

        // Units and floors.
        ["APARTMENT"] = "APT", ["APPT"] = "APT",
        ["SUITE"] = "STE",
        ["LEVEL"] = "LVL",
        ["FLOOR"] = "FL",
        ["BUILDING"] = "BLDG",
        ["ROOM"] = "RM",

        // Directionals.
        ["NORTH"] = "N", ["SOUTH"] = "S", ["EAST"] = "E", ["WEST"] = "W",
        ["NORTHEAST"] = "NE", ["NORTHWEST"] = "NW", ["SOUTHEAST"] = "SE", ["SOUTHWEST"] = "SW",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Word → abbreviation for city names: SAINT → ST, MOUNT → MT, FORT → FT.</summary>
    public static FrozenDictionary<string, string> CityAbbreviations { get; } = new Dictionary<string, string>
    {
        ["SAINT"] = "ST", ["MOUNT"] = "MT", ["FORT"] = "FT",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Normalises an address line (line 1 or line 2).</summary>
    public static FieldResult Line(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return FieldResult.Missing;
        }

        var cleaned = TextCleaner.Clean(raw);
        if (!Rewrites(cleaned, Abbreviations) && !HasWord(cleaned, "BOX") && !HasWord(cleaned, "POBOX")) return Finish(raw, cleaned, MaxLineLength);
        var words = new List<string>(cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        JoinPostOfficeBox(words);
        return Finish(raw, Abbreviate(words, Abbreviations), MaxLineLength);
    }

    /// <summary>Normalises a city, suburb or town name.</summary>
    public static FieldResult City(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return FieldResult.Missing;
        }

        var cleaned = TextCleaner.Clean(raw);
        if (!Rewrites(cleaned, CityAbbreviations)) return Finish(raw, cleaned, MaxCityLength);
        return Finish(raw, Abbreviate(cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries), CityAbbreviations), MaxCityLength);
    }

    /// <summary>Normalises a state or province (cleaned and upper-cased; names are not turned into codes).</summary>
    public static FieldResult State(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return FieldResult.Missing;
        }

        return Finish(raw, TextCleaner.Clean(raw), MaxStateLength);
    }

    private static FieldResult Finish(string raw, string normalized, int maxLength)
    {
        var result = TextCleaner.Bounded(raw, normalized, maxLength);
        return result.HasValue && Placeholders.IsPlaceholderAddress(normalized)
            ? FieldResult.SetAside("placeholder address")
            : result;
    }

    /// <summary>
    /// Whether any word of a cleaned value has an abbreviation other than itself: most values have none, and are
    /// kept as they are without splitting them into words.
    /// </summary>
    private static bool Rewrites(string cleaned, FrozenDictionary<string, string> abbreviations)
    {
        var lookup = abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in cleaned.AsSpan().Split(' '))
        {
            var word = cleaned.AsSpan(range);
            if (lookup.TryGetValue(word, out var abbreviation) && !word.SequenceEqual(abbreviation)) return true;
        }
        return false;
    }

    private static bool HasWord(string cleaned, string word)
    {
        foreach (var range in cleaned.AsSpan().Split(' '))
            if (cleaned.AsSpan(range).SequenceEqual(word)) return true;
        return false;
    }

    private static string Abbreviate(IEnumerable<string> words, FrozenDictionary<string, string> abbreviations) =>
        string.Join(' ', words.Select(word => abbreviations.GetValueOrDefault(word, word)));

    /// <summary>P O BOX, POBOX and POST OFFICE BOX → PO BOX.</summary>
    private static void JoinPostOfficeBox(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == "POBOX")
            {
                words[i] = "BOX";
                words.Insert(i, "PO");
            }
            else if (i + 2 < words.Count && words[i + 2] == "BOX"
                && ((words[i] == "P" && words[i + 1] == "O") || (words[i] == "POST" && words[i + 1] == "OFFICE")))
            {
                words[i] = "PO";
                words.RemoveAt(i + 1);
            }
        }
    }
}
