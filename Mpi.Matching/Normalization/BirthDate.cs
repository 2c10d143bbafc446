using System.Globalization;

namespace Mpi.Matching.Normalization;

/// <summary>
/// A calendar date of birth, as parsed from the normalised <c>yyyy-MM-dd</c> form that
/// <see cref="BirthDateNormalizer"/> produces. Comparisons (exact, day/month transposed, same year) work on its parts.
/// </summary>
/// <param name="Year">The year, 1–9999.</param>
/// <param name="Month">The month, 1–12.</param>
/// <param name="Day">The day of the month, 1–31.</param>
public readonly record struct BirthDate(int Year, int Month, int Day) : IComparable<BirthDate>
{
    /// <summary>Whether the parts name a real day of the proleptic Gregorian calendar in years 1–9999.</summary>
    public bool IsValid => IsValidDate(Year, Month, Day);

    /// <summary>The normalised form, <c>yyyy-MM-dd</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}");

    /// <summary>Orders by year, then month, then day.</summary>
    public int CompareTo(BirthDate other)
    {
        var byYear = Year.CompareTo(other.Year);
        if (byYear != 0)
        {
            return byYear;
        }

        var byMonth = Month.CompareTo(other.Month);
        return byMonth != 0 ? byMonth : Day.CompareTo(other.Day);
    }

    /// <summary>
    /// Parses exactly the normalised form <c>yyyy-MM-dd</c> (ten ASCII characters) naming a valid date; anything else,
    /// including other formats that <see cref="BirthDateNormalizer"/> accepts, returns false.
    /// </summary>
    public static bool TryParseNormalized(string? text, out BirthDate date)
    {
        date = default;
        if (text is not { Length: 10 } || text[4] != '-' || text[7] != '-'
            || !TryDigits(text.AsSpan(0, 4), out var year)
            || !TryDigits(text.AsSpan(5, 2), out var month)
            || !TryDigits(text.AsSpan(8, 2), out var day)
            || !IsValidDate(year, month, day))
        {
            return false;
        }

        date = new BirthDate(year, month, day);
        return true;
    }

    /// <summary>Whether year, month and day name a real date (years 1–9999, Gregorian leap years).</summary>
    internal static bool IsValidDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    /// <summary>Reads a run of ASCII digits (no sign, no spaces) as a number.</summary>
    internal static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 9)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
