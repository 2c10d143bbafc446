using Mpi.Matching.Normalization;

namespace Mpi.Tests.Matching.Normalization;

public class PostalCodeNormalizerTests
{
    [Theory]
    [InlineData("2000")]
    [InlineData("12345")]
    [InlineData("SW1A1AA")]
    public void Normalize_Normal_Accepted(string raw)
    {
        Assert.Equal(Receipt.Accepted(raw), PostalCodeNormalizer.Normalize(raw));
    }

    [Theory]
    [InlineData("sw1a 1aa", "SW1A1AA")]
    [InlineData("SW1A 1AA", "SW1A1AA")]
    [InlineData("k1a 0b1", "K1A0B1")]
    [InlineData("1234 AB", "1234AB")]
    [InlineData("00-950", "00950")]
    [InlineData(" 2000 ", "2000")]
    [InlineData("12345-6789", "12345")]
    [InlineData("12345 6789", "12345")]
    [InlineData("123456789", "12345")]
    [InlineData("123 45 6789", "12345")]
    [InlineData("12345-678", "12345678")]
    public void Normalize_Formatted_Compact(string raw, string expected)
    {
        Assert.Equal(Receipt.Normalized(expected), PostalCodeNormalizer.Normalize(raw));
    }

    [Theory]
    [InlineData("00000")]
    [InlineData("99999")]
    [InlineData("00000-0000")]
    [InlineData("0000")]
    [InlineData("xxxxx")]
    [InlineData("ZZ99 3VZ")]
    [InlineData("N/A")]
    public void Normalize_Placeholder_SetAside(string raw)
    {
        Assert.Equal(Receipt.SetAside("placeholder postal code"), PostalCodeNormalizer.Normalize(raw));
    }

    [Theory]
    [InlineData("12", "shorter than 3 characters")]
    [InlineData("12345678901", "longer than 10 characters")]
    [InlineData("--", "no letters or digits")]
    public void Normalize_WrongLength_SetAside(string raw, string reason)
    {
        Assert.Equal(Receipt.SetAside(reason), PostalCodeNormalizer.Normalize(raw));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Normalize_Blank_Missing(string? raw)
    {
        Assert.Equal(Receipt.Missing, PostalCodeNormalizer.Normalize(raw));
    }
}
