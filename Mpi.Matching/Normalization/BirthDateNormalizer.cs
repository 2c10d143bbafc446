namespace Mpi.Matching.Normalization;

/// <summary>
/// Normalises a date of birth to <c>yyyy-MM-dd</c>, and sets aside dates that cannot be a living or recorded
/// patient's birth date.
/// </summary>
/// <remarks>
/// <para>Accepted formats (ASCII digits; surrounding whitespace ignored):</para>
/// <list type="bullet">
/// <item><c>YYYY-MM-DD</c>, <c>YYYY/MM/DD</c>, <c>YYYY.MM.DD</c> (month and day may have one digit);</item>
/// <item><c>YYYYMMDD</c>, and the HL7 timestamps <c>YYYYMMDDHHMM</c> and <c>YYYYMMDDHHMMSS</c> (time ignored);</item>
/// <item><c>MM/DD/YYYY</c> and <c>MM-DD-YYYY</c>, read the US way; when the first number is over 12 and the second is
/// 12 or less it is read as <c>DD/MM/YYYY</c> instead (<c>25/03/1985</c> → <c>1985-03-25</c>). An ambiguous
/// <c>03/04/1985</c> is 4 March.</item>
/// <item><c>DD.MM.YYYY</c> (the European dotted form);</item>
/// <item>any of these followed by a time after <c>T</c> or a space (<c>1985-03-04T00:00:00</c>,
/// <c>1985-03-04 00:00:00.000+10:00</c>, <c>3/4/1985 12:00:00 AM</c>); the time is ignored.</item>
/// </list>
/// <para>Two-digit years are not accepted (the century would be a guess). Set aside, with the reason:
/// unrecognised formats; impossible dates (<c>impossible date 1985-02-30</c>, month 13); placeholder dates
/// (<see cref="Placeholders.BirthDates"/>: 1900-01-01, 1800-01-01, 0001-01-01, 9999-12-31, 1899-12-30, 1899-12-31);
/// dates after <c>today</c>; dates before <see cref="EarliestYear"/>.</para>
/// </remarks>
public static class BirthDateNormalizer
{
    /// <summary>Dates before 1 January of this year are set aside.</summary>
    public const int EarliestYear = 1870;

    private const int MaxInputLength = 40;

    /// <summary>Normalises <paramref name="raw"/>; <paramref name="today"/> bounds it from above.</summary>
    public static FieldResult Normalize(string? raw, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return FieldResult.Missing;
        }

        var text = raw.AsSpan().Trim();
        if (text.Length > MaxInputLength || !TryReadParts(text, out var year, out var month, out var day))
        {
            return FieldResult.SetAside($"unrecognised date format {TextCleaner.Quote(raw)}");
        }

        var date = new BirthDate(year, month, day);
        if (!date.IsValid)
        {
            return FieldResult.SetAside($"impossible date {date}");
        }

        if (Placeholders.IsPlaceholderBirthDate(date))
        {
            return FieldResult.SetAside($"placeholder date {date}");
        }

        if (date.CompareTo(new BirthDate(today.Year, today.Month, today.Day)) > 0)
        {
            return FieldResult.SetAside($"date in the future {date}");
        }

        if (year < EarliestYear)
        {
            return FieldResult.SetAside($"date before {EarliestYear} {date}");
        }

        return FieldResult.Of(raw, date.ToString());
    }

    private static bool TryReadParts(ReadOnlySpan<char> text, out int year, out int month, out int day)
    {
        year = month = day = 0;
        var timeAt = text.IndexOfAny('T', ' ');
        var datePart = timeAt < 0 ? text : text[..timeAt];
        if (timeAt >= 0 && !IsTime(text[(timeAt + 1)..]))
        {
            return false;
        }

        if (datePart.Length is 8 or 12 or 14 && !datePart.ContainsAnyExceptInRange('0', '9'))
        {
            return timeAt < 0 || datePart.Length == 8
                ? ReadYearFirst(datePart[..4], datePart.Slice(4, 2), datePart.Slice(6, 2), out year, out month, out day)
                : false;
        }

        var separatorAt = datePart.IndexOfAnyExceptInRange('0', '9');
        if (separatorAt < 0)
        {
            return false;
        }

        var separator = datePart[separatorAt];
        if (separator is not ('-' or '/' or '.'))
        {
            return false;
        }

        Span<Range> fields = stackalloc Range[4];
        if (datePart.Split(fields, separator) != 3)
        {
            return false;
        }

        ReadOnlySpan<char> first = datePart[fields[0]], second = datePart[fields[1]], third = datePart[fields[2]];
        if (first.Length == 4)
        {
            return second.Length <= 2 && third.Length <= 2
                && ReadYearFirst(first, second, third, out year, out month, out day);
        }

        if (third.Length != 4 || first.Length > 2 || second.Length > 2
            || !BirthDate.TryDigits(first, out var a) || !BirthDate.TryDigits(second, out var b)
            || !BirthDate.TryDigits(third, out year))
        {
            return false;
        }

        var dayFirst = separator == '.' || (a > 12 && b <= 12);
        (day, month) = dayFirst ? (a, b) : (b, a);
        return true;
    }

    private static bool ReadYearFirst(
        ReadOnlySpan<char> y, ReadOnlySpan<char> m, ReadOnlySpan<char> d, out int year, out int month, out int day)
    {
        month = day = 0;
        return BirthDate.TryDigits(y, out year) && BirthDate.TryDigits(m, out month) && BirthDate.TryDigits(d, out day);
    }

    /// <summary>
    /// A time of day after the date, which is ignored: a digit first, then only digits, spaces, <c>: . + -</c>,
    /// the zone letter Z and AM/PM (<c>12:00:00 AM</c> as spreadsheet exports write it).
    /// </summary>
    private static bool IsTime(ReadOnlySpan<char> time) =>
        !time.IsEmpty && char.IsAsciiDigit(time[0]) && !time.ContainsAnyExcept("0123456789:.+- ZzAaPpMm");
}
