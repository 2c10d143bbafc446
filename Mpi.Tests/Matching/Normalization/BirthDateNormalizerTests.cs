using Mpi.Matching.Normalization;

namespace Mpi.Tests.Matching.Normalization;

public class BirthDateNormalizerTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);

    [Theory]
    [InlineData("1985-03-04")]
    [InlineData("2025-06-15")]
    [InlineData("1870-01-01")]
    public void Normalize_IsoDate_Accepted(string raw)
    {
        Assert.Equal(Receipt.Accepted(raw), BirthDateNormalizer.Normalize(raw, Today));
    }

    [Theory]
    [InlineData("19850304", "1985-03-04")]
    [InlineData("198503041230", "1985-03-04")]
    [InlineData("19850304123000", "1985-03-04")]
    [InlineData("03/04/1985", "1985-03-04")]
    [InlineData("3/4/1985", "1985-03-04")]
    [InlineData("03-04-1985", "1985-03-04")]
    [InlineData("12/31/1985", "1985-12-31")]
    [InlineData("25/03/1985", "1985-03-25")]
    [InlineData("13/12/1985", "1985-12-13")]
    [InlineData("04.03.1985", "1985-03-04")]
    [InlineData("4.3.1985", "1985-03-04")]
    [InlineData("1985/03/04", "1985-03-04")]
    [InlineData("1985.03.04", "1985-03-04")]
    [InlineData("1985-3-4", "1985-03-04")]
    [InlineData("1985-03-04T00:00:00", "1985-03-04")]
    [InlineData("1985-03-04T00:00:00Z", "1985-03-04")]
    [InlineData("1985-03-04T10:30:00.000+10:00", "1985-03-04")]
    [InlineData("1985-03-04 00:00:00", "1985-03-04")]
    [InlineData("3/4/1985 12:00:00 AM", "1985-03-04")]
    [InlineData("  1985-03-04  ", "1985-03-04")]
    public void Normalize_OtherFormats_Iso(string raw, string expected)
    {
        Assert.Equal(Receipt.Normalized(expected), BirthDateNormalizer.Normalize(raw, Today));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Normalize_Blank_Missing(string? raw)
    {
        Assert.Equal(Receipt.Missing, BirthDateNormalizer.Normalize(raw, Today));
    }

    [Theory]
    [InlineData("1985-02-30", "impossible date 1985-02-30")]
    [InlineData("1985-13-01", "impossible date 1985-13-01")]
    [InlineData("13/13/1985", "impossible date 1985-13-13")]
    [InlineData("31.04.1985", "impossible date 1985-04-31")]
    [InlineData("1985-00-10", "impossible date 1985-00-10")]
    [InlineData("19850230", "impossible date 1985-02-30")]
    [InlineData("1900-02-29", "impossible date 1900-02-29")]
    [InlineData("0000-01-01", "impossible date 0000-01-01")]
    public void Normalize_ImpossibleDate_SetAside(string raw, string reason)
    {
        Assert.Equal(Receipt.SetAside(reason), BirthDateNormalizer.Normalize(raw, Today));
    }

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("01/01/1900")]
    [InlineData("1800-01-01")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("1899-12-30")]
    [InlineData("1899-12-31")]
    public void Normalize_PlaceholderDate_SetAside(string raw)
    {
        var result = BirthDateNormalizer.Normalize(raw, Today);

        Assert.Equal(FieldOutcome.SetAside, result.Outcome);
        Assert.StartsWith("placeholder date ", result.Reason);
    }

    [Theory]
    [InlineData("2025-06-16", "date in the future 2025-06-16")]
    [InlineData("2030-01-01", "date in the future 2030-01-01")]
    public void Normalize_AfterToday_SetAside(string raw, string reason)
    {
        Assert.Equal(Receipt.SetAside(reason), BirthDateNormalizer.Normalize(raw, Today));
    }

    [Theory]
    [InlineData("1869-12-31", "date before 1870 1869-12-31")]
    [InlineData("1066-10-14", "date before 1870 1066-10-14")]
    public void Normalize_Before1870_SetAside(string raw, string reason)
    {
        Assert.Equal(Receipt.SetAside(reason), BirthDateNormalizer.Normalize(raw, Today));
    }

    [Theory]
    [InlineData("85-03-04")]
    [InlineData("03/04/85")]
    [InlineData("4 March 1985")]
    [InlineData("1985")]
    [InlineData("1985-03")]
    [InlineData("1985-03-04-05")]
    [InlineData("1985-03/04")]
    [InlineData("1985_03_04")]
    [InlineData("1985-03-04X")]
    [InlineData("1985-03-04T")]
    [InlineData("1985-03-04Tnoon")]
    [InlineData("198503041")]
    [InlineData("1985-003-04")]
    [InlineData("-1985-03-04")]
    [InlineData("１９８５-03-04")]
    [InlineData("unknown")]
    public void Normalize_UnrecognisedFormat_SetAsideQuotingInput(string raw)
    {
        var expected = Receipt.SetAside($"unrecognised date format '{raw}'");

        Assert.Equal(expected, BirthDateNormalizer.Normalize(raw, Today));
    }

    [Fact]
    public void Normalize_VeryLongInput_SetAsideWithShortReason()
    {
        var result = BirthDateNormalizer.Normalize(new string('1', 10_000), Today);

        Assert.Equal(FieldOutcome.SetAside, result.Outcome);
        Assert.True(result.Reason!.Length < 60);
    }
}
