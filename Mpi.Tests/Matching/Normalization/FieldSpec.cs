using System.Buffers;
using System.Globalization;
using System.Text;
using Mpi.Matching.Normalization;

namespace Mpi.Tests.Matching.Normalization;

/// <summary>One normaliser as the property tests see it: what it does, its length bound and its output alphabet.</summary>
internal sealed record FieldSpec(string Name, Func<string?, FieldResult> Normalize, int MaxLength, Func<string, bool> IsAllowed)
{
    public static readonly DateOnly Today = new(2025, 6, 15);

    public static IReadOnlyList<FieldSpec> All { get; } =
    [
        new("TextCleaner", raw => TextCleaner.Normalize(raw, 100), 100, v => IsCleanText(v, spaces: true)),
        new("Given", NameNormalizer.Given, NameNormalizer.MaxLength, v => IsLettersOnly(v, spaces: true)),
        new("Middle", NameNormalizer.Middle, NameNormalizer.MaxLength, v => IsLettersOnly(v, spaces: true)),
        new("Family", NameNormalizer.Family, NameNormalizer.MaxLength, v => IsLettersOnly(v, spaces: false)),
        new("Suffix", SuffixNormalizer.Normalize, 3, SuffixNormalizer.All.Contains),
        new("BirthDate", raw => BirthDateNormalizer.Normalize(raw, Today), 10, IsPlausibleBirthDate),
        new("Sex", SexCodeNormalizer.Normalize, 1, v => v is "M" or "F" or "O" or "U" or "A" or "N"),
        new("Phone", PhoneNormalizer.Normalize, PhoneNormalizer.MaxDigits, IsPhone),
        new("PostalCode", PostalCodeNormalizer.Normalize, PostalCodeNormalizer.MaxLength,
            v => v.Length >= PostalCodeNormalizer.MinLength && IsCleanText(v, spaces: false)),
        new("AddressLine", AddressNormalizer.Line, AddressNormalizer.MaxLineLength, v => IsCleanText(v, spaces: true)),
        new("City", AddressNormalizer.City, AddressNormalizer.MaxCityLength, v => IsCleanText(v, spaces: true)),
        new("State", AddressNormalizer.State, AddressNormalizer.MaxStateLength, v => IsCleanText(v, spaces: true)),
        new("Email", EmailNormalizer.Normalize, EmailNormalizer.MaxLength, IsEmail),
        new("NationalId", IdentifierNormalizer.NationalId, IdentifierNormalizer.MaxNationalIdLength,
            v => v.Length >= IdentifierNormalizer.MinNationalIdLength && IsCleanText(v, spaces: false)),
        new("LocalId", IdentifierNormalizer.LocalId, IdentifierNormalizer.MaxLocalIdLength, IsLocalId),
    ];

    public static TheoryData<string> Names => new(All.Select(spec => spec.Name));

    public static FieldSpec Named(string name) => All.Single(spec => spec.Name == name);

    public override string ToString() => Name;

    /// <summary>Upper-case letters, ASCII digits and (optionally) single inner spaces, all valid UTF-16.</summary>
    public static bool IsCleanText(string value, bool spaces) =>
        IsValidUtf16(value)
        && value == value.ToUpperInvariant()
        && value.Trim() == value
        && !value.Contains("  ", StringComparison.Ordinal)
        && value.EnumerateRunes().All(rune =>
            Rune.IsLetter(rune) || (rune.IsAscii && Rune.IsDigit(rune)) || (spaces && rune.Value == ' '));

    private static bool IsLettersOnly(string value, bool spaces) =>
        IsCleanText(value, spaces) && !value.Any(char.IsAsciiDigit);

    private static bool IsPlausibleBirthDate(string value) =>
        BirthDate.TryParseNormalized(value, out var date)
        && date.ToString() == value
        && date.Year >= BirthDateNormalizer.EarliestYear
        && date.CompareTo(new BirthDate(Today.Year, Today.Month, Today.Day)) <= 0
        && !Placeholders.IsPlaceholderBirthDate(date);

    private static bool IsPhone(string value) =>
        value.Length >= PhoneNormalizer.MinDigits && value.All(char.IsAsciiDigit) && !Placeholders.IsPlaceholderPhone(value);

    private static bool IsEmail(string value) =>
        IsValidUtf16(value)
        && value == value.ToLowerInvariant()
        && value.Count(c => c == '@') == 1
        && value.EnumerateRunes().All(rune => !Rune.IsWhiteSpace(rune) && !Rune.IsControl(rune)
            && Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format)
        && !Placeholders.IsPlaceholderEmail(value);

    private static bool IsLocalId(string value) =>
        IsValidUtf16(value) && value.Trim() == value && value.Length > 0 && !value.Any(char.IsControl);

    private static bool IsValidUtf16(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(text, out _, out var consumed) != OperationStatus.Done)
            {
                return false;
            }

            text = text[consumed..];
        }

        return true;
    }
}
