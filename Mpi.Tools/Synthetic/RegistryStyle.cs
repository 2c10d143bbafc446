using System.Globalization;
using System.Text;

namespace Mpi.Tools.Synthetic;

/// <summary>How one registry writes values: its date, phone, case, sex and street-type conventions.</summary>
internal readonly record struct RegistryStyle(
    RegistryStyle.DateStyle Date, RegistryStyle.PhoneStyle Phone, RegistryStyle.NameCase Case, bool SexAsWord, bool AbbreviateStreetType)
{
    public enum DateStyle { Iso, Compact, MonthDayYear, DayMonthYearDotted }

    public enum PhoneStyle { Digits, Spaced, Dashed, AreaInParentheses }

    public enum NameCase { Upper, Title, Lower }

    private static readonly Dictionary<string, string> StreetTypeAbbreviations = new(StringComparer.Ordinal)
    {
        ["street"] = "st", ["road"] = "rd", ["avenue"] = "ave", ["place"] = "pl", ["court"] = "ct",
        ["crescent"] = "cres", ["drive"] = "dr", ["close"] = "cl", ["parade"] = "pde", ["terrace"] = "tce",
        ["lane"] = "ln", ["highway"] = "hwy", ["circuit"] = "cct", ["grove"] = "gr", ["boulevard"] = "blvd",
    };

    /// <summary>The house styles of the first five registries; any further registry repeats them in turn.</summary>
    private static readonly RegistryStyle[] HouseStyles =
    [
        new(DateStyle.Iso, PhoneStyle.Spaced, NameCase.Upper, SexAsWord: false, AbbreviateStreetType: false),
        new(DateStyle.Compact, PhoneStyle.Dashed, NameCase.Title, SexAsWord: false, AbbreviateStreetType: true),
        new(DateStyle.MonthDayYear, PhoneStyle.AreaInParentheses, NameCase.Upper, SexAsWord: false, AbbreviateStreetType: false),
        new(DateStyle.Iso, PhoneStyle.Digits, NameCase.Title, SexAsWord: true, AbbreviateStreetType: true),
        new(DateStyle.DayMonthYearDotted, PhoneStyle.Spaced, NameCase.Lower, SexAsWord: true, AbbreviateStreetType: true),
    ];

    /// <summary>The house style of the registry at <paramref name="index"/>: registries differ from one another.</summary>
    public static RegistryStyle ForRegistry(int index) => HouseStyles[index % HouseStyles.Length];

    public static RegistryStyle Random(Random random) => new(
        (DateStyle)random.Next(4),
        (PhoneStyle)random.Next(4),
        (NameCase)random.Next(3),
        random.Next(4) == 0,
        random.Next(2) == 0);

    public string FormatDate(DateOnly date) => Date switch
    {
        DateStyle.Compact => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        DateStyle.MonthDayYear => date.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture),
        DateStyle.DayMonthYearDotted => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        _ => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <param name="digits">Ten digits, area or mobile prefix first.</param>
    public string FormatPhone(string digits) => Phone switch
    {
        PhoneStyle.Spaced when digits.StartsWith("04", StringComparison.Ordinal) => $"{digits[..4]} {digits[4..7]} {digits[7..]}",
        PhoneStyle.Spaced => $"{digits[..2]} {digits[2..6]} {digits[6..]}",
        PhoneStyle.Dashed => $"{digits[..2]}-{digits[2..6]}-{digits[6..]}",
        PhoneStyle.AreaInParentheses => $"({digits[..2]}) {digits[2..6]} {digits[6..]}",
        _ => digits,
    };

    public string FormatSex(string sex) => SexAsWord ? (sex == "M" ? "Male" : "Female") : sex;

    public string FormatText(string value) => Case switch
    {
        NameCase.Upper => value.ToUpperInvariant(),
        NameCase.Lower => value.ToLowerInvariant(),
        _ => TitleCase(value),
    };

    public string FormatStreet(string street)
    {
        if (!AbbreviateStreetType)
        {
            return street;
        }

        var lastSpace = street.LastIndexOf(' ');
        return lastSpace > 0 && StreetTypeAbbreviations.TryGetValue(street[(lastSpace + 1)..], out var abbreviation)
            ? string.Concat(street.AsSpan(0, lastSpace + 1), abbreviation)
            : street;
    }

    /// <summary>Capitals after the start, a space, a hyphen or an apostrophe: o'brien-smith → O'Brien-Smith.</summary>
    private static string TitleCase(string value)
    {
        var result = new StringBuilder(value.Length);
        var capitalise = true;
        foreach (var c in value)
        {
            result.Append(capitalise ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            capitalise = c is ' ' or '-' or '\'';
        }

        return result.ToString();
    }
}
