using System.Collections.Frozen;

namespace Mpi.Matching.Normalization;

/// <summary>
/// The values that senders put in a field when they do not know the real one, in one place. A placeholder is set
/// aside (treated as missing): two strangers who are both "BABY BOY", born "1900-01-01", with national id
/// "999999999" must not agree on anything, and a deterministic rule must never fire on one.
/// </summary>
/// <remarks>
/// Name, address and identifier lists hold cleaned forms (see <see cref="TextCleaner"/>), so "N/A" appears as "N A".
/// Besides the lists, these patterns are placeholders:
/// <list type="bullet">
/// <item>names: one letter repeated three or more times (XXX, ZZZZ); a given or middle name whose first word is
/// BABY, INFANT or NEWBORN (BABY BOY, BABY OF SMITH, INFANT 2);</item>
/// <item>identifiers and phones: a short block repeated over the whole value (000000000, 999999999, 121212121,
/// 123123123: period of at most 3 characters, repeated at least three times), and an ascending or descending run of
/// digits, wrapping 9 → 0 (123456789, 987654321, 0123456789, 1234567890);</item>
/// <item>postal codes: one digit or letter repeated five or more times (00000, 99999, XXXXX), and the NHS
/// pseudo-postcodes starting ZZ99 (no fixed abode, not known);</item>
/// <item>e-mail: a placeholder local part (noemail@…, none@…, test@…) or a reserved or placeholder domain
/// (…@example.com, …@noemail.com, anything under .invalid, .example, .test or .localhost).</item>
/// </list>
/// </remarks>
public static class Placeholders
{
    /// <summary>
    /// Placeholder values for any name field (given, middle, family). A value matches when it equals an entry either
    /// as sent or with its spaces removed; run-together spellings (JOHNDOE, BABYBOY) are listed as entries of their own.
    /// </summary>
    public static FrozenSet<string> Names { get; } = Set(
        "UNKNOWN", "UNK", "UNKN", "NOT KNOWN", "NOTKNOWN", "NOT GIVEN", "NOT STATED", "NOT PROVIDED", "NONE", "N A",
        "NULL", "NIL", "NO NAME", "NONAME", "BABY", "BABY BOY", "BABYBOY", "BABY GIRL", "BABYGIRL", "INFANT",
        "NEWBORN", "TEST", "TEST PATIENT", "TESTPATIENT", "PATIENT", "DUMMY", "ANONYMOUS", "UNIDENTIFIED", "UNNAMED",
        "XX", "JOHN DOE", "JOHNDOE", "JANE DOE", "JANEDOE");

    /// <summary>
    /// Placeholder values for given and middle names only: first/middle name unknown, no middle name or initial,
    /// and NA (kept out of family names because Na is a real family name).
    /// </summary>
    public static FrozenSet<string> GivenNames { get; } = Set("NA", "FNU", "MNU", "NMN", "NMI");

    /// <summary>Placeholder values for family names only: DOE (the John/Jane Doe convention) and last name unknown.</summary>
    public static FrozenSet<string> FamilyNames { get; } = Set("DOE", "LNU");

    /// <summary>A given or middle name starting with one of these words names a newborn, not a person.</summary>
    public static FrozenSet<string> NewbornWords { get; } = Set("BABY", "INFANT", "NEWBORN");

    /// <summary>Placeholder address lines, cities and states.</summary>
    public static FrozenSet<string> Addresses { get; } = Set(
        "UNKNOWN", "UNK", "NOT KNOWN", "NOT GIVEN", "NOT STATED", "NONE", "NA", "N A", "NULL", "NIL", "TBA", "TBC",
        "TEST", "NO ADDRESS", "ADDRESS UNKNOWN", "UNKNOWN ADDRESS", "NO FIXED ABODE", "NFA", "HOMELESS", "XX");

    /// <summary>Placeholder national identifiers, besides the repeated and running digit patterns.</summary>
    public static FrozenSet<string> NationalIds { get; } = Set(
        "NONE", "NA", "NULL", "NIL", "UNKNOWN", "UNK", "PENDING", "REFUSED", "TEMP", "TBA", "TBC", "NOTKNOWN",
        "078051120", // the Woolworth wallet-card SSN, the most reused number in the US
        "219099999"); // the SSN printed in the Social Security Administration's own leaflet

    /// <summary>Placeholder postal codes, besides the repeated-character pattern and ZZ99.</summary>
    public static FrozenSet<string> PostalCodes { get; } = Set(
        "0000", "9999", "NA", "NONE", "UNKNOWN", "UNK", "NULL", "NFA");

    /// <summary>Placeholder local parts of an e-mail address (lower-case).</summary>
    public static FrozenSet<string> EmailLocalParts { get; } = Set(
        "noemail", "no.email", "no_email", "no-email", "nomail", "none", "no", "na", "n/a", "null", "nil", "unknown",
        "test", "noreply", "no-reply", "donotreply", "declined", "refused", "dummy", "fake", "x", "xx", "xxx");

    /// <summary>Placeholder e-mail domains (lower-case).</summary>
    public static FrozenSet<string> EmailDomains { get; } = Set(
        "example.com", "example.org", "example.net", "test.com", "none.com", "noemail.com", "nomail.com", "na.com",
        "unknown.com");

    /// <summary>Whole e-mail addresses that are placeholders although neither part is on its own.</summary>
    public static FrozenSet<string> EmailAddresses { get; } = Set(
        "a@a.com", "aa@aa.com", "aaa@aaa.com", "abc@abc.com", "asdf@asdf.com", "email@email.com", "mail@mail.com");

    /// <summary>Top-level domains reserved for testing and documentation (RFC 2606, RFC 6761).</summary>
    public static FrozenSet<string> ReservedTopLevelDomains { get; } = Set("invalid", "example", "test", "localhost");

    /// <summary>Placeholder birth dates: database and spreadsheet zero dates and end-of-time markers.</summary>
    public static FrozenSet<BirthDate> BirthDates { get; } = new BirthDate[]
    {
        new(1900, 1, 1), new(1800, 1, 1), new(1, 1, 1), new(9999, 12, 31), new(1899, 12, 30), new(1899, 12, 31),
    }.ToFrozenSet();

    /// <summary>Whether a normalised given or middle name (upper-case words separated by single spaces) is a placeholder.</summary>
    public static bool IsPlaceholderGivenName(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var firstWord = normalized.Split(' ')[0];
        return IsPlaceholderAnyName(normalized, GivenNames) || NewbornWords.Contains(firstWord);
    }

    /// <summary>Whether a normalised family name (with or without spaces between its words) is a placeholder.</summary>
    public static bool IsPlaceholderFamilyName(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return IsPlaceholderAnyName(normalized, FamilyNames);
    }

    /// <summary>Whether a normalised address line, city or state is a placeholder.</summary>
    public static bool IsPlaceholderAddress(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return Addresses.Contains(normalized) || IsRepeated(normalized.Replace(" ", string.Empty, StringComparison.Ordinal), minLength: 3);
    }

    /// <summary>Whether a normalised national identifier (upper-case letters and digits) is a placeholder.</summary>
    public static bool IsPlaceholderIdentifier(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return NationalIds.Contains(normalized) || IsRepeatedBlock(normalized) || IsDigitRun(normalized, minLength: 4);
    }

    /// <summary>Whether a phone number (digits only) is a placeholder.</summary>
    public static bool IsPlaceholderPhone(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        return IsRepeatedBlock(digits) || IsDigitRun(digits, minLength: 6);
    }

    /// <summary>Whether a normalised postal code (upper-case letters and digits) is a placeholder.</summary>
    public static bool IsPlaceholderPostalCode(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return PostalCodes.Contains(normalized)
            || IsRepeated(normalized, minLength: 5)
            || normalized.StartsWith("ZZ99", StringComparison.Ordinal);
    }

    /// <summary>Whether a lower-case e-mail address with one @ is a placeholder.</summary>
    public static bool IsPlaceholderEmail(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var at = normalized.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var domain = normalized[(at + 1)..];
        var topLevel = domain[(domain.LastIndexOf('.') + 1)..];
        return EmailAddresses.Contains(normalized)
            || EmailLocalParts.Contains(normalized[..at])
            || EmailDomains.Contains(domain)
            || ReservedTopLevelDomains.Contains(topLevel);
    }

    /// <summary>Whether a birth date is a placeholder.</summary>
    public static bool IsPlaceholderBirthDate(BirthDate date) => BirthDates.Contains(date);

    private static bool IsPlaceholderAnyName(string normalized, FrozenSet<string> fieldSpecific)
    {
        var compact = normalized.Replace(" ", string.Empty, StringComparison.Ordinal);
        return Names.Contains(normalized) || Names.Contains(compact)
            || fieldSpecific.Contains(normalized) || fieldSpecific.Contains(compact)
            || IsRepeated(compact, minLength: 3);
    }

    /// <summary>One character repeated, at least <paramref name="minLength"/> long.</summary>
    private static bool IsRepeated(string value, int minLength) =>
        value.Length >= minLength && value.AsSpan().IndexOfAnyExcept(value[0]) < 0;

    /// <summary>A block of one to three characters repeated at least three times over the whole value.</summary>
    private static bool IsRepeatedBlock(string value)
    {
        for (var period = 1; period <= 3; period++)
        {
            if (value.Length < 3 * period)
            {
                return false;
            }

            var periodic = true;
            for (var i = period; i < value.Length && periodic; i++)
            {
                periodic = value[i] == value[i - period];
            }

            if (periodic)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>All ASCII digits, each one more (or each one less) than the one before, wrapping 9 → 0.</summary>
    private static bool IsDigitRun(string value, int minLength)
    {
        if (value.Length < minLength || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        bool ascending = true, descending = true;
        for (var i = 1; i < value.Length; i++)
        {
            var step = (value[i] - value[i - 1] + 10) % 10;
            ascending &= step == 1;
            descending &= step == 9;
        }

        return ascending || descending;
    }

    private static FrozenSet<string> Set(params string[] values) => values.ToFrozenSet(StringComparer.Ordinal);
}
