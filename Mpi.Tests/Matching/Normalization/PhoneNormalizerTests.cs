using Mpi.Matching.Normalization;

namespace Mpi.Tests.Matching.Normalization;

public class PhoneNormalizerTests
{
    [Fact]
    public void Normalize_Digits_Accepted()
    {
        Assert.Equal(Receipt.Accepted("0412345678"), PhoneNormalizer.Normalize("0412345678"));
    }

    [Theory]
    [InlineData("0412 345 678", "0412345678")]
    [InlineData("(02) 9876-5432", "0298765432")]
    [InlineData("+61 412 345 678", "61412345678")]
    [InlineData("0061 412 345 678", "0061412345678")]
    [InlineData("+1 (555) 123-4567", "15551234567")]
    [InlineData("02.9876.5432", "0298765432")]
    [InlineData("Ph: 02 9876 5432", "0298765432")]
    [InlineData("02 9876 5432 ext 12", "0298765432")]
    [InlineData("02 9876 5432 x12", "0298765432")]
    [InlineData("٠٤١٢٣٤٥٦٧٨", "0412345678")]
    public void Normalize_Formatted_DigitsOnly(string raw, string expected)
    {
        Assert.Equal(Receipt.Normalized(expected), PhoneNormalizer.Normalize(raw));
    }

    [Theory]
    [InlineData("0000000000")]
    [InlineData("9999999999")]
    [InlineData("1234567890")]
    [InlineData("123456")]
    [InlineData("000-000-0000")]
    [InlineData("(555) 555-5555")]
    [InlineData("9876543210")]
    public void Normalize_Placeholder_SetAside(string raw)
    {
        Assert.Equal(Receipt.SetAside("placeholder phone"), PhoneNormalizer.Normalize(raw));
    }

    [Theory]
    [InlineData("12345", "fewer than 6 digits")]
    [InlineData("1800 FLOWERS", "fewer than 6 digits")]
    [InlineData("none", "no digits")]
    [InlineData("123456789012345678901", "longer than 20 digits")]
    public void Normalize_WrongLength_SetAside(string raw, string reason)
    {
        Assert.Equal(Receipt.SetAside(reason), PhoneNormalizer.Normalize(raw));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Normalize_Blank_Missing(string? raw)
    {
        Assert.Equal(Receipt.Missing, PhoneNormalizer.Normalize(raw));
    }
}
