using Mpi.Matching.Normalization;

namespace Mpi.Tests.Matching.Normalization;

public class BirthDateTests
{
    [Theory]
    [InlineData(1985, 3, 4, "1985-03-04")]
    [InlineData(1, 1, 1, "0001-01-01")]
    [InlineData(2000, 12, 31, "2000-12-31")]
    public void ToString_Parts_IsoDate(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, new BirthDate(year, month, day).ToString());
    }

    [Theory]
    [InlineData("1985-03-04", 1985, 3, 4)]
    [InlineData("2000-02-29", 2000, 2, 29)]
    [InlineData("0001-01-01", 1, 1, 1)]
    public void TryParseNormalized_IsoDate_Parts(string text, int year, int month, int day)
    {
        Assert.True(BirthDate.TryParseNormalized(text, out var date));
        Assert.Equal(new BirthDate(year, month, day), date);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1985-3-4")]
    [InlineData("03/04/1985")]
    [InlineData("19850304")]
    [InlineData("1985-02-30")]
    [InlineData("1900-02-29")]
    [InlineData("1985-13-01")]
    [InlineData("0000-01-01")]
    [InlineData("1985-03-04 ")]
    [InlineData("+985-03-04")]
    [InlineData("１９８５-03-04")]
    public void TryParseNormalized_AnythingElse_False(string? text)
    {
        Assert.False(BirthDate.TryParseNormalized(text, out var date));
        Assert.Equal(default, date);
    }

    [Theory]
    [InlineData(1985, 2, 29, false)]
    [InlineData(1984, 2, 29, true)]
    [InlineData(1985, 4, 31, false)]
    [InlineData(1985, 0, 1, false)]
    [InlineData(1985, 1, 0, false)]
    [InlineData(0, 1, 1, false)]
    [InlineData(10000, 1, 1, false)]
    public void IsValid_Parts_RealCalendarDay(int year, int month, int day, bool expected)
    {
        Assert.Equal(expected, new BirthDate(year, month, day).IsValid);
    }

    [Fact]
    public void CompareTo_Dates_ChronologicalOrder()
    {
        var dates = new[] { new BirthDate(1985, 3, 4), new BirthDate(1984, 12, 31), new BirthDate(1985, 3, 1), new BirthDate(1985, 2, 28) };

        Array.Sort(dates);

        Assert.Equal(["1984-12-31", "1985-02-28", "1985-03-01", "1985-03-04"], dates.Select(d => d.ToString()));
    }
}
