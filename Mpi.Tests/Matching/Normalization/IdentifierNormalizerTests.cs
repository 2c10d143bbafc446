using Mpi.Matching.Normalization;

namespace Mpi.Tests.Matching.Normalization;

public class IdentifierNormalizerTests
{
    [Theory]
    [InlineData("401023456")]
    [InlineData("AB123456C")]
    public void NationalId_Normal_Accepted(string raw)
    {
        Assert.Equal(Receipt.Accepted(raw), IdentifierNormalizer.NationalId(raw));
    }

    [Theory]
    [InlineData("401-02-3456", "401023456")]
    [InlineData("401 02 3456", "401023456")]
    [InlineData("401.02.3456", "401023456")]
    [InlineData(" 401023456 ", "401023456")]
    [InlineData("ab 12 34 56 c", "AB123456C")]
    [InlineData("756.1234.5678.97", "7561234567897")]
    public void NationalId_Formatted_Compact(string raw, string expected)
    {
        Assert.Equal(Receipt.Normalized(expected), IdentifierNormalizer.NationalId(raw));
    }

    [Theory]
    [InlineData("000000000")]
    [InlineData("999999999")]
    [InlineData("123456789")]
    [InlineData("111111111")]
    [InlineData("987654321")]
    [InlineData("000-00-0000")]
    [InlineData("123-45-6789")]
    [InlineData("XXX-XX-XXXX")]
    [InlineData("0123456789")]
    [InlineData("1234")]
    [InlineData("unknown")]
    [InlineData("N/A")]
    [InlineData("078-05-1120")]
    public void NationalId_Placeholder_SetAside(string raw)
    {
        Assert.Equal(Receipt.SetAside("placeholder identifier"), IdentifierNormalizer.NationalId(raw));
    }

    [Theory]
    [InlineData("123", "shorter than 4 characters")]
    [InlineData("1-2", "shorter than 4 characters")]
    [InlineData("---", "no letters or digits")]
    [InlineData("123456789012345678901234567890123", "longer than 32 characters")]
    public void NationalId_WrongLength_SetAside(string raw, string reason)
    {
        Assert.Equal(Receipt.SetAside(reason), IdentifierNormalizer.NationalId(raw));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void NationalId_Blank_Missing(string? raw)
    {
        Assert.Equal(Receipt.Missing, IdentifierNormalizer.NationalId(raw));
    }

    [Theory]
    [InlineData("MRN-0012")]
    [InlineData("a b")]
    [InlineData("1")]
    [InlineData("000000")]
    public void LocalId_AsSent_Accepted(string raw)
    {
        Assert.Equal(Receipt.Accepted(raw), IdentifierNormalizer.LocalId(raw));
    }

    [Theory]
    [InlineData("  MRN-0012 ", "MRN-0012")]
    [InlineData("\tmrn-0012\n", "mrn-0012")]
    public void LocalId_SurroundingWhitespace_Trimmed(string raw, string expected)
    {
        Assert.Equal(Receipt.Normalized(expected), IdentifierNormalizer.LocalId(raw));
    }

    [Fact]
    public void LocalId_ControlCharacter_SetAside()
    {
        Assert.Equal(Receipt.SetAside("invalid characters: a control character or a broken Unicode sequence"), IdentifierNormalizer.LocalId("MRN\u00000012"));
    }

    [Fact]
    public void LocalId_LoneSurrogate_SetAside()
    {
        Assert.Equal(Receipt.SetAside("invalid characters: a control character or a broken Unicode sequence"), IdentifierNormalizer.LocalId("MRN" + '\uDC00'));
    }

    [Fact]
    public void LocalId_SurrogatePair_Accepted()
    {
        Assert.Equal(Receipt.Accepted("MRN\U0001F600"), IdentifierNormalizer.LocalId("MRN\U0001F600"));
    }

    [Fact]
    public void LocalId_LongerThan100_SetAside()
    {
        Assert.Equal(Receipt.SetAside("longer than 100 characters"), IdentifierNormalizer.LocalId(new string('7', 101)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void LocalId_Blank_Missing(string? raw)
    {
        Assert.Equal(Receipt.Missing, IdentifierNormalizer.LocalId(raw));
    }
}
